/* Drawing uncertain numbers: the engine's draws, exact quantiles, and the
 * normal-score transform used by pert inputs and correlation groups. */
#ifndef EDTCO_SIM_DRAW_H
#define EDTCO_SIM_DRAW_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

/* The z value of the 5th and 95th percentiles, as the specification gives
 * it: normal and lognormal ranges are P5..P95. */
#define DRAW_Z95 1.6448536

/* A distribution with the constants of its draws worked out once (the
 * mean and sd of a normal or of a lognormal's log, the shape of a
 * triangular or a pert) rather than once per draw. */
struct draw_dist {
	enum dist_kind kind;
	double low, likely, high;
	double mean, sd;       /* normal; of the log for a lognormal */
	double f, ba, ca, bc;  /* triangular: (c-a)/(b-a), b-a, c-a, b-c */
	double alpha, beta;    /* pert: the beta shape */
};

void draw_prepare(struct draw_dist *p, const struct dist *d);

/* F^-1(Phi(z)) for a pert, tabulated: inverting the beta CDF for every
 * draw would cost microseconds each (PERFORMANCE.md), so the map is
 * tabulated once on z in [-DRAW_TABLE_Z, DRAW_TABLE_Z] and interpolated
 * linearly; beyond the ends it is clamped.  The tabulation error is below
 * 1e-6 of (high - low) (tests/unit/test_draw.c). */
#define DRAW_TABLE_Z 8.0
#define DRAW_TABLE_N 4096
struct draw_table {
	double v[DRAW_TABLE_N + 1];
};

/* Fills t for a pert distribution d (under 1 ms). */
void draw_table_init(struct draw_table *t, const struct dist *d);

/* The engine's draw of an input outside any correlation group, from the
 * keyed stream (key, seed, trial) (r: from rng_type, used as scratch):
 *   uniform     a (1 - u) + b u              u the stream's first double
 *   triangular  the inverse CDF at u
 *   normal      mean + sd z                  z = gsl_ran_gaussian_ziggurat
 *   lognormal   exp(mean + sd z)
 *   pert        F^-1(Phi(z)) through t       (t: the table of p)
 *   fixed       likely (no draw)
 * A pert goes through its table rather than GSL's beta sampler: a normal
 * draw and a look-up cost 15 ns, gsl_ran_beta 44 ns. */
double draw_keyed(const struct draw_dist *p, const struct draw_table *t,
		  uint64_t key, uint64_t seed, uint32_t trial, gsl_rng *r);

/* draw_keyed for the trials trial0 .. trial0 + n - 1, into out[0..n):
 * one distribution's draws in a row cost less than one at a time. */
void draw_keyed_n(const struct draw_dist *p, const struct draw_table *t,
		  uint64_t key, uint64_t seed, uint32_t trial0, int n,
		  gsl_rng *r, double *out);

/* The first standard normal draw (gsl_ran_gaussian_ziggurat) of the
 * stream in each of the trials trial0 .. trial0 + n - 1. */
void draw_normal_scores(uint64_t key, uint64_t seed, uint32_t trial0, int n,
			gsl_rng *r, double *out);

/* X = F^-1(Phi(z)): the value of p at normal score z.  Exact for uniform,
 * triangular, normal and lognormal; through t (required) for pert. */
double draw_score(const struct draw_dist *p, const struct draw_table *t,
		  double z);
double draw_from_score(const struct dist *d, const struct draw_table *t,
		       double z);

/* The exact quantile (inverse CDF) of d at u in [0, 1]. */
double draw_quantile(const struct dist *d, double u);

#endif
