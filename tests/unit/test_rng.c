/* The keyed Philox generator: known answers, random access, independence
 * of streams by name. */
#include "helpers.h"

#include <Random123/philox.h>
#include <gsl/gsl_rng.h>

#include "sim/rng.h"

/* Known-answer vectors of Philox4x32-10 from Random123's kat_vectors. */
static void test_philox_known_answers(void **state)
{
	(void)state;
	struct {
		uint32_t ctr[4], key[2], out[4];
	} kat[] = {
		{{0, 0, 0, 0}, {0, 0},
		 {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
		{{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
		 {0xffffffff, 0xffffffff},
		 {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
		{{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
		 {0xa4093822, 0x299f31d0},
		 {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
	};
	for (size_t i = 0; i < sizeof(kat) / sizeof(*kat); i++) {
		philox4x32_ctr_t c = {{kat[i].ctr[0], kat[i].ctr[1],
				       kat[i].ctr[2], kat[i].ctr[3]}};
		philox4x32_key_t k = {{kat[i].key[0], kat[i].key[1]}};
		philox4x32_ctr_t o = philox4x32(c, k);
		for (int w = 0; w < 4; w++)
			assert_int_equal(o.v[w], kat[i].out[w]);
	}
}

/* The stream of (key, seed, trial) is Philox of the counter
 * (n, trial, seed low, seed high): check the first words directly. */
static void test_stream_is_documented_counter(void **state)
{
	(void)state;
	uint64_t key = 0x0123456789abcdefULL, seed = 0xfedcba9876543210ULL;
	gsl_rng *r = gsl_rng_alloc(rng_type);
	rng_seek(r, key, seed, 77);
	philox4x32_ctr_t c = {{0, 77, (uint32_t)seed, (uint32_t)(seed >> 32)}};
	philox4x32_key_t k = {{(uint32_t)key, (uint32_t)(key >> 32)}};
	philox4x32_ctr_t o = philox4x32(c, k);
	for (int w = 0; w < 4; w++)
		assert_int_equal(gsl_rng_get(r), o.v[w]);
	c.v[0] = 1;
	o = philox4x32(c, k);
	assert_int_equal(gsl_rng_get(r), o.v[0]);
	gsl_rng_free(r);
	/* FNV-1a 64 of "a" (from the FNV reference). */
	assert_true(rng_key("a") == 0xaf63dc4c8601ec8cULL);
	assert_true(rng_key("") == 0xcbf29ce484222325ULL);
}

static void test_random_access_matches_sequence(void **state)
{
	(void)state;
	gsl_rng *r = gsl_rng_alloc(rng_type);
	uint64_t key = rng_key("cost:portal/Fee");
	rng_seek(r, key, 42, 9);
	for (uint32_t i = 0; i < 9; i++) {
		double u = gsl_rng_uniform(r);
		assert_true(u >= 0 && u < 1);
		assert_true(u == rng_uniform_at(key, 42, 9, i));
		double pair[2];
		rng_uniform_pair(key, 42, 9, i / 2, pair);
		assert_true(u == pair[i % 2]);
	}
	gsl_rng_free(r);
}

static void test_streams_depend_on_name_seed_trial(void **state)
{
	(void)state;
	uint64_t a = rng_key("cost:a/x"), b = rng_key("cost:a/y");
	assert_true(a != b);
	double x = rng_uniform_at(a, 1, 0, 0);
	assert_true(x != rng_uniform_at(b, 1, 0, 0));
	assert_true(x != rng_uniform_at(a, 2, 0, 0));
	assert_true(x != rng_uniform_at(a, 1, 1, 0));
	assert_true(x == rng_uniform_at(a, 1, 0, 0));
	/* Seeds differing only in the high 32 bits give other streams. */
	assert_true(rng_uniform_at(a, 1, 0, 0) !=
		    rng_uniform_at(a, 1 + (1ULL << 32), 0, 0));
}

/* Uniformity: the mean of n draws is 1/2 within 5 standard errors
 * (sd 1/sqrt(12n)), and 10 equal bins pass a chi-square test at a level
 * far beyond chance (chi2 with 9 d.f.: P(> 33.7) = 1e-4). */
static void test_uniform_moments_and_bins(void **state)
{
	(void)state;
	const int n = 200000;
	long bins[10] = {0};
	double sum = 0;
	uint64_t key = rng_key("param:test");
	for (int i = 0; i < n; i++) {
		double u = rng_uniform_at(key, 5, (uint32_t)i, 0);
		sum += u;
		bins[(int)(u * 10)]++;
	}
	assert_double_within(sum / n, 0.5, 5 / sqrt(12.0 * n));
	double chi2 = 0, e = n / 10.0;
	for (int k = 0; k < 10; k++)
		chi2 += (bins[k] - e) * (bins[k] - e) / e;
	assert_true(chi2 < 33.7);
	/* Successive trials of one stream are uncorrelated: the lag-1
	 * correlation is within 5 standard errors (1/sqrt(n)) of 0. */
	double sxy = 0, sx = 0, sxx = 0;
	double prev = rng_uniform_at(key, 5, 0, 0);
	for (int i = 1; i < n; i++) {
		double u = rng_uniform_at(key, 5, (uint32_t)i, 0);
		sxy += (prev - 0.5) * (u - 0.5);
		sx += prev - 0.5;
		sxx += (prev - 0.5) * (prev - 0.5);
		prev = u;
	}
	(void)sx;
	assert_double_within(sxy / sxx, 0, 5 / sqrt((double)n));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_philox_known_answers),
		cmocka_unit_test(test_stream_is_documented_counter),
		cmocka_unit_test(test_random_access_matches_sequence),
		cmocka_unit_test(test_streams_depend_on_name_seed_trial),
		cmocka_unit_test(test_uniform_moments_and_bins),
	};
	return cmocka_run_group_tests_name("rng", tests, NULL, NULL);
}
