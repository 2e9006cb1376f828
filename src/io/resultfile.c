/* The result files' columns, and reading them back strictly (see
 * resultfile.h). */
#include "io/resultfile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/strbuf.h"

#define M(name) {name, RF_MONEY, 0, NULL}
#define QUANTILES                                                             \
	M("p5"), M("p10"), M("p25"), M("p50"), M("p75"), M("p80"), M("p90"),  \
		M("p95")
#define NAME(name) {name, RF_NAME, 0, NULL}
#define TEXT(name) {name, RF_TEXT, 0, NULL}
#define SCHEMA(var, file, cols)                                               \
	const struct resultfile_schema var = {                                \
		file, cols, (int)(sizeof(cols) / sizeof(cols[0]))}

static const struct resultfile_col summary_cols[] = {
	NAME("option"), TEXT("label"), NAME("measure"), M("point"), M("mean"),
	M("sd"),        QUANTILES,      TEXT("short_label")};
SCHEMA(resultfile_summary, "summary.csv", summary_cols);

static const struct resultfile_col years_cols[] = {
	NAME("option"), {"year", RF_WHOLE, 0, NULL}, TEXT("year_label"),
	NAME("flow"),   M("mean"),                   QUANTILES};
SCHEMA(resultfile_years, "years.csv", years_cols);

static const struct resultfile_col compare_cols[] = {
	NAME("option"),
	NAME("baseline"),
	NAME("measure"),
	M("mean_diff"),
	QUANTILES,
	{"p_cheaper", RF_NUMBER, 0, NULL},
	{"p_cheaper_se", RF_NUMBER, 0, NULL},
	/* Empty without the decision analysis. */
	{"break_even_year", RF_WHOLE, 1, "none"},
	TEXT("break_even_label"),
	{"p_best", RF_NUMBER, 1, NULL},
	{"p_best_baseline", RF_NUMBER, 1, NULL},
	{"p_tied", RF_NUMBER, 1, NULL}};
SCHEMA(resultfile_compare, "compare.csv", compare_cols);

static const struct resultfile_col budget_cols[] = {
	NAME("option"),     {"year", RF_WHOLE, 0, "total"}, TEXT("year_label"),
	M("point"),         M("p50"),         M("p80"),     M("p90"),
	M("reserve_p80"),   M("reserve_p50"), M("reserve_p90"),
	M("operating_point"), M("operating_p50"), M("operating_p80"),
	M("operating_p90"), M("risk_mean"), M("risk_p90"),
	{"p_risk_event", RF_NUMBER, 1, NULL}, M("aid_mean")};
SCHEMA(resultfile_budget, "budget.csv", budget_cols);

static const struct resultfile_col distribution_cols[] = {
	NAME("option"), NAME("measure"), {"percentile", RF_WHOLE, 0, NULL},
	M("value")};
SCHEMA(resultfile_distribution, "distribution.csv", distribution_cols);

static const struct resultfile_col histogram_cols[] = {
	NAME("option"), NAME("baseline"), NAME("measure"),
	M("bin_low"),   M("bin_high"),    {"count", RF_WHOLE, 0, NULL},
	{"share", RF_NUMBER, 0, NULL}};
SCHEMA(resultfile_histogram, "histogram.csv", histogram_cols);

static const struct resultfile_col categories_cols[] = {
	NAME("option"),   NAME("category"),     M("gross_pv_mean"),
	M("net_pv_mean"), M("gross_pv_point"), M("net_pv_point")};
SCHEMA(resultfile_categories, "categories.csv", categories_cols);

/* Every input as written: quantities, escalations and probabilities may
 * name parameters, so they are text; a setting's value (likely and point)
 * may be text too (baseline, year_labels), and its dist is blank. */
static const struct resultfile_col inputs_cols[] = {
	NAME("kind"),
	TEXT("option"),
	NAME("name"),
	TEXT("category"),
	TEXT("quantity"),
	TEXT("dist"),
	{"low", RF_NUMBER, 1, NULL},
	TEXT("likely"),
	{"high", RF_NUMBER, 1, NULL},
	TEXT("point"),
	TEXT("per"),
	{"start", RF_WHOLE, 1, NULL},
	{"end", RF_WHOLE, 1, NULL},
	TEXT("escalation"),
	TEXT("probability"),
	TEXT("payer"),
	{"aid", RF_NUMBER, 1, NULL},
	TEXT("group"),
	TEXT("source"),
	TEXT("label"),
	TEXT("unit")};
SCHEMA(resultfile_inputs, "inputs.csv", inputs_cols);

static const struct resultfile_col provenance_cols[] = {NAME("key"),
							TEXT("value")};
SCHEMA(resultfile_provenance, "provenance.csv", provenance_cols);

/* A unit cost's percentiles are money, a parameter's any number. */
static const struct resultfile_col sensitivity_cols[] = {
	NAME("input"),
	NAME("output"),
	{"input_p10", RF_NUMBER, 0, NULL},
	{"input_p90", RF_NUMBER, 0, NULL},
	M("output_at_p10"),
	M("output_at_p90"),
	M("output_point"),
	M("swing"),
	{"rank_correlation", RF_NUMBER, 1, NULL},
	NAME("kind"),
	TEXT("occurrence_year")};
SCHEMA(resultfile_sensitivity, "sensitivity.csv", sensitivity_cols);

static const struct resultfile_col findings_cols[] = {NAME("key"),
						      TEXT("text")};
SCHEMA(resultfile_findings, "findings.csv", findings_cols);

/* Blank without students; p_cheaper on the baseline's row. */
#define BATCH_COMMON                                                          \
	NAME("case"), NAME("option"), TEXT("label"), NAME("baseline"),        \
		M("net_pv_point"), M("net_pv_mean"), M("net_pv_sd"),          \
		M("net_pv_p10"), M("net_pv_p50"), M("net_pv_p90"),            \
		M("gross_pv_point"), M("gross_pv_mean"), M("gross_pv_sd"),    \
		M("gross_pv_p10"), M("gross_pv_p50"), M("gross_pv_p90"),      \
		{"net_per_student_year_p50", RF_MONEY, 1, NULL},              \
		{"p_cheaper", RF_NUMBER, 1, NULL},                            \
		{"p_cheaper_se", RF_NUMBER, 1, NULL},                         \
		{"p_best", RF_NUMBER, 0, NULL}
static const struct resultfile_col batch_cols[] = {BATCH_COMMON};
SCHEMA(resultfile_batch, "batch.csv", batch_cols);

#define LV(name) {name, RF_NUMBER, 1, NULL}
static const struct resultfile_col batch_levy_cols[] = {
	BATCH_COMMON,
	LV("levy_share_p50"),
	LV("levy_share_p80"),
	LV("levy_share_p90"),
	LV("tax_rate_per_1000_p50"),
	LV("tax_rate_per_1000_p80"),
	LV("tax_rate_per_1000_p90"),
	LV("cap_room_share_p50"),
	LV("cap_room_share_p80"),
	LV("cap_room_share_p90")};
SCHEMA(resultfile_batch_levy, "batch.csv", batch_levy_cols);

const struct resultfile_schema *resultfile_batch_of(const char *text,
						    size_t len)
{
	const char *end = memchr(text, '\n', len);
	size_t n = end ? (size_t)(end - text) : len;
	static const char key[] = ",levy_share_p50,";
	for (size_t i = 0; i + sizeof(key) - 1 <= n; i++)
		if (memcmp(text + i, key, sizeof(key) - 1) == 0)
			return &resultfile_batch_levy;
	return &resultfile_batch;
}

void resultfile_header(const struct resultfile_schema *s, struct csvout *w)
{
	csvout_bom(w);
	for (int i = 0; i < s->ncols; i++)
		csvout_text(w, s->cols[i].name);
	csvout_end_row(w);
}

static const char *digits(const char *p)
{
	const char *q = p;
	while (*q >= '0' && *q <= '9')
		q++;
	return q == p ? NULL : q;
}

/* Whether s is -?D+(.D+)?([eE][-+]?D+)? with no more than that. */
static int number_form(const char *s, int whole)
{
	const char *p = s + (*s == '-');
	if (!(p = digits(p)))
		return 0;
	if (whole)
		return *p == '\0';
	if (*p == '.' && !(p = digits(p + 1)))
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		p += *p == '-' || *p == '+';
		if (!(p = digits(p)))
			return 0;
	}
	return *p == '\0';
}

int resultfile_number(const char *s, double *out)
{
	if (!number_form(s, 0))
		return -1;
	double v = strtod(s, NULL);
	if (!isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/* Lists s's column names into b. */
static void list_columns(const struct resultfile_schema *s, struct strbuf *b)
{
	for (int i = 0; i < s->ncols; i++)
		strbuf_printf(b, "%s%s", i ? ", " : "", s->cols[i].name);
}

/* Checks the header against s; reports the first difference. */
static int check_header(const struct csvin_table *t,
			const struct resultfile_schema *s, struct diags *d)
{
	const struct csvin_row *h = &t->header;
	if (h->n == 0) {
		struct loc at = {t->file.path, 0, 0};
		diag_error(d, at, "the file is empty (a header row is "
				  "missing)");
		return -1;
	}
	int i = 0;
	while (i < s->ncols && (size_t)i < h->n &&
	       strcmp(h->cells[i].text, s->cols[i].name) == 0)
		i++;
	if (i == s->ncols && h->n == (size_t)s->ncols)
		return 0;
	struct strbuf b = STRBUF_INIT;
	list_columns(s, &b);
	struct loc at = csvin_loc(t, h, i);
	if (i == s->ncols)
		diag_error(d, at, "unexpected column %d: %s has %d columns "
				  "(%s)",
			   i + 1, s->file, s->ncols, strbuf_str(&b));
	else
		diag_error(d, at, "expected the column '%s' here: %s has the "
				  "columns %s",
			   s->cols[i].name, s->file, strbuf_str(&b));
	strbuf_free(&b);
	return -1;
}

/* Checks one cell against its column; reports a problem. */
static int check_cell(const struct csvin_table *t, const struct csvin_row *r,
		      int c, const struct resultfile_col *col,
		      struct diags *d)
{
	const char *s = r->cells[c].text;
	if (col->type == RF_TEXT)
		return 0;
	if (*s == '\0') {
		if (col->type == RF_NAME || !col->blank_ok) {
			diag_error(d, csvin_loc(t, r, c), "%s: missing value",
				   col->name);
			return -1;
		}
		return 0;
	}
	if (col->type == RF_NAME || (col->word && strcmp(s, col->word) == 0))
		return 0;
	size_t n = strlen(s);
	if (csvin_utf8_check(s, n) != n)
		return -1; /* reported by csvin, and not to be echoed */
	double v;
	int ok = col->type == RF_WHOLE
			 ? number_form(s, 1) && strlen(s) < 16
			 : resultfile_number(s, &v) == 0;
	if (ok)
		return 0;
	struct strbuf q = STRBUF_INIT;
	diag_quote(&q, s, 40);
	diag_error(d, csvin_loc(t, r, c), "%s: expected %s%s%s%s, found %s",
		   col->name,
		   col->type == RF_WHOLE ? "a whole number" : "a number",
		   col->word ? " or '" : "", col->word ? col->word : "",
		   col->word ? "'" : "", strbuf_str(&q));
	strbuf_free(&q);
	return -1;
}

/* Checks a row's width and cells.  Returns 0 or -1 (reported). */
static int check_row(const struct csvin_table *t, const struct csvin_row *r,
		     const struct resultfile_schema *s, struct diags *d)
{
	if (r->n != (size_t)s->ncols) {
		int c = r->n < (size_t)s->ncols ? (int)r->n : s->ncols;
		struct loc at = csvin_loc(t, r, c);
		if (r->n < (size_t)s->ncols)
			at.line = r->cells[r->n - 1].line;
		diag_error(d, at,
			   "this row has %zu fields but the header has %d%s",
			   r->n, s->ncols,
			   r->n > (size_t)s->ncols
				   ? " (a number with a thousands separator, "
				     "or a comma in an unquoted cell?)"
				   : "");
		return -1;
	}
	int bad = 0;
	for (int c = 0; c < s->ncols; c++)
		bad |= check_cell(t, r, c, &s->cols[c], d);
	return bad ? -1 : 0;
}

static void drop_row(struct csvin_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->cells[i].text);
	free(r->cells);
}

int resultfile_read(const char *path, const struct resultfile_schema *s,
		    struct csvin_table *out, int *ok, struct diags *diags)
{
	struct file_data f;
	*ok = 0;
	int e = file_read(path, &f);
	if (e) {
		memset(out, 0, sizeof(*out));
		return e;
	}
	resultfile_parse(&f, s, out, ok, diags);
	return 0;
}

void resultfile_parse(struct file_data *file,
		      const struct resultfile_schema *s,
		      struct csvin_table *out, int *ok, struct diags *diags)
{
	*ok = 0;
	size_t before = diags->nerrors;
	csvin_parse(file, out, diags);
	const struct file_data *f = &out->file;
	if (f->len && f->bytes[f->len - 1] != '\n') {
		unsigned lines = 1;
		for (size_t i = 0; i < f->len; i++)
			lines += f->bytes[i] == '\n';
		struct loc at = {f->path, lines, 0};
		diag_error(diags, at, "the file does not end with a line end "
				      "(was it cut short?)");
	}
	if (diags->nerrors > before && out->header.n == 0)
		return;
	if (check_header(out, s, diags) != 0) {
		/* Columns not known: no row can be read. */
		for (size_t r = 0; r < out->nrows; r++)
			drop_row(&out->rows[r]);
		out->nrows = 0;
		return;
	}
	size_t kept = 0;
	for (size_t r = 0; r < out->nrows; r++) {
		if (check_row(out, &out->rows[r], s, diags) != 0)
			drop_row(&out->rows[r]);
		else
			out->rows[kept++] = out->rows[r];
	}
	out->nrows = kept;
	*ok = diags->nerrors == before;
}

void resultfile_write_row(const struct resultfile_schema *s,
			  const struct csvin_row *row, struct csvout *w)
{
	for (int c = 0; c < s->ncols; c++) {
		const struct resultfile_col *col = &s->cols[c];
		const char *text = csvin_text(row, c);
		int number = col->type != RF_TEXT && col->type != RF_NAME &&
			     !(col->word && strcmp(text, col->word) == 0);
		if (!number) {
			csvout_text(w, text);
		} else {
			/* Checked: digits, '-', '.', 'e' and '+' only, which
			 * need no quotes. */
			csvout_empty(w);
			strbuf_puts(&w->text, text);
		}
	}
	csvout_end_row(w);
}
