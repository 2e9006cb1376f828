/* The result files of a run (SPEC 8): the CSV tables, as text.
 *
 * Each function appends one whole file to a struct csvout; the caller
 * decides where it goes (the staging folder of an outdir).  Money is written
 * to cents, shares and rates in their shortest exact form. */
#ifndef EDTCO_OUTPUT_RESULTS_H
#define EDTCO_OUTPUT_RESULTS_H

#include "analysis/summary.h"
#include "io/csvout.h"
#include "io/outdir.h"
#include "model/model.h"
#include "sim/sim.h"

/* What produced a run, for provenance.csv and chart footers. */
struct run_info {
	const char *version; /* "0.1.0" */
	const char *command; /* the command, without options that cannot
			      * change results (-j, -q, -o) */
	const char *generator; /* RNG_DESCRIPTION */
	/* A case of a batch: the sweep file and its SHA-256 (provenance keys
	 * sweep_file, sweep_sha256, then case); NULL for a run. */
	const char *sweep_path, *sweep_sha256, *case_name;
};

/* summary.csv: option, label, measure, point, mean, sd, p5 .. p95. */
void results_summary(const struct model *m, const struct summary *s,
		     struct csvout *w);

/* years.csv: option, year, year_label, flow, mean, p5 .. p95; flows gross
 * (years 1..H), net and cumulative_net (1..H+L when there is aid). */
void results_years(const struct model *m, const struct summary *s,
		   struct csvout *w);

/* compare.csv: option, baseline, measure, mean_diff, p5 .. p95,
 * p_cheaper, p_cheaper_se; then the columns the decision analysis adds
 * (s->decision; empty without one): break_even_year (a program year, or
 * "none") and break_even_label, of the cumulative net cost in nominal
 * dollars within the contract years, the same on every row of an option
 * (decision_break_even); p_best and p_best_baseline, the shares of trials
 * in which the option, and the baseline, alone have the lowest value of
 * the row's measure of all options; p_tied, the share in which two or more
 * options share that lowest value (so the p_best of all options and p_tied
 * add up to 1). */
void results_compare(const struct model *m, const struct summary *s,
		     struct csvout *w);

/* budget.csv: option, year, year_label, point, p50, p80, p90,
 * reserve_p80, reserve_p50, reserve_p90: the net cost of each year at each
 * confidence level, and each level minus the point estimate.  After an
 * option's years, a row with year "total" and year_label "FIRST to LAST":
 * the same for the total over every net year, net_nominal (percentiles of
 * each trial's total, not sums of yearly percentiles).  Then the budget
 * split in two: operating_point, operating_p50, operating_p80,
 * operating_p90, the net cost less its risk-event part (what to budget
 * when no risk event occurs; summary.operating); risk_mean and risk_p90,
 * the risk-event part's mean and 90th percentile (the risk exposure: what
 * to insure or hold in reserve); and on the total row p_risk_event, the
 * share of trials with at least one risk event (blank on year rows); and
 * aid_mean, the state aid received in the year (already taken off every
 * net column), mean over trials, summed over the years on the total row.
 * The
 * point column already holds risk items at probability times cost; the
 * operating columns hold none of them. */
void results_budget(const struct model *m, const struct summary *s,
		    struct csvout *w);

/* distribution.csv: option, measure, percentile (0..100), value: the
 * empirical distribution of net_pv, for the S-curve. */
void results_distribution(const struct model *m, const struct summary *s,
			  struct csvout *w);

/* histogram.csv: option, baseline, measure, bin_low, bin_high, count,
 * share: the per-trial difference of net_pv, bins aligned on 0; then of
 * gross_pv (the public's cost) when it can differ (model_public_differs). */
void results_histogram(const struct model *m, const struct summary *s,
		       struct csvout *w);

/* categories.csv: option, category, gross_pv_mean, net_pv_mean,
 * gross_pv_point, net_pv_point: the expected cost by category. */
void results_categories(const struct model *m, const struct sim_result *r,
			struct csvout *w);

/* inputs.csv: every input as written (parameters, settings, then cost
 * items), with its distribution and source, and a parameter's label and
 * unit, for the assumptions page. */
void results_inputs(const struct model *m, struct csvout *w);

/* provenance.csv: key, value. */
void results_provenance(const struct model *m, const struct run_info *info,
			struct csvout *w);

/* The names of every file results_write_all writes (NULL-terminated), so
 * that a rerun can remove what an earlier run left.  sensitivity.csv,
 * findings.txt and findings.csv come from s->decision (output/
 * decision_out.h), and hold only their header (findings.txt: nothing)
 * without one. */
extern const char *const results_file_names[];

/* Writes every result table into od, each name prefixed by prefix (a
 * subfolder such as "case-1/", or "").  Returns 0, or an errno value with a
 * message in err. */
int results_write_all(struct outdir *od, const char *prefix,
		      const struct model *m, const struct sim_result *r,
		      const struct summary *s, const struct run_info *info,
		      struct strbuf *err);

#endif
