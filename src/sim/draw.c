/* Samplers and quantiles of the six distributions (see draw.h). */
#include "sim/draw.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static void pert_shape(const struct dist *d, double *a, double *b)
{
	double range = d->high - d->low;
	*a = 1 + 4 * (d->likely - d->low) / range;
	*b = 1 + 4 * (d->high - d->likely) / range;
}

static double normal_mean(const struct dist *d)
{
	return (d->low + d->high) / 2;
}

static double normal_sd(const struct dist *d)
{
	return (d->high - d->low) / (2 * DRAW_Z95);
}

static double log_mean(const struct dist *d)
{
	return (log(d->low) + log(d->high)) / 2;
}

static double log_sd(const struct dist *d)
{
	return (log(d->high) - log(d->low)) / (2 * DRAW_Z95);
}

static double triangular_quantile(const struct dist *d, double u)
{
	double a = d->low, c = d->likely, b = d->high;
	double f = (c - a) / (b - a);
	if (u < f)
		return a + sqrt(u * (b - a) * (c - a));
	return b - sqrt((1 - u) * (b - a) * (b - c));
}

double draw_sample(const struct dist *d, gsl_rng *r)
{
	double a, b;
	switch (d->kind) {
	case DIST_FIXED:
		return d->likely;
	case DIST_UNIFORM:
		return gsl_ran_flat(r, d->low, d->high);
	case DIST_TRIANGULAR:
		return triangular_quantile(d, gsl_rng_uniform(r));
	case DIST_PERT:
		pert_shape(d, &a, &b);
		return d->low + (d->high - d->low) * gsl_ran_beta(r, a, b);
	case DIST_NORMAL:
		return normal_mean(d) +
		       normal_sd(d) * gsl_ran_gaussian_ziggurat(r, 1.0);
	case DIST_LOGNORMAL:
		return exp(log_mean(d) +
			   log_sd(d) * gsl_ran_gaussian_ziggurat(r, 1.0));
	}
	return NAN;
}

double draw_quantile(const struct dist *d, double u)
{
	double a, b;
	switch (d->kind) {
	case DIST_FIXED:
		return d->likely;
	case DIST_UNIFORM:
		return d->low + u * (d->high - d->low);
	case DIST_TRIANGULAR:
		return triangular_quantile(d, u);
	case DIST_PERT:
		pert_shape(d, &a, &b);
		if (u <= 0)
			return d->low;
		if (u >= 1)
			return d->high;
		return d->low + (d->high - d->low) *
					(u <= 0.5 ? gsl_cdf_beta_Pinv(u, a, b)
						  : gsl_cdf_beta_Qinv(1 - u, a, b));
	case DIST_NORMAL:
		return normal_mean(d) +
		       normal_sd(d) * gsl_cdf_ugaussian_Pinv(u);
	case DIST_LOGNORMAL:
		return exp(log_mean(d) + log_sd(d) * gsl_cdf_ugaussian_Pinv(u));
	}
	return NAN;
}

void draw_table_init(struct draw_table *t, const struct dist *d)
{
	double a, b;
	pert_shape(d, &a, &b);
	double range = d->high - d->low;
	for (int k = 0; k <= DRAW_TABLE_N; k++) {
		double z = -DRAW_TABLE_Z + 2 * DRAW_TABLE_Z * k / DRAW_TABLE_N;
		/* Work in the nearer tail, for precision. */
		double x = z <= 0 ? gsl_cdf_beta_Pinv(gsl_cdf_ugaussian_P(z), a, b)
				  : gsl_cdf_beta_Qinv(gsl_cdf_ugaussian_Q(z), a, b);
		t->v[k] = d->low + range * x;
	}
}

double draw_from_score(const struct dist *d, const struct draw_table *t,
		       double z)
{
	switch (d->kind) {
	case DIST_FIXED:
		return d->likely;
	case DIST_NORMAL:
		return normal_mean(d) + normal_sd(d) * z;
	case DIST_LOGNORMAL:
		return exp(log_mean(d) + log_sd(d) * z);
	case DIST_UNIFORM:
	case DIST_TRIANGULAR:
		return draw_quantile(d, z <= 0 ? gsl_cdf_ugaussian_P(z)
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
