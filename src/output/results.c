/* Writing the result tables (see results.h). */
#include "output/results.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis/decision.h"
#include "io/resultfile.h"
#include "output/decision_out.h"
#include "util/numfmt.h"

static void quantiles(struct csvout *w, const struct summary_stat *st)
{
	for (int i = 0; i < SUMMARY_NQ; i++)
		csvout_cents(w, st->q[i]);
}

static int measures(const struct summary *s)
{
	return s->has_students ? M_COUNT : M_COUNT - 1;
}

/* Whether levy measure k of option o has rows: it applies, and
 * cap_room_share is not the baseline's (0 by definition). */
static int levy_rows(const struct model *m, const struct summary *s, int o,
		     int k)
{
	return s->levy_total && summary_levy_applies(m, (enum levy_measure)k) &&
	       !(k == LV_ROOM && o == s->baseline);
}

/* A levy measure's mean and percentiles: shares and rates, in their
 * shortest exact form (cents would round them away). */
static void levy_cells(struct csvout *w, const struct summary_stat *st)
{
	csvout_number(w, st->mean);
	for (int i = 0; i < SUMMARY_NQ; i++)
		csvout_number(w, st->q[i]);
}

void results_summary(const struct model *m, const struct summary *s,
		     struct csvout *w)
{
	resultfile_header(&resultfile_summary, w);
	for (int o = 0; o < s->noptions; o++) {
		for (int k = 0; k < measures(s); k++) {
			const struct summary_stat *st =
				&s->measure[o * M_COUNT + k];
			csvout_text(w, m->options[o].id);
			csvout_text(w, m->options[o].label);
			csvout_text(w, sim_measure_name((enum measure)k));
			csvout_cents(w, s->point[o * M_COUNT + k]);
			csvout_cents(w, st->mean);
			csvout_cents(w, st->sd);
			quantiles(w, st);
			csvout_text(w, m->options[o].short_label
					       ? m->options[o].short_label
					       : "");
			csvout_end_row(w);
		}
		/* The levy measures over the horizon (summary.h). */
		for (int k = 0; k < LV_COUNT; k++) {
			if (!levy_rows(m, s, o, k))
				continue;
			const struct summary_stat *st =
				&s->levy_total[o * LV_COUNT + k];
			csvout_text(w, m->options[o].id);
			csvout_text(w, m->options[o].label);
			csvout_text(w, summary_levy_names[k]);
			csvout_number(w, s->point_levy_total[o * LV_COUNT + k]);
			csvout_number(w, st->mean);
			csvout_number(w, st->sd);
			for (int i = 0; i < SUMMARY_NQ; i++)
				csvout_number(w, st->q[i]);
			csvout_text(w, m->options[o].short_label
					       ? m->options[o].short_label
					       : "");
			csvout_end_row(w);
		}
	}
}

static void year_row(struct csvout *w, const struct model *m, int o, int t,
		     const char *flow, const struct summary_stat *st)
{
	char label[32];
	csvout_text(w, m->options[o].id);
	csvout_int(w, t);
	csvout_text(w, model_year_label(m, t, label, sizeof(label)));
	csvout_text(w, flow);
	csvout_cents(w, st->mean);
	quantiles(w, st);
	csvout_end_row(w);
}

void results_years(const struct model *m, const struct summary *s,
		   struct csvout *w)
{
	resultfile_header(&resultfile_years, w);
	for (int o = 0; o < s->noptions; o++) {
		for (int t = 1; t <= s->years; t++)
			year_row(w, m, o, t, "gross",
				 &s->gross[o * s->years + t - 1]);
		for (int t = 1; t <= s->net_years; t++)
			year_row(w, m, o, t, "net",
				 &s->net[o * s->net_years + t - 1]);
		for (int t = 1; t <= s->net_years; t++)
			year_row(w, m, o, t, "cumulative_net",
				 &s->cum_net[o * s->net_years + t - 1]);
		/* The levy measures by year (summary.h). */
		for (int k = 0; k < LV_COUNT; k++) {
			for (int t = 1; levy_rows(m, s, o, k) &&
					t <= s->net_years;
			     t++) {
				char label[32];
				csvout_text(w, m->options[o].id);
				csvout_int(w, t);
				csvout_text(w, model_year_label(m, t, label,
								sizeof(label)));
				csvout_text(w, summary_levy_names[k]);
				levy_cells(w,
					   &s->levy_year[(size_t)(o * LV_COUNT +
								  k) *
							 (size_t)s->net_years +
						 (size_t)t - 1]);
				csvout_end_row(w);
			}
		}
	}
}

/* The columns the decision analysis adds to compare.csv (empty without
 * one): the break-even year of the cumulative net cost (nominal, the same
 * on every row of an option) and its label, or "none"; and the shares of
 * trials in which the option, and the baseline, have the lowest value of
 * the row's measure among all options. */
static void compare_decision(struct csvout *w, const struct model *m,
			     const struct decision *d, int o, int k)
{
	if (!d) {
		for (int i = 0; i < 5; i++)
			csvout_empty(w);
		return;
	}
	char label[32];
	int be = d->break_even[o];
	if (be > 0) {
		csvout_int(w, be);
		csvout_text(w, model_year_label(m, be, label, sizeof(label)));
	} else {
		csvout_text(w, "none");
		csvout_text(w, "none");
	}
	csvout_number(w, d->p_best[o * M_COUNT + k]);
	csvout_number(w, d->p_best[d->baseline * M_COUNT + k]);
	csvout_number(w, d->p_tied[k]);
}

void results_compare(const struct model *m, const struct summary *s,
		     struct csvout *w)
{
	resultfile_header(&resultfile_compare, w);
	const struct decision *d = s->decision;
	for (int o = 0; o < s->noptions; o++) {
		if (o == s->baseline)
			continue;
		for (int k = 0; k < measures(s); k++) {
			const struct summary_cmp *c = &s->cmp[o * M_COUNT + k];
			csvout_text(w, m->options[o].id);
			csvout_text(w, m->options[s->baseline].id);
			csvout_text(w, sim_measure_name((enum measure)k));
			csvout_cents(w, c->diff.mean);
			quantiles(w, &c->diff);
			csvout_number(w, c->p_cheaper);
			csvout_number(w, c->p_cheaper_se);
			compare_decision(w, m, d, o, k);
			csvout_end_row(w);
		}
	}
}

/* The operating budget (risk events not occurring) and the risk exposure
 * of one row of budget.csv. */
static void budget_split(struct csvout *w, const struct summary_stat *op,
			 double op_point, const struct summary_stat *risk)
{
	csvout_cents(w, op_point);
	csvout_cents(w, op->q[Q50]);
	csvout_cents(w, op->q[Q80]);
	csvout_cents(w, op->q[Q90]);
	csvout_cents(w, risk->mean);
	csvout_cents(w, risk->q[Q90]);
}

void results_budget(const struct model *m, const struct summary *s,
		    struct csvout *w)
{
	resultfile_header(&resultfile_budget, w);
	char label[32], last[32];
	for (int o = 0; o < s->noptions; o++) {
		for (int t = 1; t <= s->net_years; t++) {
			const struct summary_stat *st =
				&s->net[o * s->net_years + t - 1];
			double point = s->point_net[o * s->net_years + t - 1];
			csvout_text(w, m->options[o].id);
			csvout_int(w, t);
			csvout_text(w,
				    model_year_label(m, t, label, sizeof(label)));
			csvout_cents(w, point);
			csvout_cents(w, st->q[Q50]);
			csvout_cents(w, st->q[Q80]);
			csvout_cents(w, st->q[Q90]);
			csvout_cents(w, st->q[Q80] - point);
			csvout_cents(w, st->q[Q50] - point);
			csvout_cents(w, st->q[Q90] - point);
			size_t k = (size_t)(o * s->net_years + t - 1);
			budget_split(w, &s->operating[k], s->point_operating[k],
				     &s->risk[k]);
			csvout_empty(w);
			csvout_cents(w, s->aid_mean[k]);
			csvout_end_row(w);
		}
		/* The total over the horizon: the percentiles of each trial's
		 * total (net_nominal, aid after the horizon included), not
		 * sums of the yearly percentiles. */
		const struct summary_stat *st = &s->measure[o * M_COUNT +
							    M_NET_NOMINAL];
		double point = s->point[o * M_COUNT + M_NET_NOMINAL];
		struct strbuf span = STRBUF_INIT;
		model_year_label(m, 1, label, sizeof(label));
		model_year_label(m, s->net_years, last, sizeof(last));
		if (s->net_years > 1)
			strbuf_printf(&span, "%s to %s", label, last);
		else
			strbuf_puts(&span, label);
		csvout_text(w, m->options[o].id);
		csvout_text(w, "total");
		csvout_text(w, strbuf_str(&span));
		csvout_cents(w, point);
		csvout_cents(w, st->q[Q50]);
		csvout_cents(w, st->q[Q80]);
		csvout_cents(w, st->q[Q90]);
		csvout_cents(w, st->q[Q80] - point);
		csvout_cents(w, st->q[Q50] - point);
		csvout_cents(w, st->q[Q90] - point);
		budget_split(w, &s->operating_total[o],
			     s->point_operating_total[o], &s->risk_total[o]);
		csvout_number(w, s->p_risk_event[o]);
		double aid = 0;
		for (int t = 1; t <= s->net_years; t++)
			aid += s->aid_mean[o * s->net_years + t - 1];
		csvout_cents(w, aid);
		csvout_end_row(w);
		strbuf_free(&span);
	}
}

void results_distribution(const struct model *m, const struct summary *s,
			  struct csvout *w)
{
	resultfile_header(&resultfile_distribution, w);
	for (int o = 0; o < s->noptions; o++) {
		for (int i = 0; i < SUMMARY_CDF_N; i++) {
			csvout_text(w, m->options[o].id);
			csvout_text(w, sim_measure_name(M_NET_PV));
			csvout_int(w, i);
			csvout_cents(w, s->cdf[o].q[i]);
			csvout_end_row(w);
		}
	}
}

void results_categories(const struct model *m, const struct sim_result *r,
			struct csvout *w)
{
	resultfile_header(&resultfile_categories, w);
	int nc = r->ncategories;
	for (int o = 0; o < r->noptions; o++) {
		for (int c = 0; c < nc; c++) {
			int used = 0;
			for (size_t i = 0; i < m->nitems; i++)
				used |= m->items[i].option == o &&
					m->items[i].category == c;
			if (!used)
				continue;
			csvout_text(w, m->options[o].id);
			csvout_text(w, m->categories[c]);
			csvout_cents(w, r->cat_gross_pv_mean[o * nc + c]);
			csvout_cents(w, r->cat_net_pv_mean[o * nc + c]);
			csvout_cents(w, r->point.cat_gross_pv[o * nc + c]);
			csvout_cents(w, r->point.cat_net_pv[o * nc + c]);
			csvout_end_row(w);
		}
	}
}

/* The histogram rows of measure k (M_NET_PV or M_GROSS_PV) of every
 * option against the baseline. */
static void histogram_rows(const struct model *m, const struct summary *s,
			   enum measure k, struct csvout *w)
{
	for (int o = 0; o < s->noptions; o++) {
		if (o == s->baseline)
			continue;
		const struct summary_hist *h =
			k == M_GROSS_PV ? &s->hist_public[o] : &s->hist[o];
		for (size_t b = 0; b < h->nbins; b++) {
			csvout_text(w, m->options[o].id);
			csvout_text(w, m->options[s->baseline].id);
			csvout_text(w, sim_measure_name(k));
			/* Edges as multiples of the width, never accumulated. */
			csvout_cents(w, h->start + (double)b * h->width);
			csvout_cents(w, h->start + (double)(b + 1) * h->width);
			csvout_int(w, h->counts[b]);
			csvout_number(w, (double)h->counts[b] / (double)s->trials);
			csvout_end_row(w);
		}
	}
}

void results_histogram(const struct model *m, const struct summary *s,
		       struct csvout *w)
{
	resultfile_header(&resultfile_histogram, w);
	/* net_pv, the district's; then gross_pv, the public's, when the two
	 * can differ. */
	histogram_rows(m, s, M_NET_PV, w);
	if (model_public_differs(m))
		histogram_rows(m, s, M_GROSS_PV, w);
}

static void dist_cells(struct csvout *w, const struct dist *d)
{
	csvout_text(w, dist_name(d->kind));
	if (d->kind == DIST_FIXED) {
		csvout_empty(w);
		csvout_number(w, d->likely);
		csvout_empty(w);
		return;
	}
	csvout_number(w, d->low);
	if (d->kind == DIST_TRIANGULAR || d->kind == DIST_PERT)
		csvout_number(w, d->likely);
	else
		csvout_empty(w);
	csvout_number(w, d->high);
}

static void ref_cell(struct csvout *w, const struct model *m,
		     const struct model_ref *r)
{
	if (r->param >= 0)
		csvout_text(w, m->params[r->param].name);
	else
		csvout_number(w, r->value);
}

/* The settings that are not parameters (model_setting), as kind
 * "setting": the value in likely and point (a number, or year_labels'
 * text), the source "(default)" for a default. */
static void results_settings(const struct model *m, struct csvout *w)
{
	for (size_t i = 0; i < m->nsettings; i++) {
		const struct model_setting *s = &m->settings[i];
		csvout_text(w, "setting");
		csvout_empty(w);
		csvout_text(w, s->name);
		for (int k = 0; k < 3; k++) /* category, quantity, dist */
			csvout_empty(w);
		csvout_empty(w); /* low */
		for (int k = 0; k < 2; k++) {
			if (s->text)
				csvout_text(w, s->text);
			else
				csvout_number(w, s->value);
			if (k == 0)
				csvout_empty(w); /* high */
		}
		for (int k = 0; k < 8; k++)
			csvout_empty(w);
		csvout_text(w, s->is_default ? "(default)" : s->source);
		csvout_empty(w);
		csvout_empty(w);
		csvout_end_row(w);
	}
}

/* One contract term of an item as a row of kind "term": the term's column
 * name in category, its value (text) in likely. */
static void term_row(struct csvout *w, const struct model *m,
		     const struct model_item *it, const char *term,
		     const char *value)
{
	csvout_text(w, "term");
	csvout_text(w, m->options[it->option].id);
	csvout_text(w, it->name);
	csvout_text(w, term);
	csvout_empty(w); /* quantity */
	csvout_empty(w); /* dist */
	csvout_empty(w); /* low */
	csvout_text(w, value);
	for (int k = 0; k < 13; k++) /* high, point, per .. unit */
		csvout_empty(w);
	csvout_end_row(w);
}

/* The terms of items that have any (SPEC 10), after every item: a file
 * without terms gives the rows it gave before them. */
static void results_terms(const struct model *m, struct csvout *w)
{
	char buf[NUMFMT_MAX > 64 ? NUMFMT_MAX : 64];
	for (size_t i = 0; i < m->nitems; i++) {
		const struct model_item *it = &m->items[i];
		const struct model_terms *tm = &it->terms;
		if (!tm->has_terms)
			continue;
		if (tm->tiers) {
			struct strbuf b = STRBUF_INIT;
			for (int k = 0; k < tm->ntiers; k++) {
				char n[NUMFMT_MAX];
				strbuf_printf(&b, "%s%s-", k ? ";" : "",
					      numfmt_shortest(tm->tiers[k].from, n));
				if (isfinite(tm->tiers[k].to))
					strbuf_puts(&b, numfmt_shortest(
								tm->tiers[k].to, n));
				strbuf_printf(&b, ":%s",
					      numfmt_shortest(tm->tiers[k].rate, n));
			}
			term_row(w, m, it, "tiers", strbuf_str(&b));
			term_row(w, m, it, "tier_mode",
				 tm->tier_whole ? "whole" : "marginal");
			strbuf_free(&b);
		}
		if (tm->has_minimum) {
			numfmt_shortest(tm->minimum, buf);
			term_row(w, m, it, "minimum", buf);
		}
		if (tm->discount > 0) {
			struct strbuf b = STRBUF_INIT;
			numfmt_shortest(tm->discount, buf);
			term_row(w, m, it, "discount", buf);
			for (int t = 1; t <= m->years; t++) {
				if (!tm->discount_year[t] ||
				    (t > 1 && tm->discount_year[t - 1]))
					continue;
				int z = t;
				while (z < m->years && tm->discount_year[z + 1])
					z++;
				strbuf_printf(&b, "%s%d", strbuf_str(&b)[0] ? "," : "",
					      t);
				if (z > t)
					strbuf_printf(&b, "-%d", z);
			}
			term_row(w, m, it, "discount_years", strbuf_str(&b));
			strbuf_free(&b);
		}
		if (tm->esc_from != 1) {
			snprintf(buf, sizeof(buf), "%d", tm->esc_from);
			term_row(w, m, it, "escalate_from", buf);
		}
		const struct model_ref *refs[2] = {&tm->cap, &tm->floor};
		const int has[2] = {tm->has_cap, tm->has_floor};
		static const char *const names[2] = {"escalation_cap",
						     "escalation_floor"};
		for (int k = 0; k < 2; k++) {
			if (!has[k])
				continue;
			if (refs[k]->param >= 0)
				snprintf(buf, sizeof(buf), "%s",
					 m->params[refs[k]->param].name);
			else
				numfmt_shortest(refs[k]->value, buf);
			term_row(w, m, it, names[k], buf);
		}
	}
}

void results_inputs(const struct model *m, struct csvout *w)
{
	resultfile_header(&resultfile_inputs, w);
	for (size_t i = 0; i < m->nparams; i++) {
		const struct model_param *p = &m->params[i];
		csvout_text(w, p->is_default ? "default" : "parameter");
		csvout_empty(w);
		csvout_text(w, p->name);
		csvout_empty(w);
		csvout_empty(w);
		dist_cells(w, &p->dist);
		csvout_number(w, dist_point(&p->dist));
		for (int k = 0; k < 8; k++)
			csvout_empty(w);
		csvout_text(w, p->source);
		csvout_text(w, p->label ? p->label : "");
		csvout_text(w, p->unit ? p->unit : "");
		csvout_end_row(w);
	}
	results_settings(m, w);
	for (size_t i = 0; i < m->nitems; i++) {
		const struct model_item *it = &m->items[i];
		csvout_text(w, "item");
		csvout_text(w, m->options[it->option].id);
		csvout_text(w, it->name);
		csvout_text(w, m->categories[it->category]);
		if (it->qty == QTY_STUDENTS)
			csvout_text(w, "students");
		else
			ref_cell(w, m, &it->quantity);
		if (it->terms.tiers) {
			/* the tiers give the price: a "term" row below */
			csvout_text(w, "tiers");
			for (int k = 0; k < 4; k++) /* low, likely, high, point */
				csvout_empty(w);
		} else {
			dist_cells(w, &it->cost);
			csvout_number(w, dist_point(&it->cost));
		}
		csvout_text(w, it->terms.on_exit ? "exit"
				 : it->once       ? "once"
						  : "year");
		csvout_int(w, it->start);
		csvout_int(w, it->once ? it->start : it->end);
		ref_cell(w, m, &it->escalation);
		ref_cell(w, m, &it->probability);
		csvout_text(w, payer_name(it->payer));
		csvout_number(w, it->aid);
		csvout_text(w, it->group >= 0 ? m->groups[it->group].name : "");
		csvout_text(w, it->source);
		csvout_empty(w);
		csvout_empty(w);
		csvout_end_row(w);
	}
	results_terms(m, w);
}

static void kv(struct csvout *w, const char *k, const char *v)
{
	csvout_text(w, k);
	csvout_text(w, v);
	csvout_end_row(w);
}

void results_provenance(const struct model *m, const struct run_info *info,
			struct csvout *w)
{
	char buf[64];
	resultfile_header(&resultfile_provenance, w);
	kv(w, "program", "edtco");
	kv(w, "version", info->version);
	kv(w, "command", info->command);
	kv(w, "title", m->title);
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)m->seed);
	kv(w, "seed", buf);
	snprintf(buf, sizeof(buf), "%ld", m->trials);
	kv(w, "trials", buf);
	kv(w, "generator", info->generator);
	kv(w, "percentiles", "linear interpolation between order statistics "
			     "(Hyndman-Fan type 7)");
	kv(w, "discounting", "end of year: a flow of year t is divided by "
			     "(1 + discount_rate)^t");
	kv(w, "aid", "aid_ratio x aidable share x cost, paid aid_lag years "
		     "later, counted even after the horizon");
	kv(w, "baseline", m->options[m->baseline].id);
	for (size_t i = 0; i < m->nfiles; i++) {
		kv(w, "input_file", m->files[i].path);
		kv(w, "input_sha256", m->files[i].sha256);
	}
	if (info->sweep_path) {
		kv(w, "sweep_file", info->sweep_path);
		kv(w, "sweep_sha256", info->sweep_sha256);
		kv(w, "case", info->case_name);
	}
}

/* sensitivity.csv (findings 0) or findings.csv (1), from s->decision. */
static void results_decision_csv(const struct summary *s, int findings,
				 struct csvout *w)
{
	struct decision empty;
	memset(&empty, 0, sizeof(empty));
	const struct decision *d = s->decision ? s->decision : &empty;
	if (findings)
		decision_out_findings_csv(d, w);
	else
		decision_out_sensitivity(d, w);
}

const char *const results_file_names[] = {
	"summary.csv",      "years.csv",      "compare.csv", "budget.csv",
	"distribution.csv", "histogram.csv",  "categories.csv",
	"inputs.csv",       "provenance.csv", "sensitivity.csv",
	"findings.txt",     "findings.csv",   NULL};

int results_write_all(struct outdir *od, const char *prefix,
		      const struct model *m, const struct sim_result *r,
		      const struct summary *s, const struct run_info *info,
		      struct strbuf *err)
{
	int e = 0;
	for (int i = 0; results_file_names[i] && !e; i++) {
		const char *name = results_file_names[i];
		struct csvout w = CSVOUT_INIT;
		switch (i) {
		case 0: results_summary(m, s, &w); break;
		case 1: results_years(m, s, &w); break;
		case 2: results_compare(m, s, &w); break;
		case 3: results_budget(m, s, &w); break;
		case 4: results_distribution(m, s, &w); break;
		case 5: results_histogram(m, s, &w); break;
		case 6: results_categories(m, r, &w); break;
		case 7: results_inputs(m, &w); break;
		case 8: results_provenance(m, info, &w); break;
		/* The decision analysis; headers only without one. */
		case 9: results_decision_csv(s, 0, &w); break;
		case 10:
			if (s->decision)
				decision_out_findings_txt(s->decision, &w.text);
			break;
		default: results_decision_csv(s, 1, &w); break;
		}
		struct strbuf path = STRBUF_INIT;
		strbuf_printf(&path, "%s%s", prefix, name);
		e = outdir_write(od, strbuf_str(&path), w.text.s, w.text.len,
				 err);
		strbuf_free(&path);
		csvout_free(&w);
	}
	return e;
}
