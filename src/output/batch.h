/* The outputs of a batch sweep: the rows of batch.csv, the batch's
 * provenance.csv, and the summary of all cases for the terminal.
 *
 * batch.csv has one row per case and option, in sweep order, then option
 * order; its columns are BATCH_COLUMNS below.  Money is written to cents,
 * shares in their shortest exact form; p_cheaper and p_cheaper_se are
 * blank on the baseline's row, net_per_student_year_p50 when the scenario
 * has no students.  Rows depend only on their case, so the files of
 * contiguous blocks of cases, concatenated in order under one header, are
 * the file of the whole sweep. */
#ifndef EDTCO_OUTPUT_BATCH_H
#define EDTCO_OUTPUT_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/summary.h"
#include "io/csvout.h"
#include "model/model.h"
#include "sim/sim.h"
#include "util/strbuf.h"

/* The byte-order mark and header of batch.csv: with levy, the levy
 * columns too (resultfile_batch_levy). */
void batch_header(struct csvout *w, int levy);

/* The rows of one case: one per option of m, from its summary s (the
 * headline of summary_compute_headline is enough); with levy, the levy
 * columns (blank for a measure that does not apply to the case, and
 * cap_room_share on the baseline's row). */
void batch_rows(const char *case_name, const struct model *m,
		const struct summary *s, int levy, struct csvout *w);

/* The answer of one case: the option with the lowest median (P50) net_pv,
 * the runner-up, and how often, trial by trial, the first costs the
 * district less than the second. */
struct batch_outcome {
	int leader;    /* option index in the case's model */
	int runner_up; /* -1 when the model has one option */
	double p;      /* share of trials with net_pv(leader) below
			* net_pv(runner_up) */
	double se;     /* sqrt(p (1 - p) / trials) */
	int tossup;    /* batch_is_tossup(p, se) */
};

/* Computes the outcome of a run r, summarised in s.  Ties go to the
 * option that comes first. */
void batch_outcome(const struct sim_result *r, const struct summary *s,
		   struct batch_outcome *out);

/* Whether a share p with standard error se is too close to one half to
 * call: |p - 0.5| < max(0.05, 2 se). */
int batch_is_tossup(double p, double se);

/* The tally of a batch's outcomes, for the terminal. */
struct batch_tally {
	size_t ncases;
	char **ids, **labels; /* options, in order of first appearance */
	size_t *wins;         /* cases in which each was the leader */
	size_t noptions;
	struct strbuf tossups; /* the first BATCH_TOSSUPS_SHOWN, as lines */
	size_t ntossups;
};
#define BATCH_TALLY_INIT {0, NULL, NULL, NULL, 0, STRBUF_INIT, 0}
#define BATCH_TOSSUPS_SHOWN 20

/* Adds case name, a run of m with outcome o, to t. */
void batch_tally_add(struct batch_tally *t, const char *name,
		     const struct model *m, const struct batch_outcome *o);

/* The terminal summary of t: how often each option was the cheapest at
 * P50, and the toss-ups.  what describes the cases ("15 cases of ..."). */
void batch_tally_text(const struct batch_tally *t, const char *what,
		      struct strbuf *out);
void batch_tally_free(struct batch_tally *t);

/* What produced a batch, for its provenance.csv. */
struct batch_info {
	const char *version;
	const char *command;   /* without -o, -j, -q, --shard, --charts */
	const char *generator; /* RNG_DESCRIPTION */
	uint64_t seed;
	long trials;
	size_t ncases;         /* cases in the whole sweep */
	unsigned long shard_k, shard_n; /* shard_n == 0: not sharded */
	const struct model *m; /* any case: its input files */
	const char *sweep_path;
	const char *sweep_sha256;
};

/* provenance.csv of a batch: key, value.  A shard's file is the whole
 * batch's with one more row, `shard` (K/N), which `edtco merge` drops. */
void batch_provenance(const struct batch_info *info, struct csvout *w);

#endif
