/* Samplers and quantiles of the six distributions (see draw.h). */
#include "sim/draw.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "sim/rng.h"

void draw_prepare(struct draw_dist *p, const struct dist *d)
{
	double a = d->low, c = d->likely, b = d->high;
	*p = (struct draw_dist){.kind = d->kind, .low = a, .likely = c,
				.high = b};
	switch (d->kind) {
	case DIST_NORMAL:
		p->mean = (a + b) / 2;
		p->sd = (b - a) / (2 * DRAW_Z95);
		break;
	case DIST_LOGNORMAL:
		p->mean = (log(a) + log(b)) / 2;
		p->sd = (log(b) - log(a)) / (2 * DRAW_Z95);
		break;
	case DIST_TRIANGULAR:
		p->f = (c - a) / (b - a);
		p->ba = b - a;
		p->ca = c - a;
		p->bc = b - c;
		break;
	case DIST_PERT:
		p->alpha = 1 + 4 * (c - a) / (b - a);
		p->beta = 1 + 4 * (b - c) / (b - a);
		break;
	case DIST_FIXED:
	case DIST_UNIFORM:
		break;
	}
}

/* c ? a : b, through the bits rather than a branch. */
static inline double pick(int c, double a, double b)
{
	uint64_t x, y, m = -(uint64_t)(c != 0);
	memcpy(&x, &a, sizeof(x));
	memcpy(&y, &b, sizeof(y));
	x = (x & m) | (y & ~m);
	memcpy(&a, &x, sizeof(a));
	return a;
}

/* Written without a branch on which side of the mode u falls: that
 * branch is a coin toss, and mispredicting it costs more than the rest. */
static double triangular_quantile(const struct draw_dist *p, double u)
{
	int left = u < p->f;
	double s = sqrt(pick(left, u * p->ba * p->ca, (1 - u) * p->ba * p->bc));
	return pick(left, p->low + s, p->high - s);
}

/* A uniform draw in GSL's form (gsl_ran_flat): a (1 - u) + b u. */
static double flat(const struct draw_dist *p, double u)
{
	return p->low * (1 - u) + p->high * u;
}

double draw_keyed(const struct draw_dist *p, const struct draw_table *t,
		  uint64_t key, uint64_t seed, uint32_t trial, gsl_rng *r)
{
	double v;
	draw_keyed_n(p, t, key, seed, trial, 1, r, &v);
	return v;
}

void draw_keyed_n(const struct draw_dist *p, const struct draw_table *t,
		  uint64_t key, uint64_t seed, uint32_t trial0, int n,
		  gsl_rng *r, double *out)
{
	switch (p->kind) {
	case DIST_FIXED:
		for (int i = 0; i < n; i++)
			out[i] = p->likely;
		return;
	case DIST_UNIFORM:
		rng_first_uniforms(key, seed, trial0, n, out);
		for (int i = 0; i < n; i++)
			out[i] = flat(p, out[i]);
		return;
	case DIST_TRIANGULAR:
		rng_first_uniforms(key, seed, trial0, n, out);
		for (int i = 0; i < n; i++)
			out[i] = triangular_quantile(p, out[i]);
		return;
	case DIST_PERT:
	case DIST_NORMAL:
	case DIST_LOGNORMAL:
		break;
	}
	draw_normal_scores(key, seed, trial0, n, r, out);
	for (int i = 0; i < n; i++)
		out[i] = draw_score(p, t, out[i]);
}

void draw_normal_scores(uint64_t key, uint64_t seed, uint32_t trial0, int n,
			gsl_rng *r, double *out)
{
	for (int i = 0; i < n; i++) {
		rng_seek(r, key, seed, trial0 + (uint32_t)i);
		out[i] = gsl_ran_gaussian_ziggurat(r, 1.0);
	}
}

static double quantile(const struct draw_dist *p, double u)
{
	switch (p->kind) {
	case DIST_FIXED:
		return p->likely;
	case DIST_UNIFORM:
		return p->low + u * (p->high - p->low);
	case DIST_TRIANGULAR:
		return triangular_quantile(p, u);
	case DIST_PERT:
		if (u <= 0)
			return p->low;
		if (u >= 1)
			return p->high;
		return p->low + (p->high - p->low) *
					(u <= 0.5 ? gsl_cdf_beta_Pinv(u, p->alpha, p->beta)
						  : gsl_cdf_beta_Qinv(1 - u, p->alpha,
								      p->beta));
	case DIST_NORMAL:
		return p->mean + p->sd * gsl_cdf_ugaussian_Pinv(u);
	case DIST_LOGNORMAL:
		return exp(p->mean + p->sd * gsl_cdf_ugaussian_Pinv(u));
	}
	return NAN;
}

double draw_quantile(const struct dist *d, double u)
{
	struct draw_dist p;
	draw_prepare(&p, d);
	return quantile(&p, u);
}

/* Table points are inverted exactly every DRAW_TABLE_STEP points (513 of
 * them: GSL's beta inverse, 1.4 us each), with the slope there, dx/dz =
 * phi(z) / f(x); the points between come from the cubic through those
 * values and slopes (Hermite), whose error is far below that of the linear
 * interpolation between points.  A table costs under 1 ms instead of 6. */
#define DRAW_TABLE_STEP 8

/* F^-1(Phi(z)) on [0, 1], working in the nearer tail for precision. */
static double unit_score(const struct draw_dist *p, double z)
{
	return z <= 0 ? gsl_cdf_beta_Pinv(gsl_cdf_ugaussian_P(z), p->alpha, p->beta)
		      : gsl_cdf_beta_Qinv(gsl_cdf_ugaussian_Q(z), p->alpha,
					  p->beta);
}

static double table_z(int k)
{
	return -DRAW_TABLE_Z + 2 * DRAW_TABLE_Z * k / DRAW_TABLE_N;
}

void draw_table_init(struct draw_table *t, const struct dist *d)
{
	struct draw_dist p;
	draw_prepare(&p, d);
	double range = d->high - d->low;
	const double H = 2 * DRAW_TABLE_Z * DRAW_TABLE_STEP / DRAW_TABLE_N;
	double x0 = 0, s0 = 0;
	for (int k = 0; k <= DRAW_TABLE_N; k += DRAW_TABLE_STEP) {
		double z = table_z(k);
		double x1 = unit_score(&p, z);
		double s1 = gsl_ran_ugaussian_pdf(z) /
			    gsl_ran_beta_pdf(x1, p.alpha, p.beta);
		t->v[k] = d->low + range * x1;
		double prev = x0;
		for (int j = 1; k > 0 && j < DRAW_TABLE_STEP; j++) {
			double u = (double)j / DRAW_TABLE_STEP, v = 1 - u;
			double x = (1 + 2 * u) * v * v * x0 + u * v * v * H * s0 +
				   u * u * (3 - 2 * u) * x1 - u * u * v * H * s1;
			/* Exact where a slope is not finite (never needed in
			 * practice), and never below the point before nor
			 * above the next exact one: rounding near 0 or 1
			 * must not make the table decrease. */
			if (!isfinite(x))
				x = unit_score(&p, table_z(k - DRAW_TABLE_STEP + j));
			x = x < prev ? prev : x > x1 ? x1 : x;
			t->v[k - DRAW_TABLE_STEP + j] = d->low + range * x;
			prev = x;
		}
		x0 = x1;
		s0 = s1;
	}
}

double draw_score(const struct draw_dist *p, const struct draw_table *t,
		  double z)
{
	switch (p->kind) {
	case DIST_FIXED:
		return p->likely;
	case DIST_NORMAL:
		return p->mean + p->sd * z;
	case DIST_LOGNORMAL:
		return exp(p->mean + p->sd * z);
	case DIST_UNIFORM:
	case DIST_TRIANGULAR:
		return quantile(p, z <= 0 ? gsl_cdf_ugaussian_P(z)
					  : 1 - gsl_cdf_ugaussian_Q(z));
	case DIST_PERT: {
		double pos = (z + DRAW_TABLE_Z) * (DRAW_TABLE_N / (2 * DRAW_TABLE_Z));
		if (!(pos > 0))
			return t->v[0];
		if (pos >= DRAW_TABLE_N)
			return t->v[DRAW_TABLE_N];
		int k = (int)pos;
		double w = pos - k;
		return t->v[k] + w * (t->v[k + 1] - t->v[k]);
	}
	}
	return NAN;
}

double draw_from_score(const struct dist *d, const struct draw_table *t,
		       double z)
{
	struct draw_dist p;
	draw_prepare(&p, d);
	return draw_score(&p, t, z);
}
