/* The six distributions: sample moments against their closed forms, exact
 * quantiles, and the tabulated normal-score transform of pert. */
#include "helpers.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "sim/draw.h"
#include "sim/rng.h"

#define N 200000

struct moments {
	double mean, var, se_mean, se_var;
};

/* Draws N values exactly as the engine does (one keyed stream per trial)
 * and returns the sample mean and variance with their standard errors,
 * the latter from the sample's own fourth central moment. */
static struct moments sample(const struct dist *d, const char *name)
{
	gsl_rng *r = gsl_rng_alloc(rng_type);
	double *x = malloc(N * sizeof(double));
	uint64_t key = rng_key(name);
	struct draw_dist p;
	draw_prepare(&p, d);
	static struct draw_table t;
	if (d->kind == DIST_PERT)
		draw_table_init(&t, d);
	double sum = 0;
	for (int i = 0; i < N; i++) {
		x[i] = draw_keyed(&p, &t, key, 20141121, (uint32_t)i, r);
		sum += x[i];
	}
	struct moments m;
	m.mean = sum / N;
	double m2 = 0, m4 = 0;
	for (int i = 0; i < N; i++) {
		double e = x[i] - m.mean;
		m2 += e * e;
		m4 += e * e * e * e;
	}
	m2 /= N;
	m4 /= N;
	m.var = m2 * N / (N - 1);
	m.se_mean = sqrt(m.var / N);
	m.se_var = sqrt((m4 - m2 * m2) / N);
	free(x);
	gsl_rng_free(r);
	return m;
}

static void check(const struct dist *d, const char *name, double mean,
		  double var)
{
	struct moments m = sample(d, name);
	assert_double_within(m.mean, mean, 5 * m.se_mean);
	assert_double_within(m.var, var, 5 * m.se_var);
}

static void test_fixed_is_constant(void **state)
{
	(void)state;
	struct dist d = {DIST_FIXED, NAN, 2.385, NAN};
	struct draw_dist p;
	draw_prepare(&p, &d);
	gsl_rng *r = gsl_rng_alloc(rng_type);
	for (uint32_t i = 0; i < 1000; i++)
		assert_true(draw_keyed(&p, NULL, rng_key("fixed"), 1, i, r) ==
			    2.385);
	gsl_rng_free(r);
}

/* The engine's draws against the same draws made through GSL from a
 * stream positioned by rng_seek: the shortcut of taking a uniform straight
 * from the stream's first block changes no bit, and normal draws are GSL's
 * ziggurat. */
static void test_draws_match_gsl(void **state)
{
	(void)state;
	gsl_rng *r = gsl_rng_alloc(rng_type), *g = gsl_rng_alloc(rng_type);
	struct dist u = {DIST_UNIFORM, -3, NAN, 17.5};
	struct dist t = {DIST_TRIANGULAR, 2, 3.5, 5.75};
	struct dist n = {DIST_NORMAL, 7500, NAN, 12500};
	struct dist l = {DIST_LOGNORMAL, 141, NAN, 300};
	struct draw_dist pu, pt, pn, pl;
	draw_prepare(&pu, &u);
	draw_prepare(&pt, &t);
	draw_prepare(&pn, &n);
	draw_prepare(&pl, &l);
	uint64_t key = rng_key("cost:cloud/fee");
	for (uint32_t i = 0; i < 5000; i++) {
		rng_seek(g, key, 7, i);
		double v = gsl_ran_flat(g, -3, 17.5);
		assert_true(draw_keyed(&pu, NULL, key, 7, i, r) == v);
		rng_seek(g, key, 7, i);
		v = draw_quantile(&t, gsl_rng_uniform(g));
		assert_true(draw_keyed(&pt, NULL, key, 7, i, r) == v);
		rng_seek(g, key, 7, i);
		double z = gsl_ran_gaussian_ziggurat(g, 1.0);
		assert_double_near(draw_keyed(&pn, NULL, key, 7, i, r),
				   10000 + 5000 / (2 * DRAW_Z95) * z, 1e-9);
		assert_double_near(draw_keyed(&pl, NULL, key, 7, i, r),
				   draw_from_score(&l, NULL, z), 1e-9);
	}
	gsl_rng_free(r);
	gsl_rng_free(g);
}

static void test_uniform_moments(void **state)
{
	(void)state;
	struct dist d = {DIST_UNIFORM, -1.25, NAN, 3.75};
	check(&d, "uniform", 1.25, 5.0 * 5.0 / 12);
}

static void test_triangular_moments(void **state)
{
	(void)state;
	double a = 2, c = 3.5, b = 5.75;
	struct dist d = {DIST_TRIANGULAR, a, c, b};
	check(&d, "triangular", (a + b + c) / 3,
	      (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
	/* A mode at an end. */
	struct dist e = {DIST_TRIANGULAR, 10, 10, 40};
	check(&e, "triangular-left", 20, (100 + 1600 + 100 - 400 - 100 - 400) / 18.0);
}

static void test_pert_moments(void **state)
{
	(void)state;
	/* PERT (lambda = 4): mean (a + 4m + b) / 6, variance
	 * (mean - a)(b - mean) / 7. */
	double a = 10000, m = 21000, b = 75000;
	struct dist d = {DIST_PERT, a, m, b};
	double mu = (a + 4 * m + b) / 6;
	check(&d, "pert", mu, (mu - a) * (b - mu) / 7);
	struct dist s = {DIST_PERT, 0, 0, 1}; /* Beta(1, 5) */
	check(&s, "pert-edge", 1.0 / 6, (1.0 / 6) * (5.0 / 6) / 7);
	/* a small probability with a long right tail */
	a = 0.01, m = 0.03, b = 0.10;
	struct dist q = {DIST_PERT, a, m, b};
	mu = (a + 4 * m + b) / 6;
	check(&q, "pert-probability", mu, (mu - a) * (b - mu) / 7);
}

static void test_normal_moments(void **state)
{
	(void)state;
	struct dist d = {DIST_NORMAL, 7500, NAN, 12500};
	double sd = 5000 / (2 * DRAW_Z95);
	check(&d, "normal", 10000, sd * sd);
}

static void test_lognormal_moments(void **state)
{
	(void)state;
	double lo = 141, hi = 300;
	struct dist d = {DIST_LOGNORMAL, lo, NAN, hi};
	double mu = (log(lo) + log(hi)) / 2;
	double s = (log(hi) - log(lo)) / (2 * DRAW_Z95);
	check(&d, "lognormal", exp(mu + s * s / 2),
	      (exp(s * s) - 1) * exp(2 * mu + s * s));
}

static void test_quantiles_closed_forms(void **state)
{
	(void)state;
	struct dist u = {DIST_UNIFORM, 2, NAN, 6};
	assert_double_near(draw_quantile(&u, 0.3), 3.2, 1e-15);
	struct dist t = {DIST_TRIANGULAR, 2, 3.5, 5};
	/* The mode sits at u = (c - a) / (b - a). */
	assert_double_near(draw_quantile(&t, 0.5), 3.5, 1e-15);
	assert_double_near(draw_quantile(&t, 0.125), 2 + sqrt(0.125 * 3 * 1.5),
			   1e-15);
	assert_double_near(draw_quantile(&t, 0.9), 5 - sqrt(0.1 * 3 * 1.5),
			   1e-15);
	/* low and high are the 5th and 95th percentiles. */
	struct dist n = {DIST_NORMAL, 7500, NAN, 12500};
	assert_double_near(draw_quantile(&n, 0.05), 7500, 1e-7);
	assert_double_near(draw_quantile(&n, 0.95), 12500, 1e-7);
	assert_double_near(draw_quantile(&n, 0.5), 10000, 1e-15);
	struct dist l = {DIST_LOGNORMAL, 141, NAN, 300};
	assert_double_near(draw_quantile(&l, 0.05), 141, 1e-7);
	assert_double_near(draw_quantile(&l, 0.95), 300, 1e-7);
	assert_double_near(draw_quantile(&l, 0.5), sqrt(141.0 * 300), 1e-12);
	/* pert: the beta CDF at the quantile gives u back. */
	struct dist p = {DIST_PERT, 10, 21, 75};
	for (double q = 0.05; q < 1; q += 0.15) {
		double x = (draw_quantile(&p, q) - 10) / 65;
		double a = 1 + 4 * 11.0 / 65, b = 1 + 4 * 54.0 / 65;
		assert_double_near(gsl_cdf_beta_P(x, a, b), q, 1e-9);
	}
	/* The point values of SPEC 5.8. */
	assert_double_near(dist_point(&u), 4, 1e-15);
	assert_double_near(dist_point(&t), 3.5, 1e-15);
	assert_double_near(dist_point(&l), sqrt(141.0 * 300), 1e-15);
}

/* likely equal to low or to high (SPEC: low <= likely <= high): a right
 * triangle, and pert's Beta(1, 5) or Beta(5, 1), whose quantiles have
 * closed forms; the point value is likely; draws have the right moments;
 * the tabulated transform of pert follows the closed form. */
static void test_mode_at_either_end(void **state)
{
	(void)state;
	/* triangular(10, 40, 40): F(x) = ((x - 10) / 30)^2, F^-1(u) =
	 * 10 + 30 sqrt(u); triangular(10, 10, 40): F^-1(u) = 40 - 30
	 * sqrt(1 - u). */
	struct dist hi = {DIST_TRIANGULAR, 10, 40, 40};
	struct dist lo = {DIST_TRIANGULAR, 10, 10, 40};
	for (double u = 0; u <= 1.0001; u += 0.125) {
		double v = u > 1 ? 1 : u;
		assert_double_near(draw_quantile(&hi, v), 10 + 30 * sqrt(v),
				   1e-12);
		assert_double_near(draw_quantile(&lo, v),
				   40 - 30 * sqrt(1 - v), 1e-12);
	}
	assert_double_near(dist_point(&hi), 40, 0);
	assert_double_near(dist_point(&lo), 10, 0);
	check(&hi, "triangular-right", 30,
	      (100 + 1600 + 1600 - 400 - 400 - 1600) / 18.0);
	/* pert(0, 1, 1) is Beta(5, 1): F(x) = x^5; pert(0, 0, 1) is
	 * Beta(1, 5): F(x) = 1 - (1 - x)^5. */
	struct dist ph = {DIST_PERT, 0, 1, 1}, pl = {DIST_PERT, 0, 0, 1};
	static struct draw_table th, tl;
	draw_table_init(&th, &ph);
	draw_table_init(&tl, &pl);
	for (double u = 0.05; u < 1; u += 0.15) {
		assert_double_near(draw_quantile(&ph, u), pow(u, 0.2), 1e-9);
		assert_double_near(draw_quantile(&pl, u),
				   1 - pow(1 - u, 0.2), 1e-9);
	}
	for (double z = -3; z <= 3; z += 0.37) {
		double u = gsl_cdf_ugaussian_P(z);
		assert_double_near(draw_from_score(&ph, &th, z), pow(u, 0.2),
				   1e-6);
		assert_double_near(draw_from_score(&pl, &tl, z),
				   1 - pow(1 - u, 0.2), 1e-6);
	}
	assert_double_near(dist_point(&ph), 1, 0);
	assert_double_near(dist_point(&pl), 0, 0);
	/* Beta(5, 1): mean 5/6, variance (5/6)(1/6)/7. */
	check(&ph, "pert-right", 5.0 / 6, (5.0 / 6) * (1.0 / 6) / 7);
}

/* X = F^-1(Phi(z)): exact for most kinds, tabulated for pert with an
 * error below 1e-6 of the range, checked between the nodes too. */
static void test_normal_score_transform(void **state)
{
	(void)state;
	struct dist kinds[] = {
		{DIST_PERT, 10000, 21000, 75000},
		{DIST_PERT, 0, 0, 1},
		{DIST_PERT, 0, 1, 1},
		{DIST_PERT, 4.7, 10, 24},
		{DIST_PERT, 0, 0.001, 1},
		{DIST_PERT, 0, 0.999, 1},
	};
	static struct draw_table t;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		const struct dist *d = &kinds[k];
		draw_table_init(&t, d);
		double worst = 0;
		double a = 1 + 4 * (d->likely - d->low) / (d->high - d->low);
		double b = 1 + 4 * (d->high - d->likely) / (d->high - d->low);
		for (double z = -7.9; z < 7.9; z += 0.00731) {
			/* The reference works in the nearer tail, where
			 * 1 - Phi(z) would lose every digit. */
			double x = z <= 0
				   ? gsl_cdf_beta_Pinv(gsl_cdf_ugaussian_P(z), a, b)
				   : gsl_cdf_beta_Qinv(gsl_cdf_ugaussian_Q(z), a, b);
			double exact = d->low + (d->high - d->low) * x;
			double err = fabs(draw_from_score(d, &t, z) - exact);
			worst = err > worst ? err : worst;
		}
		assert_true(worst < 1e-6 * (d->high - d->low));
		/* The points themselves (most of them interpolated by the
		 * cubic through exact ones) within 1e-8 of the range, and
		 * never decreasing. */
		for (int i = 0; i <= DRAW_TABLE_N; i++) {
			double z = -DRAW_TABLE_Z + 2 * DRAW_TABLE_Z * i / DRAW_TABLE_N;
			double x = z <= 0
				   ? gsl_cdf_beta_Pinv(gsl_cdf_ugaussian_P(z), a, b)
				   : gsl_cdf_beta_Qinv(gsl_cdf_ugaussian_Q(z), a, b);
			assert_double_within(t.v[i], d->low + (d->high - d->low) * x,
					     1e-8 * (d->high - d->low));
			if (i < DRAW_TABLE_N)
				assert_true(t.v[i] <= t.v[i + 1]);
		}
	}
	struct dist n = {DIST_NORMAL, 1, NAN, 3};
	assert_double_near(draw_from_score(&n, NULL, 1.6448536), 3, 1e-15);
	struct dist u = {DIST_UNIFORM, 1, NAN, 3};
	assert_double_near(draw_from_score(&u, NULL, 0), 2, 1e-15);
	struct dist l = {DIST_LOGNORMAL, 1, NAN, 100};
	assert_double_near(draw_from_score(&l, NULL, 0), 10, 1e-14);
}

int main(void)
{
	gsl_set_error_handler_off();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_is_constant),
		cmocka_unit_test(test_draws_match_gsl),
		cmocka_unit_test(test_uniform_moments),
		cmocka_unit_test(test_triangular_moments),
		cmocka_unit_test(test_pert_moments),
		cmocka_unit_test(test_normal_moments),
		cmocka_unit_test(test_lognormal_moments),
		cmocka_unit_test(test_quantiles_closed_forms),
		cmocka_unit_test(test_mode_at_either_end),
		cmocka_unit_test(test_normal_score_transform),
	};
	return cmocka_run_group_tests_name("draw", tests, NULL, NULL);
}
