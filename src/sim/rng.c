/* The keyed counter-based generator (see rng.h). */
#include "sim/rng.h"

#include <Random123/philox.h>
#include <string.h>

struct rng_state {
	philox4x32_ctr_t ctr;
	philox4x32_key_t key;
	philox4x32_ctr_t out; /* the current block */
	unsigned next;        /* next unused word of out; 4 = none left */
};

static inline uint32_t next_word(struct rng_state *s)
{
	if (s->next == 4) {
		s->out = philox4x32(s->ctr, s->key);
		s->ctr.v[0]++;
		s->next = 0;
	}
	return s->out.v[s->next++];
}

static inline double to_double(uint32_t a, uint32_t b)
{
	return ((double)(a >> 5) * 67108864.0 + (double)(b >> 6)) *
	       (1.0 / 9007199254740992.0);
}

static unsigned long get(void *vs)
{
	return next_word(vs);
}

static double get_double(void *vs)
{
	struct rng_state *s = vs;
	/* Both words of a double come from the same block. */
	if (s->next & 1)
		s->next++;
	uint32_t a = next_word(s);
	uint32_t b = next_word(s);
	return to_double(a, b);
}

/* gsl_rng_set: a plain seed selects the stream of key 0, trial 0. */
static void set(void *vs, unsigned long seed)
{
	struct rng_state *s = vs;
	memset(s, 0, sizeof(*s));
	s->ctr.v[2] = (uint32_t)seed;
	s->ctr.v[3] = (uint32_t)((uint64_t)seed >> 32);
	s->next = 4;
}

static const gsl_rng_type philox_type = {
	"philox4x32-10", 0xffffffffUL, 0, sizeof(struct rng_state), set, get,
	get_double};

const gsl_rng_type *rng_type = &philox_type;

uint64_t rng_key(const char *name)
{
	uint64_t h = 14695981039346656037ULL;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	return h;
}

static void position(struct rng_state *s, uint64_t key, uint64_t seed,
		     uint32_t trial, uint32_t block)
{
	s->key.v[0] = (uint32_t)key;
	s->key.v[1] = (uint32_t)(key >> 32);
	s->ctr.v[0] = block;
	s->ctr.v[1] = trial;
	s->ctr.v[2] = (uint32_t)seed;
	s->ctr.v[3] = (uint32_t)(seed >> 32);
	s->next = 4;
}

void rng_seek(gsl_rng *r, uint64_t key, uint64_t seed, uint32_t trial)
{
	position(r->state, key, seed, trial, 0);
}

double rng_uniform_at(uint64_t key, uint64_t seed, uint32_t trial,
		      uint32_t index)
{
	double pair[2];
	rng_uniform_pair(key, seed, trial, index / 2, pair);
	return pair[index % 2];
}

void rng_uniform_pair(uint64_t key, uint64_t seed, uint32_t trial,
		      uint32_t block, double out[2])
{
	struct rng_state s;
	position(&s, key, seed, trial, block);
	philox4x32_ctr_t o = philox4x32(s.ctr, s.key);
	out[0] = to_double(o.v[0], o.v[1]);
	out[1] = to_double(o.v[2], o.v[3]);
}

void rng_first_uniforms(uint64_t key, uint64_t seed, uint32_t trial0, int n,
			double *out)
{
	struct rng_state s;
	position(&s, key, seed, trial0, 0);
	for (int i = 0; i < n; i++) {
		s.ctr.v[1] = trial0 + (uint32_t)i;
		philox4x32_ctr_t o = philox4x32(s.ctr, s.key);
		out[i] = to_double(o.v[0], o.v[1]);
	}
}
