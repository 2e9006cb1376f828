/* CSV tables with cell positions, on top of libcsv (see csvin.h). */
#include "io/csvin.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"
#include "util/strbuf.h"

struct reader {
	struct csvin_table *t;
	const char *bytes;
	size_t *line_starts; /* offset of the first byte of each line */
	size_t nlines;
	size_t off;          /* offset of the byte being fed */
	size_t field_start;  /* offset where the current field may begin */
	int at_row_start;    /* field_start follows a row end */
	struct csvin_row row;
	size_t row_cap;
	int have_header;
	struct diags *diags;
	size_t errors;       /* errors added to diags */
};

static unsigned line_of(const struct reader *r, size_t off)
{
	size_t lo = 0, hi = r->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (r->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned)(lo + 1);
}

/* Where the current field really begins: after a row end, skip the line
 * ends, blank lines and blanks that libcsv skips. */
static size_t field_begin(const struct reader *r)
{
	size_t p = r->field_start;
	const char *ws = r->at_row_start ? " \t\r\n" : " \t";
	while (p < r->off && strchr(ws, r->bytes[p]) && r->bytes[p])
		p++;
	return p;
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	GROW(r->row.cells, r->row_cap, r->row.n + 1);
	struct csvin_cell *c = &r->row.cells[r->row.n++];
	c->text = xstrndup(s ? s : "", s ? len : 0);
	c->line = line_of(r, field_begin(r));
	if (r->row.n == 1)
		r->row.line = c->line;
	r->field_start = r->off + 1;
	r->at_row_start = 0;
}

static void free_row(struct csvin_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		free(row->cells[i].text);
	free(row->cells);
	memset(row, 0, sizeof(*row));
}

/* A row of empty cells only (",,,," as spreadsheets export empty rows). */
static int row_is_blank(const struct csvin_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		if (row->cells[i].text[0])
			return 0;
	return 1;
}

size_t csvin_utf8_check(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = u[i];
		size_t len;
		unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0; /* overlong */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90; /* overlong */
			else if (c == 0xF4)
				hi = 0x8F; /* past U+10FFFF */
		} else {
			return i; /* a continuation byte, C0, C1 or F5..FF */
		}
		if (n - i < len || u[i + 1] < lo || u[i + 1] > hi)
			return i;
		for (size_t k = 2; k < len; k++)
			if (u[i + k] < 0x80 || u[i + k] > 0xBF)
				return i;
		i += len;
	}
	return n;
}

/* Reports each cell of row that is not valid UTF-8. */
static void check_utf8(struct reader *r, const struct csvin_row *row)
{
	for (size_t c = 0; c < row->n; c++) {
		const char *s = row->cells[c].text;
		size_t n = strlen(s);
		size_t bad = csvin_utf8_check(s, n);
		if (bad == n)
			continue;
		size_t ch = 1;
		for (size_t i = 0; i < bad; i++)
			ch += ((unsigned char)s[i] & 0xC0) != 0x80;
		struct loc at = {r->t->file.path, row->cells[c].line,
				 (unsigned)c + 1};
		diag_error(r->diags, at,
			   "invalid UTF-8: byte 0x%02X at character %zu of "
			   "this cell (save the file as UTF-8)",
			   (unsigned char)s[bad], ch);
		r->errors++;
	}
}

static void on_row(int term, void *data)
{
	(void)term;
	struct reader *r = data;
	struct csvin_table *t = r->t;
	struct csvin_row row = r->row;
	memset(&r->row, 0, sizeof(r->row));
	r->row_cap = 0;
	r->field_start = r->off + 1;
	r->at_row_start = 1;
	if (row_is_blank(&row) || row.cells[0].text[0] == '#') {
		free_row(&row);
		return;
	}
	check_utf8(r, &row);
	if (!r->have_header) {
		t->header = row;
		r->have_header = 1;
		return;
	}
	GROW(t->rows, t->cap, t->nrows + 1);
	t->rows[t->nrows++] = row;
}

static void index_lines(struct reader *r, const char *bytes, size_t len)
{
	size_t cap = 0;
	r->nlines = 0;
	GROW(r->line_starts, cap, 1);
	r->line_starts[r->nlines++] = 0;
	for (size_t i = 0; i < len; i++) {
		if (bytes[i] == '\n') {
			GROW(r->line_starts, cap, r->nlines + 1);
			r->line_starts[r->nlines++] = i + 1;
		}
	}
}

size_t csvin_parse(struct file_data *file, struct csvin_table *out,
		   struct diags *diags)
{
	memset(out, 0, sizeof(*out));
	out->file = *file;
	memset(file, 0, sizeof(*file));
	const char *bytes = out->file.bytes;
	size_t len = out->file.len;
	struct reader r = {.t = out, .bytes = bytes, .at_row_start = 1,
			   .diags = diags};
	index_lines(&r, bytes, len);
	size_t errors = 0;

	size_t start = 0;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	r.field_start = start;

	const char *nul = memchr(bytes, '\0', len);
	size_t end = nul ? (size_t)(nul - bytes) : len;

	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	int failed = 0;
	for (r.off = start; r.off < end; r.off++) {
		if (csv_parse(&p, bytes + r.off, 1, on_field, on_row, &r) != 1) {
			struct loc at = {out->file.path, line_of(&r, r.off),
					 (unsigned)r.row.n + 1};
			diag_error(diags, at,
				   "stray '\"' inside an unquoted field (quote "
				   "the whole field and double any quote in "
				   "it)");
			errors++;
			failed = 1;
			break;
		}
	}
	if (!failed && nul) {
		struct loc at = {out->file.path, line_of(&r, end),
				 (unsigned)r.row.n + 1};
		diag_error(diags, at, "NUL byte in a text file (is it binary?)");
		errors++;
		failed = 1;
	}
	if (!failed && csv_fini(&p, on_field, on_row, &r) != 0) {
		struct loc at = {out->file.path, line_of(&r, field_begin(&r)),
				 (unsigned)r.row.n + 1};
		diag_error(diags, at,
			   "quoted field is never closed (a '\"' is missing)");
		errors++;
	}
	csv_free(&p);
	free_row(&r.row);
	free(r.line_starts);
	return errors + r.errors;
}

int csvin_load(const char *path, struct csvin_table *out, struct diags *diags)
{
	struct file_data f;
	int err = file_read(path, &f);
	if (err) {
		memset(out, 0, sizeof(*out));
		return err;
	}
	csvin_parse(&f, out, diags);
	return 0;
}

int csvin_column(const struct csvin_table *t, const char *name)
{
	for (size_t i = 0; i < t->header.n; i++)
		if (strcasecmp(t->header.cells[i].text, name) == 0)
			return (int)i;
	return -1;
}

const char *csvin_text(const struct csvin_row *row, int col)
{
	if (col < 0 || (size_t)col >= row->n)
		return "";
	return row->cells[col].text;
}

struct loc csvin_loc(const struct csvin_table *t, const struct csvin_row *row,
		     int col)
{
	struct loc at = {t->file.path, row->line, (unsigned)(col + 1)};
	if (col >= 0 && (size_t)col < row->n)
		at.line = row->cells[col].line;
	if (col < 0)
		at.col = 0;
	return at;
}

/* Whether text holds nothing but blanks. */
static int all_blank(const char *text)
{
	for (; *text; text++)
		if (*text != ' ' && *text != '\t' && *text != '\r' &&
		    *text != '\n')
			return 0;
	return 1;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The width the rows are meant to have: the header's, or the most common
 * width of the rows when that is larger (every row with trailing empty
 * fields, as some spreadsheets export). */
static size_t typical_width(const struct csvin_table *t)
{
	if (t->nrows == 0)
		return t->header.n;
	size_t *w = xmalloc(t->nrows * sizeof(*w));
	for (size_t r = 0; r < t->nrows; r++)
		w[r] = t->rows[r].n;
	qsort(w, t->nrows, sizeof(*w), cmp_size);
	size_t best = w[0], best_run = 0, run = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		run = r > 0 && w[r] == w[r - 1] ? run + 1 : 1;
		if (run > best_run) {
			best_run = run;
			best = w[r];
		}
	}
	free(w);
	return best > t->header.n ? best : t->header.n;
}

/* Whether s is 1 to 3 digits, after an optional sign, '(' or '$'. */
static int is_group_head(const char *s)
{
	while (*s == ' ')
		s++;
	s += strspn(s, "-+($");
	size_t d = strspn(s, "0123456789");
	return d >= 1 && d <= 3 && s[d] == '\0';
}

/* Whether s is exactly 3 digits, then optionally a decimal part, ')' or
 * '%'. */
static int is_group_tail(const char *s)
{
	if (strspn(s, "0123456789") != 3)
		return 0;
	s += 3;
	if (*s == '.')
		s += 1 + strspn(s + 1, "0123456789");
	s += strspn(s, ")%");
	return *s == '\0';
}

size_t csvin_check_widths(struct csvin_table *t, struct diags *diags)
{
	size_t errors = 0, typical = typical_width(t);
	for (size_t r = 0; r < t->nrows; r++) {
		struct csvin_row *row = &t->rows[r];
		if (row->n <= t->header.n)
			continue;
		/* At the first non-blank cell past the header, if any. */
		size_t at = t->header.n;
		while (at < row->n && all_blank(row->cells[at].text))
			at++;
		int text_beyond = at < row->n;
		if (!text_beyond && row->n <= typical)
			continue;
		if (!text_beyond)
			at = t->header.n;
		row->too_wide = 1;
		/* A number split at its thousands comma: "15" then "000". */
		int split = 0;
		for (size_t c = 0; c + 1 < row->n && !split; c++) {
			if (is_group_head(row->cells[c].text) &&
			    is_group_tail(row->cells[c + 1].text)) {
				at = c;
				split = 1;
			}
		}
		struct strbuf q = STRBUF_INIT;
		if (split) {
			size_t e = at + 1;
			struct strbuf joined = STRBUF_INIT;
			strbuf_puts(&joined, row->cells[at].text);
			while (e < row->n &&
			       is_group_tail(row->cells[e].text)) {
				strbuf_printf(&joined, ",%s",
					      row->cells[e].text);
				e++;
			}
			strbuf_puts(&q, " (");
			diag_quote(&q, strbuf_str(&joined), 40);
			strbuf_puts(&q, ")");
			strbuf_free(&joined);
		}
		diag_error(diags, csvin_loc(t, row, (int)at),
			   "this row has %zu fields but the header has %zu: "
			   "a cell seems to contain an unquoted comma%s; "
			   "quote it",
			   row->n, t->header.n, strbuf_str(&q));
		strbuf_free(&q);
		errors++;
	}
	return errors;
}

int csvin_check_separator(const struct csvin_table *t, struct diags *diags)
{
	if (t->header.n != 1)
		return 0;
	const char *h = t->header.cells[0].text;
	const char *what = strchr(h, ';') ? "';'" : strchr(h, '\t') ? "tabs"
								    : NULL;
	if (!what)
		return 0;
	diag_error(diags, csvin_loc(t, &t->header, 0),
		   "the header is one cell holding %s: this file seems to "
		   "separate its cells with %s, but edtco reads CSV with ','"
		   " between cells and '.' as the decimal point (save it as "
		   "CSV with commas)",
		   what, what);
	return 1;
}

void csvin_free(struct csvin_table *t)
{
	free_row(&t->header);
	for (size_t i = 0; i < t->nrows; i++)
		free_row(&t->rows[i]);
	free(t->rows);
	file_data_free(&t->file);
	memset(t, 0, sizeof(*t));
}
