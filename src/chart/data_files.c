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
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_distribution, 1)) {
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
		if (!all && t.ok)
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
	/* budget.csv's columns (resultfile_budget) read here. */
	enum { B_OPTION = 0, B_YEAR = 1, B_OP_P50 = 11, B_OP_P80, B_OP_P90,
	       B_RISK_MEAN, B_RISK_P90, B_P_RISK_EVENT, B_AID_MEAN };
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_budget, 0)) {
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
		int o = data_option_at(L, d, &t, r, B_OPTION);
		if (o < 0)
			continue;
		long year = 0;
		int total = strcmp(data_cell(&t, r, B_YEAR), "total") == 0;
		if (!total && data_whole(L, &t, r, B_YEAR, 1, ny, &year) != 0)
			continue;
		if (seen[o * (ny + 1) + year]++) {
			data_duplicate(L, &t, r);
			continue;
		}
		struct chart_option *p = &d->opt[o];
		struct chart_budget *b =
			total ? &p->budget_total : &p->budget[year - 1];
		data_num(L, &t, r, B_OP_P50, &b->op[CB_P50]);
		data_num(L, &t, r, B_OP_P80, &b->op[CB_P80]);
		data_num(L, &t, r, B_OP_P90, &b->op[CB_P90]);
		data_num(L, &t, r, B_RISK_MEAN, &b->risk_mean);
		data_num(L, &t, r, B_RISK_P90, &b->risk_p90);
		data_num(L, &t, r, B_AID_MEAN, &b->aid);
		if (total) {
			data_num(L, &t, r, B_P_RISK_EVENT, &p->p_risk_event);
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
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_histogram, 1)) {
		csvin_free(&t.t);
		return;
	}
	size_t *cap = xcalloc(2 * (size_t)d->nopt + 1, sizeof(size_t));
	for (size_t r = 0; r < t.t.nrows; r++) {
		int o = data_option_at(L, d, &t, r, 0);
		if (o < 0)
			continue;
		/* net_pv: the district's cost; gross_pv: the public's. */
		const char *ms = data_cell(&t, r, 2);
		int pub = strcmp(ms, "gross_pv") == 0;
		if (!pub && strcmp(ms, "net_pv") != 0) {
			diag_error(L->d, data_cell_loc(&t, r, 2),
				   "expected the measure net_pv or gross_pv");
			continue;
		}
		struct chart_bin b;
		int bad = data_num(L, &t, r, 3, &b.low) |
			  data_num(L, &t, r, 4, &b.high) |
			  data_whole(L, &t, r, 5, 0, 2000000000L, &b.count) |
			  data_num(L, &t, r, 6, &b.share);
		if (bad)
			continue;
		struct chart_option *p = &d->opt[o];
		struct chart_bin **v = pub ? &p->pub_bins : &p->bins;
		size_t *nv = pub ? &p->npub_bins : &p->nbins;
		if (!(b.high > b.low) ||
		    (*nv && b.low != (*v)[*nv - 1].high)) {
			diag_error(L->d, data_cell_loc(&t, r, 3),
				   "bins must be adjacent and in increasing "
				   "order");
			continue;
		}
		GROW(*v, cap[2 * o + pub], *nv + 1);
		(*v)[(*nv)++] = b;
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
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_categories, 1)) {
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
	if (!data_tab_open(L, &t, &resultfile_inputs, 1)) {
		csvin_free(&t.t);
		return;
	}
	d->inputs = xcalloc(t.t.nrows + 1, sizeof(*d->inputs));
	for (size_t r = 0; r < t.t.nrows; r++) {
		const char *kind = data_cell(&t, r, IN_KIND);
		int item = strcmp(kind, "item") == 0 ||
			   strcmp(kind, "term") == 0;
		if (!item && strcmp(kind, "parameter") != 0 &&
		    strcmp(kind, "default") != 0 &&
		    strcmp(kind, "setting") != 0) {
			diag_error(L->d, data_cell_loc(&t, r, IN_KIND),
				   "kind: expected parameter, default, "
				   "setting, item or term");
			continue;
		}
		if (item && data_option_at(L, d, &t, r, IN_OPTION) < 0)
			continue;
		for (int c = 0; c < IN_NCOLS; c++)
			d->inputs[d->ninputs].cell[c] =
				xstrdup(data_cell(&t, r, c));
		d->ninputs++;
	}
	csvin_free(&t.t);
}

void data_load_kv(struct loader *L, const char *name, int required,
		    struct chart_kv **out, size_t *n, int *present)
{
	int findings = strcmp(name, "findings.csv") == 0;
	struct tab t;
	int ok = data_tab_open(L, &t,
			       findings ? &resultfile_findings
					: &resultfile_provenance,
			       required);
	if (present)
		*present = ok;
	if (ok) {
		*out = xcalloc(t.t.nrows + 1, sizeof(**out));
		for (size_t r = 0; r < t.t.nrows; r++) {
			const char *key = data_cell(&t, r, 0);
			/* Keys are unique but for the input files' rows. */
			int dup = 0;
			for (size_t i = 0; i < *n && !dup; i++)
				dup = strcmp((*out)[i].key, key) == 0;
			if (dup && strcmp(key, "input_file") != 0 &&
			    strcmp(key, "input_sha256") != 0) {
				diag_error(L->d, data_cell_loc(&t, r, 0),
					   "key '%s' is given twice", key);
				continue;
			}
			(*out)[*n].key = xstrdup(key);
			(*out)[*n].value = xstrdup(data_cell(&t, r, 1));
			(*out)[*n].line = data_cell_loc(&t, r, 1).line;
			(*n)++;
		}
	}
	csvin_free(&t.t);
}

void data_load_sensitivity(struct loader *L, struct chart_data *d)
{
	struct tab t;
	if (!data_tab_open(L, &t, &resultfile_sensitivity, 0)) {
		csvin_free(&t.t);
		return;
	}
	d->has_sens = 1;
	d->sens = xcalloc(t.t.nrows + 1, sizeof(*d->sens));
	int kind = csvin_column(&t.t, "kind");
	int year = csvin_column(&t.t, "occurrence_year");
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
		const char *k = csvin_text(&t.t.rows[r], kind);
		if (*k && strcmp(k, "value") != 0 &&
		    strcmp(k, "occurrence") != 0) {
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, k, 40);
			diag_error(L->d, csvin_loc(&t.t, &t.t.rows[r], kind),
				   "unknown kind %s (expected value or "
				   "occurrence)",
				   strbuf_str(&q));
			strbuf_free(&q);
			continue;
		}
		if (bad)
			continue;
		s.occurrence = strcmp(k, "occurrence") == 0;
		s.input = xstrdup(data_cell(&t, r, 0));
		s.year = xstrdup(csvin_text(&t.t.rows[r], year));
		d->sens[d->nsens++] = s;
	}
	csvin_free(&t.t);
}

