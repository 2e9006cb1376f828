/* "Did you mean ...?": the known name nearest to a misspelt one.
 *
 * Nearness is the optimal-string-alignment edit distance (a restricted
 * Damerau-Levenshtein distance: inserting, deleting or replacing one
 * character, or swapping two adjacent ones, costs 1), with ASCII letters
 * compared without regard to case.  A name is suggested only when it is
 * close for its length, so that a short word is not "corrected" into an
 * unrelated one. */
#ifndef EDTCO_UTIL_SUGGEST_H
#define EDTCO_UTIL_SUGGEST_H

#include <stddef.h>

/* The edit distance between a and b (see above).  Strings longer than
 * SUGGEST_MAX_LEN bytes are never near anything: the result is then
 * SIZE_MAX. */
size_t suggest_distance(const char *a, const char *b);

#define SUGGEST_MAX_LEN 128

/* The largest distance at which two names of these lengths (in bytes) are
 * still taken for one another: (longer + 2) / 4, so 1 edit up to 5
 * characters, 2 from 6 to 9, 3 from 10 to 13, and so on.  A name of one
 * or two characters is never suggested for a different one-character
 * name. */
size_t suggest_threshold(size_t len_a, size_t len_b);

/* The candidate nearest to word within the threshold, or NULL when none is
 * near or when two differently spelt candidates are equally near (no
 * guess).  A candidate equal to word (case included) is skipped: word is
 * unknown for another reason.  cands holds n strings (NULL entries are
 * skipped); the result points into it. */
const char *suggest_nearest(const char *word, const char *const *cands,
			    size_t n);

#endif
