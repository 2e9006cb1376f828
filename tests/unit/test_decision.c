/* The decision summary (issue 3): P(cheaper) and its standard error on a
 * model with a known answer, the break-even rule and two hand-built models
 * (curves that cross in a known year, and never), p_best by measure
 * against a count made here, the budget's total rows and reserves, and the
 * yearly cumulative net figures against sums made here. */
#include "helpers.h"
#include "run_fixture.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "analysis/decision.h"
#include "analysis/findings.h"
#include "analysis/summary.h"
#include "io/csvout.h"
#include "model/model.h"
#include "output/results.h"
#include "sim/draw.h"
#include "sim/rng.h"
#include "sim/sim.h"
#include "util/numfmt.h"

/* The CSV row that starts with prefix, without its CRLF (caller frees). */
static char *row_starting(const char *csv, const char *prefix)
{
	size_t n = strlen(prefix);
	for (const char *p = csv; *p;) {
		const char *end = strstr(p, "\r\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len >= n && strncmp(p, prefix, n) == 0)
			return strndup(p, len);
		p += len + (end ? 2 : 0);
	}
	fail_msg("no row starting with %s in:\n%s", prefix, csv);
	return NULL;
}

/* ---- P(cheaper) ------------------------------------------------------- */

/* a costs X ~ normal with P5 = 400 and P95 = 800 (mean 600), b a fixed
 * 650: the difference X - 650 is symmetric about -50, and P(a cheaper) =
 * Phi(50 / sd). */
static const char *const pc_scenario = "parameter,value\n"
				       "costs,costs.csv\n"
				       "baseline,b\n"
				       "years,1\n"
				       "trials,20000\n"
				       "seed,4242\n";
static const char *const pc_costs =
	"option,item,category,dist,low,likely,high,per\n"
	"a,Service,Licensing,normal,400,,800,once\n"
	"b,Service,Licensing,fixed,,650,,once\n";

static void test_p_cheaper_known_answer(void **state)
{
	(void)state;
	struct fixture f;
	run(&f, pc_scenario, pc_costs);
	double n = (double)f.res.trials;
	double sd = 200 / DRAW_Z95;
	double want = gsl_cdf_ugaussian_P(50 / sd);
	const struct summary_cmp *c = &f.s.cmp[0 * M_COUNT + M_NET_PV];
	double p = c->p_cheaper;
	assert_double_within(p, want, 4 * sqrt(want * (1 - want) / n));
	assert_double_near(c->p_cheaper_se, sqrt(p * (1 - p) / n), 1e-15);
	/* Median and P10/P90 of the difference: -50 and -50 -+ 1.2816 sd,
	 * each within 4 standard errors of a sample quantile,
	 * sqrt(q (1 - q) / n) / density. */
	double z10 = gsl_cdf_ugaussian_Pinv(0.10);
	double se50 = sqrt(0.25 / n) / (gsl_ran_ugaussian_pdf(0) / sd);
	double se10 = sqrt(0.09 / n) / (gsl_ran_ugaussian_pdf(z10) / sd);
	assert_double_within(c->diff.q[Q50], -50, 4 * se50);
	assert_double_within(c->diff.q[Q10], -50 + z10 * sd, 4 * se10);
	assert_double_within(c->diff.q[Q90], -50 - z10 * sd, 4 * se10);
	/* With two options and no ties, p_best is P(cheaper) and its
	 * complement, on every measure. */
	for (int k = 0; k < M_COUNT - 1; k++) {
		assert_double_near(f.d.p_best[0 * M_COUNT + k], p, 1e-15);
		assert_double_near(f.d.p_best[1 * M_COUNT + k], 1 - p, 1e-12);
	}
	finish(&f);
}

/* ---- break-even ------------------------------------------------------- */

static void test_break_even_rule(void **state)
{
	(void)state;
	const double cross[] = {700, 400, 100, -200, -500};
	assert_int_equal(decision_break_even(cross, 5), 4);
	const double up[] = {-10, -5, 3};
	assert_int_equal(decision_break_even(up, 3), 3);
	const double zero_between[] = {5, 0, -1};
	assert_int_equal(decision_break_even(zero_between, 3), 3);
	const double twice[] = {5, -1, 2, 4};
	assert_int_equal(decision_break_even(twice, 4), 3);
	const double never_neg[] = {-1, -2, -3};
	assert_int_equal(decision_break_even(never_neg, 3), 0);
	const double never_pos[] = {1, 2, 3};
	assert_int_equal(decision_break_even(never_pos, 3), 0);
	/* Level at first, then apart: the curves touch but never cross. */
	const double touch[] = {0, 0, -4};
	assert_int_equal(decision_break_even(touch, 3), 0);
	/* Level at the end: no break-even. */
	const double level[] = {3, -2, 0};
	assert_int_equal(decision_break_even(level, 3), 0);
	assert_int_equal(decision_break_even(cross, 0), 0);
}

/* a pays 1,000 once in year 1 and U ~ uniform(50, 150) a year; b pays 400
 * a year.  Trial by trial the cumulative difference to year t is
 * 1000 + t (U - 400), increasing in U, so with an odd number of trials its
 * median is 1000 + t (m - 400), m the median draw of U: positive to year
 * 3 and negative from year 4 on (for any m in (66.7, 150)). */
static const char *const be_scenario = "parameter,value\n"
				       "costs,costs.csv\n"
				       "baseline,b\n"
				       "years,5\n"
				       "base_year,2015\n"
				       "year_labels,school\n"
				       "trials,1001\n"
				       "seed,5\n";
static const char *const be_costs =
	"option,item,category,dist,low,likely,high,per\n"
	"a,Setup,Migration,fixed,,1000,,once\n"
	"a,Annual,Licensing,uniform,50,,150,year\n"
	"b,Service,Licensing,fixed,,400,,year\n";

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void test_break_even_known_year(void **state)
{
	(void)state;
	struct fixture f;
	run(&f, be_scenario, be_costs);
	size_t n = (size_t)f.res.trials;
	int item = model_find_item(&f.m, 0, "Annual");
	double *u = malloc(n * sizeof(double));
	gsl_rng *g = gsl_rng_alloc(rng_type);
	for (size_t i = 0; i < n; i++)
		u[i] = sim_input_draw(f.plan, -1, item, (uint32_t)i, g);
	qsort(u, n, sizeof(double), cmp_double);
	double m = u[n / 2];
	for (int t = 1; t <= 5; t++)
		assert_double_near(f.d.cum_diff_median[0 * 5 + t - 1],
				   1000 + t * (m - 400), 1e-12);
	assert_int_equal(f.d.break_even[0], 4);
	/* compare.csv carries it on every row of a, with its label. */
	struct csvout w = CSVOUT_INIT;
	results_compare(&f.m, &f.s, &w);
	char *r = row_starting(w.text.s, "a,b,net_pv,");
	assert_non_null(strstr(r, ",4,2018-19,"));
	free(r);
	r = row_starting(w.text.s, "a,b,gross_nominal,");
	assert_non_null(strstr(r, ",4,2018-19,"));
	free(r);
	csvout_free(&w);
	gsl_rng_free(g);
	free(u);
	finish(&f);
}

static void test_break_even_never(void **state)
{
	(void)state;
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"a,Setup,Migration,fixed,,1000,,once\n"
		"a,Annual,Licensing,uniform,450,,550,year\n"
		"b,Service,Licensing,fixed,,400,,year\n";
	struct fixture f;
	run(&f, be_scenario, costs);
	for (int t = 1; t <= 5; t++)
		assert_true(f.d.cum_diff_median[t - 1] > 0);
	assert_int_equal(f.d.break_even[0], 0);
	struct csvout w = CSVOUT_INIT;
	results_compare(&f.m, &f.s, &w);
	char *r = row_starting(w.text.s, "a,b,net_pv,");
	assert_non_null(strstr(r, ",none,none,"));
	free(r);
	csvout_free(&w);
	finish(&f);
}

/* ---- p_best ----------------------------------------------------------- */

/* a pays 100 a year, b U ~ uniform(50, 150), c 120 paid by the state: on
 * gross cost a or b is cheapest, on the district's net cost always c. */
static const char *const best_scenario = "parameter,value\n"
					 "costs,costs.csv\n"
					 "years,2\n"
					 "discount_rate,5%\n"
					 "students,10\n"
					 "trials,3000\n"
					 "seed,77\n";
static const char *const best_costs =
	"option,item,category,dist,low,likely,high,payer\n"
	"a,Fee,Licensing,fixed,,100,,district\n"
	"b,Fee,Licensing,uniform,50,,150,district\n"
	"c,Fee,Licensing,fixed,,120,,state\n";

static void test_p_best_by_measure(void **state)
{
	(void)state;
	struct fixture f;
	run(&f, best_scenario, best_costs);
	size_t n = (size_t)f.res.trials;
	for (int k = 0; k < M_COUNT; k++) {
		long wins[3] = {0, 0, 0};
		for (size_t i = 0; i < n; i++) {
			int b = 0;
			for (int o = 1; o < 3; o++)
				if (sim_measure(&f.res, o, (enum measure)k)[i] <
				    sim_measure(&f.res, b, (enum measure)k)[i])
					b = o;
			wins[b]++;
		}
		double sum = 0;
		for (int o = 0; o < 3; o++) {
			double p = f.d.p_best[o * M_COUNT + k];
			assert_double_near(p, (double)wins[o] / (double)n, 0);
			sum += p;
		}
		assert_double_near(sum, 1, 1e-12);
	}
	/* Net of the state's payment c costs nothing; gross it never wins. */
	assert_double_near(f.d.p_best[2 * M_COUNT + M_NET_PV], 1, 0);
	assert_double_near(f.d.p_best[2 * M_COUNT + M_GROSS_PV], 0, 0);
	assert_double_within(f.d.p_best[1 * M_COUNT + M_GROSS_PV], 0.5,
			     4 * sqrt(0.25 / (double)n));
	/* net_pv is the summary's own p_best. */
	for (int o = 0; o < 3; o++)
		assert_double_near(f.d.p_best[o * M_COUNT + M_NET_PV],
				   f.s.p_best[o], 0);
	finish(&f);
}

/* ---- budget ------------------------------------------------------------ */

static void test_budget_total_rows(void **state)
{
	(void)state;
	struct fixture f;
	run(&f, be_scenario, be_costs);
	struct csvout w = CSVOUT_INIT;
	results_budget(&f.m, &f.s, &w);
	assert_non_null(strstr(w.text.s, "option,year,year_label,point,p50,"
					 "p80,p90,reserve_p80,reserve_p50,"
					 "reserve_p90,operating_point,"
					 "operating_p50,operating_p80,"
					 "operating_p90,risk_mean,risk_p90,"
					 "p_risk_event,aid_mean\r\n"));
	for (int o = 0; o < 2; o++) {
		const struct summary_stat *st =
			&f.s.measure[o * M_COUNT + M_NET_NOMINAL];
		double point = f.s.point[o * M_COUNT + M_NET_NOMINAL];
		char want[4096], c[7][NUMFMT_MAX];
		snprintf(want, sizeof(want),
			 "%s,total,2015-16 to 2019-20,%s,%s,%s,%s,%s,%s,%s,"
			 "%s,%s,%s,%s,0.00,0.00,0,0.00",
			 f.m.options[o].id, numfmt_cents(point, c[0]),
			 numfmt_cents(st->q[Q50], c[1]),
			 numfmt_cents(st->q[Q80], c[2]),
			 numfmt_cents(st->q[Q90], c[3]),
			 numfmt_cents(st->q[Q80] - point, c[4]),
			 numfmt_cents(st->q[Q50] - point, c[5]),
			 numfmt_cents(st->q[Q90] - point, c[6]),
			 /* no risk items: the operating budget is the net
			  * cost, and there is no risk exposure */
			 c[0], c[1], c[2], c[3]);
		char prefix[64];
		snprintf(prefix, sizeof(prefix), "%s,total,", f.m.options[o].id);
		char *r = row_starting(w.text.s, prefix);
		assert_string_equal(r, want);
		free(r);
	}
	/* Trial by trial a's total is 1000 + 5 U, and each of its years 2 to
	 * 5 is U: the total's P80 is 1000 + 5 P80(U), a percentile of the
	 * per-trial total. */
	const struct summary_stat *st = &f.s.measure[0 * M_COUNT + M_NET_NOMINAL];
	assert_double_near(st->q[Q80], 1000 + 5 * f.s.net[2].q[Q80], 1e-12);
	/* A yearly row keeps SPEC's columns and gains the two reserves. */
	char *r = row_starting(w.text.s, "b,1,2015-16,");
	assert_string_equal(r, "b,1,2015-16,400.00,400.00,400.00,400.00,0.00,"
			       "0.00,0.00,400.00,400.00,400.00,400.00,0.00,"
			       "0.00,,0.00");
	free(r);
	csvout_free(&w);
	finish(&f);
}


/* ---- the budget split: operating cost and risk exposure ------------- */

/* a pays a fee of 100 a year (no aid) and runs a risk of 1,000 each year
 * with probability 0.2, half of it returned as aid a year later.  In a
 * trial with k events (k ~ binomial(2, 0.2): P(0) = 0.64, P(1) = 0.32,
 * P(2) = 0.04) the operating cost is 100, 100, then 0 in the aid year, 200
 * in all; the risk exposure is 1,000 k less 500 k of aid = 500 k over the
 * three net years.  Point estimate: risk at 0.2 x 1,000 a year. */
static const char *const split_scenario = "parameter,value\n"
					  "costs,costs.csv\n"
					  "years,2\n"
					  "base_year,2015\n"
					  "year_labels,school\n"
					  "aid_ratio,0.5\n"
					  "trials,20000\n"
					  "seed,31\n";
static const char *const split_costs =
	"option,item,category,dist,low,likely,high,per,probability,aid\n"
	"a,Fee,Licensing,fixed,,100,,year,,0\n"
	"a,Breach,Risk,fixed,,1000,,year,0.2,1\n";

static void test_budget_operating_and_risk(void **state)
{
	(void)state;
	struct fixture f;
	run(&f, split_scenario, split_costs);
	const struct summary *s = &f.s;
	size_t n = (size_t)f.res.trials;
	assert_int_equal(s->net_years, 3);
	assert_true(s->has_risk[0]);
	/* Operating: exact in every trial. */
	const double opy[] = {100, 100, 0};
	for (int t = 0; t < 3; t++) {
		const struct summary_stat *o = &s->operating[t];
		assert_double_near(o->q[Q50], opy[t], 0);
		assert_double_near(o->q[Q90], opy[t], 0);
		assert_double_near(s->point_operating[t], opy[t], 0);
	}
	assert_double_near(s->operating_total[0].q[Q80], 200, 0);
	assert_double_near(s->point_operating_total[0], 200, 0);
	/* Risk, trial by trial: net minus operating, and 500 per event. */
	long any = 0, k = 0;
	const double *ev = sim_events(&f.res, 0);
	for (size_t i = 0; i < n; i++) {
		double tot = 0;
		for (int t = 1; t <= 3; t++) {
			double r = sim_risk(&f.res, 0, t)[i];
			assert_double_near(sim_net(&f.res, 0, t)[i] - r, opy[t - 1],
					   1e-9);
			tot += r;
		}
		assert_double_near(tot, 500 * ev[i], 1e-9);
		any += ev[i] > 0;
		k += (long)ev[i];
	}
	assert_double_near(s->p_risk_event[0], (double)any / (double)n, 0);
	/* P(at least one) = 1 - 0.8^2 = 0.36, within 4 standard errors. */
	assert_double_within(s->p_risk_event[0], 0.36,
			     4 * sqrt(0.36 * 0.64 / (double)n));
	/* Mean 500 E[k] = 200; P90 of 500 k is 500 (P(k <= 0) = 0.64 <
	 * 0.9 < P(k <= 1) = 0.96), exactly. */
	assert_double_near(s->risk_total[0].mean, 500.0 * (double)k / (double)n,
			   1e-9);
	assert_double_within(s->risk_total[0].mean, 200,
			     4 * 500 * sqrt(0.32) / sqrt((double)n));
	assert_double_near(s->risk_total[0].q[Q90], 500, 0);
	/* The point estimate: risk at p x cost, 200 a year, half of it back
	 * as aid a year later: 200, 200 - 100, -100; 0.4 events expected. */
	assert_double_near(s->point_risk[0], 200, 1e-9);
	assert_double_near(s->point_risk[1], 100, 1e-9);
	assert_double_near(s->point_risk[2], -100, 1e-9);
	assert_double_near(s->point_risk_total[0], 200, 1e-9);
	assert_double_near(s->point_events[0], 0.4, 1e-12);
	/* Aid received: none in year 1; in years 2 and 3, 500 for each
	 * event of the year before, so in all 500 E[k], the risk exposure's
	 * mean. */
	assert_double_near(s->aid_mean[0], 0, 0);
	assert_double_near(s->aid_mean[1] + s->aid_mean[2],
			   s->risk_total[0].mean, 1e-9);
	assert_double_within(s->aid_mean[1], 100,
			     4 * 500 * 0.4 / sqrt((double)n));
	/* The budget exhibit's title states the operating budget in all
	 * (one option: no comparison). */
	assert_string_equal(findings_title(&f.d.findings, "title.budget"),
			    "Operating budget of a at 80% confidence: $200 in "
			    "all");
	/* budget.csv: the total row's split. */
	struct csvout w = CSVOUT_INIT;
	results_budget(&f.m, &f.s, &w);
	char *r = row_starting(w.text.s, "a,total,");
	char want[1024], c1[NUMFMT_MAX], c2[NUMFMT_MAX], c3[NUMFMT_MAX];
	snprintf(want, sizeof(want),
		 ",200.00,200.00,200.00,200.00,%s,500.00,%s,%s",
		 numfmt_cents(s->risk_total[0].mean, c1),
		 numfmt_shortest(s->p_risk_event[0], c2),
		 numfmt_cents(s->aid_mean[1] + s->aid_mean[2], c3));
	assert_non_null(strstr(r, want));
	free(r);
	/* A year row: the aid year's operating cost is 0, its risk part
	 * negative (aid), and p_risk_event blank. */
	r = row_starting(w.text.s, "a,3,2017-18,");
	assert_non_null(strstr(r, ",0.00,0.00,0.00,0.00,"));
	char tail[2 * NUMFMT_MAX];
	snprintf(tail, sizeof(tail), ",,%s", numfmt_cents(s->aid_mean[2], c1));
	assert_non_null(strstr(r, tail));
	free(r);
	csvout_free(&w);
	finish(&f);
}

/* ---- the yearly tables ---------------------------------------------- */

/* The summary's yearly net and cumulative net figures against the
 * per-trial flows summed here and sorted by GSL, on a one-year model with
 * aid a year late (so a second, aid-only year) and an option that gets no
 * aid (its net flows are its gross flows, then zero): percentiles exactly,
 * means to rounding. */
static void test_yearly_cumulative_net(void **state)
{
	(void)state;
	struct fixture f;
	run(&f,
	    "parameter,value\ncosts,costs.csv\nyears,1\nstudents,100\n"
	    "aid_ratio,0.5\naid_lag,1\ntrials,70000\nseed,11\n",
	    "option,item,category,quantity,dist,low,likely,high,per,aid\n"
	    "a,X,Other,1,triangular,5,6,9,year,1\n"
	    "b,Y,Other,1,uniform,1,,9,year,\n");
	size_t n = (size_t)f.res.trials;
	int NY = f.s.net_years;
	assert_int_equal(NY, 2);
	double *cum = malloc(n * sizeof(double));
	for (int o = 0; o < f.s.noptions; o++) {
		memset(cum, 0, n * sizeof(double));
		for (int t = 1; t <= NY; t++) {
			const double *y = sim_net(&f.res, o, t);
			double sum = 0;
			for (size_t i = 0; i < n; i++) {
				cum[i] += y[i];
				sum += cum[i];
			}
			double *sorted = malloc(n * sizeof(double));
			memcpy(sorted, cum, n * sizeof(double));
			gsl_sort(sorted, 1, n);
			const struct summary_stat *st = &f.s.cum_net[o * NY + t - 1];
			for (int q = 0; q < SUMMARY_NQ; q++)
				assert_true(st->q[q] ==
					    gsl_stats_quantile_from_sorted_data(
						    sorted, 1, n, summary_probs[q]));
			assert_double_near(st->mean, sum / (double)n,
					   1e-9 * fabs(sum / (double)n) + 1e-12);
			free(sorted);
		}
	}
	/* a's aid arrives in year 2: its net cost then is minus half of
	 * year 1's; b's second year is empty and its total stays. */
	assert_true(f.s.net[0 * NY + 1].q[Q50] < 0);
	assert_true(f.s.net[1 * NY + 1].q[Q50] == 0);
	assert_true(f.s.cum_net[1 * NY + 1].q[Q50] == f.s.cum_net[1 * NY].q[Q50]);
	free(cum);
	finish(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_p_cheaper_known_answer),
		cmocka_unit_test(test_break_even_rule),
		cmocka_unit_test(test_break_even_known_year),
		cmocka_unit_test(test_break_even_never),
		cmocka_unit_test(test_p_best_by_measure),
		cmocka_unit_test(test_budget_operating_and_risk),
		cmocka_unit_test(test_budget_total_rows),
		cmocka_unit_test(test_yearly_cumulative_net),
	};
	return cmocka_run_group_tests_name("decision", tests, NULL, NULL);
}
