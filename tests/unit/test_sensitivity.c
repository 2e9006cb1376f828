/* Sensitivity (issues 3 and 9): one-at-a-time swings against closed forms,
 * a risk's occurrence as an input (swings by hand, counts as the run draws
 * them), which
 * inputs enter which outputs, ranks with ties, rank correlations against an
 * independent computation, a dominant input first in both orders, an input
 * that cannot move an output uncorrelated with it, and thread-count
 * independence. */
#include "helpers.h"
#include "model_fixture.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>

#include "analysis/sensitivity.h"
#include "model/model.h"
#include "sim/rng.h"
#include "sim/sim.h"

/* A model loaded from text, its plan and (optionally) a run. */
struct fixture {
	char *dir;
	struct model m;
	sim_plan *plan;
	struct sim_result res;
	int ran;
};

static void load(struct fixture *f, const char *scenario, const char *costs,
		 int run, int threads)
{
	memset(f, 0, sizeof(*f));
	f->dir = test_load_model(scenario, costs, &f->m);
	struct strbuf err = STRBUF_INIT;
	f->plan = sim_plan_new(&f->m, &err);
	assert_non_null(f->plan);
	if (run) {
		assert_int_equal(sim_run(f->plan, threads, NULL, &f->res, NULL, &err),
				 0);
		f->ran = 1;
	}
	strbuf_free(&err);
}

static void unload(struct fixture *f)
{
	if (f->ran)
		sim_result_free(&f->res);
	sim_plan_free(f->plan);
	model_free(&f->m);
	test_rmdir(f->dir);
	free(f->dir);
}

static size_t find_output(const struct sensitivity *s, const char *name)
{
	for (size_t j = 0; j < s->noutputs; j++)
		if (strcmp(s->outputs[j].name, name) == 0)
			return j;
	fail_msg("no output %s", name);
	return 0;
}

/* The row of (input, output), or NULL. */
static const struct sensitivity_row *find_row(const struct sensitivity *s,
					      const char *input,
					      const char *output)
{
	for (size_t q = 0; q < s->nrows; q++)
		if (strcmp(s->inputs[s->rows[q].input].name, input) == 0 &&
		    strcmp(s->outputs[s->rows[q].output].name, output) == 0)
			return &s->rows[q];
	return NULL;
}

/* ---- one at a time against closed forms -------------------------------- */

/* Everything fixed but the fee of option a: triangular(100, 150, 250) per
 * unit, 10 units a year, escalating 2% a year, over 3 years discounted at
 * 5%; a's fixed one-time setup and b's fixed service do not move. */
static const char *const oat_scenario =
	"parameter,value\n"
	"costs,costs.csv\n"
	"baseline,b\n"
	"years,3\n"
	"discount_rate,5%\n"
	"trials,50\n";
static const char *const oat_costs =
	"option,item,category,quantity,dist,low,likely,high,per,escalation\n"
	"a,Fee,Licensing,10,triangular,100,150,250,year,2%\n"
	"a,Setup,Migration,1,fixed,,1000,,once,\n"
	"b,Service,Licensing,10,fixed,,180,,year,\n";

/* The triangular quantile, written out independently of draw.c. */
static double tri_quantile(double a, double c, double b, double u)
{
	double fc = (c - a) / (b - a);
	return u < fc ? a + sqrt(u * (b - a) * (c - a))
		      : b - sqrt((1 - u) * (b - a) * (b - c));
}

static void test_swing_matches_closed_form(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, oat_scenario, oat_costs, 0, 1);
	struct sensitivity s;
	sensitivity_compute(f.plan, NULL, 1, &s);

	double q10 = tri_quantile(100, 150, 250, 0.10);
	double q90 = tri_quantile(100, 150, 250, 0.90);
	/* net_pv(a) = 10 c sum_t 1.02^(t-1) / 1.05^t + 1000 / 1.05. */
	double k = 0;
	for (int t = 1; t <= 3; t++)
		k += 10 * pow(1.02, t - 1) / pow(1.05, t);
	double setup = 1000 / 1.05;
	double b = 0;
	for (int t = 1; t <= 3; t++)
		b += 10 * 180 / pow(1.05, t);

	assert_int_equal(s.ninputs, 1);
	assert_string_equal(s.inputs[0].name, "a/Fee");
	assert_double_near(s.inputs[0].p10, q10, 1e-12);
	assert_double_near(s.inputs[0].p90, q90, 1e-12);

	const struct sensitivity_row *ra = find_row(&s, "a/Fee", "a");
	const struct sensitivity_row *rd = find_row(&s, "a/Fee", "a-b");
	assert_non_null(ra);
	assert_non_null(rd);
	assert_double_near(ra->at_p10, k * q10 + setup, 1e-9);
	assert_double_near(ra->at_p90, k * q90 + setup, 1e-9);
	assert_double_near(ra->swing, k * (q90 - q10), 1e-9);
	assert_double_near(s.outputs[find_output(&s, "a")].point,
			   k * 150 + setup, 1e-9);
	assert_double_near(rd->at_p10, k * q10 + setup - b, 1e-9);
	assert_double_near(rd->swing, k * (q90 - q10), 1e-9);
	assert_double_near(s.outputs[find_output(&s, "a-b")].point,
			   k * 150 + setup - b, 1e-9);
	/* An item of a cannot move b: no row for it there. */
	assert_null(find_row(&s, "a/Fee", "b"));
	assert_int_equal(s.nrows, 2);
	/* Without a run there are no rank correlations. */
	assert_true(isnan(ra->rank_corr));
	sensitivity_free(&s);
	unload(&f);
}

/* A risk item at its point value contributes p times its cost, and a
 * probability given as a parameter is an input like any other: the swing
 * of the probability is (P90 - P10) times the cost. */
static void test_probability_parameter_swing(void **state)
{
	(void)state;
	static const char *const scenario = "parameter,value,low,high,dist\n"
					    "costs,costs.csv,,,\n"
					    "years,1,,,\n"
					    "breach,,0.01,0.09,uniform\n"
					    "trials,20,,,\n";
	static const char *const costs =
		"option,item,category,dist,likely,per,probability\n"
		"a,Breach,Risk,fixed,50000,once,breach\n"
		"b,Fee,Licensing,fixed,1000,once,\n";
	struct fixture f;
	load(&f, scenario, costs, 0, 1);
	struct sensitivity s;
	sensitivity_compute(f.plan, NULL, 1, &s);
	/* The first option met is the baseline: a. */
	const struct sensitivity_row *r = find_row(&s, "breach", "a");
	assert_non_null(r);
	assert_double_near(r->at_p10, 0.018 * 50000, 1e-12);
	assert_double_near(r->at_p90, 0.082 * 50000, 1e-12);
	assert_double_near(r->swing, 0.064 * 50000, 1e-12);
	assert_double_near(s.outputs[find_output(&s, "a")].point,
			   0.05 * 50000, 1e-12);
	/* A parameter has a row for every output, moving it or not. */
	const struct sensitivity_row *rb = find_row(&s, "breach", "b");
	assert_non_null(rb);
	assert_double_near(rb->swing, 0, 0);
	const struct sensitivity_row *rd = find_row(&s, "breach", "b-a");
	assert_non_null(rd);
	assert_double_near(rd->at_p90, 1000 - 0.082 * 50000, 1e-12);
	sensitivity_free(&s);
	unload(&f);
}

/* ---- a risk's occurrence as an input ------------------------------- */

/* The row of (input, output) of one kind: the item's cost (occurrence 0)
 * or its occurrence (1). */
static const struct sensitivity_row *
find_row_kind(const struct sensitivity *s, const char *input,
	      const char *output, int occurrence)
{
	for (size_t q = 0; q < s->nrows; q++) {
		const struct sensitivity_input *in = &s->inputs[s->rows[q].input];
		if (strcmp(in->name, input) == 0 &&
		    in->occurrence == occurrence &&
		    strcmp(s->outputs[s->rows[q].output].name, output) == 0)
			return &s->rows[q];
	}
	return NULL;
}

/* One rare, costly risk: a breach of option a costing 200,000 a year in
 * 2019 dollars (fixed), possible in years 2 to 5 with probability 5% a
 * year, escalating 3% a year, half of it aidable at an aid ratio of 40%
 * paid a year later; discounting at 5%.  Two small fees of a (uniform
 * 1000..1300 per year) and b's fixed service are the other costs. */
static const char *const risk_scenario =
	"parameter,value\n"
	"costs,costs.csv\n"
	"baseline,b\n"
	"years,5\n"
	"base_year,2019\n"
	"discount_rate,5%\n"
	"aid_ratio,40%\n"
	"aid_lag,1\n"
	"trials,4000\n"
	"seed,7\n";
static const char *const risk_costs =
	"option,item,category,quantity,dist,low,likely,high,per,start,end,"
	"escalation,probability,aid\n"
	"a,Breach,Risk,1,fixed,,200000,,year,2,5,3%,5%,0.5\n"
	"a,Fee one,Licensing,1,uniform,1000,,1300,year,1,5,,,\n"
	"a,Fee two,Support,1,uniform,1000,,1300,year,1,5,,,\n"
	"b,Service,Licensing,1,fixed,,5000,,year,1,5,,,\n";

static void test_occurrence_swing_hand_computed(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, risk_scenario, risk_costs, 1, 2);
	struct sensitivity s;
	sensitivity_compute(f.plan, &f.res, 2, &s);

	/* The occurrence is an input of a and of a-b, not of b. */
	const struct sensitivity_row *ra =
		find_row_kind(&s, "a/Breach", "a", 1);
	const struct sensitivity_row *rd =
		find_row_kind(&s, "a/Breach", "a-b", 1);
	assert_non_null(ra);
	assert_non_null(rd);
	assert_null(find_row_kind(&s, "a/Breach", "b", 1));
	/* A fixed cost is no input: the item's only row is its occurrence. */
	assert_null(find_row_kind(&s, "a/Breach", "a", 0));
	const struct sensitivity_input *in = &s.inputs[ra->input];
	assert_int_equal(in->year, 2);
	assert_string_equal(in->year_label, "2020");
	assert_double_near(in->p10, 0, 0);
	assert_double_near(in->p90, 1, 0);

	/* Once, in 2020 (program year 2): 200000 * 1.03 paid, discounted
	 * two years; aid of 0.4 * 0.5 of it back in year 3. */
	double c2 = 200000 * 1.03;
	double once = c2 / pow(1.05, 2) - 0.4 * 0.5 * c2 / pow(1.05, 3);
	/* The point estimate takes 5% of each year's net cost. */
	double expected = 0;
	for (int t = 2; t <= 5; t++) {
		double ct = 200000 * pow(1.03, t - 1);
		expected += 0.05 * (ct / pow(1.05, t) -
				    0.2 * ct / pow(1.05, t + 1));
	}
	double fees = 0, serv = 0;
	for (int t = 1; t <= 5; t++) {
		fees += 2 * 1150 / pow(1.05, t);
		serv += 5000 / pow(1.05, t);
	}
	assert_double_near(s.outputs[find_output(&s, "a")].point,
			   fees + expected, 1e-12);
	assert_double_near(ra->at_p10, fees, 1e-12);
	assert_double_near(ra->at_p90, fees + once, 1e-12);
	assert_double_near(ra->swing, once, 1e-12);
	assert_double_near(rd->at_p10, fees - serv, 1e-9);
	assert_double_near(rd->at_p90, fees + once - serv, 1e-9);
	assert_double_near(rd->swing, once, 1e-12);

	/* It ranks first in both the swings and the rank correlations of
	 * the difference. */
	size_t first, count;
	sensitivity_output_rows(&s, find_output(&s, "a-b"), &first, &count);
	const struct sensitivity_row *r = s.rows + first;
	assert_int_equal(count, 3);
	assert_ptr_equal(&r[0], rd);
	for (size_t k = 1; k < count; k++)
		assert_true(fabs(r[k].rank_corr) < fabs(rd->rank_corr));
	assert_true(rd->rank_corr > 0.5);
	sensitivity_free(&s);
	unload(&f);
}

/* The occurrences the sensitivity analysis ranks are the run's own: with
 * a cost of 1 a year, undiscounted and not escalated, an option's
 * gross_nominal in a trial is the number of years its risk occurred.  The
 * probability is an uncertain parameter, and the item starts in year 2 so
 * that its years straddle the two-year blocks of the occurrence stream. */
static void test_occurrences_match_run(void **state)
{
	(void)state;
	static const char *const scenario = "parameter,value,low,high,dist\n"
					    "costs,costs.csv,,,\n"
					    "years,6,,,\n"
					    "p,,0.2,0.6,uniform\n"
					    "trials,700,,,\n";
	static const char *const costs =
		"option,item,category,dist,likely,per,start,end,probability\n"
		"a,Event,Risk,fixed,1,year,2,6,p\n";
	struct fixture f;
	load(&f, scenario, costs, 1, 2);
	gsl_rng *rng = gsl_rng_alloc(rng_type);
	const double *g = sim_measure(&f.res, 0, M_GROSS_NOMINAL);
	int seen[6] = {0};
	for (long i = 0; i < f.res.trials; i++) {
		int k = sim_occurrences(f.plan, 0, (uint32_t)i, rng);
		assert_double_near(g[i], (double)k, 0);
		seen[k]++;
	}
	/* Every count from 0 to 5 occurs among 700 trials. */
	for (int k = 0; k <= 5; k++)
		assert_true(seen[k] > 0);
	gsl_rng_free(rng);
	unload(&f);
}

/* Which items are risks: a probability strictly between 0 and 1, or an
 * uncertain one; never 0 or 1 exactly. */
static void test_item_is_risk_boundaries(void **state)
{
	(void)state;
	static const char *const scenario = "parameter,value,low,high,dist\n"
					    "costs,costs.csv,,,\n"
					    "years,2,,,\n"
					    "one,1,,,\n"
					    "half,0.5,,,\n"
					    "some,,0.1,0.2,uniform\n";
	static const char *const costs =
		"option,item,category,dist,likely,probability\n"
		"a,Always,Risk,fixed,1,1\n"
		"a,Never,Risk,fixed,1,0\n"
		"a,Half,Risk,fixed,1,0.5\n"
		"a,One,Risk,fixed,1,one\n"
		"a,Halfp,Risk,fixed,1,half\n"
		"a,Some,Risk,fixed,1,some\n"
		"a,Blank,Risk,fixed,1,\n";
	struct fixture f;
	load(&f, scenario, costs, 0, 1);
	const char *names[] = {"Always", "Never", "Half", "One",
			       "Halfp",  "Some",  "Blank"};
	const int want[] = {0, 0, 1, 0, 1, 1, 0};
	for (int i = 0; i < 7; i++) {
		int k = model_find_item(&f.m, 0, names[i]);
		assert_true(k >= 0);
		if (sim_item_is_risk(&f.m, k) != want[i])
			fail_msg("%s: sim_item_is_risk %d", names[i], !want[i]);
	}
	unload(&f);
}

/* ---- ranks ------------------------------------------------------------ */

static void test_ranks_average_ties(void **state)
{
	(void)state;
	/* Sorted: -0 and 0 (ranks 1, 2: 1.5), 1 (3), 2 (4), 3 and 3 (5, 6:
	 * 5.5); centred by (n + 1) / 2 = 3.5. */
	const double x[] = {3, 1, 3, 2, -0.0, 0.0};
	const double want[] = {2, -0.5, 2, 0.5, -2, -2};
	double r[6];
	void *work = malloc(SENSITIVITY_RANK_WORK(6));
	sensitivity_ranks(x, 6, r, work);
	for (int i = 0; i < 6; i++)
		assert_double_near(r[i], want[i], 0);
	free(work);
}

static const double *ref_x;
static int cmp_ref(const void *a, const void *b)
{
	double u = ref_x[*(const size_t *)a], v = ref_x[*(const size_t *)b];
	return (u > v) - (u < v);
}

/* Reference ranks by a comparison sort and average over runs of equal
 * values. */
static void ref_ranks(const double *x, size_t n, double *r)
{
	size_t *idx = malloc(n * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	ref_x = x;
	qsort(idx, n, sizeof(size_t), cmp_ref);
	for (size_t a = 0; a < n;) {
		size_t b = a + 1;
		while (b < n && x[idx[b]] == x[idx[a]])
			b++;
		double avg = (double)(a + 1 + b) / 2; /* 1-based ranks */
		for (size_t j = a; j < b; j++)
			r[idx[j]] = avg - (double)(n + 1) / 2;
		a = b;
	}
	free(idx);
}

static void test_ranks_match_comparison_sort(void **state)
{
	(void)state;
	const size_t n = 20011;
	double *x = malloc(n * sizeof(double));
	double *r = malloc(n * sizeof(double));
	double *want = malloc(n * sizeof(double));
	void *work = malloc(SENSITIVITY_RANK_WORK(n));
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(g, 2718);
	/* Negative and positive values over many magnitudes, with many
	 * ties (rounded values) and some exact repeats. */
	for (size_t i = 0; i < n; i++) {
		double u = gsl_rng_uniform(g) - 0.5;
		double v = u * pow(10, (double)(i % 13) - 6);
		x[i] = i % 3 == 0 ? round(v * 10) / 10 : v;
	}
	x[7] = x[8] = x[9] = 1e300;
	x[10] = -1e300;
	sensitivity_ranks(x, n, r, work);
	ref_ranks(x, n, want);
	for (size_t i = 0; i < n; i++)
		if (r[i] != want[i])
			fail_msg("rank of x[%zu] = %.17g: %.17g, want %.17g", i,
				 x[i], r[i], want[i]);
	gsl_rng_free(g);
	free(work);
	free(want);
	free(r);
	free(x);
}

static void test_rank_corr_is_pearson_of_ranks(void **state)
{
	(void)state;
	/* x ranks 1..5; y = 5, 6, 7, 8, 7 ranks 1, 2, 3.5, 5, 3.5.  The
	 * Pearson correlation of those ranks, by hand: centred x = -2 -1 0 1
	 * 2, centred y = -2 -1 0.5 2 0.5; sum xy = 4 + 1 + 0 + 2 + 1 = 8,
	 * sum xx = 10, sum yy = 4 + 1 + 0.25 + 4 + 0.25 = 9.5. */
	const double x[] = {1, 2, 3, 4, 5}, y[] = {5, 6, 7, 8, 7};
	double rx[5], ry[5];
	void *work = malloc(SENSITIVITY_RANK_WORK(5));
	sensitivity_ranks(x, 5, rx, work);
	sensitivity_ranks(y, 5, ry, work);
	assert_double_near(sensitivity_rank_corr(rx, ry, 5), 8 / sqrt(95),
			   1e-15);
	/* Undefined for a constant array and for fewer than two values. */
	const double k[] = {4, 4, 4, 4, 4};
	double rk[5];
	sensitivity_ranks(k, 5, rk, work);
	assert_true(isnan(sensitivity_rank_corr(rx, rk, 5)));
	assert_true(isnan(sensitivity_rank_corr(rx, ry, 1)));
	free(work);
}

/* ---- importance from the run's own draws ------------------------------ */

/* Option a has one large uncertain cost and one small one; b one of its
 * own.  "unused" is uncertain but enters nothing; "b_units" enters only
 * b's cost. */
static const char *const dom_scenario =
	"parameter,value,low,high,dist\n"
	"costs,costs.csv,,,\n"
	"baseline,b,,,\n"
	"years,2,,,\n"
	"discount_rate,0.03,,,\n"
	"unused,,0,1,uniform\n"
	"b_units,,9,11,uniform\n"
	"trials,4000,,,\n"
	"seed,99,,,\n";
static const char *const dom_costs =
	"option,item,category,quantity,dist,low,likely,high,per\n"
	"a,Big,Hosting,1,pert,10000,40000,90000,year\n"
	"a,Small,Training,1,uniform,1000,,1500,year\n"
	"b,Own,Licensing,b_units,triangular,3000,4000,6000,year\n";

static void test_dominant_input_first_both_ways(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, dom_scenario, dom_costs, 1, 2);
	struct sensitivity s;
	sensitivity_compute(f.plan, &f.res, 2, &s);
	long n = f.res.trials;
	assert_int_equal(s.rank_trials, n);
	const char *outs[] = {"a", "a-b"};
	for (int j = 0; j < 2; j++) {
		size_t first, count;
		sensitivity_output_rows(&s, find_output(&s, outs[j]), &first,
					&count);
		const struct sensitivity_row *r = s.rows + first;
		assert_string_equal(s.inputs[r[0].input].name, "a/Big");
		for (size_t k = 1; k < count; k++) {
			assert_true(r[k].swing <= r[k - 1].swing);
			assert_true(fabs(r[k].rank_corr) <
				    fabs(r[0].rank_corr));
		}
		assert_true(r[0].rank_corr > 0.9);
	}
	/* An input that cannot move an output is uncorrelated with it,
	 * within 3 standard errors of 0. */
	double bound = 3 / sqrt((double)n);
	const char *none[][2] = {{"unused", "a"},
				 {"unused", "b"},
				 {"unused", "a-b"},
				 {"b_units", "a"}};
	for (int i = 0; i < 4; i++) {
		const struct sensitivity_row *r =
			find_row(&s, none[i][0], none[i][1]);
		assert_non_null(r);
		assert_double_near(r->swing, 0, 0);
		assert_double_within(r->rank_corr, 0, bound);
	}
	/* Items of a do not enter b, and b's item does not enter a. */
	assert_null(find_row(&s, "a/Big", "b"));
	assert_null(find_row(&s, "b/Own", "a"));
	assert_non_null(find_row(&s, "b/Own", "a-b"));
	/* Rows sorted by output, then swing descending, then input name. */
	for (size_t q = 1; q < s.nrows; q++) {
		const struct sensitivity_row *x = &s.rows[q - 1], *y = &s.rows[q];
		assert_true(x->output <= y->output);
		if (x->output == y->output) {
			assert_true(x->swing >= y->swing);
			if (x->swing == y->swing)
				assert_true(strcmp(s.inputs[x->input].name,
						   s.inputs[y->input].name) < 0);
		}
	}
	sensitivity_free(&s);
	unload(&f);
}

/* The rank correlation of a/Big with output a, recomputed here from the
 * input's stream (sim_input_draw) and the run's net_pv with a plain
 * comparison-sort ranking. */
static void test_rank_corr_matches_independent(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, dom_scenario, dom_costs, 1, 1);
	struct sensitivity s;
	sensitivity_compute(f.plan, &f.res, 1, &s);
	size_t n = (size_t)f.res.trials;
	int item = model_find_item(&f.m, model_find_option(&f.m, "a"), "Small");
	double *x = malloc(n * sizeof(double)), *rx = malloc(n * sizeof(double));
	double *ry = malloc(n * sizeof(double));
	gsl_rng *g = gsl_rng_alloc(rng_type);
	for (size_t i = 0; i < n; i++)
		x[i] = sim_input_draw(f.plan, -1, item, (uint32_t)i, g);
	ref_ranks(x, n, rx);
	ref_ranks(sim_measure(&f.res, 0, M_NET_PV), n, ry);
	double sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		sxy += rx[i] * ry[i];
		sxx += rx[i] * rx[i];
		syy += ry[i] * ry[i];
	}
	const struct sensitivity_row *r = find_row(&s, "a/Small", "a");
	assert_non_null(r);
	assert_double_near(r->rank_corr, sxy / sqrt(sxx * syy), 1e-12);
	gsl_rng_free(g);
	free(ry);
	free(rx);
	free(x);
	sensitivity_free(&s);
	unload(&f);
}

static void test_same_bits_any_threads(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, dom_scenario, dom_costs, 1, 1);
	struct sensitivity a, b;
	sensitivity_compute(f.plan, &f.res, 1, &a);
	sensitivity_compute(f.plan, &f.res, 3, &b);
	assert_int_equal(a.nrows, b.nrows);
	for (size_t q = 0; q < a.nrows; q++) {
		assert_int_equal(a.rows[q].input, b.rows[q].input);
		assert_int_equal(a.rows[q].output, b.rows[q].output);
		assert_memory_equal(&a.rows[q].rank_corr, &b.rows[q].rank_corr,
				    sizeof(double));
		assert_memory_equal(&a.rows[q].swing, &b.rows[q].swing,
				    sizeof(double));
	}
	sensitivity_free(&a);
	sensitivity_free(&b);
	unload(&f);
}

/* An item's rows come from its own share of the outputs (sim_evaluate_item)
 * rather than from evaluating every item again: they must equal whole
 * evaluations with that item's cost at P10 and P90, for items of the
 * baseline and of other options, with aid, a lag, risk items, quantities
 * by students and by parameter, and escalation by parameter. */
static const char *const share_scenario =
	"parameter,value,low,high,dist\n"
	"costs,costs.csv,,,\n"
	"baseline,b,,,\n"
	"years,4,,,\n"
	"students,2000,,,\n"
	"enrollment_growth,,-0.02,0.01,uniform\n"
	"aid_ratio,0.5,0.4,0.7,triangular\n"
	"aid_lag,1,,,\n"
	"discount_rate,3%,,,\n"
	"fte,0.3,0.1,0.5,pert\n"
	"esc,0.02,0,0.04,triangular\n";
static const char *const share_costs =
	"option,item,category,quantity,dist,low,likely,high,per,start,end,"
	"escalation,probability,payer,aid\n"
	"a,Fee,Licensing,students,triangular,2,3.5,5,year,1,,2%,,,\n"
	"a,Setup,Migration,1,pert,10000,20000,60000,once,1,,,,,\n"
	"a,Staff,Staff,fte,pert,70000,90000,120000,year,1,,esc,,,\n"
	"a,State fee,Licensing,students,uniform,1,,2,year,2,3,,,state,\n"
	"b,Service,Licensing,students,triangular,9,11,14,year,1,,2%,,,0.8\n"
	"b,Staff,Staff,fte,pert,60000,90000,110000,year,1,,esc,,,\n"
	"b,Breach,Privacy risk,students,lognormal,100,,300,year,1,,,3%,,\n"
	"c,Fee,Licensing,students,uniform,4,,8,year,1,,,,,1\n";

static void test_item_rows_match_whole_evaluations(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, share_scenario, share_costs, 0, 1);
	struct sensitivity s;
	sensitivity_compute(f.plan, NULL, 1, &s);
	const struct model *m = &f.m;
	struct sim_inputs in;
	struct sim_flows fl;
	sim_inputs_init(f.plan, &in);
	sim_flows_init(f.plan, &fl);
	int items = 0;
	for (size_t q = 0; q < s.nrows; q++) {
		const struct sensitivity_row *r = &s.rows[q];
		const struct sensitivity_input *x = &s.inputs[r->input];
		const struct sensitivity_output *o = &s.outputs[r->output];
		/* An item's cost, not its occurrence (never vs once). */
		if (x->item < 0 || x->occurrence)
			continue;
		items++;
		double v[2], at[2] = {x->p10, x->p90};
		for (int k = 0; k < 2; k++) {
			sim_inputs_point(f.plan, &in);
			in.cost[x->item] = at[k];
			sim_evaluate(f.plan, &in, -1, &fl);
			v[k] = fl.measure[o->option * M_COUNT + M_NET_PV];
			if (o->diff)
				v[k] -= fl.measure[m->baseline * M_COUNT +
						   M_NET_PV];
		}
		double tol = 1e-9 * (fabs(v[0]) + fabs(v[1]) + 1);
		assert_double_near(r->at_p10, v[0], tol);
		assert_double_near(r->at_p90, v[1], tol);
		assert_double_near(r->swing, fabs(v[1] - v[0]), tol);
		/* the state pays its fee: no net cost moves */
		if (strcmp(x->name, "a/State fee") != 0)
			assert_true(r->swing > 0);
	}
	/* a's four items in a and a-b, b's three in b, a-b and c-b, c's
	 * one in c and c-b. */
	assert_int_equal(items, 4 * 2 + 3 * 3 + 1 * 2);
	sim_flows_free(&fl);
	sim_inputs_free(&in);
	sensitivity_free(&s);
	unload(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_swing_matches_closed_form),
		cmocka_unit_test(test_probability_parameter_swing),
		cmocka_unit_test(test_occurrence_swing_hand_computed),
		cmocka_unit_test(test_occurrences_match_run),
		cmocka_unit_test(test_item_is_risk_boundaries),
		cmocka_unit_test(test_ranks_average_ties),
		cmocka_unit_test(test_ranks_match_comparison_sort),
		cmocka_unit_test(test_rank_corr_is_pearson_of_ranks),
		cmocka_unit_test(test_dominant_input_first_both_ways),
		cmocka_unit_test(test_rank_corr_matches_independent),
		cmocka_unit_test(test_same_bits_any_threads),
		cmocka_unit_test(test_item_rows_match_whole_evaluations),
	};
	return cmocka_run_group_tests_name("sensitivity", tests, NULL, NULL);
}
