/* From a validated model to its result files (see pipeline.h). */
#include "cli/pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/sensitivity.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/signals.h"
#include "sim/rng.h"
#include "util/mem.h"

void pipeline_init(struct pipeline *p, const struct model *m, int threads,
		   const char *command)
{
	memset(p, 0, sizeof(*p));
	p->m = m;
	p->threads = threads;
	p->info.version = EDTCO_VERSION;
	p->info.command = command;
	p->info.generator = RNG_DESCRIPTION;
	p->diags = (struct diags)DIAGS_INIT;
}

int pipeline_simulate(struct pipeline *p, struct strbuf *err)
{
	p->plan = sim_plan_new_like(p->m, p->like, p->threads, err);
	if (!p->plan)
		return EXIT_INPUT;
	if (!p->headline_only)
		sim_plan_keep_inputs(p->plan, SENSITIVITY_RANK_TRIALS);
	sim_plan_cancel_on(p->plan, cli_cancel_flag());
	if (sim_run(p->plan, p->threads, p->progress, &p->res, &p->diags,
		    err) != 0)
		return EXIT_INPUT;
	if (p->headline_only) {
		summary_compute_headline(p->m, &p->res, p->threads, &p->sum);
		p->simulated = 1;
		return EXIT_OK;
	}
	summary_compute(p->m, &p->res, p->threads, &p->sum);
	p->dec = xcalloc(1, sizeof(*p->dec));
	decision_compute(p->plan, &p->res, &p->sum, p->threads, p->dec);
	p->sum.decision = p->dec;
	p->simulated = 1;
	return EXIT_OK;
}

int pipeline_write(struct pipeline *p, struct outdir *od, const char *prefix,
		   struct strbuf *err)
{
	if (results_write_all(od, prefix, p->m, &p->res, &p->sum, &p->info,
			      err) != 0)
		return EXIT_IO;
	if (!p->charts.formats)
		return EXIT_OK;
	/* Read back from the staging folder: od->stage/prefix. */
	struct strbuf src = STRBUF_INIT;
	strbuf_printf(&src, "%s/%s", od->stage, prefix);
	while (src.len > 1 && src.s[src.len - 1] == '/')
		src.s[--src.len] = '\0';
	struct diags d = DIAGS_INIT;
	int rc = pipeline_charts(strbuf_str(&src), od, prefix, &p->charts, &d,
				 err);
	/* The files were written by this run: a problem is a bug, reported
	 * as it is. */
	for (size_t i = 0; i < d.n; i++) {
		strbuf_puts(err, i ? "\n" : "cannot draw the exhibits: ");
		diag_format(&d.v[i], err);
	}
	diags_free(&d);
	strbuf_free(&src);
	return rc;
}

int pipeline_charts(const char *src, struct outdir *od, const char *prefix,
		    const struct chart_opts *o, struct diags *diags,
		    struct strbuf *err)
{
	switch (chart_draw(src, od, prefix, o, diags, err)) {
	case CHART_OK: return EXIT_OK;
	case CHART_EINPUT: return EXIT_INPUT;
	default: return EXIT_IO;
	}
}

void pipeline_names_add(struct pipeline_names *v, const char *prefix,
			const char *name, const char *ext)
{
	GROW(v->v, v->cap, v->n + 2);
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s, "%s%s%s", prefix, name, ext);
	v->v[v->n++] = strbuf_take(&s);
	v->v[v->n] = NULL;
}

void pipeline_output_names(const struct model *m, const char *prefix,
			   unsigned formats, struct pipeline_names *v)
{
	for (size_t i = 0; results_file_names[i]; i++)
		pipeline_names_add(v, prefix, results_file_names[i], "");
	if (formats & CHART_REPORT)
		pipeline_names_add(v, prefix, "report", ".pdf");
	static const unsigned fmts[] = {CHART_PNG, CHART_PDF, CHART_SVG};
	static const char *const exts[] = {".png", ".pdf", ".svg"};
	const char **ids = xcalloc(m->noptions + 1, sizeof(*ids));
	for (size_t o = 0; o < m->noptions; o++)
		ids[o] = m->options[o].id;
	char **stems = chart_exhibit_stems(ids, m->noptions);
	for (int k = 0; k < 3; k++) {
		if (!(formats & fmts[k]))
			continue;
		for (size_t i = 0; stems[i]; i++)
			pipeline_names_add(v, prefix, stems[i], exts[k]);
	}
	chart_stems_free(stems);
	free(ids);
}

void pipeline_names_free(struct pipeline_names *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

void pipeline_free(struct pipeline *p)
{
	if (p->dec) {
		decision_free(p->dec);
		free(p->dec);
	}
	if (p->simulated) {
		summary_free(&p->sum);
		sim_result_free(&p->res);
	}
	sim_plan_free(p->plan);
	diags_free(&p->diags);
	memset(p, 0, sizeof(*p));
}

int pipeline_check_names(struct outdir *od, struct pipeline_names *v)
{
	struct strbuf err = STRBUF_INIT;
	int rc = EXIT_OK;
	if (outdir_check(od, (const char *const *)v->v, &err) != 0) {
		outdir_abort(od);
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
	}
	pipeline_names_free(v);
	strbuf_free(&err);
	return rc;
}
