/* Diagnostics: errors and warnings about a user's input, with a location.
 *
 * The input, model and analysis layers never print.  They append to a
 * struct diags, and the command-line layer prints the list in the GNU format
 * FILE:LINE:COLUMN: error: MESSAGE.  Line and column are 1-based; the column
 * is the CSV field's number.  A line or column of 0 means "not known" and is
 * left out when printed. */
#ifndef EDTCO_UTIL_DIAG_H
#define EDTCO_UTIL_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#include "util/strbuf.h"

enum diag_level { DIAG_ERROR, DIAG_WARNING };

/* A place in an input file. */
struct loc {
	const char *file; /* path as shown to the user; borrowed */
	unsigned line;    /* 1-based line, 0 if unknown */
	unsigned col;     /* 1-based field number, 0 if unknown */
};

struct diag {
	char *file;      /* owned copy, NULL when the message has no file */
	unsigned line;   /* 0 if unknown */
	unsigned col;    /* 0 if unknown */
	unsigned order;  /* order of first appearance of the file */
	size_t seq;      /* insertion order, for a stable sort */
	enum diag_level level;
	char *msg;       /* owned */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t nerrors;
	char **files; /* distinct file names, in order of first appearance */
	size_t nfiles, files_cap;
};

#define DIAGS_INIT {NULL, 0, 0, 0, NULL, 0, 0}

/* The most errors worth printing for one run. */
#define DIAG_MAX_ERRORS 50

void diags_add(struct diags *d, enum diag_level level, struct loc at,
	       const char *fmt, ...) EDTCO_PRINTF(4, 5);
void diags_vadd(struct diags *d, enum diag_level level, struct loc at,
		const char *fmt, va_list ap) EDTCO_PRINTF(4, 0);
/* Registers file in the order of files, so that its diagnostics print
 * after those of files registered before it (the scenario, then its cost
 * files in order), whichever is found first. */
void diags_note_file(struct diags *d, const char *file);

/* Shorthand for an error. */
void diag_error(struct diags *d, struct loc at, const char *fmt, ...)
	EDTCO_PRINTF(3, 4);
/* Sorts by file (in order of first appearance), line, column, then order of
 * insertion. */
void diags_sort(struct diags *d);
/* Formats one diagnostic as "FILE:LINE:COL: error: MSG" (no newline). */
void diag_format(const struct diag *g, struct strbuf *out);
void diags_free(struct diags *d);

/* Makes every warning an error (--strict), counting them in nerrors. */
void diags_promote_warnings(struct diags *d);

/* Writes s into out as a short quoted literal for messages: "text", with
 * control characters escaped and anything past max bytes cut with "...". */
void diag_quote(struct strbuf *out, const char *s, size_t max);

#endif
