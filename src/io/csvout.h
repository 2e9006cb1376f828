/* Building CSV text (RFC 4180: CRLF line ends, fields quoted through libcsv
 * when they hold a comma, a quote, a line end or outer blanks). */
#ifndef EDTCO_IO_CSVOUT_H
#define EDTCO_IO_CSVOUT_H

#include <stddef.h>

#include "util/strbuf.h"

struct csvout {
	struct strbuf text; /* the CSV so far */
	size_t col;         /* fields written in the current row */
};

#define CSVOUT_INIT {STRBUF_INIT, 0}

/* Text, never a number: a cell that a spreadsheet would run as a formula
 * (it begins with '=', '+', '-', '@', a tab or a carriage return, after
 * any apostrophes) is written after one more leading apostrophe, which
 * makes spreadsheets read it as text and which csv_unguard removes again (OWASP's advice
 * against CSV injection).  Numbers go through the functions below and are
 * never changed: a negative amount stays -12.5. */
void csvout_text(struct csvout *w, const char *s);
/* Whether csvout_text writes s after an apostrophe. */
int csv_needs_guard(const char *s);
/* The text csvout_text was given, from a text cell as read back: s without
 * the apostrophe that csvout_text added (s itself when it has none). */
const char *csv_unguard(const char *s);
/* Money: rounded to cents (numfmt_cents). */
void csvout_cents(struct csvout *w, double x);
/* Any other number: the shortest text that reads back exactly. */
void csvout_number(struct csvout *w, double x);
void csvout_int(struct csvout *w, long long x);
/* The UTF-8 byte-order mark that begins every CSV file edtco writes, so
 * that spreadsheets (Excel, LibreOffice) read its text as UTF-8 ("−", not
 * "âˆ’"); csvin and other CSV readers skip it.  Call first. */
#define CSVOUT_BOM "\xEF\xBB\xBF"
void csvout_bom(struct csvout *w);
void csvout_empty(struct csvout *w);
void csvout_end_row(struct csvout *w);
/* Writes a whole row of text fields from a NULL-terminated list. */
void csvout_row(struct csvout *w, const char *const *fields);
void csvout_free(struct csvout *w);

#endif
