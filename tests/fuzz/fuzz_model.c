/* The scenario and cost readers and the model build, then a short run and
 * its analysis (a model that builds must simulate, summarise and put its
 * findings into words without a fault).  The input is a scenario file,
 * then a line "@@@@", then a cost file; a model that builds is run for at
 * most 20 trials, analysed and described in words (the terminal text and
 * findings.txt); the scenario's `costs` row names
 * "costs.csv" (the seeds are rewritten so, see tests/fuzz/seed.sh). */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/decision.h"
#include "analysis/summary.h"
#include "model/model.h"
#include "output/decision_out.h"
#include "output/text.h"
#include "sim/sim.h"
#include "util/strbuf.h"

void fuzz_init(void)
{
	(void)fuzz_dir();
}

static const char sep[] = "\n@@@@\n";

static void simulate(struct model *m)
{
	if (m->trials > 20)
		m->trials = 20;
	struct strbuf err = STRBUF_INIT;
	sim_plan *p = sim_plan_new(m, &err);
	if (p) {
		struct sim_result res;
		if (sim_run(p, 1, NULL, &res, NULL, &err) == 0) {
			struct summary s;
			struct decision d;
			summary_compute(m, &res, 1, &s);
			decision_compute(p, &res, &s, 1, &d);
			s.decision = &d;
			struct strbuf text = STRBUF_INIT;
			text_describe(m, "scenario.csv", &text);
			text_summary(m, &s, &text);
			decision_out_findings_txt(&d, &text);
			strbuf_free(&text);
			decision_free(&d);
			summary_free(&s);
			sim_result_free(&res);
		}
		sim_plan_free(p);
	}
	strbuf_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_dir();
	const uint8_t *cut = NULL;
	for (size_t i = 0; i + sizeof(sep) - 1 <= size && !cut; i++)
		if (memcmp(data + i, sep, sizeof(sep) - 1) == 0)
			cut = data + i;
	size_t n1 = cut ? (size_t)(cut - data) + 1 : size;
	fuzz_write(dir, "scenario.csv", data, n1);
	if (cut)
		fuzz_write(dir, "costs.csv", cut + sizeof(sep) - 1,
			   size - n1 - (sizeof(sep) - 2));
	else
		fuzz_write(dir, "costs.csv", "", 0);

	char path[512];
	strcpy(path, dir);
	strcat(path, "/scenario.csv");
	struct model m;
	struct diags d = DIAGS_INIT;
	int rc = model_load(path, &m, &d);
	if (getenv("EDTCO_FUZZ_VERBOSE"))
		fprintf(stderr, "model_load: %d, %zu errors\n", rc, d.nerrors);
	if (rc == 0) {
		simulate(&m);
		model_free(&m);
	}
	fuzz_format_diags(&d);
	diags_free(&d);
	return 0;
}
