/* Summaries of a run: the distributions of every measure and yearly flow,
 * the paired comparison of each option with the baseline, and the budget.
 *
 * Every percentile here is of a per-trial quantity (a total, a year's
 * flow, a difference computed trial by trial): percentiles do not add, so
 * nothing is summed after it is summarised. */
#ifndef EDTCO_ANALYSIS_SUMMARY_H
#define EDTCO_ANALYSIS_SUMMARY_H

#include <stddef.h>

#include "model/model.h"
#include "sim/sim.h"

struct decision;

/* The reported percentiles: 5, 10, 25, 50, 75, 80, 90, 95. */
#define SUMMARY_NQ 8
extern const double summary_probs[SUMMARY_NQ];
extern const char *const summary_qnames[SUMMARY_NQ]; /* "p5" .. "p95" */
enum { Q5, Q10, Q25, Q50, Q75, Q80, Q90, Q95 };

/* The distribution of one per-trial quantity. */
struct summary_stat {
	double mean, sd;
	double q[SUMMARY_NQ];
};

/* The paired comparison of an option with the baseline on one measure:
 * diff = measure(option) - measure(baseline), trial by trial. */
struct summary_cmp {
	struct summary_stat diff;
	double p_cheaper;    /* share of trials with diff < 0 */
	double p_cheaper_se; /* sqrt(p (1 - p) / trials) */
};

/* Points of the empirical distribution of the headline measure: the
 * percentiles 0, 1, ..., 100 (type 7) and where the point estimate falls. */
#define SUMMARY_CDF_N 101
struct summary_cdf {
	double q[SUMMARY_CDF_N];
	double point_rank; /* share of trials at or below the point estimate */
};

/* A histogram of the per-trial difference of the headline measure between
 * an option and the baseline.  Bins are [start + i w, start + (i + 1) w),
 * with w a Freedman-Diaconis width (2 IQR n^(-1/3)) rounded up to 1, 2 or
 * 5 times a power of ten, and start a multiple of w, so that 0 is always a
 * bin edge and no bin straddles it.  At most SUMMARY_MAX_BINS bins: the
 * width is widened to the next nice step until the range fits. */
#define SUMMARY_MAX_BINS 400
struct summary_hist {
	double start, width;
	size_t nbins;
	long *counts;
	long below, above; /* trials with diff < 0 and > 0 */
};

/* The levy measures of SPEC 12 (a model with `levy` or `full_value`).
 * Per year t, with L_t = levy (1 + g)^(t-1) and g = levy_growth:
 *   LV_SHARE: net_t / L_t;
 *   LV_RATE:  net_t / (full_value / 1000), dollars per $1,000 of full value;
 *   LV_ROOM:  (net_t - net_t of the baseline) / (g L_t / (1 + g)).
 * Over the horizon ("total"), with the net flows of every net year (aid
 * after the horizon included, as net_nominal) and the levy of years 1..H:
 *   LV_SHARE: net_nominal / sum of L_t;
 *   LV_RATE:  net_nominal / H / (full_value / 1000), the average year's;
 *   LV_ROOM:  (net_nominal - the baseline's) / sum of g L_t / (1 + g).
 * LV_SHARE and LV_ROOM need `levy`, LV_RATE `full_value`. */
enum levy_measure { LV_SHARE, LV_RATE, LV_ROOM, LV_COUNT };
/* "levy_share", "tax_rate_per_1000", "cap_room_share" */
extern const char *const summary_levy_names[LV_COUNT];
/* Whether levy measure k applies to model m. */
int summary_levy_applies(const struct model *m, enum levy_measure k);
/* The allowed levy of program year t (1-based): levy (1 + g)^(t-1). */
double summary_levy_of_year(const struct model *m, int t);

struct summary {
	const struct model *m;
	long trials;
	int noptions, years, net_years, baseline;
	int has_students;
	/* [o * M_COUNT + k] */
	struct summary_stat *measure;
	double *point;               /* point estimate of each measure */
	/* [o * years + t - 1] and [o * net_years + t - 1] */
	struct summary_stat *gross, *net, *cum_net;
	double *point_gross, *point_net, *point_cum_net;
	/* [o * M_COUNT + k]; the baseline's own rows are unused */
	struct summary_cmp *cmp;
	/* the headline measure (net_pv) by option */
	struct summary_cdf *cdf;
	/* [o]: the difference histogram of net_pv against the baseline */
	struct summary_hist *hist;
	/* [o]: the same of gross_pv, the public's cost (full summaries
	 * only; counts NULL otherwise) */
	struct summary_hist *hist_public;
	/* p_best[o]: share of trials in which option o alone has the lowest
	 * net_pv; a trial in which two or more options share the lowest
	 * value counts for none of them, but in p_tied.  So the p_best and
	 * p_tied add up to 1. */
	double *p_best;
	double p_tied;
	/* The budget split in two (summary_compute only; zero in a
	 * headline summary).  The operating cost is the net flow less its
	 * risk-event part (sim_risk): what the option costs when no risk
	 * event occurs; the risk exposure is that part.  [o * net_years + t
	 * - 1] by year, and [o] over every net year, nominal.  An option
	 * without risk items (has_risk[o] 0) has its net flows as its
	 * operating cost and no risk. */
	int *has_risk;
	struct summary_stat *operating, *risk;
	struct summary_stat *operating_total, *risk_total;
	double *point_operating, *point_risk; /* the point estimate's */
	double *point_operating_total, *point_risk_total;
	double *point_events; /* [o]: expected number of risk events */
	/* [o]: share of trials with at least one of the district's risk
	 * events over the horizon */
	double *p_risk_event;
	/* [o * net_years + t - 1]: the state aid received in year t, mean
	 * over trials (sim_result.aid_mean, copied) */
	double *aid_mean;
	/* The decision analysis of the same run (analysis/decision.h) when
	 * one was made, else NULL: the result writers and the terminal text
	 * read it from here.  Borrowed: summary_free does not free it. */
	const struct decision *decision;
	/* The levy measures (NULL when neither levy nor full_value is
	 * given; a measure that does not apply, and LV_ROOM of the
	 * baseline, are left zero): [(o * LV_COUNT + k) * net_years + t -
	 * 1] by year (summary_compute only), [o * LV_COUNT + k] over the
	 * horizon, and the point estimate's of each. */
	struct summary_stat *levy_year, *levy_total;
	double *point_levy_year, *point_levy_total;
};

/* Summarises res (a run of m) on nthreads threads.  The result does not
 * depend on nthreads. */
void summary_compute(const struct model *m, const struct sim_result *res,
		     int nthreads, struct summary *s);
/* The headline only, for the rows of a batch sweep: the point estimate of
 * every measure; the distributions of gross_pv, net_pv and
 * net_per_student_year; the comparison with the baseline on net_pv; and
 * p_best: the same bits as summary_compute gives them.  Everything else
 * (other measures and comparisons, yearly flows, cdf, hist) is left zero,
 * with hist[o].counts NULL.  Free with summary_free. */
void summary_compute_headline(const struct model *m,
			      const struct sim_result *res, int nthreads,
			      struct summary *s);
void summary_free(struct summary *s);

/* The share of trials in which each option alone has the lowest value of
 * measure k, into share[o * stride], and (tied not NULL) the share in which
 * two or more options share the lowest value, into *tied: a tie is
 * nobody's win. */
void summary_best_shares(const struct sim_result *res, enum measure k,
			 double *share, size_t stride, double *tied);

#endif
