/* Correlation groups (SPEC 5.2): two items of a group with rho = 0.6 have
 * normal-score correlation 0.6; items outside any group, or in a group
 * whose correlation is 0, are uncorrelated. */
#include "helpers.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>

#include "model/model.h"
#include "sim/draw.h"
#include "sim/rng.h"
#include "sim/sim.h"

#define TRIALS 20000

static const char *const scenario =
	"parameter,value\n"
	"costs,costs.csv\n"
	"years,1\n"
	"correlation,0.6\n"
	"correlation.apart,0\n"
	"trials,20000\n"
	"seed,31337\n";
static const char *const costs =
	"option,item,category,dist,low,likely,high,group\n"
	"a,Staff,Staff,normal,80000,,120000,labor\n"
	"b,Staff,Staff,pert,60000,90000,150000,labor\n"
	"b,Hardware,Hosting,normal,10,,30,\n"
	"a,Tri,Other,triangular,1,2,6,apart\n"
	"b,Tri,Other,triangular,1,2,6,apart\n";

/* The normal score of a draw: Phi^-1(F(x)). */
static double score(const struct dist *d, double x)
{
	if (d->kind == DIST_NORMAL)
		return (x - (d->low + d->high) / 2) /
		       ((d->high - d->low) / (2 * DRAW_Z95));
	double u;
	if (d->kind == DIST_PERT) {
		double r = d->high - d->low;
		double a = 1 + 4 * (d->likely - d->low) / r;
		double b = 1 + 4 * (d->high - d->likely) / r;
		u = gsl_cdf_beta_P((x - d->low) / r, a, b);
	} else { /* triangular */
		double a = d->low, c = d->likely, b = d->high;
		u = x < c ? (x - a) * (x - a) / ((b - a) * (c - a))
			  : 1 - (b - x) * (b - x) / ((b - a) * (b - c));
	}
	return gsl_cdf_ugaussian_Pinv(u);
}

static double pearson(const double *x, const double *y, size_t n)
{
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= (double)n;
	my /= (double)n;
	double sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	return sxy / sqrt(sxx * syy);
}

static void test_group_correlation(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	free(test_write(dir, "costs.csv", costs));
	char *path = test_write(dir, "scenario.csv", scenario);
	struct model m;
	struct diags d = DIAGS_INIT;
	assert_int_equal(model_load(path, &m, &d), 0);
	struct strbuf err = STRBUF_INIT;
	sim_plan *plan = sim_plan_new(&m, &err);
	assert_non_null(plan);
	gsl_rng *r = gsl_rng_alloc(rng_type);
	int ia = model_find_item(&m, model_find_option(&m, "a"), "Staff");
	int ib = model_find_item(&m, model_find_option(&m, "b"), "Staff");
	int ih = model_find_item(&m, model_find_option(&m, "b"), "Hardware");
	int ta = model_find_item(&m, model_find_option(&m, "a"), "Tri");
	int tb = model_find_item(&m, model_find_option(&m, "b"), "Tri");
	static double za[TRIALS], zb[TRIALS], zh[TRIALS], xa[TRIALS],
		xb[TRIALS];
	struct sim_inputs in;
	sim_inputs_init(plan, &in);
	for (uint32_t i = 0; i < TRIALS; i++) {
		za[i] = score(&m.items[ia].cost,
			      sim_input_draw(plan, -1, ia, i, r));
		zb[i] = score(&m.items[ib].cost,
			      sim_input_draw(plan, -1, ib, i, r));
		zh[i] = score(&m.items[ih].cost,
			      sim_input_draw(plan, -1, ih, i, r));
		xa[i] = score(&m.items[ta].cost,
			      sim_input_draw(plan, -1, ta, i, r));
		xb[i] = score(&m.items[tb].cost,
			      sim_input_draw(plan, -1, tb, i, r));
		/* The engine's own draw of the whole trial agrees. */
		if (i % 97 == 0) {
			sim_inputs_draw(plan, i, r, &in);
			assert_true(in.cost[ib] ==
				    sim_input_draw(plan, -1, ib, i, r));
		}
	}
	/* The standard error of a correlation estimate is about
	 * (1 - rho^2) / sqrt(n). */
	double n = TRIALS;
	assert_double_within(pearson(za, zb, TRIALS), 0.6,
			     4 * (1 - 0.36) / sqrt(n));
	assert_double_within(pearson(za, zh, TRIALS), 0, 4 / sqrt(n));
	assert_double_within(pearson(zb, zh, TRIALS), 0, 4 / sqrt(n));
	assert_double_within(pearson(xa, xb, TRIALS), 0, 4 / sqrt(n));
	/* Each margin keeps its own distribution: scores are N(0, 1). */
	double mean = 0, var = 0;
	for (int i = 0; i < TRIALS; i++)
		mean += zb[i];
	mean /= n;
	for (int i = 0; i < TRIALS; i++)
		var += (zb[i] - mean) * (zb[i] - mean);
	var /= n - 1;
	assert_double_within(mean, 0, 5 / sqrt(n));
	assert_double_within(var, 1, 5 * sqrt(2 / n));
	/* A run that keeps its draws keeps exactly these. */
	sim_plan_keep_inputs(plan, 500);
	m.trials = 2000;
	struct sim_result res;
	assert_int_equal(sim_run(plan, 3, NULL, &res, NULL, &err), 0);
	assert_int_equal(res.kept, 500);
	for (uint32_t i = 0; i < 500; i++) {
		assert_true(res.kept_cost[(size_t)ib * 500 + i] ==
			    sim_input_draw(plan, -1, ib, i, r));
		assert_true(res.kept_cost[(size_t)ta * 500 + i] ==
			    sim_input_draw(plan, -1, ta, i, r));
	}
	sim_result_free(&res);
	sim_inputs_free(&in);
	gsl_rng_free(r);
	sim_plan_free(plan);
	strbuf_free(&err);
	model_free(&m);
	diags_free(&d);
	test_rmdir(dir);
	free(dir);
	free(path);
}

int main(void)
{
	gsl_set_error_handler_off();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_correlation),
	};
	return cmocka_run_group_tests_name("correlation", tests, NULL, NULL);
}
