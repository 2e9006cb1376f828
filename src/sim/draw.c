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
	for (int i = 0; i < n; i++) {
		rng_seek(r, key, seed, trial0 + (uint32_t)i);
		out[i] = gsl_ran_gaussian_ziggurat(r, 1.0);
	}
	for (int i = 0; i < n; i++)
		out[i] = draw_score(p, t, out[i]);
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

void draw_table_fill(struct draw_table *t, const struct dist *d, int from,
		     int to)
{
	struct draw_dist p;
	draw_prepare(&p, d);
	double range = d->high - d->low;
	for (int k = from; k < to && k <= DRAW_TABLE_N; k++) {
		double z = -DRAW_TABLE_Z + 2 * DRAW_TABLE_Z * k / DRAW_TABLE_N;
		/* Work in the nearer tail, for precision. */
		double x = z <= 0 ? gsl_cdf_beta_Pinv(gsl_cdf_ugaussian_P(z),
						       p.alpha, p.beta)
				  : gsl_cdf_beta_Qinv(gsl_cdf_ugaussian_Q(z),
						       p.alpha, p.beta);
		t->v[k] = d->low + range * x;
	}
}

void draw_table_init(struct draw_table *t, const struct dist *d)
{
	draw_table_fill(t, d, 0, DRAW_TABLE_N + 1);
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
