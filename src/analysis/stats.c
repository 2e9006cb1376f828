/* Quantiles by multi-way selection; moments through GSL (see stats.h). */
#include "analysis/stats.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#include "util/mem.h"

static void insertion_sort(double *x, size_t lo, size_t hi)
{
	for (size_t i = lo + 1; i < hi; i++) {
		double v = x[i];
		size_t j = i;
		while (j > lo && x[j - 1] > v) {
			x[j] = x[j - 1];
			j--;
		}
		x[j] = v;
	}
}

static double median3(double a, double b, double c)
{
	if (a < b)
		return b < c ? b : (a < c ? c : a);
	return a < c ? a : (b < c ? c : b);
}

/* Puts the order statistics of ranks r[rlo..rhi) (sorted, within
 * [lo, hi)) in place: afterwards x[r] is the r-th smallest value.  A
 * three-way partition keeps runs of equal values (years in which a risk did
 * not occur) from slowing it down. */
static void select_ranks(double *x, size_t lo, size_t hi, const size_t *r,
			 size_t rlo, size_t rhi)
{
	while (rlo < rhi) {
		if (hi - lo <= 24) {
			insertion_sort(x, lo, hi);
			return;
		}
		size_t n = hi - lo;
		double pivot = median3(
			median3(x[lo], x[lo + n / 8], x[lo + n / 4]),
			median3(x[lo + 3 * n / 8], x[lo + n / 2],
				x[lo + 5 * n / 8]),
			median3(x[lo + 3 * n / 4], x[lo + 7 * n / 8], x[hi - 1]));
		/* x[lo..lt) < pivot, x[lt..i) == pivot, x[gt..hi) > pivot */
		size_t lt = lo, i = lo, gt = hi;
		while (i < gt) {
			double v = x[i];
			if (v < pivot) {
				x[i++] = x[lt];
				x[lt++] = v;
			} else if (v > pivot) {
				x[i] = x[--gt];
				x[gt] = v;
			} else {
				i++;
			}
		}
		/* Ranks below lt recurse left, at or above gt go right; the
		 * ones between are already in place. */
		size_t a = rlo;
		while (a < rhi && r[a] < lt)
			a++;
		size_t b = a;
		while (b < rhi && r[b] < gt)
			b++;
		if (a - rlo < rhi - b) {
			select_ranks(x, lo, lt, r, rlo, a);
			lo = gt;
			rlo = b;
		} else {
			select_ranks(x, gt, hi, r, b, rhi);
			hi = lt;
			rhi = a;
		}
	}
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

void stats_quantiles(double *x, size_t n, const double *p, size_t k,
		     double *out)
{
	size_t *ranks = xmalloc((2 * k + 1) * sizeof(size_t));
	size_t nr = 0;
	for (size_t j = 0; j < k; j++) {
		double h = (double)(n - 1) * p[j];
		size_t f = (size_t)floor(h);
		ranks[nr++] = f;
		if (f + 1 < n)
			ranks[nr++] = f + 1;
	}
	qsort(ranks, nr, sizeof(size_t), cmp_size);
	size_t u = 0;
	for (size_t j = 0; j < nr; j++)
		if (u == 0 || ranks[j] != ranks[u - 1])
			ranks[u++] = ranks[j];
	select_ranks(x, 0, n, ranks, 0, u);
	free(ranks);
	for (size_t j = 0; j < k; j++) {
		double h = (double)(n - 1) * p[j];
		size_t f = (size_t)floor(h);
		double delta = h - (double)f;
		/* GSL's form of the interpolation, to the last bit. */
		out[j] = f + 1 < n && delta > 0
				 ? (1 - delta) * x[f] + delta * x[f + 1]
				 : x[f];
	}
}

double stats_mean(const double *x, size_t n)
{
	return gsl_stats_mean(x, 1, n);
}

double stats_sd(const double *x, size_t n, double mean)
{
	return n > 1 ? gsl_stats_sd_m(x, 1, n, mean) : 0.0;
}

double stats_share_below(const double *x, size_t n, double v)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += x[i] < v;
	return (double)c / (double)n;
}

double stats_share_at_or_below(const double *x, size_t n, double v)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += x[i] <= v;
	return (double)c / (double)n;
}
