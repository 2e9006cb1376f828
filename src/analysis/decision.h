/* The decision analysis of a run: what a board asks after the summary.
 *
 * For every option against the baseline: the break-even year of the
 * cumulative net cost; for every option and measure: the share of trials in
 * which it is the cheapest of all (p_best); what drives the comparison
 * (sensitivity.h); and the findings in words (findings.h).  P(cheaper) with
 * its standard error, and the median and P10-P90 of each difference, are
 * in the summary (summary.h) already and are not repeated here. */
#ifndef EDTCO_ANALYSIS_DECISION_H
#define EDTCO_ANALYSIS_DECISION_H

#include "analysis/findings.h"
#include "analysis/sensitivity.h"
#include "analysis/summary.h"
#include "model/model.h"
#include "sim/sim.h"

struct decision {
	const struct model *m;
	long trials;
	int noptions, years, net_years, baseline;
	/* [o * net_years + t - 1]: the median over trials of the cumulative
	 * net cost difference, option minus baseline, from year 1 to year t,
	 * in nominal dollars (each trial's difference summed in year order,
	 * then the median taken: medians do not add).  Zero for the
	 * baseline. */
	double *cum_diff_median;
	/* [o]: the break-even year of option o against the baseline, within
	 * the contract years 1..years (decision_break_even of the first
	 * `years` values of its row of cum_diff_median), 0 for none.  Aid
	 * received after the contract does not make a break-even year: the
	 * findings say what it does to the totals. */
	int *break_even;
	/* [o * M_COUNT + k]: the share of trials in which option o alone has
	 * the lowest value of measure k of all options.  For net_pv,
	 * summary.p_best. */
	double *p_best;
	/* [k]: the share of trials in which two or more options share the
	 * lowest value of measure k (summary_best_shares). */
	double *p_tied;
	struct sensitivity sens;
	struct findings findings;
};

/* Computes the decision analysis of a run: p its plan, res its results, s
 * its summary (from summary_compute; borrowed, with m, for the findings).
 * nthreads as sim_run; the result does not depend on it.  Free with
 * decision_free. */
void decision_compute(const sim_plan *p, const struct sim_result *res,
		      const struct summary *s, int nthreads,
		      struct decision *d);
void decision_free(struct decision *d);

/* The break-even year of a cumulative difference c[0..n) (c[t - 1] for
 * year t): the first year from which the sign of c stays that of c[n - 1]
 * to the end, provided that some earlier year has the opposite sign
 * (strictly); 0 when there is no such year: the curves never cross, or the
 * final difference is 0.  A year with c = 0 between the two signs is not
 * yet the break-even: (+, 0, -) breaks even in year 3. */
int decision_break_even(const double *c, int n);

#endif
