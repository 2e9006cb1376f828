/* Random streams keyed by name: a counter-based generator for GSL.
 *
 * Every draw of edtco comes from Philox4x32-10 (Salmon, Moraes, Dror and
 * Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC'11; the Random123
 * library), a keyed bijection of a 128-bit counter.  A stream is named
 * ("cost:cloud/Per-student portal fee"), and its draws in trial i are the
 * Philox outputs for
 *
 *     key     = FNV-1a-64(name)          (two 32-bit words, low word first)
 *     counter = (n, i, seed low 32 bits, seed high 32 bits),  n = 0, 1, 2 ...
 *
 * so a draw depends on the seed, the trial and the stream's name only: never
 * on the order of rows, on other inputs, or on which thread ran the trial.
 * Each block of four 32-bit words gives two doubles in [0, 1), each from 53
 * bits: (a >> 5) * 2^26 + (b >> 6), times 2^-53.  The 32-bit integer outputs
 * used by some GSL samplers are the words themselves, in order.
 *
 * rng_type is a gsl_rng_type, so GSL's samplers (gsl_ran_gaussian_ziggurat,
 * ...) apply. */
#ifndef EDTCO_SIM_RNG_H
#define EDTCO_SIM_RNG_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* The GSL generator type; gsl_rng_name() gives "philox4x32-10". */
extern const gsl_rng_type *rng_type;

/* FNV-1a 64-bit hash of a stream name: the stream's key. */
uint64_t rng_key(const char *name);

/* Positions r (allocated with rng_type) at the start of the stream with
 * this key, for the given seed and trial. */
void rng_seek(gsl_rng *r, uint64_t key, uint64_t seed, uint32_t trial);

/* The index-th uniform double in [0, 1) of a stream, computed directly
 * (without a gsl_rng): the same number a gsl_rng positioned by rng_seek
 * returns from its (index+1)-th gsl_rng_uniform call, when it makes no other
 * calls. */
double rng_uniform_at(uint64_t key, uint64_t seed, uint32_t trial,
		      uint32_t index);

/* The doubles of index 2 * block and 2 * block + 1 of a stream (one Philox
 * block), as rng_uniform_at gives them one at a time. */
void rng_uniform_pair(uint64_t key, uint64_t seed, uint32_t trial,
		      uint32_t block, double out[2]);

/* The first double of the stream in each of the trials trial0 ..
 * trial0 + n - 1: out[i] = rng_uniform_at(key, seed, trial0 + i, 0). */
void rng_first_uniforms(uint64_t key, uint64_t seed, uint32_t trial0, int n,
			double *out);

/* Documentation of the generator and key derivation, for provenance. */
#define RNG_DESCRIPTION                                                       \
	"Philox4x32-10 (Random123); key = FNV-1a-64(stream name); counter = " \
	"(draw block, trial, seed low, seed high)"

#endif
