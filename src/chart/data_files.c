/* Reading the other files of a result folder: the S-curve's table, the
 * difference histograms, the categories, the inputs, the sensitivity
 * table and the key-value files (see data_load.h). */
#include <stdlib.h>
#include <string.h>

#include "chart/data_load.h"
#include "util/mem.h"
#include "util/strbuf.h"

void data_load_distribution(struct loader *L, struct chart_data *d)
{
	static const char *const cols[] = {"option", "measure", "percentile",
					   "value", NULL};
	struct tab t;
	if (!data_tab_open(L, &t, "distribution.csv", 1, cols)) {
		csvin_free(&t.t);
		return;
	}
	int *seen = xcalloc((size_t)d->nopt * 101 + 1, sizeof(int));
	for (size_t r = 0; r < t.t.nrows; r++) {
		int o = data_option_at(L, d, &t, r, 0);
		long pc;
		if (o < 0 || data_whole(L, &t, r, 2, 0, 100, &pc) != 0)
			continue;
		if (strcmp(data_cell(&t, r, 1), "net_pv") != 0) {
			diag_error(L->d, data_cell_loc(&t, r, 1),
				   "expected the measure net_pv");
			continue;
		}
		if (seen[o * 101 + pc]++) {
			data_duplicate(L, &t, r);
			continue;
		}
		data_num(L, &t, r, 3, &d->opt[o].cdf[pc]);
	}
	for (int o = 0; o < d->nopt; o++) {
		int all = 1;
		for (int p = 0; p <= 100; p++)
			all &= seen[o * 101 + p] > 0;
		d->opt[o].has_cdf = all;
		if (!all)
			diag_error(L->d, data_file_loc(t.t.file.path),
				   "option '%s' lacks some of the percentiles "
				   "0 to 100",
				   d->opt[o].id);
	}
	free(seen);
	csvin_free(&t.t);
}

void data_load_budget(struct loader *L, struct chart_data *d)
{
	static const char *const cols[] = {
		"option",	 "year",	  "operating_p50",
		"operating_p80", "operating_p90", "risk_mean",
		"risk_p90",	 "p_risk_event",  "aid_mean",
		NULL};
	struct tab t;
	if (!data_tab_open(L, &t, "budget.csv", 0, cols)) {
		csvin_free(&t.t);
		return;
	}
	size_t before = L->d->nerrors;
	int ny = d->nyears;
	int *seen = xcalloc((size_t)d->nopt * (size_t)(ny + 1) + 1, sizeof(int));
	for (int o = 0; o < d->nopt; o++)
		d->opt[o].budget =
			xcalloc((size_t)ny + 1, sizeof(struct chart_budget));
	for (size_t r = 0; r < t.t.nrows; r++) {
		int o = data_option_at(L, d, &t, r, 0);
		if (o < 0)
			continue;
		long year = 0;
		int total = strcmp(data_cell(&t, r, 1), "total") == 0;
		if (!total && data_whole(L, &t, r, 1, 1, ny, &year) != 0)
			continue;
		if (seen[o * (ny + 1) + year]++) {
			data_duplicate(L, &t, r);
			continue;
		}
		struct chart_option *p = &d->opt[o];
		struct chart_budget *b =
			total ? &p->budget_total : &p->budget[year - 1];
		data_num(L, &t, r, 2, &b->op[CB_P50]);
		data_num(L, &t, r, 3, &b->op[CB_P80]);
		data_num(L, &t, r, 4, &b->op[CB_P90]);
		data_num(L, &t, r, 5, &b->risk_mean);
		data_num(L, &t, r, 6, &b->risk_p90);
		data_num(L, &t, r, 8, &b->aid);
		if (total) {
			data_num(L, &t, r, 7, &p->p_risk_event);
			if (p->p_risk_event > 0 || b->risk_mean != 0)
				d->has_risk = 1;
		}
	}
	int all = 1;
	for (int o = 0; o < d->nopt; o++)
		for (int y = 0; y <= ny; y++)
			all &= seen[o * (ny + 1) + y] > 0;
	if (!all)
		diag_error(L->d, data_file_loc(t.t.file.path),
			   "every option needs a row for every year and a "
			   "total row");
	d->has_budget = all && L->d->nerrors == before;
	free(seen);
	csvin_free(&t.t);
}

void data_load_histogram(struct loader *L, struct chart_data *d)
{
	static const char *const cols[] = {"option",   "baseline", "measure",
					   "bin_low",  "bin_high", "count",
					   "share",    NULL};
	struct tab t;
	if (!data_tab_open(L, &t, "histogram.csv", 1, cols)) {
		csvin_free(&t.t);
		return;
	}
	size_t *cap = xcalloc((size_t)d->nopt + 1, sizeof(size_t));
	for (size_t r = 0; r < t.t.nrows; r++) {
		int o = data_option_at(L, d, &t, r, 0);
		if (o < 0)
			continue;
		struct chart_bin b;
		int bad = data_num(L, &t, r, 3, &b.low) |
			  data_num(L, &t, r, 4, &b.high) |
			  data_whole(L, &t, r, 5, 0, 2000000000L, &b.count) |
			  data_num(L, &t, r, 6, &b.share);
		if (bad)
			continue;
		struct chart_option *p = &d->opt[o];
		if (!(b.high > b.low) ||
		    (p->nbins && b.low != p->bins[p->nbins - 1].high)) {
			diag_error(L->d, data_cell_loc(&t, r, 3),
				   "bins must be adjacent and in increasing "
				   "order");
			continue;
		}
		GROW(p->bins, cap[o], p->nbins + 1);
		p->bins[p->nbins++] = b;
	}
	free(cap);
	csvin_free(&t.t);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int find_category(const struct chart_data *d, const char *name)
{
	for (int c = 0; c < d->ncat; c++)
		if (strcmp(d->categories[c], name) == 0)
			return c;
	return -1;
}

void data_load_categories(struct loader *L, struct chart_data *d)
{
	static const char *const cols[] = {
		"option",         "category",       "gross_pv_mean",
		"net_pv_mean",    "gross_pv_point", "net_pv_point", NULL};
	struct tab t;
	if (!data_tab_open(L, &t, "categories.csv", 1, cols)) {
		csvin_free(&t.t);
		return;
	}
	for (size_t r = 0; r < t.t.nrows; r++) {
		const char *c = data_cell(&t, r, 1);
		if (*c && find_category(d, c) < 0) {
			d->categories = xreallocarray(d->categories,
						      (size_t)d->ncat + 1,
						      sizeof(char *));
			d->categories[d->ncat++] = xstrdup(c);
		}
	}
	if (d->ncat > 1)
		qsort(d->categories, (size_t)d->ncat, sizeof(char *), cmp_str);
	size_t n = (size_t)(d->ncat ? d->ncat : 1);
	for (int o = 0; o < d->nopt; o++) {
		struct chart_option *p = &d->opt[o];
		p->cat_present = xcalloc(n, sizeof(int));
		p->cat_net_mean = xcalloc(n, sizeof(double));
		p->cat_gross_mean = xcalloc(n, sizeof(double));
		p->cat_net_point = xcalloc(n, sizeof(double));
		p->cat_gross_point = xcalloc(n, sizeof(double));
	}
	for (size_t r = 0; r < t.t.nrows; r++) {
		int o = data_option_at(L, d, &t, r, 0);
		int c = find_category(d, data_cell(&t, r, 1));
		if (c < 0) {
			if (o >= 0)
				diag_error(L->d, data_cell_loc(&t, r, 1),
					   "missing category");
			continue;
		}
		if (o < 0)
			continue;
		struct chart_option *p = &d->opt[o];
		if (p->cat_present[c]++) {
			data_duplicate(L, &t, r);
			continue;
		}
		data_num(L, &t, r, 2, &p->cat_gross_mean[c]);
		data_num(L, &t, r, 3, &p->cat_net_mean[c]);
		data_num(L, &t, r, 4, &p->cat_gross_point[c]);
		data_num(L, &t, r, 5, &p->cat_net_point[c]);
	}
	csvin_free(&t.t);
}

void data_load_inputs(struct loader *L, struct chart_data *d)
{
	struct tab t;
	const char *cols[IN_NCOLS + 1];
	for (int i = 0; i < IN_NCOLS; i++)
		cols[i] = chart_input_columns[i];
	cols[IN_NCOLS] = NULL;
	if (!data_tab_open(L, &t, "inputs.csv", 1, cols)) {
		csvin_free(&t.t);
		return;
	}
	d->inputs = xcalloc(t.t.nrows + 1, sizeof(*d->inputs));
	for (size_t r = 0; r < t.t.nrows; r++) {
		for (int c = 0; c < IN_NCOLS; c++)
			d->inputs[r].cell[c] = xstrdup(data_cell(&t, r, c));
		d->ninputs++;
	}
	csvin_free(&t.t);
}

void data_load_kv(struct loader *L, const char *name, int required,
		    struct chart_kv **out, size_t *n, int *present)
{
	static const char *const pcols[] = {"key", "value", NULL};
	static const char *const fcols[] = {"key", "text", NULL};
	int findings = strcmp(name, "findings.csv") == 0;
	struct tab t;
	int ok = data_tab_open(L, &t, name, required, findings ? fcols : pcols);
	if (present)
		*present = ok;
	if (ok) {
		*out = xcalloc(t.t.nrows + 1, sizeof(**out));
		for (size_t r = 0; r < t.t.nrows; r++) {
			(*out)[r].key = xstrdup(data_cell(&t, r, 0));
			(*out)[r].value = xstrdup(data_cell(&t, r, 1));
		}
		*n = t.t.nrows;
	}
	csvin_free(&t.t);
}

void data_load_sensitivity(struct loader *L, struct chart_data *d)
{
	static const char *const cols[] = {
		"input",         "output",        "input_p10",
		"input_p90",     "output_at_p10", "output_at_p90",
		"output_point",  "swing",         "rank_correlation",
		NULL};
	struct tab t;
	if (!data_tab_open(L, &t, "sensitivity.csv", 0, cols)) {
		csvin_free(&t.t);
		return;
	}
	d->has_sens = 1;
	d->sens = xcalloc(t.t.nrows + 1, sizeof(*d->sens));
	const char *base = d->nopt ? d->opt[d->baseline].id : "";
	for (size_t r = 0; r < t.t.nrows; r++) {
		const char *out = data_cell(&t, r, 1);
		struct chart_sens s;
		memset(&s, 0, sizeof(s));
		s.option = data_find_option(d, out);
		size_t n = strlen(out), bn = strlen(base);
		if (s.option < 0 && n > bn + 1 && out[n - bn - 1] == '-' &&
		    strcmp(out + n - bn, base) == 0) {
			char *id = xstrndup(out, n - bn - 1);
			s.option = data_find_option(d, id);
			s.diff = 1;
			free(id);
		}
		if (s.option < 0) {
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, out, 40);
			diag_error(L->d, data_cell_loc(&t, r, 1),
				   "unknown output %s (expected an option, or "
				   "option-%s)",
				   strbuf_str(&q), base);
			strbuf_free(&q);
			continue;
		}
		int bad = data_num(L, &t, r, 2, &s.in_p10) |
			  data_num(L, &t, r, 3, &s.in_p90) |
			  data_num(L, &t, r, 4, &s.out_p10) |
			  data_num(L, &t, r, 5, &s.out_p90) |
			  data_num(L, &t, r, 6, &s.out_point) |
			  data_num(L, &t, r, 7, &s.swing);
		if (*data_cell(&t, r, 8)) {
			bad |= data_num(L, &t, r, 8, &s.rho);
			s.has_rho = 1;
		}
		if (bad)
			continue;
		s.input = xstrdup(data_cell(&t, r, 0));
		d->sens[d->nsens++] = s;
	}
	csvin_free(&t.t);
}

