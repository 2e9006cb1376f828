/* edtco batch: run every case of a sweep file, write batch.csv.
 *
 * The scenario is read once; every case of the sweep is built and checked
 * before anything runs.  Cases then run on worker threads, each case on
 * case_threads threads (one for small cases, so that many run at once),
 * and the main thread writes their rows in sweep order as they finish.
 * At most `window` finished or running cases are held at once, so memory
 * does not grow with the number of cases.  Rows depend only on their case
 * (every case uses the same seed and streams), so the file is the same
 * for any -j and any split into shards. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "io/file.h"
#include "io/outdir.h"
#include "model/source.h"
#include "model/sweep.h"
#include "output/batch.h"
#include "sim/rng.h"
#include "util/mem.h"

static const char help[] =
	"Usage: edtco batch SCENARIO.csv --sweep SWEEP.csv [-o DIR] "
	"[-n TRIALS]\n"
	"                   [-s SEED] [-j N] [--shard K/N] [-q]\n"
	"                   [--charts [-f FORMATS] [--dpi N]]\n"
	"Run every case of a sweep: the scenario with the cells each row of "
	"SWEEP.csv\nchanges.  Writes DIR/batch.csv (one row per case and "
	"option) and prints how\noften each option was the cheapest.  Every "
	"case uses the same seed, so cases\ndiffer by their inputs, not by "
	"sampling noise.\n"
	"\n"
	"  -w, --sweep FILE   the sweep: a 'case' column, then one column per "
	"changed\n"
	"                     cell ('students', 'aid_ratio.high',\n"
	"                     'cloud/Per-student portal fee.likely', ...)\n"
	"  -o, --output DIR   where to write (default: out/<scenario>-<sweep>/,"
	"\n"
	"                     with -shard-K-of-N for a shard)\n"
	"  -n, --trials N     trials per case (overrides the scenario's "
	"'trials')\n"
	"  -s, --seed S       random seed of every case (overrides 'seed')\n"
	"  -j, --threads N    threads to use (default: all online CPUs); the "
	"results\n"
	"                     are the same for every N\n"
	"      --shard K/N    run only the K-th of N contiguous blocks of "
	"cases;\n"
	"                     'edtco merge' joins the shards' folders\n"
	"      --charts       also write each case's result files and "
	"exhibits into\n"
	"                     DIR/<case>/, as 'edtco run' writes them\n"
	"  -f, --formats LIST with --charts: exhibit formats, comma-separated: "
	"png,\n"
	"                     pdf, svg, report (report.pdf), all (the "
	"default)\n"
	"      --dpi N        with --charts: resolution of the PNG exhibits "
	"(default 300)\n"
	"  -q, --quiet        print nothing but errors (and no progress bar)\n"
	"  -h, --help         show this help\n"
	"\n"
	"Files written: batch.csv provenance.csv (see README.md).  Nothing is "
	"written\nwhen any case has an error.  A progress bar is drawn on "
	"stderr when it is a\nterminal.\n"
	"\nExit status: 0 success, 1 invalid input, 2 wrong usage, 3 a file "
	"could not be\nread or written.\n";

struct batch_opts {
	const char *scenario, *sweep, *outdir;
	struct cli_sim_opts sim; /* -n, -s, -j */
	unsigned long shard_k, shard_n; /* shard_n == 0: the whole sweep */
	int charts;
	struct chart_opts chart_opts; /* with --charts */
	int formats_given;            /* -f or --dpi */
	int quiet;
};

/* "K/N" with 1 <= K <= N <= 1,000,000. */
static int parse_shard(const char *s, struct batch_opts *o)
{
	char *end;
	const char *p = s;
	if (*p < '0' || *p > '9')
		goto bad;
	o->shard_k = strtoul(p, &end, 10);
	if (*end != '/' || end[1] < '0' || end[1] > '9')
		goto bad;
	o->shard_n = strtoul(end + 1, &end, 10);
	if (*end || o->shard_k < 1 || o->shard_n > 1000000 ||
	    o->shard_k > o->shard_n)
		goto bad;
	return 0;
bad:
	cli_usage_error("batch",
			"invalid shard '%s' (K/N: the K-th of N blocks of "
			"cases, 1 <= K <= N <= 1,000,000)",
			s);
	return -1;
}

static int parse(int argc, char **argv, struct batch_opts *o)
{
	enum { OPT_SHARD = 256, OPT_CHARTS, OPT_DPI };
	static const struct option longopts[] = {
		{"sweep", required_argument, NULL, 'w'},
		{"output", required_argument, NULL, 'o'},
		{"trials", required_argument, NULL, 'n'},
		{"seed", required_argument, NULL, 's'},
		{"threads", required_argument, NULL, 'j'},
		{"shard", required_argument, NULL, OPT_SHARD},
		{"charts", no_argument, NULL, OPT_CHARTS},
		{"formats", required_argument, NULL, 'f'},
		{"dpi", required_argument, NULL, OPT_DPI},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	memset(o, 0, sizeof(*o));
	cli_sim_opts_init(&o->sim);
	chart_opts_default(&o->chart_opts);
	args_reset();
	int c;
	while ((c = args_next("batch", argc, argv, "w:o:n:s:j:f:qh",
			      longopts)) != -1) {
		switch (c) {
		case 'w':
			o->sweep = optarg;
			break;
		case 'o':
			o->outdir = optarg;
			break;
		case OPT_SHARD:
			if (parse_shard(optarg, o))
				return EXIT_USAGE;
			break;
		case OPT_CHARTS:
			o->charts = 1;
			break;
		case 'f':
			if (cli_parse_formats("batch", optarg,
					      &o->chart_opts.formats))
				return EXIT_USAGE;
			o->formats_given = 1;
			break;
		case OPT_DPI:
			if (cli_parse_dpi("batch", optarg, &o->chart_opts.dpi))
				return EXIT_USAGE;
			o->formats_given = 1;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'h':
			fputs(help, stdout);
			return -1;
		default:
			if (cli_sim_option("batch", c, optarg, &o->sim) > 0)
				break;
			return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error("batch", "missing SCENARIO.csv");
	if (argc - optind > 1)
		return cli_usage_error("batch", "unexpected argument '%s'",
				       argv[optind + 1]);
	if (!o->sweep)
		return cli_usage_error("batch", "missing --sweep SWEEP.csv");
	if (o->outdir && !*o->outdir)
		return cli_usage_error("batch", "empty output folder name");
	if (o->formats_given && !o->charts)
		return cli_usage_error("batch", "-f and --dpi go with --charts");
	o->scenario = argv[optind];
	if (o->charts && cli_chart_env(&o->chart_opts) != 0)
		return EXIT_USAGE;
	return EXIT_OK;
}

/* The command that reproduces the rows: the inputs and the options that
 * change results; not -o, -j, -q, --shard or --charts. */
static char *canonical_command(const struct batch_opts *o)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "edtco batch %s --sweep %s", o->scenario, o->sweep);
	cli_sim_opts_command(&o->sim, &b);
	return strbuf_take(&b);
}

/* -o, or out/<scenario stem>-<sweep stem>[-shard-K-of-N]. */
static char *output_dir(const struct batch_opts *o)
{
	struct strbuf b = STRBUF_INIT;
	if (o->outdir) {
		strbuf_puts(&b, o->outdir);
	} else {
		char *a = file_stem(o->scenario), *s = file_stem(o->sweep);
		strbuf_printf(&b, "out/%s-%s", a, s);
		if (o->shard_n)
			strbuf_printf(&b, "-shard-%lu-of-%lu", o->shard_k,
				      o->shard_n);
		free(a);
		free(s);
	}
	char *dir = file_folder_name(strbuf_str(&b));
	strbuf_free(&b);
	return dir;
}

/* ---- running the cases ----------------------------------------------- */

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
	const struct batch_opts *o;
	const struct model_source *src;
	const struct sweep *sw;
	const char *command;
	const sim_plan *like;   /* tables shared by every case */
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

/* Builds, simulates and summarises case i into s. */
static void run_case(struct engine *e, size_t i, struct slot *s)
{
	struct diags d = DIAGS_INIT;
	const char *name = e->sw->cases[i].name;
	if (sweep_build(e->src, e->sw, i, &s->m, &d) != 0) {
		/* Checked before the run: cannot happen. */
		s->rc = EXIT_INPUT;
		strbuf_printf(&s->err, "case '%s' became invalid", name);
		diags_free(&d);
		return;
	}
	diags_free(&d);
	s->has_model = 1;
	cli_sim_opts_apply(&e->o->sim, &s->m);
	struct pipeline *p = &s->p;
	const char *command = e->command;
	if (e->o->charts) {
		/* For the case's own provenance.csv and chart footers. */
		struct strbuf c = STRBUF_INIT;
		strbuf_printf(&c, "%s (case %s)", e->command, name);
		s->command = strbuf_take(&c);
		command = s->command;
	}
	pipeline_init(p, &s->m, e->case_threads, command);
	p->progress = &e->trials_done;
	p->like = e->like;
	p->headline_only = !e->o->charts;
	if (e->o->charts)
		p->charts = e->o->chart_opts;
	s->has_pipeline = 1;
	s->rc = pipeline_simulate(p, &s->err);
	if (s->rc != EXIT_OK)
		return;
	batch_rows(name, &s->m, &p->sum, &s->rows);
	batch_outcome(&p->res, &p->sum, &s->outcome);
	if (!e->o->charts) {
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
		      struct strbuf *err)
{
	if (s->rc != EXIT_OK) {
		strbuf_puts(err, strbuf_str(&s->err));
		return s->rc;
	}
	if (fwrite(s->rows.text.s, 1, s->rows.text.len, fp) !=
	    s->rows.text.len) {
		strbuf_puts(err, "cannot write batch.csv");
		return EXIT_IO;
	}
	const char *name = e->sw->cases[i].name;
	batch_tally_add(tally, name, &s->m, &s->outcome);
	if (!e->o->charts)
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
	int j = e->o->sim.threads;
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
	if (e->o->charts && bytes)
		while (window > at_once + 1 && window * bytes > 2 * budget)
			window--;
	e->window = window;
	e->slots = xcalloc(window, sizeof(*e->slots));
}

/* Runs cases [first, end), writing their rows to fp.  Returns EXIT_OK or
 * a failure (message in err). */
static int run_cases(struct engine *e, const struct model *m0, FILE *fp,
		     struct outdir *od, struct batch_tally *tally,
		     struct strbuf *err)
{
	plan_threads(e, m0);
	size_t nworkers = e->at_once;
	if (nworkers > e->end - e->first)
		nworkers = e->end - e->first;
	pthread_mutex_init(&e->mu, NULL);
	pthread_cond_init(&e->cv, NULL);
	progress *bar = NULL;
	if (progress_wanted(e->o->quiet) && e->end > e->first)
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
					strbuf_puts(err, strbuf_str(&f->err));
				}
			}
			if (!rc) {
				rc = EXIT_IO;
				strbuf_puts(err, "a case failed");
			}
			break;
		}
		rc = write_case(e, i, s, fp, od, tally, err);
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

/* ---- the command ----------------------------------------------------- */

/* Reads the scenario and the sweep and checks every case.  Returns
 * EXIT_OK, EXIT_INPUT or EXIT_IO, diagnostics printed. */
static int load_inputs(const struct batch_opts *o, struct model_source *src,
		       struct sweep *sw)
{
	struct diags d = DIAGS_INIT;
	memset(sw, 0, sizeof(*sw));
	int rc = model_source_load(o->scenario, src, &d);
	if (rc == 3) {
		cli_print_diags(&d);
		diags_free(&d);
		return EXIT_IO;
	}
	int sr = sweep_load(o->sweep, src, sw, &d);
	if (rc == 0 && sr == 0)
		sweep_check(src, sw, &d);
	cli_print_diags(&d);
	int bad = d.nerrors > 0;
	diags_free(&d);
	if (sr == 3)
		return EXIT_IO;
	return bad ? EXIT_INPUT : EXIT_OK;
}

/* "15 cases of models/x.csv from sweeps/y.csv (10,000 trials each, seed
 * 7)", with the shard's part of them. */
static void describe(const struct batch_opts *o, const struct engine *e,
		     const struct model *m0, struct strbuf *out)
{
	char n[64];
	snprintf(n, sizeof(n), "%ld", m0->trials);
	size_t here = e->end - e->first;
	if (o->shard_n && here)
		strbuf_printf(out,
			      "Shard %lu/%lu: cases %zu to %zu (%zu case%s) of "
			      "%zu",
			      o->shard_k, o->shard_n, e->first + 1, e->end,
			      here, here == 1 ? "" : "s", e->sw->ncases);
	else if (o->shard_n)
		strbuf_printf(out, "Shard %lu/%lu: no cases (more shards than "
				   "the %zu cases)",
			      o->shard_k, o->shard_n, e->sw->ncases);
	else
		strbuf_printf(out, "%zu case%s", here, here == 1 ? "" : "s");
	strbuf_printf(out, " of %s swept by %s\n(", o->scenario, o->sweep);
	/* Grouped digits, as in the run summary. */
	struct strbuf g = STRBUF_INIT;
	size_t len = strlen(n);
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			strbuf_putc(&g, ',');
		strbuf_putc(&g, n[i]);
	}
	strbuf_printf(out,
		      "%s trials each; seed %llu, the same random streams "
		      "for every case)",
		      strbuf_str(&g), (unsigned long long)m0->seed);
	strbuf_free(&g);
}

static int write_provenance(const struct batch_opts *o, const char *command,
			    const struct sweep *sw, const struct model *m0,
			    struct outdir *od, struct strbuf *err)
{
	struct batch_info info = {EDTCO_VERSION,   command,
				  RNG_DESCRIPTION, m0->seed,
				  m0->trials,      sw->ncases,
				  o->shard_k,      o->shard_n,
				  m0,              sw->t.file.path,
				  sw->t.file.sha256};
	struct csvout w = CSVOUT_INIT;
	batch_provenance(&info, &w);
	int e = outdir_write(od, "provenance.csv", w.text.s, w.text.len, err);
	csvout_free(&w);
	return e ? EXIT_IO : EXIT_OK;
}

/* Moves the batch's files into dir.  An earlier batch's batch.csv and
 * provenance.csv are replaced; with --charts, so are the result and
 * exhibit files of each case folder this run writes (other folders in dir
 * are left alone). */
static int commit(const struct engine *e, struct outdir *od, const char *dir,
		  struct strbuf *err)
{
	char **stale = xcalloc(3, sizeof(char *));
	size_t n = 2;
	stale[0] = xstrdup("batch.csv");
	stale[1] = xstrdup("provenance.csv");
	for (size_t i = e->first; e->o->charts && i < e->end; i++) {
		struct strbuf prefix = STRBUF_INIT;
		strbuf_printf(&prefix, "%s/", e->sw->cases[i].name);
		char **c = pipeline_stale_names(dir, strbuf_str(&prefix));
		size_t k = 0;
		while (c[k])
			k++;
		stale = xreallocarray(stale, n + k + 1, sizeof(char *));
		memcpy(stale + n, c, k * sizeof(char *));
		n += k;
		free(c); /* the names now belong to stale */
		strbuf_free(&prefix);
	}
	stale[n] = NULL;
	int rc = outdir_commit(od, (const char *const *)stale, err);
	chart_names_free(stale);
	return rc;
}

/* Runs the checked sweep into dir. */
static int run_batch(const struct batch_opts *o, const struct model_source *src,
		     const struct sweep *sw, const char *dir)
{
	struct engine e;
	memset(&e, 0, sizeof(e));
	e.o = o;
	e.src = src;
	e.sw = sw;
	e.first = 0;
	e.end = sw->ncases;
	if (o->shard_n)
		sweep_shard(sw->ncases, o->shard_k, o->shard_n, &e.first,
			    &e.end);
	e.next = e.first;
	char *command = canonical_command(o);
	e.command = command;
	atomic_init(&e.trials_done, 0);
	atomic_init(&e.cases_done, 0);

	/* The model of the first case (of the sweep, so that every shard
	 * agrees) lends its tables to every case, and its files to the
	 * provenance. */
	struct diags d = DIAGS_INIT;
	struct model m0;
	struct strbuf err = STRBUF_INIT;
	int rc = sweep_build(src, sw, 0, &m0, &d) == 0 ? EXIT_OK : EXIT_INPUT;
	diags_free(&d);
	if (rc != EXIT_OK) {
		free(command);
		return cli_fail(rc, "the first case became invalid");
	}
	cli_sim_opts_apply(&o->sim, &m0);
	sim_plan *like = sim_plan_new_like(&m0, NULL, o->sim.threads, &err);
	e.like = like;

	struct outdir od;
	FILE *fp = NULL;
	struct batch_tally tally = BATCH_TALLY_INIT;
	if (!like) {
		rc = cli_fail(EXIT_INPUT, "%s", strbuf_str(&err));
		goto out;
	}
	if (outdir_open(&od, dir, &err) != 0) {
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
		goto out;
	}
	fp = outdir_fopen(&od, "batch.csv", &err);
	if (!fp) {
		outdir_abort(&od);
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
		goto out;
	}
	struct csvout head = CSVOUT_INIT;
	batch_header(&head);
	fwrite(head.text.s, 1, head.text.len, fp);
	csvout_free(&head);
	rc = run_cases(&e, &m0, fp, &od, &tally, &err);
	struct strbuf close_err = STRBUF_INIT;
	if (outdir_fclose(&od, fp, "batch.csv", &close_err) && rc == EXIT_OK) {
		rc = EXIT_IO;
		strbuf_puts(&err, strbuf_str(&close_err));
	}
	strbuf_free(&close_err);
	if (rc == EXIT_OK)
		rc = write_provenance(o, command, sw, &m0, &od, &err);
	if (rc != EXIT_OK) {
		outdir_abort(&od);
		cli_fail(rc, "%s", strbuf_str(&err));
	} else if (commit(&e, &od, dir, &err) != 0) {
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
	} else if (!o->quiet) {
		struct strbuf what = STRBUF_INIT, text = STRBUF_INIT;
		describe(o, &e, &m0, &what);
		batch_tally_text(&tally, strbuf_str(&what), &text);
		printf("%s\nResults written to %s/batch.csv\n",
		       strbuf_str(&text), dir);
		strbuf_free(&what);
		strbuf_free(&text);
	}
out:
	batch_tally_free(&tally);
	sim_plan_free(like);
	model_free(&m0);
	strbuf_free(&err);
	free(command);
	return rc;
}

static int batch_main(int argc, char **argv)
{
	struct batch_opts o;
	int rc = parse(argc, argv, &o);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc != EXIT_OK)
		return rc;
	struct model_source src;
	struct sweep sw;
	rc = load_inputs(&o, &src, &sw);
	if (rc == EXIT_OK) {
		char *dir = output_dir(&o);
		rc = run_batch(&o, &src, &sw, dir);
		free(dir);
	}
	sweep_free(&sw);
	model_source_free(&src);
	return rc;
}

const struct cli_command cli_batch_command = {
	"batch", "run every case of a sweep file and tabulate them", help,
	batch_main};
