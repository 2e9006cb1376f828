/* One run from a validated model to its result files: simulate, analyse,
 * write.  Shared by `run` and `batch` (internal to cli/). */
#ifndef EDTCO_CLI_PIPELINE_H
#define EDTCO_CLI_PIPELINE_H

#include <stdatomic.h>

#include "analysis/decision.h"
#include "analysis/summary.h"
#include "chart/chart.h"
#include "io/outdir.h"
#include "model/model.h"
#include "output/results.h"
#include "sim/sim.h"
#include "util/strbuf.h"

struct pipeline {
	const struct model *m; /* borrowed */
	int threads;
	atomic_long *progress; /* trials done, or NULL */
	const sim_plan *like;  /* a plan whose tables to borrow (batch), or
				* NULL; see sim_plan_new_like */
	int headline_only;     /* batch rows only: summary_compute_headline,
				* no further analysis; nothing can be
				* written with pipeline_write */
	struct run_info info;  /* for provenance.csv and chart footers */
	sim_plan *plan;
	struct sim_result res;
	struct summary sum;
	struct decision *dec; /* the decision analysis (not for
			       * headline_only); sum.decision points to it */
	struct chart_opts charts; /* exhibits pipeline_write draws after the
				   * result files; formats 0 (the default
				   * of pipeline_init): none */
	int simulated;
	struct diags diags; /* problems of the input that only the run
			     * finds (a cost too large to compute) */
};

/* Sets up p for m (borrowed; must outlive p). */
void pipeline_init(struct pipeline *p, const struct model *m, int threads,
		   const char *command);

/* Simulates and analyses.  Returns 0, or an exit status (message in err,
 * or for EXIT_INPUT possibly in p->diags instead). */
int pipeline_simulate(struct pipeline *p, struct strbuf *err);

/* Writes every result file into od under prefix ("" or "case/"), then,
 * when p->charts.formats is set, the exhibits drawn from the files just
 * written (read back from od's staging folder, as `edtco chart` reads a
 * result folder).  Returns 0, or an exit status (message in err). */
int pipeline_write(struct pipeline *p, struct outdir *od, const char *prefix,
		   struct strbuf *err);

/* Draws the exhibits of the result files in folder src into od under
 * prefix (the one drawing path of `run`, `batch --charts` and `chart`).
 * Problems with the files go to diags.  Returns 0, or an exit status
 * (EXIT_INPUT with diags, EXIT_IO with a message in err or diags). */
int pipeline_charts(const char *src, struct outdir *od, const char *prefix,
		    const struct chart_opts *o, struct diags *diags,
		    struct strbuf *err);

/* A NULL-terminated list of names (v is NULL while empty). */
struct pipeline_names {
	char **v;
	size_t n, cap;
};

/* Adds prefix + name + ext to v. */
void pipeline_names_add(struct pipeline_names *v, const char *prefix,
			const char *name, const char *ext);

/* The files a run of m writes under prefix with the exhibit formats given
 * (for outdir_check before simulating; the exhibits of every chart and
 * option, as the run may draw them: chart_exhibit_stems). */
void pipeline_output_names(const struct model *m, const char *prefix,
			   unsigned formats, struct pipeline_names *v);
void pipeline_names_free(struct pipeline_names *v);

/* Checks, before any work, that od may take every name of v (outdir_check:
 * no file of the user's in the way), then frees v.  Returns EXIT_OK, or
 * EXIT_IO with the message printed and od aborted. */
int pipeline_check_names(struct outdir *od, struct pipeline_names *v);

void pipeline_free(struct pipeline *p);

#endif
