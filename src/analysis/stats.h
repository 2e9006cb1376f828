/* Order statistics and moments of per-trial arrays. */
#ifndef EDTCO_ANALYSIS_STATS_H
#define EDTCO_ANALYSIS_STATS_H

#include <stddef.h>
#include <stdint.h>

/* Quantiles of x[0..n) at the probabilities p[0..k) (each in [0, 1]), by
 * linear interpolation between order statistics (Hyndman and Fan type 7,
 * as R's default, numpy.percentile and gsl_stats_quantile_from_sorted_data):
 * h = (n - 1) p, Q = x(floor h) + (h - floor h)(x(floor h + 1) - x(floor h))
 * on the sorted values.  x is not changed; scratch (n doubles, or x itself
 * when x may be reordered) is the working space of a selection.  n must be
 * at least 1. */
void stats_quantiles(const double *x, size_t n, const double *p, size_t k,
		     double *out, double *scratch);

/* Mean and sample standard deviation (n - 1; 0 when n == 1), from sums of
 * the values minus the middle one, taken in a fixed order. */
void stats_moments(const double *x, size_t n, double *mean, double *sd);

/* stats_quantiles and stats_moments at once: one pass over a large array
 * instead of three.  The same bits as the two calls. */
void stats_describe(const double *x, size_t n, const double *p, size_t k,
		    double *out, double *scratch, double *mean, double *sd);

/* The order of doubles as unsigned integers: every bit of a negative
 * number flipped, only the sign bit of a positive one; -0 counts as +0. */
uint64_t stats_order_key(double x);

/* Sorts key[0..n) ascending and carries idx (when not NULL) along: a
 * least-significant-digit radix sort, six passes of 11 bits, stable, a
 * pass skipped when every key has the same digit there (about 15 ns per
 * element for a million; a comparison sort costs several times that).
 * key2 and idx2 are working space of n elements each; the result is in
 * key and idx. */
void stats_radix_sort(uint64_t *key, uint32_t *idx, size_t n, uint64_t *key2,
		      uint32_t *idx2);

/* Share of x that is below v (strictly), and at or below v. */
double stats_share_below(const double *x, size_t n, double v);
double stats_share_at_or_below(const double *x, size_t n, double v);

#endif
