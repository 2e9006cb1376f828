/* Quantiles by selection against GSL's quantile of the sorted data (an
 * independent computation of type 7), on small and large arrays, with
 * ties; moments against a plain two-pass computation. */
#include "helpers.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "analysis/stats.h"

static const double probs[] = {0,    0.01, 0.05, 0.10, 0.25, 0.5,
			       0.75, 0.80, 0.90, 0.95, 0.99, 1};
#define NP (sizeof(probs) / sizeof(*probs))

/* A simple reproducible generator for test data (not the engine's). */
static uint64_t lcg_state;
static double lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(lcg_state >> 11) / 9007199254740992.0;
}

static void compare_with_gsl(const double *x, size_t n)
{
	double *sorted = malloc(n * sizeof(double));
	double *scratch = malloc(n * sizeof(double));
	double *copy = malloc(n * sizeof(double));
	memcpy(sorted, x, n * sizeof(double));
	memcpy(copy, x, n * sizeof(double));
	gsl_sort(sorted, 1, n);
	double got[NP];
	stats_quantiles(x, n, probs, NP, got, scratch);
	for (size_t j = 0; j < NP; j++) {
		double want = gsl_stats_quantile_from_sorted_data(sorted, 1, n,
								  probs[j]);
		if (got[j] != want)
			fail_msg("n=%zu p=%g: got %.17g, want %.17g", n,
				 probs[j], got[j], want);
	}
	/* x itself is never changed. */
	assert_memory_equal(x, copy, n * sizeof(double));
	free(sorted);
	free(scratch);
	free(copy);
}

static void test_small_arrays(void **state)
{
	(void)state;
	double one[] = {2.385};
	compare_with_gsl(one, 1);
	double two[] = {5, -3};
	compare_with_gsl(two, 2);
	double x[37];
	lcg_state = 1;
	for (size_t n = 3; n <= 37; n++) {
		for (size_t i = 0; i < n; i++)
			x[i] = floor(lcg() * 10); /* many ties */
		compare_with_gsl(x, n);
	}
}

/* Large arrays take the bucket path; every shape must give the
 * exact order statistics. */
static void test_large_arrays(void **state)
{
	(void)state;
	size_t n = 300007;
	double *x = malloc(n * sizeof(double));
	lcg_state = 7;
	/* continuous, skewed */
	for (size_t i = 0; i < n; i++)
		x[i] = -log(1 - lcg()) * 1000;
	compare_with_gsl(x, n);
	/* a point mass at zero holding most of the data (years in which a
	 * risk did not occur) */
	for (size_t i = 0; i < n; i++)
		x[i] = lcg() < 0.97 ? 0 : lcg() * 1e6;
	compare_with_gsl(x, n);
	/* bimodal with a gap (a breach or not) */
	for (size_t i = 0; i < n; i++)
		x[i] = (lcg() < 0.85 ? 5e5 : 1.5e6) + lcg() * 1e5;
	compare_with_gsl(x, n);
	/* all equal */
	for (size_t i = 0; i < n; i++)
		x[i] = -42.5;
	compare_with_gsl(x, n);
	/* sorted and reverse-sorted input (a pathological sample) */
	for (size_t i = 0; i < n; i++)
		x[i] = (double)i;
	compare_with_gsl(x, n);
	for (size_t i = 0; i < n; i++)
		x[i] = -(double)i;
	compare_with_gsl(x, n);
	/* a heavy tail: lognormal with sigma 4 (the buckets over the
	 * sample's range are coarse in the body) */
	for (size_t i = 0; i < n; i++)
		x[i] = exp(4 * sqrt(-2 * log(1 - lcg())) * cos(6.283185307 * lcg()));
	compare_with_gsl(x, n);
	/* a sample that lies: every value the stride of a 4096-value sample
	 * could read is an outlier, far above the rest */
	for (size_t i = 0; i < n; i++)
		x[i] = i % 73 == 0 ? 1e12 + (double)i : lcg();
	for (size_t i = 0; i < 4096; i++)
		x[(i * n + n / 2) / 4096] = 1e12 + (double)i;
	compare_with_gsl(x, n);
	/* a sample of one value (a point mass the stride always hits), and
	 * an infinite maximum: the buckets cannot be used */
	for (size_t i = 0; i < n; i++)
		x[i] = i % 97 == 0 ? lcg() * 100 : 5.0;
	for (size_t i = 0; i < 4096; i++)
		x[(i * n + n / 2) / 4096] = 5.0;
	x[12345] = INFINITY;
	compare_with_gsl(x, n);
	/* both signs, and values a million times the rest at both ends */
	for (size_t i = 0; i < n; i++)
		x[i] = (lcg() - 0.5) * (i % 1009 == 0 ? 1e12 : 1e6);
	compare_with_gsl(x, n);
	free(x);
}

/* Around the size where the bucket path starts (8,192 values): the same
 * exact answers either side of it. */
static void test_medium_arrays(void **state)
{
	(void)state;
	static const size_t sizes[] = {8191, 8192, 8193, 10007, 65537};
	double *x = malloc(65537 * sizeof(double));
	lcg_state = 11;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(*sizes); s++) {
		size_t n = sizes[s];
		for (size_t i = 0; i < n; i++)
			x[i] = -log(1 - lcg()) * 1000;
		compare_with_gsl(x, n);
		for (size_t i = 0; i < n; i++)
			x[i] = lcg() < 0.9 ? 0 : lcg() * 1e6;
		compare_with_gsl(x, n);
	}
	free(x);
}

static void test_moments(void **state)
{
	(void)state;
	size_t n = 100003;
	double *x = malloc(n * sizeof(double));
	lcg_state = 3;
	for (size_t i = 0; i < n; i++)
		x[i] = 1e6 + (lcg() - 0.5) * 2e5;
	double mean, sd;
	stats_moments(x, n, &mean, &sd);
	assert_double_near(mean, gsl_stats_mean(x, 1, n), 1e-13);
	assert_double_near(sd, gsl_stats_sd(x, 1, n), 1e-10);
	/* stats_describe gives the same bits as the separate calls. */
	double q1[NP], q2[NP], m2, s2;
	double *scratch = malloc(n * sizeof(double));
	stats_quantiles(x, n, probs, NP, q1, scratch);
	stats_describe(x, n, probs, NP, q2, scratch, &m2, &s2);
	assert_memory_equal(q1, q2, sizeof(q1));
	assert_true(m2 == mean && s2 == sd);
	/* In place (scratch == x, which the selection reorders), on the
	 * direct path and on the fallback of a point mass: the moments of
	 * the array as it was given, to the bit. */
	static const size_t sizes[] = {5003, 100003};
	for (size_t s = 0; s < 2; s++) {
		size_t m = sizes[s];
		for (size_t i = 0; i < m; i++)
			x[i] = s ? (lcg() < 0.95 ? 0 : lcg() * 1e6)
				 : 1e6 + (lcg() - 0.5) * 2e5;
		double want_mean, want_sd, got_mean, got_sd;
		stats_moments(x, m, &want_mean, &want_sd);
		stats_describe(x, m, probs, NP, q2, x, &got_mean, &got_sd);
		assert_true(got_mean == want_mean && got_sd == want_sd);
	}
	double one = 7;
	stats_moments(&one, 1, &mean, &sd);
	assert_true(mean == 7 && sd == 0);
	free(x);
	free(scratch);
}

/* The radix sort of order keys against GSL's sort, with negative numbers,
 * -0 and ties: the values in the order of the sorted indices are GSL's
 * sorted values, and the sort is stable. */
static void test_radix_sort(void **state)
{
	(void)state;
	size_t n = 50021;
	double *x = malloc(n * sizeof(double)), *y = malloc(n * sizeof(double));
	uint64_t *key = malloc(2 * n * sizeof(uint64_t));
	uint32_t *idx = malloc(2 * n * sizeof(uint32_t));
	lcg_state = 11;
	for (size_t i = 0; i < n; i++) {
		double u = lcg();
		x[i] = u < 0.1 ? -0.0 : u < 0.2 ? 0.0 : u < 0.3 ? -1e300 : (u - 0.6) * 1e7;
		y[i] = x[i];
		key[i] = stats_order_key(x[i]);
		idx[i] = (uint32_t)i;
	}
	stats_radix_sort(key, idx, n, key + n, idx + n);
	gsl_sort(y, 1, n);
	for (size_t i = 0; i < n; i++) {
		assert_true(x[idx[i]] == y[i]);
		if (i > 0 && key[i] == key[i - 1])
			assert_true(idx[i] > idx[i - 1]);
	}
	assert_true(stats_order_key(-0.0) == stats_order_key(0.0));
	assert_true(stats_order_key(-1) < stats_order_key(-0.5));
	assert_true(stats_order_key(0.5) < stats_order_key(1e-300 + 1));
	free(x);
	free(y);
	free(key);
	free(idx);
}

static void test_shares(void **state)
{
	(void)state;
	double x[] = {-2, -1, 0, 0, 1, 3};
	assert_double_near(stats_share_below(x, 6, 0), 2.0 / 6, 1e-15);
	assert_double_near(stats_share_at_or_below(x, 6, 0), 4.0 / 6, 1e-15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_arrays),
		cmocka_unit_test(test_large_arrays),
		cmocka_unit_test(test_medium_arrays),
		cmocka_unit_test(test_moments),
		cmocka_unit_test(test_radix_sort),
		cmocka_unit_test(test_shares),
	};
	return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
