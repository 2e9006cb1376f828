/* Quantiles by multi-way selection; moments through GSL (see stats.h). */
#include "analysis/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* Selection through a sample, for large arrays.  An evenly strided sample
 * of the values brackets each wanted rank with high probability; one pass
 * over the data counts the values below each bracket and gathers the
 * values inside it; the rank is then selected among the few gathered
 * values.  The answer is the exact order statistic whatever the sample:
 * when a bracket misses its rank (a sample far from typical), the full
 * selection is used instead. */
#define SAMPLE_MAX 65536
#define SAMPLE_MIN_N 65536
#define MAX_EDGES 64 /* two per bracket, a power of two */

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

struct bracket {
	double lo, hi; /* closed interval of values */
	size_t below;  /* values < lo */
	double *v;     /* values in [lo, hi] */
	size_t n, cap;
};

/* The sample's order statistics at the edges of each rank's bracket:
 * about four standard errors of the sample quantile either side. */
static size_t make_brackets(const double *x, size_t n, const size_t *ranks,
			    size_t nr, struct bracket *br)
{
	size_t S = n / 16 < SAMPLE_MAX ? n / 16 : SAMPLE_MAX;
	double *smp = xmalloc(S * sizeof(double));
	for (size_t i = 0; i < S; i++)
		smp[i] = x[(i * n + n / 2) / S];
	size_t want[MAX_EDGES];
	double lo_i[MAX_EDGES / 2], hi_i[MAX_EDGES / 2];
	size_t nw = 0;
	for (size_t j = 0; j < nr; j++) {
		double q = (double)ranks[j] / (double)(n - 1);
		double pos = q * (double)(S - 1);
		double margin = 4 * sqrt((double)S * q * (1 - q)) + 8;
		lo_i[j] = floor(pos - margin);
		hi_i[j] = ceil(pos + margin);
		if (lo_i[j] > 0)
			want[nw++] = (size_t)lo_i[j];
		if (hi_i[j] < (double)(S - 1))
			want[nw++] = (size_t)hi_i[j];
	}
	qsort(want, nw, sizeof(size_t), cmp_size);
	size_t u = 0;
	for (size_t j = 0; j < nw; j++)
		if (u == 0 || want[j] != want[u - 1])
			want[u++] = want[j];
	select_ranks(smp, 0, S, want, 0, u);
	size_t nb = 0;
	for (size_t j = 0; j < nr; j++) {
		double lo = lo_i[j] <= 0 ? -INFINITY : smp[(size_t)lo_i[j]];
		double up = hi_i[j] >= (double)(S - 1) ? INFINITY
						     : smp[(size_t)hi_i[j]];
		if (nb && lo <= br[nb - 1].hi) {
			if (up > br[nb - 1].hi)
				br[nb - 1].hi = up;
			continue;
		}
		br[nb++] = (struct bracket){lo, up, 0, NULL, 0, 0};
	}
	free(smp);
	return nb;
}

/* Fills vals[j] with the ranks[j]-th smallest value of x (ranks sorted,
 * distinct, at most MAX_EDGES / 2), and acc (when not NULL) with the sums
 * of the same pass.  Returns 0, or -1 when a bracket missed (x is never
 * changed). */
static int bracket_select(const double *x, size_t n, const size_t *ranks,
			  size_t nr, double *vals, struct sums *acc)
{
	struct bracket br[MAX_EDGES / 2];
	size_t nb = make_brackets(x, n, ranks, nr, br);
	/* Edges, sorted: v's class is the number of edges at or below it,
	 * with "above hi" written as "at or above the next double".  Odd
	 * classes are inside bracket class / 2.  Padding with +inf keeps the
	 * branch-free binary search at a fixed number of steps. */
	double edge[MAX_EDGES];
	for (size_t b = 0; b < nb; b++) {
		edge[2 * b] = br[b].lo;
		edge[2 * b + 1] = nextafter(br[b].hi, INFINITY);
		br[b].cap = n / 32 + 16;
		br[b].v = xmalloc(br[b].cap * sizeof(double));
	}
	size_t m = 1;
	while (m < 2 * nb)
		m *= 2;
	for (size_t e = 2 * nb; e < MAX_EDGES; e++)
		edge[e] = INFINITY;
	/* Two sets of counters and four lanes of sums keep consecutive
	 * values from waiting on each other's additions. */
	size_t counts[2][MAX_EDGES + 1];
	memset(counts, 0, sizeof(counts));
	double sh = acc ? acc->shift : 0, s1 = 0, s2 = 0;
	for (size_t i0 = 0; i0 < n; i0 += SUM_BLOCK) {
		size_t end = i0 + SUM_BLOCK < n ? i0 + SUM_BLOCK : n;
		double b1[SUM_LANES] = {0}, b2[SUM_LANES] = {0};
		for (size_t i = i0; i < end; i++) {
			double v = x[i], d = v - sh;
			b1[i % SUM_LANES] += d;
			b2[i % SUM_LANES] += d * d;
			size_t c = 0;
			for (size_t half = m / 2; half; half /= 2)
				c += edge[c + half - 1] <= v ? half : 0;
			c += edge[c] <= v && c < 2 * nb;
			counts[i & 1][c]++;
			if (c & 1) {
				struct bracket *k = &br[c / 2];
				GROW(k->v, k->cap, k->n + 1);
				k->v[k->n++] = v;
			}
		}
		s1 += lanes_sum(b1);
		s2 += lanes_sum(b2);
	}
	if (acc) {
		acc->s1 = s1;
		acc->s2 = s2;
	}
	size_t below = 0;
	for (size_t b = 0; b < nb; b++) {
		below += counts[0][2 * b] + counts[1][2 * b];
		br[b].below = below;
		below += counts[0][2 * b + 1] + counts[1][2 * b + 1];
	}
	/* Map each rank to its bracket; then one selection per bracket for
	 * all of its ranks. */
	size_t local[MAX_EDGES / 2], owner[MAX_EDGES / 2];
	for (size_t j = 0, b = 0; j < nr; j++) {
		while (b < nb && ranks[j] >= br[b].below + br[b].n)
			b++;
		if (b == nb || ranks[j] < br[b].below) {
			for (size_t k = 0; k < nb; k++)
				free(br[k].v);
			return -1;
		}
		owner[j] = b;
		local[j] = ranks[j] - br[b].below;
	}
	for (size_t j = 0; j < nr;) {
		size_t e = j;
		while (e < nr && owner[e] == owner[j])
			e++;
		struct bracket *k = &br[owner[j]];
		select_ranks(k->v, 0, k->n, local, j, e);
		for (size_t i = j; i < e; i++)
			vals[i] = k->v[local[i]];
		j = e;
	}
	for (size_t b = 0; b < nb; b++)
		free(br[b].v);
	return 0;
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
 * the data when the sample path is taken). */
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
	/* Many ranks (a whole distribution) go through the sample in groups,
	 * one pass over the data per group. */
	int ok = n >= SAMPLE_MIN_N;
	for (size_t j = 0; ok && j < u; j += MAX_EDGES / 2) {
		size_t m = u - j < MAX_EDGES / 2 ? u - j : MAX_EDGES / 2;
		ok = bracket_select(x, n, ranks + j, m, vals + j,
				    mean && !summed ? &acc : NULL) == 0;
		summed |= ok;
	}
	if (!ok) {
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

double stats_key_value(uint64_t key)
{
	uint64_t u = key >> 63 ? key & ~UINT64_C(0x8000000000000000) : ~key;
	double x;
	memcpy(&x, &u, sizeof(x));
	return x;
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

void stats_sort(double *x, size_t n, void *work)
{
	uint64_t *key = work, *key2 = key + n;
	for (size_t i = 0; i < n; i++)
		key[i] = stats_order_key(x[i]);
	stats_radix_sort(key, NULL, n, key2, NULL);
	for (size_t i = 0; i < n; i++)
		x[i] = stats_key_value(key[i]);
}

void stats_quantiles_sorted(const double *sorted, size_t n, const double *p,
			    size_t k, double *out)
{
	for (size_t j = 0; j < k; j++) {
		double h = (double)(n - 1) * p[j];
		size_t f = (size_t)floor(h);
		double delta = h - (double)f;
		out[j] = f + 1 < n && delta > 0
				 ? (1 - delta) * sorted[f] + delta * sorted[f + 1]
				 : sorted[f];
	}
}
