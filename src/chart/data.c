/* Reading a result folder for the exhibits (see data.h). */
#include "chart/data.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/data_load.h"
#include "io/csvin.h"
#include "io/resultfile.h"
#include "io/csvout.h"
#include "util/mem.h"
#include "util/strbuf.h"

const char *const chart_measure_names[CM_COUNT] = {
	"gross_nominal", "net_nominal", "gross_pv", "net_pv",
	"net_per_student_year"};
const char *const chart_q_names[CQ_N] = {"p5",  "p10", "p25", "p50",
					 "p75", "p80", "p90", "p95"};
const int chart_q_levels[CQ_N] = {5, 10, 25, 50, 75, 80, 90, 95};

struct loc data_file_loc(const char *path)
{
	struct loc at = {path, 0, 0};
	return at;
}

/* Reads dir/<schema's file> into t, strictly (resultfile_read).  A missing
 * optional file is no error.  Returns whether the file was read. */
int data_tab_open(struct loader *L, struct tab *t,
		  const struct resultfile_schema *schema, int required)
{
	memset(t, 0, sizeof(*t));
	struct strbuf path = STRBUF_INIT;
	strbuf_printf(&path, "%s/%s", L->dir, schema->file);
	int e = resultfile_read(strbuf_str(&path), schema, &t->t, &t->ok,
				L->d);
	if (e) {
		if (required || e != ENOENT) {
			diag_error(L->d, data_file_loc(strbuf_str(&path)),
				   "cannot read the file: %s%s",
				   file_strerror(e),
				   e == ENOENT ? " (is this a folder written "
						 "by 'edtco run'?)"
					       : "");
			L->io_error = 1;
		}
		strbuf_free(&path);
		return 0;
	}
	strbuf_free(&path);
	/* The header is the schema's: wanted column i is column i. */
	for (int i = 0; i < schema->ncols && i < DATA_MAX_COLS; i++)
		t->col[i] = i;
	return 1;
}

/* A cell as its writer gave it: without the apostrophe that guards a text
 * against spreadsheet formulas (csvout_text); no number has one. */
const char *data_cell(const struct tab *t, size_t r, int c)
{
	return csv_unguard(csvin_text(&t->t.rows[r], t->col[c]));
}

struct loc data_cell_loc(const struct tab *t, size_t r, int c)
{
	return csvin_loc(&t->t, &t->t.rows[r], t->col[c]);
}

/* Parses a finite number from cell (r, c).  Returns 0, or -1 with an
 * error reported. */
int data_num(struct loader *L, const struct tab *t, size_t r, int c,
	     double *out)
{
	const char *s = data_cell(t, r, c);
	double v;
	if (resultfile_number(s, &v) != 0) {
		struct strbuf q = STRBUF_INIT;
		diag_quote(&q, s, 40);
		diag_error(L->d, data_cell_loc(t, r, c),
			   "expected a number, found %s", strbuf_str(&q));
		strbuf_free(&q);
		return -1;
	}
	*out = v;
	return 0;
}

/* Parses a whole number in lo..hi. */
int data_whole(struct loader *L, const struct tab *t, size_t r, int c,
	       long lo, long hi, long *out)
{
	double v;
	if (data_num(L, t, r, c, &v) != 0)
		return -1;
	if (v != floor(v) || v < (double)lo || v > (double)hi) {
		diag_error(L->d, data_cell_loc(t, r, c),
			   "expected a whole number from %ld to %ld", lo, hi);
		return -1;
	}
	*out = (long)v;
	return 0;
}

int data_find_option(const struct chart_data *d, const char *id)
{
	for (int o = 0; o < d->nopt; o++)
		if (strcmp(d->opt[o].id, id) == 0)
			return o;
	return -1;
}

/* The option named in cell (r, c); -1 with an error if unknown. */
int data_option_at(struct loader *L, const struct chart_data *d,
		   const struct tab *t, size_t r, int c)
{
	int o = data_find_option(d, data_cell(t, r, c));
	if (o < 0) {
		struct strbuf q = STRBUF_INIT;
		diag_quote(&q, data_cell(t, r, c), 40);
		diag_error(L->d, data_cell_loc(t, r, c),
			   "unknown option %s (summary.csv does not list it)",
			   strbuf_str(&q));
		strbuf_free(&q);
	}
	return o;
}

int data_measure_at(struct loader *L, const struct tab *t, size_t r, int c)
{
	for (int k = 0; k < CM_COUNT; k++)
		if (strcmp(data_cell(t, r, c), chart_measure_names[k]) == 0)
			return k;
	struct strbuf q = STRBUF_INIT;
	diag_quote(&q, data_cell(t, r, c), 40);
	diag_error(L->d, data_cell_loc(t, r, c),
		   "unknown measure %s (expected gross_nominal, net_nominal, "
		   "gross_pv, net_pv or net_per_student_year)",
		   strbuf_str(&q));
	strbuf_free(&q);
	return -1;
}

void data_duplicate(struct loader *L, const struct tab *t, size_t r)
{
	diag_error(L->d, data_cell_loc(t, r, 0), "duplicate row");
}

/* Reads the percentile columns starting at wanted column first. */
int data_quantiles(struct loader *L, const struct tab *t, size_t r,
		   int first, double q[CQ_N])
{
	int bad = 0;
	for (int i = 0; i < CQ_N; i++)
		bad |= data_num(L, t, r, first + i, &q[i]);
	return bad;
}


/* The levy measures of a run with a levy (summary.csv measures and
 * years.csv flows; README "Levy impact"). */
static int levy_name(const char *s)
{
	return strcmp(s, "levy_share") == 0 ||
	       strcmp(s, "tax_rate_per_1000") == 0 ||
	       strcmp(s, "cap_room_share") == 0;
}

static void load_summary(struct loader *L, struct chart_data *d)
{
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_summary, 1)) {
		csvin_free(&t.t);
		return;
	}
	/* Optional (folders of edtco 0.2.0 and before lack it). */
	int short_col = csvin_column(&t.t, "short_label");
	/* Options in order of first appearance. */
	for (size_t r = 0; r < t.t.nrows; r++) {
		const char *id = data_cell(&t, r, 0);
		if (*id == '\0') {
			diag_error(L->d, data_cell_loc(&t, r, 0),
				   "missing option id");
			continue;
		}
		if (data_find_option(d, id) >= 0)
			continue;
		d->opt = xreallocarray(d->opt, (size_t)d->nopt + 1,
				       sizeof(*d->opt));
		struct chart_option *o = &d->opt[d->nopt++];
		memset(o, 0, sizeof(*o));
		o->id = xstrdup(id);
		const char *label = data_cell(&t, r, 1);
		o->label = xstrdup(*label ? label : id);
		const char *sh = short_col >= 0
					 ? csvin_text(&t.t.rows[r], short_col)
					 : "";
		o->short_label = *sh ? xstrdup(sh) : NULL;
	}
	for (size_t r = 0; r < t.t.nrows; r++) {
		if (levy_name(data_cell(&t, r, 2)))
			continue; /* no exhibit draws them (yet) */
		int o = data_find_option(d, data_cell(&t, r, 0));
		int k = data_measure_at(L, &t, r, 2);
		if (o < 0 || k < 0)
			continue;
		struct chart_stat *s = &d->opt[o].m[k];
		if (s->present) {
			data_duplicate(L, &t, r);
			continue;
		}
		s->present = 1;
		data_num(L, &t, r, 3, &s->point);
		data_num(L, &t, r, 4, &s->mean);
		data_num(L, &t, r, 5, &s->sd);
		data_quantiles(L, &t, r, 6, s->q);
	}
	if (d->nopt == 0 && t.ok)
		diag_error(L->d, data_file_loc(t.t.file.path),
			   "no options listed");
	/* Every option has the measures every run writes, and the
	 * per-student one when any option has it (a run with students). */
	int students = 0;
	for (int o = 0; o < d->nopt; o++)
		students |= d->opt[o].m[CM_PER_STUDENT].present;
	for (int o = 0; o < d->nopt && t.ok; o++)
		for (int k = 0; k < (students ? CM_COUNT : CM_PER_STUDENT); k++)
			if (!d->opt[o].m[k].present)
				diag_error(L->d, data_file_loc(t.t.file.path),
					   "option '%s' has no %s row",
					   d->opt[o].id,
					   chart_measure_names[k]);
	d->has_students = d->nopt > 0;
	for (int o = 0; o < d->nopt; o++)
		d->has_students &= d->opt[o].m[CM_PER_STUDENT].present;
	csvin_free(&t.t);
}

static struct chart_stat *grow_years(struct chart_stat *v, int old, int n)
{
	v = xreallocarray(v, (size_t)n, sizeof(*v));
	memset(v + old, 0, (size_t)(n - old) * sizeof(*v));
	return v;
}

static void load_years(struct loader *L, struct chart_data *d)
{
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_years, 1)) {
		csvin_free(&t.t);
		return;
	}
	int cap = 0;
	for (size_t r = 0; r < t.t.nrows; r++) {
		int o = data_option_at(L, d, &t, r, 0);
		long year;
		if (o < 0 || data_whole(L, &t, r, 1, 1, 200, &year) != 0)
			continue;
		const char *flow = data_cell(&t, r, 3);
		if (levy_name(flow))
			continue; /* no exhibit draws them (yet) */
		int f = strcmp(flow, "gross") == 0 ? 0
			: strcmp(flow, "net") == 0 ? 1
			: strcmp(flow, "cumulative_net") == 0 ? 2 : -1;
		if (f < 0) {
			diag_error(L->d, data_cell_loc(&t, r, 3),
				   "unknown flow (expected gross, net or "
				   "cumulative_net)");
			continue;
		}
		if (year > cap) {
			for (int i = 0; i < d->nopt; i++) {
				struct chart_option *p = &d->opt[i];
				p->gross = grow_years(p->gross, cap, (int)year);
				p->net = grow_years(p->net, cap, (int)year);
				p->cum = grow_years(p->cum, cap, (int)year);
			}
			d->year_labels = xreallocarray(
				d->year_labels, (size_t)year, sizeof(char *));
			for (int i = cap; i < year; i++)
				d->year_labels[i] = NULL;
			cap = (int)year;
		}
		struct chart_option *p = &d->opt[o];
		struct chart_stat *s = f == 0   ? &p->gross[year - 1]
				       : f == 1 ? &p->net[year - 1]
						: &p->cum[year - 1];
		if (s->present) {
			data_duplicate(L, &t, r);
			continue;
		}
		s->present = 1;
		if (!d->year_labels[year - 1])
			d->year_labels[year - 1] = xstrdup(data_cell(&t, r, 2));
		data_num(L, &t, r, 4, &s->mean);
		data_quantiles(L, &t, r, 5, s->q);
		if (f == 0 && year > d->horizon)
			d->horizon = (int)year;
		if (f == 1 && year > d->nyears)
			d->nyears = (int)year;
	}
	d->nyears = d->nyears > d->horizon ? d->nyears : d->horizon;
	/* Every option needs every year of each flow. */
	for (int o = 0; o < d->nopt && d->horizon > 0 && t.ok; o++)
		for (int y = 0; y < d->nyears; y++) {
			struct chart_option *p = &d->opt[o];
			if ((y < d->horizon && !p->gross[y].present) ||
			    !p->net[y].present || !p->cum[y].present) {
				diag_error(L->d, data_file_loc(t.t.file.path),
					   "option '%s' lacks a row for year "
					   "%d",
					   p->id, y + 1);
				break;
			}
		}
	if (d->horizon == 0 && L->d->nerrors == 0)
		diag_error(L->d, data_file_loc(t.t.file.path), "no gross rows");
	csvin_free(&t.t);
}

static void load_compare(struct loader *L, struct chart_data *d)
{
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_compare, 1)) {
		csvin_free(&t.t);
		return;
	}
	for (size_t r = 0; r < t.t.nrows; r++) {
		int o = data_option_at(L, d, &t, r, 0);
		int b = data_option_at(L, d, &t, r, 1);
		int k = data_measure_at(L, &t, r, 2);
		if (o < 0 || b < 0 || k < 0)
			continue;
		if (b != d->baseline) {
			diag_error(L->d, data_cell_loc(&t, r, 1),
				   "baseline differs from provenance.csv's "
				   "'%s'",
				   d->opt[d->baseline].id);
			continue;
		}
		struct chart_stat *s = &d->opt[o].cmp[k];
		if (s->present) {
			data_duplicate(L, &t, r);
			continue;
		}
		s->present = 1;
		data_num(L, &t, r, 3, &s->mean);
		data_quantiles(L, &t, r, 4, s->q);
		data_num(L, &t, r, 12, &s->p_cheaper);
		data_num(L, &t, r, 13, &s->p_cheaper_se);
	}
	/* A comparison of every other option with the baseline, on every
	 * measure of summary.csv. */
	for (int o = 0; o < d->nopt && t.ok; o++)
		for (int k = 0; k < CM_COUNT && o != d->baseline; k++)
			if (d->opt[o].m[k].present && !d->opt[o].cmp[k].present)
				diag_error(L->d, data_file_loc(t.t.file.path),
					   "no %s comparison of '%s' with the "
					   "baseline",
					   chart_measure_names[k],
					   d->opt[o].id);
	csvin_free(&t.t);
}

/* The location of provenance.csv's value of key (present). */
static struct loc prov_loc(const struct loader *L, const struct chart_data *d,
			   const char *key)
{
	struct loc at = {L->prov_path, 0, 0};
	for (size_t i = 0; i < d->nprov; i++)
		if (strcmp(d->prov[i].key, key) == 0) {
			at.line = d->prov[i].line;
			at.col = 2;
			break;
		}
	return at;
}

static void find_baseline(struct loader *L, struct chart_data *d)
{
	const char *b = chart_prov(d, "baseline");
	if (!b || d->nopt == 0)
		return;
	d->baseline = data_find_option(d, b);
	if (d->baseline < 0) {
		diag_error(L->d, prov_loc(L, d, "baseline"),
			   "baseline '%s' is not an option of summary.csv", b);
		d->baseline = 0;
	}
}

static void check_provenance(struct loader *L, struct chart_data *d)
{
	static const char *const need[] = {"version", "seed", "trials",
					   "title", NULL};
	for (int i = 0; need[i]; i++)
		if (!chart_prov(d, need[i]))
			diag_error(L->d, data_file_loc(L->prov_path),
				   "missing key '%s'", need[i]);
	const char *tr = chart_prov(d, "trials");
	if (tr) {
		size_t n = strspn(tr, "0123456789");
		d->trials = n && n < 10 && !tr[n] ? strtol(tr, NULL, 10) : 0;
		if (d->trials < 1)
			diag_error(L->d, prov_loc(L, d, "trials"),
				   "trials must be a positive whole number");
	}
}

enum chart_status chart_data_load(struct chart_data *d, const char *dir,
				  struct diags *diags)
{
	memset(d, 0, sizeof(*d));
	struct strbuf pp = STRBUF_INIT;
	strbuf_printf(&pp, "%s/provenance.csv", dir);
	struct loader L = {dir, diags, 0, strbuf_take(&pp)};
	size_t before = diags->nerrors;
	data_load_kv(&L, "provenance.csv", 1, &d->prov, &d->nprov, NULL);
	if (d->prov)
		check_provenance(&L, d);
	load_summary(&L, d);
	find_baseline(&L, d);
	if (diags->nerrors == before) {
		load_years(&L, d);
		load_compare(&L, d);
		data_load_distribution(&L, d);
		data_load_histogram(&L, d);
		data_load_categories(&L, d);
		data_load_inputs(&L, d);
		data_load_sensitivity(&L, d);
		data_load_budget(&L, d);
		data_load_kv(&L, "findings.csv", 0, &d->findings, &d->nfindings,
			&d->has_findings);
	}
	free(L.prov_path);
	if (diags->nerrors == before)
		return CHART_OK;
	chart_data_free(d);
	return L.io_error ? CHART_EIO : CHART_EINPUT;
}

static void free_kv(struct chart_kv *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].value);
	}
	free(v);
}

void chart_data_free(struct chart_data *d)
{
	for (int o = 0; o < d->nopt; o++) {
		struct chart_option *p = &d->opt[o];
		free(p->id);
		free(p->label);
		free(p->short_label);
		free(p->gross);
		free(p->net);
		free(p->cum);
		free(p->bins);
		free(p->pub_bins);
		free(p->cat_present);
		free(p->cat_net_mean);
		free(p->cat_gross_mean);
		free(p->cat_net_point);
		free(p->cat_gross_point);
		free(p->budget);
	}
	free(d->opt);
	for (int c = 0; c < d->ncat; c++)
		free(d->categories[c]);
	free(d->categories);
	for (int y = 0; y < d->nyears; y++)
		free(d->year_labels[y]);
	free(d->year_labels);
	for (size_t i = 0; i < d->ninputs; i++)
		for (int c = 0; c < IN_NCOLS; c++)
			free(d->inputs[i].cell[c]);
	free(d->inputs);
	free_kv(d->prov, d->nprov);
	free_kv(d->findings, d->nfindings);
	for (size_t i = 0; i < d->nsens; i++) {
		free(d->sens[i].input);
		free(d->sens[i].year);
	}
	free(d->sens);
	memset(d, 0, sizeof(*d));
}

const char *chart_name(const struct chart_data *d, int o)
{
	return d->opt[o].short_label ? d->opt[o].short_label : d->opt[o].label;
}

const char *chart_prov(const struct chart_data *d, const char *key)
{
	for (size_t i = 0; i < d->nprov; i++)
		if (strcmp(d->prov[i].key, key) == 0)
			return d->prov[i].value;
	return NULL;
}

const char *chart_finding(const struct chart_data *d, const char *key)
{
	for (size_t i = 0; i < d->nfindings; i++)
		if (strcmp(d->findings[i].key, key) == 0 &&
		    d->findings[i].value[0])
			return d->findings[i].value;
	return NULL;
}

const char *chart_param_label(const struct chart_data *d, const char *name)
{
	const struct chart_input *in = chart_param(d, name);
	return in && in->cell[IN_LABEL][0] ? in->cell[IN_LABEL] : name;
}

const struct chart_input *chart_param(const struct chart_data *d,
				      const char *name)
{
	for (size_t i = 0; i < d->ninputs; i++) {
		const struct chart_input *in = &d->inputs[i];
		if (strcmp(in->cell[IN_KIND], "item") != 0 &&
		    strcmp(in->cell[IN_KIND], "term") != 0 &&
		    strcmp(in->cell[IN_NAME], name) == 0)
			return in;
	}
	return NULL;
}
