/* One run from a validated model to its result files: simulate, analyse,
 * write.  Shared by `run` and `batch` (internal to cli/). */
#ifndef EDTCO_CLI_PIPELINE_H
#define EDTCO_CLI_PIPELINE_H

#include <stdatomic.h>

#include "analysis/summary.h"
#include "io/outdir.h"
#include "model/model.h"
#include "output/results.h"
#include "sim/sim.h"
#include "util/strbuf.h"

struct pipeline {
	const struct model *m; /* borrowed */
	int threads;
	atomic_long *progress; /* trials done, or NULL */
	struct run_info info;  /* for provenance.csv and chart footers */
	sim_plan *plan;
	struct sim_result res;
	struct summary sum;
	int simulated;
};

/* Sets up p for m (borrowed; must outlive p). */
void pipeline_init(struct pipeline *p, const struct model *m, int threads,
		   const char *command);

/* Simulates and analyses.  Returns 0, or an exit status (message in
 * err). */
int pipeline_simulate(struct pipeline *p, struct strbuf *err);

/* Writes every result file into od under prefix ("" or "case/").
 * Returns 0, or an exit status (message in err). */
int pipeline_write(struct pipeline *p, struct outdir *od, const char *prefix,
		   struct strbuf *err);

void pipeline_free(struct pipeline *p);

#endif
