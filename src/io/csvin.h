/* Reading CSV tables through libcsv, with the line and column of every cell.
 *
 * libcsv reports neither lines nor columns, so the reader feeds it one byte
 * at a time and notes where each field begins (STYLE.md C3).  It accepts
 * what users write: a UTF-8 byte-order mark, CRLF or LF line ends, blank
 * lines, and comment rows (first cell starting with '#'), which are dropped.
 * Spaces around unquoted fields are trimmed (libcsv's behaviour).  Every
 * cell of the rows kept must be valid UTF-8: text reaches the exhibits and
 * report.pdf, which cannot show anything else. */
#ifndef EDTCO_IO_CSVIN_H
#define EDTCO_IO_CSVIN_H

#include <stddef.h>

#include "io/file.h"
#include "util/diag.h"

struct csvin_cell {
	char *text;    /* NUL-terminated copy; owned by the table */
	unsigned line; /* line on which the field begins, 1-based */
};

struct csvin_row {
	unsigned line;            /* line of the first field */
	size_t n;                 /* number of fields */
	struct csvin_cell *cells; /* n cells; owned by the table */
	int too_wide;             /* set by csvin_check_widths: its cells
				   * are shifted, so only the field count
				   * is reported */
};

struct csvin_table {
	struct file_data file;    /* the bytes parsed, path and SHA-256 */
	struct csvin_row header;  /* the first non-comment row (n == 0: none) */
	struct csvin_row *rows;   /* the data rows that follow it */
	size_t nrows;
	size_t cap;
};

/* Parses file (whose ownership passes to *out, also on failure) into *out.
 * Syntax errors (an unterminated quote, a quote inside an unquoted field,
 * a NUL byte) are added to diags with their location; the rows before the
 * error are kept.  A cell that is not valid UTF-8 is reported at its line
 * and field, with the character at which the first bad byte stands (the
 * row is kept).  Returns the number of errors added. */
size_t csvin_parse(struct file_data *file, struct csvin_table *out,
		   struct diags *diags);

/* Reads and parses path.  Returns 0 (errors in the content go to diags) or
 * an errno value when the file cannot be read. */
int csvin_load(const char *path, struct csvin_table *out, struct diags *diags);

/* The offset of the first byte of s[0..n) that is not part of a valid
 * UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF, no sequence cut short), or n when s is valid. */
size_t csvin_utf8_check(const char *s, size_t n);

/* Index of the header cell named name (ASCII case-insensitive), or -1. */
int csvin_column(const struct csvin_table *t, const char *name);

/* The text of a row's cell at col (0-based), or "" when the row is short or
 * col is negative. */
const char *csvin_text(const struct csvin_row *row, int col);

/* The location of a row's cell at 0-based col (the row's line when the row
 * is short). */
struct loc csvin_loc(const struct csvin_table *t, const struct csvin_row *row,
		     int col);

/* Reports each row with more fields than the header (one error per row)
 * and sets its too_wide, so that its shifted cells are not reported one by
 * one: a row with a non-blank cell past the header's width, or more fields
 * than most rows have (trailing empty fields that every row has are
 * tolerated).  The message says that a cell seems to hold an unquoted
 * comma, and points at a number split in two ("15,000" read as 15 and
 * 000) when it finds one.  Returns the number reported. */
size_t csvin_check_widths(struct csvin_table *t, struct diags *diags);

/* Reports a file whose header is one cell holding ';' or a tab: cells
 * separated by something other than ','.  Returns 1 when reported. */
int csvin_check_separator(const struct csvin_table *t, struct diags *diags);

void csvin_free(struct csvin_table *t);

#endif
