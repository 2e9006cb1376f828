/* batch.csv rows, the batch provenance and the terminal summary of a sweep
 * (see batch.h). */
#include "output/batch.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/resultfile.h"
#include "util/mem.h"
#include "util/numfmt.h"

void batch_header(struct csvout *w, int levy)
{
	resultfile_header(levy ? &resultfile_batch_levy : &resultfile_batch, w);
}

/* P50, P80 and P90 of each levy measure over the horizon. */
static void levy_cells(const struct model *m, const struct summary *s, int o,
		       struct csvout *w)
{
	for (int k = 0; k < LV_COUNT; k++) {
		int on = s->levy_total &&
			 summary_levy_applies(m, (enum levy_measure)k) &&
			 !(k == LV_ROOM && o == s->baseline);
		const struct summary_stat *st =
			on ? &s->levy_total[o * LV_COUNT + k] : NULL;
		static const int q[] = {Q50, Q80, Q90};
		for (int i = 0; i < 3; i++) {
			if (st)
				csvout_number(w, st->q[q[i]]);
			else
				csvout_empty(w);
		}
	}
}

/* point, mean, sd, p10, p50, p90 of measure k of option o. */
static void measure_cells(const struct summary *s, int o, enum measure k,
			  struct csvout *w)
{
	const struct summary_stat *st = &s->measure[o * M_COUNT + k];
	csvout_cents(w, s->point[o * M_COUNT + k]);
	csvout_cents(w, st->mean);
	csvout_cents(w, st->sd);
	csvout_cents(w, st->q[Q10]);
	csvout_cents(w, st->q[Q50]);
	csvout_cents(w, st->q[Q90]);
}

void batch_rows(const char *case_name, const struct model *m,
		const struct summary *s, int levy, struct csvout *w)
{
	for (int o = 0; o < s->noptions; o++) {
		csvout_text(w, case_name);
		csvout_text(w, m->options[o].id);
		csvout_text(w, m->options[o].label);
		csvout_text(w, m->options[s->baseline].id);
		measure_cells(s, o, M_NET_PV, w);
		measure_cells(s, o, M_GROSS_PV, w);
		if (s->has_students)
			csvout_cents(w, s->measure[o * M_COUNT +
						   M_NET_PER_STUDENT_YEAR]
						.q[Q50]);
		else
			csvout_empty(w);
		if (o == s->baseline) {
			csvout_empty(w);
			csvout_empty(w);
		} else {
			const struct summary_cmp *c =
				&s->cmp[o * M_COUNT + M_NET_PV];
			csvout_number(w, c->p_cheaper);
			csvout_number(w, c->p_cheaper_se);
		}
		csvout_number(w, s->p_best[o]);
		if (levy)
			levy_cells(m, s, o, w);
		csvout_end_row(w);
	}
}

int batch_is_tossup(double p, double se)
{
	double band = 2 * se > 0.05 ? 2 * se : 0.05;
	return fabs(p - 0.5) < band;
}

void batch_outcome(const struct sim_result *r, const struct summary *s,
		   struct batch_outcome *out)
{
	int lead = 0, next = -1;
	for (int o = 1; o < s->noptions; o++) {
		double v = s->measure[o * M_COUNT + M_NET_PV].q[Q50];
		if (v < s->measure[lead * M_COUNT + M_NET_PV].q[Q50]) {
			next = lead;
			lead = o;
		} else if (next < 0 ||
			   v < s->measure[next * M_COUNT + M_NET_PV].q[Q50]) {
			next = o;
		}
	}
	out->leader = lead;
	out->runner_up = next;
	out->p = 1;
	out->se = 0;
	out->tossup = 0;
	if (next < 0)
		return;
	const double *a = sim_measure(r, lead, M_NET_PV);
	const double *b = sim_measure(r, next, M_NET_PV);
	long below = 0;
	for (long i = 0; i < r->trials; i++)
		below += a[i] < b[i];
	out->p = (double)below / (double)r->trials;
	out->se = sqrt(out->p * (1 - out->p) / (double)r->trials);
	out->tossup = batch_is_tossup(out->p, out->se);
}

/* ---- the tally ------------------------------------------------------- */

static size_t option_slot(struct batch_tally *t, const struct model *m,
			  int o)
{
	for (size_t i = 0; i < t->noptions; i++)
		if (strcmp(t->ids[i], m->options[o].id) == 0)
			return i;
	size_t n = t->noptions + 1;
	t->ids = xreallocarray(t->ids, n, sizeof(char *));
	t->labels = xreallocarray(t->labels, n, sizeof(char *));
	t->wins = xreallocarray(t->wins, n, sizeof(size_t));
	t->ids[n - 1] = xstrdup(m->options[o].id);
	t->labels[n - 1] = xstrdup(m->options[o].label);
	t->wins[n - 1] = 0;
	t->noptions = n;
	return n - 1;
}

/* A share as a whole percentage, or with one decimal when its standard
 * error supports it (as in the run summary). */
static void share_text(struct strbuf *b, double p, double se)
{
	char num[NUMFMT_MAX], err[NUMFMT_MAX];
	int fine = se * 100 < 0.05;
	numfmt_fixed(p * 100, fine && se > 0 ? 1 : 0, num);
	/* A standard error of 0 is no certainty (a share of 0 or 1, or too
	 * few trials): not printed as "± 0". */
	if (!(se > 0)) {
		strbuf_printf(b, "%s%% (no margin)", num);
		return;
	}
	numfmt_fixed(se * 100, fine ? 2 : 1, err);
	strbuf_printf(b, "%s%% (± %s)", num, err);
}

void batch_tally_add(struct batch_tally *t, const char *name,
		     const struct model *m, const struct batch_outcome *o)
{
	for (size_t k = 0; k < m->noptions; k++)
		option_slot(t, m, (int)k);
	t->wins[option_slot(t, m, o->leader)]++;
	t->ncases++;
	if (!o->tossup)
		return;
	if (t->ntossups++ >= BATCH_TOSSUPS_SHOWN)
		return;
	strbuf_printf(&t->tossups, "  %s: %s cheaper than %s in ", name,
		      m->options[o->leader].id, m->options[o->runner_up].id);
	share_text(&t->tossups, o->p, o->se);
	strbuf_puts(&t->tossups, " of trials\n");
}

void batch_tally_text(const struct batch_tally *t, const char *what,
		      struct strbuf *out)
{
	strbuf_printf(out, "%s\n", what);
	if (t->ncases == 0)
		return;
	strbuf_puts(out, "\nCheapest option at P50 (median district net "
			 "present value):\n");
	size_t w = 0;
	for (size_t i = 0; i < t->noptions; i++) {
		size_t n = strlen(t->labels[i]) + strlen(t->ids[i]) + 3;
		w = n > w ? n : w;
	}
	char num[64];
	snprintf(num, sizeof(num), "%zu", t->ncases);
	int nw = (int)strlen(num);
	for (size_t i = 0; i < t->noptions; i++) {
		struct strbuf name = STRBUF_INIT;
		strbuf_printf(&name, "%s (%s)", t->labels[i], t->ids[i]);
		strbuf_printf(out, "  %-*s  %*zu of %zu cases", (int)w,
			      strbuf_str(&name), nw, t->wins[i], t->ncases);
		char pct[NUMFMT_MAX];
		numfmt_fixed(100.0 * (double)t->wins[i] / (double)t->ncases, 0,
			     pct);
		strbuf_printf(out, " (%s%%)\n", pct);
		strbuf_free(&name);
	}
	if (t->ntossups == 0) {
		strbuf_puts(out, "\nNo toss-ups: in every case the cheapest "
				 "option at P50 costs less than the\n"
				 "runner-up in clearly more than half of the "
				 "trials.\n");
		return;
	}
	strbuf_printf(out,
		      "\nToss-ups: %zu case%s where the cheapest option at P50 "
		      "costs less than the\nrunner-up in about half of the "
		      "trials (within max(5 points, 2 SE) of 50%%):\n",
		      t->ntossups, t->ntossups == 1 ? "" : "s");
	strbuf_puts(out, strbuf_str(&t->tossups));
	if (t->ntossups > BATCH_TOSSUPS_SHOWN)
		strbuf_printf(out, "  ... and %zu more\n",
			      t->ntossups - BATCH_TOSSUPS_SHOWN);
}

void batch_tally_free(struct batch_tally *t)
{
	for (size_t i = 0; i < t->noptions; i++) {
		free(t->ids[i]);
		free(t->labels[i]);
	}
	free(t->ids);
	free(t->labels);
	free(t->wins);
	strbuf_free(&t->tossups);
	memset(t, 0, sizeof(*t));
}

/* ---- provenance ------------------------------------------------------ */

static void kv(struct csvout *w, const char *k, const char *v)
{
	csvout_text(w, k);
	csvout_text(w, v);
	csvout_end_row(w);
}

void batch_provenance(const struct batch_info *info, struct csvout *w)
{
	char buf[64];
	resultfile_header(&resultfile_provenance, w);
	kv(w, "program", "edtco");
	kv(w, "version", info->version);
	kv(w, "command", info->command);
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)info->seed);
	kv(w, "seed", buf);
	snprintf(buf, sizeof(buf), "%ld", info->trials);
	kv(w, "trials", buf);
	kv(w, "generator", info->generator);
	kv(w, "random_streams", "every case uses the same seed and streams "
				"(common random numbers)");
	snprintf(buf, sizeof(buf), "%zu", info->ncases);
	kv(w, "cases", buf);
	if (info->shard_n) {
		snprintf(buf, sizeof(buf), "%lu/%lu", info->shard_k,
			 info->shard_n);
		kv(w, "shard", buf);
	}
	for (size_t i = 0; info->m && i < info->m->nfiles; i++) {
		kv(w, "input_file", info->m->files[i].path);
		kv(w, "input_sha256", info->m->files[i].sha256);
	}
	kv(w, "input_file", info->sweep_path);
	kv(w, "input_sha256", info->sweep_sha256);
}
