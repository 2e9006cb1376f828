/* Drawing uncertain numbers: sampling, exact quantiles, and the normal-score
 * transform used by correlation groups. */
#ifndef EDTCO_SIM_DRAW_H
#define EDTCO_SIM_DRAW_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

/* The z value of the 5th and 95th percentiles, as the specification gives
 * it: normal and lognormal ranges are P5..P95. */
#define DRAW_Z95 1.6448536

/* One draw of d from r, with GSL's samplers: gsl_ran_flat (uniform),
 * gsl_ran_beta (pert), gsl_ran_gaussian_ziggurat (normal, lognormal) and
 * the inverse CDF of one gsl_rng_uniform (triangular).  Fixed: no draw. */
double draw_sample(const struct dist *d, gsl_rng *r);

/* A distribution with the constants of its draws worked out once (the
 * mean and sd of a normal or of a lognormal's log, the shape of a
 * triangular or a pert), rather than once per draw: the same numbers, so
 * the same bits, at about half the cost for a lognormal. */
struct draw_dist {
	enum dist_kind kind;
	double low, likely, high;
	double mean, sd;       /* normal; of the log for a lognormal */
	double f, ba, ca, bc;  /* triangular: (c-a)/(b-a), b-a, c-a, b-c */
	double alpha, beta;    /* pert: the beta shape */
};

void draw_prepare(struct draw_dist *p, const struct dist *d);

/* The draw of p from the keyed stream (key, seed, trial): what draw_sample
 * gives after rng_seek, to the bit, with a uniform or triangular draw
 * taken straight from the stream's first block (no call through r: that
 * costs as much as the rest of the draw). */
double draw_keyed(const struct draw_dist *p, uint64_t key, uint64_t seed,
		  uint32_t trial, gsl_rng *r);

/* The exact quantile (inverse CDF) of d at u in [0, 1]. */
double draw_quantile(const struct dist *d, double u);

/* F^-1(Phi(z)) for a pert, tabulated: inverting the beta CDF for every
 * correlated draw would cost microseconds each (PERFORMANCE.md), so the
 * map is tabulated once on z in [-DRAW_TABLE_Z, DRAW_TABLE_Z] and
 * interpolated linearly; beyond the ends it is clamped.  The tabulation
 * error is below 1e-6 of (high - low) (tests/unit/test_draw.c). */
#define DRAW_TABLE_Z 8.0
#define DRAW_TABLE_N 4096
struct draw_table {
	double v[DRAW_TABLE_N + 1];
};

/* Fills t for a pert distribution d. */
void draw_table_init(struct draw_table *t, const struct dist *d);

/* X = F^-1(Phi(z)): the value of d at normal score z.  Exact for uniform,
 * triangular, normal and lognormal; through t (required) for pert. */
double draw_from_score(const struct dist *d, const struct draw_table *t,
		       double z);
/* The same for a prepared distribution. */
double draw_score(const struct draw_dist *p, const struct draw_table *t,
		  double z);

#endif
