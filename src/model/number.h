/* The number grammar of input cells.
 *
 * Accepted: an optional sign, digits with optional comma thousands groups
 * ("1,250"), an optional decimal part and exponent.  Money cells may carry a
 * '$' ("$1,250.00", "-$40"); rate cells may end in '%' ("3%" is 0.03).
 * Rejected: empty cells, NaN, infinities, hex, anything left over. */
#ifndef EDTCO_MODEL_NUMBER_H
#define EDTCO_MODEL_NUMBER_H

#include <stdint.h>

enum num_kind {
	NUM_PLAIN,   /* a number */
	NUM_MONEY,   /* a number, '$' allowed */
	NUM_RATE,    /* a number, '%' allowed */
	NUM_ANY,     /* '$' or '%' allowed (user parameters) */
	NUM_INTEGER  /* a whole number */
};

/* Parses text.  Returns 0 and sets *out, or returns -1 and sets *why to a
 * short reason ("expected a number", "not a finite number", ...). */
int number_parse(const char *text, enum num_kind kind, double *out,
		 const char **why);

/* Parses an unsigned 64-bit decimal integer (for seeds).  Returns 0 or -1
 * with *why set. */
int number_parse_u64(const char *text, uint64_t *out, const char **why);

/* Whether text is blank (empty or only spaces). */
int number_is_blank(const char *text);

#endif
