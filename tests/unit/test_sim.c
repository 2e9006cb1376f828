/* The arithmetic of SPEC 5 on hand-computed models: enrollment growth,
 * escalation, payers, aid and its lag (also after the horizon), end-of-year
 * discounting, the five measures, and the point estimate; the tiny example
 * of the specification to the cent; risk items by their probability. */
#include "helpers.h"
#include "model_fixture.h"

#include <gsl/gsl_errno.h>

#include "analysis/summary.h"
#include "model/model.h"
#include "sim/rng.h"
#include "sim/sim.h"
#include "util/numfmt.h"

struct fixture {
	char *dir;
	struct model m;
	sim_plan *plan;
	struct sim_result res;
};

static void load(struct fixture *f, const char *scenario, const char *costs)
{
	f->dir = test_load_model(scenario, costs, &f->m);
	struct strbuf err = STRBUF_INIT;
	f->plan = sim_plan_new(&f->m, &err);
	assert_non_null(f->plan);
	assert_int_equal(sim_run(f->plan, 2, NULL, &f->res, NULL, &err), 0);
	strbuf_free(&err);
}

static void unload(struct fixture *f)
{
	sim_result_free(&f->res);
	sim_plan_free(f->plan);
	model_free(&f->m);
	test_rmdir(f->dir);
	free(f->dir);
}

/* likely equal to low or high is valid for triangular and pert: such a
 * model loads, and every draw stays within [low, high] with the point
 * estimate at likely. */
static void test_likely_at_an_end_accepted(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value,low,high,dist\n"
					"costs,costs.csv,,,\n"
					"years,1,,,\n"
					"share,0.2,0.2,0.6,pert\n"
					"trials,2000,,,\n";
	static const char *const costs =
		"option,item,category,quantity,dist,low,likely,high,per\n"
		"a,Low,Licensing,1,triangular,100,100,300,once\n"
		"a,High,Licensing,1,pert,100,300,300,once\n"
		"a,Share,Licensing,share,fixed,,1000,,once\n";
	struct fixture f;
	load(&f, scen, costs);
	/* Point estimate: 100 + 300 + 0.2 x 1,000. */
	assert_double_near(f.res.point.measure[M_GROSS_NOMINAL], 600, 1e-9);
	const double *g = sim_measure(&f.res, 0, M_GROSS_NOMINAL);
	for (long i = 0; i < f.res.trials; i++) {
		assert_true(g[i] >= 100 + 100 + 200 - 1e-9);
		assert_true(g[i] <= 300 + 300 + 600 + 1e-9);
	}
	unload(&f);
}

/* Option a: a per-student fee (escalating 3%, half aidable), a one-time
 * state-paid setup in year 2.  Option b: a service escalating by a
 * parameter, fully aidable, years 1-3 only, and a yearly credit.  Aid
 * ratio 0.6 arrives two years late, so years 5 and 6 carry aid only. */
static const char *const scenario_ab =
	"parameter,value,low,high,dist\n"
	"costs,costs.csv,,,\n"
	"years,4,,,\n"
	"students,1000,,,\n"
	"enrollment_growth,2%,,,\n"
	"aid_ratio,0.6,,,\n"
	"aid_lag,2,,,\n"
	"discount_rate,5%,,,\n"
	"infl,2.5%,,,\n"
	"trials,64,,,\n";
static const char *const costs_ab =
	"option,item,category,quantity,dist,likely,per,start,end,escalation,"
	"payer,aid\n"
	"a,Fee,Licensing,students,fixed,10,year,,,3%,district,0.5\n"
	"a,Setup,Migration,1,fixed,\"$5,000\",once,2,,,state,\n"
	"b,Service,Licensing,1,fixed,20000,year,1,3,infl,district,1\n"
	"b,Credit,Other,1,fixed,-1000,year,,,,,\n";

static void test_hand_computed_flows(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, scenario_ab, costs_ab);
	assert_int_equal(f.res.years, 4);
	assert_int_equal(f.res.net_years, 6);

	/* By hand, year by year. */
	double S[5], fee[5], gross_a[7] = {0}, net_a[7] = {0};
	double svc[5], gross_b[7] = {0}, net_b[7] = {0};
	for (int t = 1; t <= 4; t++) {
		S[t] = 1000 * pow(1.02, t - 1);
		fee[t] = S[t] * 10 * pow(1.03, t - 1);
		svc[t] = t <= 3 ? 20000 * pow(1.025, t - 1) : 0;
		gross_a[t] = fee[t] + (t == 2 ? 5000 : 0);
		net_a[t] += fee[t];
		net_a[t + 2] -= 0.6 * 0.5 * fee[t];
		gross_b[t] = svc[t] - 1000;
		net_b[t] += svc[t] - 1000;
		net_b[t + 2] -= 0.6 * 1.0 * svc[t];
	}
	/* Spot values worked on paper. */
	assert_double_near(fee[2], 1020 * 10.3, 1e-12);       /* 10,506 */
	assert_double_near(net_a[3], 1040.4 * 10 * 1.0609 - 3000, 1e-12);
	assert_double_near(net_b[5], -0.6 * 21012.5, 1e-12);  /* -12,607.5 */
	assert_double_near(net_b[6], 0, 1e-12); /* the service ended in year 3 */

	double gn[2] = {0}, nn[2] = {0}, gpv[2] = {0}, npv[2] = {0};
	double ssum = S[1] + S[2] + S[3] + S[4];
	for (int t = 1; t <= 6; t++) {
		double d = pow(1.05, t);
		if (t <= 4) {
			gn[0] += gross_a[t];
			gn[1] += gross_b[t];
			gpv[0] += gross_a[t] / d;
			gpv[1] += gross_b[t] / d;
		}
		nn[0] += net_a[t];
		nn[1] += net_b[t];
		npv[0] += net_a[t] / d;
		npv[1] += net_b[t] / d;
	}
	const struct sim_flows *p = &f.res.point;
	for (int t = 1; t <= 4; t++) {
		assert_double_near(p->gross[0 * 4 + t - 1], gross_a[t], 1e-12);
		assert_double_near(p->gross[1 * 4 + t - 1], gross_b[t], 1e-12);
	}
	for (int t = 1; t <= 6; t++) {
		assert_double_near(p->net[0 * 6 + t - 1], net_a[t], 1e-12);
		assert_double_near(p->net[1 * 6 + t - 1], net_b[t], 1e-12);
	}
	for (int o = 0; o < 2; o++) {
		const double *ms = &p->measure[o * M_COUNT];
		assert_double_near(ms[M_GROSS_NOMINAL], gn[o], 1e-12);
		assert_double_near(ms[M_NET_NOMINAL], nn[o], 1e-12);
		assert_double_near(ms[M_GROSS_PV], gpv[o], 1e-12);
		assert_double_near(ms[M_NET_PV], npv[o], 1e-12);
		assert_double_near(ms[M_NET_PER_STUDENT_YEAR], nn[o] / ssum,
				   1e-12);
	}
	/* Everything is fixed: every trial is the point estimate. */
	for (long i = 0; i < f.res.trials; i++)
		for (int o = 0; o < 2; o++)
			for (int k = 0; k < M_COUNT; k++)
				assert_true(sim_measure(&f.res, o, k)[i] ==
					    p->measure[o * M_COUNT + k]);
	/* The breakdown by category adds up to the totals. */
	int nc = f.res.ncategories;
	double cat = 0;
	for (int c = 0; c < nc; c++)
		cat += f.res.cat_net_pv_mean[0 * nc + c];
	assert_double_near(cat, npv[0], 1e-12);
	unload(&f);
}

/* The appendix of the specification, each figure to the cent. */
static void test_spec_tiny_example(void **state)
{
	(void)state;
	struct model m;
	struct diags d = DIAGS_INIT;
	char path[1024];
	snprintf(path, sizeof(path), "%s/models/tiny.csv", SOURCE_ROOT);
	assert_int_equal(model_load(path, &m, &d), 0);
	diags_free(&d);
	m.trials = 10;
	struct strbuf err = STRBUF_INIT;
	sim_plan *plan = sim_plan_new(&m, &err);
	struct sim_result r;
	assert_int_equal(sim_run(plan, 1, NULL, &r, NULL, &err), 0);
	struct {
		const char *opt;
		const char *net[4];
		const char *gn, *nn, *gpv, *npv, *ps;
	} want[] = {
		{"portal",
		 {"20000.00", "6965.00", "6930.18", "0.00"},
		 "40895.18", "33895.18", "39120.86", "32324.75", "5.6775"},
		{"boces",
		 {"22000.00", "11327.80", "11496.58", "-11330.24"},
		 "66988.28", "33494.14", "63142.87", "32490.99", "5.6104"},
	};
	char b[NUMFMT_MAX];
	for (int k = 0; k < 2; k++) {
		int o = model_find_option(&m, want[k].opt);
		assert_true(o >= 0);
		for (int t = 0; t < 4; t++)
			assert_string_equal(numfmt_cents(r.point.net[o * 4 + t], b),
					    want[k].net[t]);
		const double *ms = &r.point.measure[o * M_COUNT];
		assert_string_equal(numfmt_cents(ms[M_GROSS_NOMINAL], b), want[k].gn);
		assert_string_equal(numfmt_cents(ms[M_NET_NOMINAL], b), want[k].nn);
		assert_string_equal(numfmt_cents(ms[M_GROSS_PV], b), want[k].gpv);
		assert_string_equal(numfmt_cents(ms[M_NET_PV], b), want[k].npv);
		assert_string_equal(numfmt_fixed(ms[M_NET_PER_STUDENT_YEAR], 4, b),
				    want[k].ps);
	}
	sim_result_free(&r);
	sim_plan_free(plan);
	strbuf_free(&err);
	model_free(&m);
}

/* A risk item costs probability x cost in the point estimate; across
 * trials it occurs in each year independently with that probability: the
 * mean of its yearly cost is p c within 5 standard errors, and the share of
 * trials in which it occurs in both years 1 and 2 is p^2. */
static void test_risk_items(void **state)
{
	(void)state;
	struct fixture f;
	load(&f,
	     "parameter,value\ncosts,costs.csv\nyears,2\ntrials,40000\n"
	     "p_breach,0.3\n",
	     "option,item,category,quantity,likely,probability\n"
	     "a,Breach,Privacy risk,1,1000,p_breach\n"
	     "b,Sure,Other,1,1000,\n");
	assert_double_near(f.res.point.gross[0], 300, 1e-15);
	assert_double_near(f.res.point.gross[1], 300, 1e-15);
	size_t n = (size_t)f.res.trials;
	const double *y1 = sim_gross(&f.res, 0, 1), *y2 = sim_gross(&f.res, 0, 2);
	double m1 = 0, both = 0;
	for (size_t i = 0; i < n; i++) {
		assert_true(y1[i] == 0 || y1[i] == 1000);
		m1 += y1[i];
		both += y1[i] > 0 && y2[i] > 0;
	}
	m1 /= (double)n;
	double se = 1000 * sqrt(0.3 * 0.7 / (double)n);
	assert_double_within(m1, 300, 5 * se);
	assert_double_within(both / (double)n, 0.09,
			     5 * sqrt(0.09 * 0.91 / (double)n));
	unload(&f);
}

/* The engine evaluates trials in blocks, item by item with the trials
 * innermost; each trial must come out exactly as it does evaluated alone
 * (sim_inputs_draw and sim_evaluate), to the bit: every kind of input and
 * flow, an option whose net flows are its gross flows before the others,
 * and a trial count that leaves the last block short. */
static void test_blocks_match_single_trials(void **state)
{
	(void)state;
	struct fixture f;
	load(&f,
	     "parameter,value,low,high,dist\n"
	     "costs,costs.csv,,,\n"
	     "years,4,,,\n"
	     "students,,1500,2500,uniform\n"
	     "enrollment_growth,0,-0.02,0.02,triangular\n"
	     "aid_ratio,0.5,0.3,0.8,pert\n"
	     "aid_lag,1,,,\n"
	     "discount_rate,,0.02,0.05,uniform\n"
	     "infl,,0.01,0.04,uniform\n"
	     "p_risk,0.2,0.05,0.5,pert\n"
	     "correlation.g,0.5,,,\n"
	     "trials,1000,,,\n",
	     "option,item,category,quantity,dist,low,likely,high,per,start,"
	     "end,escalation,probability,payer,aid,group\n"
	     "m,Plain,Other,1,triangular,10,20,40,year,,,,,district,,\n"
	     "a,Fee,Licensing,students,triangular,2,3,5,year,,,infl,,district,0.5,g\n"
	     "a,Setup,Migration,1,pert,1000,2000,9000,once,2,,,,state,,g\n"
	     "a,Risk,Privacy risk,students,lognormal,100,,300,year,,,,p_risk,district,,\n"
	     "b,Service,Licensing,1,normal,15000,,25000,year,1,3,3%,,district,1,\n"
	     "b,Odd risk,Other,1,uniform,100,,900,year,,,,0.1,district,0.25,\n");
	const size_t n = (size_t)f.res.trials;
	const int no = f.res.noptions, H = f.res.years, NY = f.res.net_years;
	struct sim_inputs in;
	struct sim_flows fl;
	sim_inputs_init(f.plan, &in);
	sim_flows_init(f.plan, &fl);
	gsl_rng *r = gsl_rng_alloc(rng_type);
	size_t ncat = (size_t)no * (size_t)f.res.ncategories;
	double *cat = calloc(ncat + 1, sizeof(double));
	for (size_t i = 0; i < n; i++) {
		sim_inputs_draw(f.plan, (uint32_t)i, r, &in);
		sim_evaluate(f.plan, &in, (long)i, &fl);
		for (int o = 0; o < no; o++) {
			for (int k = 0; k < M_COUNT; k++)
				assert_memory_equal(&sim_measure(&f.res, o, k)[i],
						    &fl.measure[o * M_COUNT + k],
						    sizeof(double));
			for (int t = 1; t <= H; t++)
				assert_memory_equal(&sim_gross(&f.res, o, t)[i],
						    &fl.gross[o * H + t - 1],
						    sizeof(double));
			for (int t = 1; t <= NY; t++)
				assert_memory_equal(&sim_net(&f.res, o, t)[i],
						    &fl.net[o * NY + t - 1],
						    sizeof(double));
		}
		for (size_t c = 0; c < ncat; c++)
			cat[c] += fl.cat_net_pv[c];
		if (i < (size_t)f.res.kept)
			for (size_t j = 0; j < f.m.nitems; j++)
				assert_true(f.res.kept_cost[j * (size_t)f.res.kept + i] ==
					    in.cost[j]);
	}
	for (size_t c = 0; c < ncat; c++)
		assert_true(cat[c] / (double)n == f.res.cat_net_pv_mean[c]);
	free(cat);
	gsl_rng_free(r);
	sim_flows_free(&fl);
	sim_inputs_free(&in);
	unload(&f);
}

int main(void)
{
	gsl_set_error_handler_off();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_likely_at_an_end_accepted),
		cmocka_unit_test(test_hand_computed_flows),
		cmocka_unit_test(test_spec_tiny_example),
		cmocka_unit_test(test_risk_items),
		cmocka_unit_test(test_blocks_match_single_trials),
	};
	return cmocka_run_group_tests_name("sim", tests, NULL, NULL);
}
