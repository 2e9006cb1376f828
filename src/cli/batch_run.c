/* Running the cases of a sweep (see batch_run.h).
 *
 * Cases run on worker threads, each case on case_threads threads (one for
 * small cases, so that many run at once), and the calling thread writes
 * their rows in sweep order as they finish.  At most `window` finished or
 * running cases are held at once, so memory does not grow with the number
 * of cases. */
#include "cli/batch_run.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "util/mem.h"

enum slot_state { SLOT_FREE, SLOT_BUSY, SLOT_DONE };

/* One case in flight: claimed by a worker, then written by the main
 * thread. */
struct slot {
	enum slot_state state;
	int rc;                    /* EXIT_OK, or the failure */
	struct strbuf err;         /* its message */
	struct csvout rows;        /* its batch.csv rows */
	struct batch_outcome outcome;
	struct model m;            /* kept for the tally and --charts */
	struct pipeline p;         /* --charts: kept until written */
	char *command;             /* --charts: the batch's, and the case */
	int has_model, has_pipeline;
};

struct engine {
	const struct batch_job *job;
	const struct sweep *sw;
	size_t first, end;      /* the cases to run: [first, end) */
	int case_threads;       /* threads of one case */
	size_t at_once;         /* cases run at once (workers) */
	size_t window;          /* slots */
	struct slot *slots;
	size_t next;            /* next case to claim */
	size_t written;         /* cases written (from first) */
	int failed;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	atomic_long trials_done;
	atomic_size_t cases_done;
};

static struct slot *slot_of(struct engine *e, size_t i)
{
	return &e->slots[(i - e->first) % e->window];
}

/* Adds the case's name to each of its diagnostics. */
static void name_case(struct diags *d, const char *name)
{
	struct diags named = DIAGS_INIT;
	for (size_t k = 0; k < d->n; k++) {
		const struct diag *g = &d->v[k];
		struct loc at = {g->file, g->line, g->col};
		diags_add(&named, g->level, at, "%s (case '%s')", g->msg, name);
	}
	diags_free(d);
	*d = named;
}

/* Reports the failure of a case: its diagnostics into diags, or its
 * message into err. */
static void report_failure(struct slot *s, struct diags *diags,
			   struct strbuf *err)
{
	if (!s->has_pipeline || !s->p.diags.n) {
		strbuf_puts(err, strbuf_str(&s->err));
		return;
	}
	for (size_t k = 0; k < s->p.diags.n; k++) {
		const struct diag *g = &s->p.diags.v[k];
		struct loc at = {g->file, g->line, g->col};
		diags_add(diags, g->level, at, "%s", g->msg);
	}
}

/* Builds, simulates and summarises case i into s. */
static void run_case(struct engine *e, size_t i, struct slot *s)
{
	struct diags d = DIAGS_INIT;
	const char *name = e->sw->cases[i].name;
	if (sweep_build(e->job->src, e->sw, i, &s->m, &d) != 0) {
		/* Checked before the run: cannot happen. */
		s->rc = EXIT_INPUT;
		strbuf_printf(&s->err, "case '%s' became invalid", name);
		diags_free(&d);
		return;
	}
	diags_free(&d);
	s->has_model = 1;
	cli_sim_opts_apply(e->job->sim, &s->m);
	struct pipeline *p = &s->p;
	const char *command = e->job->command;
	if (e->job->charts) {
		/* For the case's own provenance.csv and chart footers. */
		struct strbuf c = STRBUF_INIT;
		strbuf_printf(&c, "%s (case %s)", e->job->command, name);
		s->command = strbuf_take(&c);
		command = s->command;
	}
	pipeline_init(p, &s->m, e->case_threads, command);
	if (e->job->charts) {
		p->info.sweep_path = e->sw->t.file.path;
		p->info.sweep_sha256 = e->sw->t.file.sha256;
		p->info.case_name = name;
	}
	p->progress = &e->trials_done;
	p->like = e->job->like;
	p->headline_only = !e->job->charts;
	if (e->job->charts)
		p->charts = *e->job->charts;
	s->has_pipeline = 1;
	s->rc = pipeline_simulate(p, &s->err);
	if (s->rc != EXIT_OK) {
		name_case(&p->diags, name);
		return;
	}
	batch_rows(name, &s->m, &p->sum, e->job->levy, &s->rows);
	batch_outcome(&p->res, &p->sum, &s->outcome);
	if (!e->job->charts) {
		pipeline_free(p);
		s->has_pipeline = 0;
	}
	atomic_fetch_add(&e->cases_done, 1);
}

static void slot_clear(struct slot *s)
{
	if (s->has_pipeline)
		pipeline_free(&s->p);
	if (s->has_model)
		model_free(&s->m);
	strbuf_free(&s->err);
	csvout_free(&s->rows);
	free(s->command);
	memset(s, 0, sizeof(*s));
}

static void *worker(void *arg)
{
	struct engine *e = arg;
	pthread_mutex_lock(&e->mu);
	for (;;) {
		while (!e->failed && e->next < e->end &&
		       e->next >= e->first + e->written + e->window)
			pthread_cond_wait(&e->cv, &e->mu);
		if (e->failed || e->next >= e->end)
			break;
		size_t i = e->next++;
		struct slot *s = slot_of(e, i);
		s->state = SLOT_BUSY;
		pthread_mutex_unlock(&e->mu);
		run_case(e, i, s);
		pthread_mutex_lock(&e->mu);
		s->state = SLOT_DONE;
		if (s->rc != EXIT_OK)
			e->failed = 1;
		pthread_cond_broadcast(&e->cv);
	}
	pthread_mutex_unlock(&e->mu);
	return NULL;
}

/* Writes case i (done) to batch.csv and, with --charts, its folder. */
static int write_case(struct engine *e, size_t i, struct slot *s, FILE *fp,
		      struct outdir *od, struct batch_tally *tally,
		      struct diags *diags, struct strbuf *err)
{
	if (s->rc != EXIT_OK) {
		report_failure(s, diags, err);
		return s->rc;
	}
	if (fwrite(s->rows.text.s, 1, s->rows.text.len, fp) !=
	    s->rows.text.len) {
		strbuf_puts(err, "cannot write batch.csv");
		return EXIT_IO;
	}
	const char *name = e->sw->cases[i].name;
	batch_tally_add(tally, name, &s->m, &s->outcome);
	if (!e->job->charts)
		return EXIT_OK;
	/* --charts: each case's result files and exhibits in DIR/<case>/,
	 * through the one path of `edtco run`. */
	struct strbuf prefix = STRBUF_INIT;
	strbuf_printf(&prefix, "%s/", name);
	int rc = pipeline_write(&s->p, od, strbuf_str(&prefix), err);
	strbuf_free(&prefix);
	return rc;
}

/* How many cases run at once, and on how many threads each: small cases
 * one thread each, side by side; large ones (whose arrays are large, and
 * whose trials spread well over threads) one at a time on every thread. */
static void plan_threads(struct engine *e, const struct model *m0)
{
	int j = e->job->sim->threads;
	size_t n = e->end - e->first;
	size_t bytes = sim_result_bytes(m0, m0->trials);
	size_t budget = (size_t)1 << 30; /* result arrays held at once */
	size_t at_once = m0->trials >= 100000 ? 1 : (size_t)j;
	if (at_once > n)
		at_once = n ? n : 1;
	if (bytes && at_once > budget / bytes)
		at_once = budget / bytes ? budget / bytes : 1;
	e->at_once = at_once;
	e->case_threads = j / (int)at_once > 1 ? j / (int)at_once : 1;
	/* Room for the running cases and as many finished ones waiting to
	 * be written; with --charts each holds its arrays. */
	size_t window = 2 * at_once + 2;
	if (e->job->charts && bytes)
		while (window > at_once + 1 && window * bytes > 2 * budget)
			window--;
	e->window = window;
	e->slots = xcalloc(window, sizeof(*e->slots));
}

int batch_run_cases(const struct batch_job *job, const struct model *m0,
		    FILE *fp, struct outdir *od, struct batch_tally *tally,
		    struct diags *diags, struct strbuf *err)
{
	struct engine engine, *e = &engine;
	memset(e, 0, sizeof(*e));
	e->job = job;
	e->sw = job->sw;
	e->first = e->next = job->first;
	e->end = job->end;
	atomic_init(&e->trials_done, 0);
	atomic_init(&e->cases_done, 0);
	plan_threads(e, m0);
	size_t nworkers = e->at_once;
	if (nworkers > e->end - e->first)
		nworkers = e->end - e->first;
	pthread_mutex_init(&e->mu, NULL);
	pthread_cond_init(&e->cv, NULL);
	progress *bar = NULL;
	if (progress_wanted(e->job->quiet) && e->end > e->first)
		bar = progress_start(&e->cases_done, e->end - e->first,
				     &e->trials_done,
				     (double)m0->trials *
					     (double)(e->end - e->first));
	pthread_t *tid = xcalloc(nworkers + 1, sizeof(pthread_t));
	size_t started = 0;
	for (size_t w = 0; w < nworkers; w++) {
		if (pthread_create(&tid[w], NULL, worker, e) != 0)
			break;
		started++;
	}
	int rc = EXIT_OK;
	if (started == 0 && e->end > e->first) {
		strbuf_puts(err, "cannot start a thread");
		rc = EXIT_IO;
	}
	for (size_t i = e->first; i < e->end && rc == EXIT_OK; i++) {
		struct slot *s = slot_of(e, i);
		pthread_mutex_lock(&e->mu);
		while (s->state != SLOT_DONE && !e->failed)
			pthread_cond_wait(&e->cv, &e->mu);
		int ready = s->state == SLOT_DONE;
		pthread_mutex_unlock(&e->mu);
		if (!ready) {
			/* Another case failed: find and report it. */
			for (size_t k = 0; k < e->window; k++) {
				struct slot *f = &e->slots[k];
				pthread_mutex_lock(&e->mu);
				while (f->state == SLOT_BUSY)
					pthread_cond_wait(&e->cv, &e->mu);
				pthread_mutex_unlock(&e->mu);
				if (f->state == SLOT_DONE && f->rc != EXIT_OK &&
				    !rc) {
					rc = f->rc;
					report_failure(f, diags, err);
				}
			}
			if (!rc) {
				rc = EXIT_IO;
				strbuf_puts(err, "a case failed");
			}
			break;
		}
		rc = write_case(e, i, s, fp, od, tally, diags, err);
		pthread_mutex_lock(&e->mu);
		slot_clear(s);
		e->written++;
		if (rc != EXIT_OK)
			e->failed = 1;
		pthread_cond_broadcast(&e->cv);
		pthread_mutex_unlock(&e->mu);
	}
	pthread_mutex_lock(&e->mu);
	if (rc != EXIT_OK)
		e->failed = 1;
	pthread_cond_broadcast(&e->cv);
	pthread_mutex_unlock(&e->mu);
	for (size_t w = 0; w < started; w++)
		pthread_join(tid[w], NULL);
	free(tid);
	progress_stop(bar);
	for (size_t k = 0; k < e->window; k++)
		slot_clear(&e->slots[k]);
	free(e->slots);
	pthread_cond_destroy(&e->cv);
	pthread_mutex_destroy(&e->mu);
	return rc;
}

