/* From a validated model to its result files (see pipeline.h). */
#include "cli/pipeline.h"

#include <string.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "sim/rng.h"

void pipeline_init(struct pipeline *p, const struct model *m, int threads,
		   const char *command)
{
	memset(p, 0, sizeof(*p));
	p->m = m;
	p->threads = threads;
	p->info.version = EDTCO_VERSION;
	p->info.command = command;
	p->info.generator = RNG_DESCRIPTION;
}

int pipeline_simulate(struct pipeline *p, struct strbuf *err)
{
	p->plan = sim_plan_new(p->m, err);
	if (!p->plan)
		return EXIT_INPUT;
	if (sim_run(p->plan, p->threads, p->progress, &p->res, err) != 0)
		return EXIT_INPUT;
	summary_compute(p->m, &p->res, p->threads, &p->sum);
	p->simulated = 1;
	return EXIT_OK;
}

int pipeline_write(struct pipeline *p, struct outdir *od, const char *prefix,
		   struct strbuf *err)
{
	if (results_write_all(od, prefix, p->m, &p->res, &p->sum, &p->info,
			      err) != 0)
		return EXIT_IO;
	return EXIT_OK;
}

void pipeline_free(struct pipeline *p)
{
	if (p->simulated) {
		summary_free(&p->sum);
		sim_result_free(&p->res);
	}
	sim_plan_free(p->plan);
	memset(p, 0, sizeof(*p));
}
