/* Running the cases of a sweep on worker threads, for edtco batch: each
 * case built from the scenario and its sweep row, simulated, summarised,
 * and its batch.csv rows written in sweep order (with --charts, its result
 * files and exhibits too). */
#ifndef EDTCO_CLI_BATCH_RUN_H
#define EDTCO_CLI_BATCH_RUN_H

#include <stddef.h>
#include <stdio.h>

#include "chart/chart.h"
#include "cli/common.h"
#include "io/outdir.h"
#include "model/source.h"
#include "model/sweep.h"
#include "output/batch.h"
#include "sim/sim.h"
#include "util/strbuf.h"

/* What to run; everything is borrowed. */
struct batch_job {
	const struct model_source *src;
	const struct sweep *sw;      /* every case checked already */
	size_t first, end;           /* the cases to run: [first, end) */
	const char *command;         /* for provenance */
	const sim_plan *like;        /* tables shared by every case */
	const struct cli_sim_opts *sim; /* -n, -s, -j */
	const struct chart_opts *charts; /* NULL: no exhibits */
	int quiet;                   /* no progress bar */
	int levy;                    /* batch.csv has the levy columns */
};

/* Runs the cases of job, writing their rows to fp and adding them to
 * tally (with charts, each case's files go to od under DIR/<case>/).  m0
 * is the first case's model: its size decides how many cases run at once.
 * Returns EXIT_OK or the first failure: its message in err, or for an
 * input that only the run finds wrong, its diagnostics in diags. */
int batch_run_cases(const struct batch_job *job, const struct model *m0,
		    FILE *fp, struct outdir *od, struct batch_tally *tally,
		    struct diags *diags, struct strbuf *err);

#endif
