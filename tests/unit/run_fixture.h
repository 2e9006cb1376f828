/* A whole analysed run of a model written inline in a test: model, plan,
 * trials, summary and decision analysis. */
#ifndef EDTCO_TESTS_RUN_FIXTURE_H
#define EDTCO_TESTS_RUN_FIXTURE_H

#include "model_fixture.h"

#include "analysis/decision.h"
#include "analysis/summary.h"
#include "sim/sim.h"

struct fixture {
	char *dir;
	struct model m;
	sim_plan *plan;
	struct sim_result res;
	struct summary s;
	struct decision d;
};

/* Loads scenario and costs, runs every trial on two threads and analyses
 * them; the summary points at the decision analysis. */
static inline void run(struct fixture *f, const char *scenario,
		       const char *costs)
{
	memset(f, 0, sizeof(*f));
	f->dir = test_load_model(scenario, costs, &f->m);
	struct strbuf err = STRBUF_INIT;
	f->plan = sim_plan_new(&f->m, &err);
	assert_non_null(f->plan);
	assert_int_equal(sim_run(f->plan, 2, NULL, &f->res, NULL, &err), 0);
	strbuf_free(&err);
	summary_compute(&f->m, &f->res, 2, &f->s);
	decision_compute(f->plan, &f->res, &f->s, 2, &f->d);
	f->s.decision = &f->d;
}

static inline void finish(struct fixture *f)
{
	decision_free(&f->d);
	summary_free(&f->s);
	sim_result_free(&f->res);
	sim_plan_free(f->plan);
	model_free(&f->m);
	test_rmdir(f->dir);
	free(f->dir);
}

#endif
