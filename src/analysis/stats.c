/* Quantiles by multi-way selection; moments through GSL (see stats.h). */
#include "analysis/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Running sums for the mean and standard deviation, taken in blocks of
 * SUM_BLOCK values (the block sums then added in order), of the values
 * minus a shift (the middle value of the array): one pass, a fixed order
 * (the same array always gives the same bits), and no cancellation worth
 * the name since the shift is a typical value. */
#define SUM_BLOCK 256
#define SUM_LANES 4
struct sums {
	double shift, s1, s2;
};

/* The lanes of a block, added in a fixed order. */
static double lanes_sum(const double *lane)
{
	return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

/* Selection by counting, for large arrays.  A strided sample of the values
 * gives a range [lo, hi] that holds the wanted ranks with high
 * probability; NBUCKETS equal buckets cover it, with one more bucket each
 * side for the values beyond.  The first pass counts the values of each
 * bucket (and takes the sums of the moments); the buckets that hold the
 * wanted ranks are then known, and the second pass gathers their values
 * only, among which the ranks are selected.
 *
 * The answer is the exact order statistic whatever the sample: all that is
 * needed is that the bucket of a value never decreases as the value grows,
 * which holds since each step of bucket_of (a subtraction, a product by a
 * positive number, a clamp and a truncation) is monotone in IEEE
 * arithmetic.  A poor sample only makes the gathered buckets larger; when
 * they would hold more than an eighth of the values, the whole array is
 * selected instead. */
#define SAMPLE_N 4096
/* From this many values on, counting beats copying and selecting (a batch
 * of 10,000-trial cases runs 15% faster for it). */
#define SAMPLE_MIN_N (2 * SAMPLE_N)
#define NBUCKETS 8192

struct buckets {
	double lo, scale;
	uint32_t *count; /* NBUCKETS + 2 */
};

/* The clamp is written with SSE2's max and min where there is SSE2: the
 * compiler keeps the C form as two branches, and they cost more than the
 * rest of a pass.  Both forms give the same bucket. */
static inline size_t bucket_of(const struct buckets *b, double v)
{
	double t = (v - b->lo) * b->scale;
#ifdef __SSE2__
	__m128d x = _mm_set_sd(t);
	x = _mm_max_sd(x, _mm_set_sd(-1.0)); /* also -1 for a NaN */
	x = _mm_min_sd(x, _mm_set_sd(NBUCKETS));
	t = _mm_cvtsd_f64(x);
#else
	t = t > -1 ? t : -1;
	t = t < NBUCKETS ? t : NBUCKETS;
#endif
	return (size_t)(t + 1);
}

/* The range of the buckets: the sample's order statistics some four
 * standard errors beyond the lowest and the highest wanted rank.  Returns
 * -1 when the range is empty or not finite (a sample of one value): then
 * buckets would not separate anything, and the caller selects directly. */
static int bucket_range(const double *x, size_t n, const size_t *ranks,
			size_t nr, struct buckets *b)
{
	double smp[SAMPLE_N];
	for (size_t i = 0; i < SAMPLE_N; i++)
		smp[i] = x[(i * n + n / 2) / SAMPLE_N];
	size_t edge[2];
	for (int e = 0; e < 2; e++) {
		double q = (double)ranks[e ? nr - 1 : 0] / (double)(n - 1);
		double pos = q * (SAMPLE_N - 1);
		double margin = 4 * sqrt(SAMPLE_N * q * (1 - q)) + 8;
		double at = e ? ceil(pos + margin) : floor(pos - margin);
		at = at < 0 ? 0 : at > SAMPLE_N - 1 ? SAMPLE_N - 1 : at;
		edge[e] = (size_t)at;
	}
	select_ranks(smp, 0, SAMPLE_N, edge, 0, edge[0] == edge[1] ? 1 : 2);
	b->lo = smp[edge[0]];
	double width = smp[edge[1]] - b->lo;
	b->scale = NBUCKETS / width;
	return width > 0 && isfinite(width) && isfinite(b->lo) ? 0 : -1;
}

/* The first pass: the count of every bucket, and the sums (acc, when not
 * NULL) in the order of sums_pass. */
static void bucket_count(const double *x, size_t n, struct buckets *b,
			 struct sums *acc)
{
	double sh = acc ? acc->shift : 0, s1 = 0, s2 = 0;
	uint32_t *count = b->count;
	for (size_t i0 = 0; i0 < n; i0 += SUM_BLOCK) {
		size_t end = i0 + SUM_BLOCK < n ? i0 + SUM_BLOCK : n;
		double b1[SUM_LANES] = {0}, b2[SUM_LANES] = {0};
		for (size_t i = i0; i < end; i++) {
			double v = x[i], d = v - sh;
			b1[i % SUM_LANES] += d;
			b2[i % SUM_LANES] += d * d;
			count[bucket_of(b, v)]++;
		}
		s1 += lanes_sum(b1);
		s2 += lanes_sum(b2);
	}
	if (acc) {
		acc->s1 = s1;
		acc->s2 = s2;
	}
}

/* Fills vals[j] with the ranks[j]-th smallest value of x (ranks sorted and
 * distinct), and acc (when not NULL) with the sums of sums_pass.  Returns
 * 0; -1 when the buckets of the ranks hold too many values (the sums are
 * taken all the same); -2 when the sample gives no range (no sums).  x is
 * never changed. */
static int bucket_select(const double *x, size_t n, const size_t *ranks,
			 size_t nr, double *vals, struct sums *acc)
{
	struct buckets b;
	if (bucket_range(x, n, ranks, nr, &b) != 0)
		return -2;
	b.count = xcalloc(NBUCKETS + 2, sizeof(uint32_t));
	bucket_count(x, n, &b, acc);
	/* The bucket of each rank, and the values below it that are not
	 * gathered: the gathered values hold rank r at r - skipped. */
	unsigned char *want = xcalloc(NBUCKETS + 2, 1);
	size_t *local = xmalloc(nr * sizeof(size_t));
	size_t below = 0, skipped = 0, gathered = 0, j = 0;
	for (size_t k = 0; k < NBUCKETS + 2 && j < nr; k++) {
		size_t c = b.count[k];
		if (ranks[j] >= below + c) {
			below += c;
			skipped += c;
			continue;
		}
		want[k] = 1;
		gathered += c;
		while (j < nr && ranks[j] < below + c)
			local[j] = ranks[j] - skipped, j++;
		below += c;
	}
	free(b.count);
	int ok = gathered <= n / 8;
	if (ok) {
		double *g = xmalloc((gathered + 1) * sizeof(double));
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			if (want[bucket_of(&b, x[i])])
				g[m++] = x[i];
		}
		select_ranks(g, 0, m, local, 0, nr);
		for (j = 0; j < nr; j++)
			vals[j] = g[local[j]];
		free(g);
	}
	free(want);
	free(local);
	return ok ? 0 : -1;
}

static void sums_pass(const double *x, size_t n, struct sums *acc)
{
	double s1 = 0, s2 = 0;
	for (size_t i0 = 0; i0 < n; i0 += SUM_BLOCK) {
		size_t end = i0 + SUM_BLOCK < n ? i0 + SUM_BLOCK : n;
		double b1[SUM_LANES] = {0}, b2[SUM_LANES] = {0};
		for (size_t i = i0; i < end; i++) {
			double d = x[i] - acc->shift;
			b1[i % SUM_LANES] += d;
			b2[i % SUM_LANES] += d * d;
		}
		s1 += lanes_sum(b1);
		s2 += lanes_sum(b2);
	}
	acc->s1 = s1;
	acc->s2 = s2;
}

static void sums_result(const struct sums *acc, size_t n, double *mean,
			double *sd)
{
	double dn = (double)n;
	*mean = acc->shift + acc->s1 / dn;
	double ss = acc->s2 - acc->s1 * (acc->s1 / dn);
	*sd = n > 1 && ss > 0 ? sqrt(ss / (dn - 1)) : 0.0;
}

void stats_moments(const double *x, size_t n, double *mean, double *sd)
{
	struct sums acc = {x[n / 2], 0, 0};
	sums_pass(x, n, &acc);
	sums_result(&acc, n, mean, sd);
}

/* Quantiles, and the moments when mean is not NULL (in the same pass over
 * the data when the bucket path is taken). */
static void describe(const double *x, size_t n, const double *p, size_t k,
		     double *out, double *scratch, double *mean, double *sd)
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
	double *vals = xmalloc((u + 1) * sizeof(double));
	struct sums acc = {x[n / 2], 0, 0};
	int summed = 0;
	int ok = n >= SAMPLE_MIN_N && n <= UINT32_MAX;
	if (ok) {
		int rc = bucket_select(x, n, ranks, u, vals, mean ? &acc : NULL);
		ok = rc == 0;
		summed = mean != NULL && rc != -2;
	}
	if (!ok) {
		/* The sums first: the selection may reorder x (scratch == x),
		 * and the sums must be taken in the array's own order. */
		if (mean && !summed) {
			sums_pass(x, n, &acc);
			summed = 1;
		}
		if (scratch != x)
			memcpy(scratch, x, n * sizeof(double));
		select_ranks(scratch, 0, n, ranks, 0, u);
		for (size_t j = 0; j < u; j++)
			vals[j] = scratch[ranks[j]];
	}
	if (mean) {
		if (!summed)
			sums_pass(x, n, &acc);
		sums_result(&acc, n, mean, sd);
	}
	for (size_t j = 0; j < k; j++) {
		double h = (double)(n - 1) * p[j];
		size_t f = (size_t)floor(h);
		double delta = h - (double)f;
		size_t a = 0;
		while (ranks[a] != f)
			a++;
		/* GSL's form of the interpolation, to the last bit. */
		out[j] = f + 1 < n && delta > 0
				 ? (1 - delta) * vals[a] + delta * vals[a + 1]
				 : vals[a];
	}
	free(vals);
	free(ranks);
}

void stats_quantiles(const double *x, size_t n, const double *p, size_t k,
		     double *out, double *scratch)
{
	describe(x, n, p, k, out, scratch, NULL, NULL);
}

void stats_describe(const double *x, size_t n, const double *p, size_t k,
		    double *out, double *scratch, double *mean, double *sd)
{
	describe(x, n, p, k, out, scratch, mean, sd);
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

uint64_t stats_order_key(double x)
{
	uint64_t u;
	x += 0.0;
	memcpy(&u, &x, sizeof(u));
	return u >> 63 ? ~u : u | UINT64_C(0x8000000000000000);
}

#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)
#define RADIX_PASSES 6

void stats_radix_sort(uint64_t *key, uint32_t *idx, size_t n, uint64_t *key2,
		      uint32_t *idx2)
{
	if (n == 0)
		return;
	uint64_t *key0 = key;
	uint32_t *idx0 = idx;
	size_t *hist = xcalloc(RADIX_PASSES * RADIX_SIZE, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		for (int p = 0; p < RADIX_PASSES; p++)
			hist[p * RADIX_SIZE +
			     ((key[i] >> (p * RADIX_BITS)) & (RADIX_SIZE - 1))]++;
	for (int p = 0; p < RADIX_PASSES; p++) {
		size_t *h = hist + p * RADIX_SIZE;
		int shift = p * RADIX_BITS;
		if (h[(key[0] >> shift) & (RADIX_SIZE - 1)] == n)
			continue; /* one digit for every key */
		size_t sum = 0;
		for (size_t d = 0; d < RADIX_SIZE; d++) {
			size_t c = h[d];
			h[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++) {
			size_t to = h[(key[i] >> shift) & (RADIX_SIZE - 1)]++;
			key2[to] = key[i];
			if (idx)
				idx2[to] = idx[i];
		}
		uint64_t *tk = key;
		key = key2;
		key2 = tk;
		uint32_t *ti = idx;
		idx = idx2;
		idx2 = ti;
	}
	free(hist);
	if (key != key0) {
		memcpy(key0, key, n * sizeof(uint64_t));
		if (idx0)
			memcpy(idx0, idx, n * sizeof(uint32_t));
	}
}
