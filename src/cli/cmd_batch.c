/* edtco batch: run every case of a sweep file, write batch.csv.
 *
 * The scenario is read once; every case of the sweep is built and checked
 * before anything runs; then the cases run (batch_run.c), their rows
 * written in sweep order as they finish.  Rows depend only on their case
 * (every case uses the same seed and streams), so the file is the same
 * for any -j and any split into shards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/batch_run.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/pipeline.h"
#include "cli/signals.h"
#include "io/file.h"
#include "io/outdir.h"
#include "model/source.h"
#include "model/sweep.h"
#include "output/batch.h"
#include "sim/rng.h"
#include "util/mem.h"
#include "util/suggest.h"

static const char help[] =
	"Usage: edtco batch SCENARIO.csv --sweep SWEEP.csv [-o DIR] "
	"[-n TRIALS]\n"
	"                   [-s SEED] [-j N] [--shard K/N] [-q] [--strict]\n"
	"                   [--charts [-f FORMATS] [--dpi N]] [--case NAME]\n"
	"                   [--force]\n"
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
	"      --case NAME    run only case NAME, with --charts: DIR/NAME/ "
	"is the\n"
	"                     folder a whole batch with --charts writes "
	"for it\n"
	"                     (default DIR: out/<scenario>-<sweep>-NAME/)\n"
	"  -f, --formats LIST with --charts: exhibit formats, comma-separated: "
	"png,\n"
	"                     pdf, svg, report (report.pdf), all (the "
	"default)\n"
	"      --dpi N        with --charts: resolution of the PNG exhibits "
	"(default 300)\n"
	"  -q, --quiet        print nothing but errors (no warnings, no "
	"progress bar)\n"
	"      --strict       treat warnings as errors: exit 1, write "
	"nothing\n"
	"      --force        overwrite files in DIR that edtco did not write "
	"(or that\n"
	"                     were changed since) whose names a result needs\n"
	"  -h, --help         show this help\n"
	"\n"
	"Files written: batch.csv provenance.csv manifest.csv (see "
	"edtco-results(5)).\nNothing is written when any case has an error.  A "
	"progress bar is drawn on\nstderr when it is a terminal.\n"
	"\nExit status: 0 success, 1 invalid input, 2 wrong usage, 3 a file "
	"could not be\nread or written, 130/143/129 stopped by INT/TERM/HUP "
	"(DIR left as it was).\n"
	"\nManual: man edtco (sweep files: man 5 edtco-scenario).\n";

struct batch_opts {
	const char *scenario, *sweep, *outdir;
	struct cli_sim_opts sim; /* -n, -s, -j */
	unsigned long shard_k, shard_n; /* shard_n == 0: the whole sweep */
	const char *case_name;          /* --case: that case only */
	int charts;
	struct chart_opts chart_opts; /* with --charts */
	int formats_given;            /* -f or --dpi */
	int quiet;
	int strict;                   /* --strict: warnings are errors */
	int force;                    /* --force: overwrite others' files */
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
	enum { OPT_SHARD = 256, OPT_CHARTS, OPT_DPI, OPT_STRICT, OPT_FORCE,
	       OPT_CASE };
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
		{"strict", no_argument, NULL, OPT_STRICT},
		{"help", no_argument, NULL, 'h'},
		{"force", no_argument, NULL, OPT_FORCE},
		{"case", required_argument, NULL, OPT_CASE},
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
		case OPT_FORCE:
			o->force = 1;
			break;
		case OPT_CASE:
			o->case_name = optarg;
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
		case OPT_STRICT:
			o->strict = 1;
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
	if (o->case_name && o->shard_n)
		return cli_usage_error("batch",
				       "--case and --shard cannot go together");
	o->scenario = argv[optind];
	cli_diag_mode(o->quiet, o->strict);
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
		if (o->case_name)
			strbuf_printf(&b, "-%s", o->case_name);
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
	if (sr == 3 || src->nmissing)
		return EXIT_IO;
	return bad ? EXIT_INPUT : EXIT_OK;
}

/* "15 cases of models/x.csv from sweeps/y.csv (10,000 trials each, seed
 * 7)", with the shard's part of them. */
static void describe(const struct batch_opts *o, const struct batch_job *e,
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

/* Opens dir for the batch: no input may be replaced, and no file of the
 * user's may be in the way of a result (checked before running).
 * Returns EXIT_OK, or EXIT_IO with the message printed. */
static int open_output(const struct batch_opts *o, const struct batch_job *e,
		       const struct model *m0, const char *dir,
		       struct outdir *od)
{
	struct strbuf err = STRBUF_INIT;
	if (outdir_open(od, dir, o->force ? OUTDIR_FORCE : 0, &err) != 0) {
		int rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
		strbuf_free(&err);
		return rc;
	}
	outdir_protect(od, e->sw->t.file.path);
	outdir_protect(od, e->src->path);
	for (size_t i = 0; i < e->src->ncosts; i++)
		outdir_protect(od, e->src->costs[i].t.file.path);
	struct pipeline_names names = {0};
	pipeline_names_add(&names, "", "batch.csv", "");
	pipeline_names_add(&names, "", "provenance.csv", "");
	for (size_t i = e->first; e->charts && i < e->end; i++) {
		struct strbuf prefix = STRBUF_INIT;
		strbuf_printf(&prefix, "%s/", e->sw->cases[i].name);
		pipeline_output_names(m0, strbuf_str(&prefix),
				      e->charts->formats, &names);
		strbuf_free(&prefix);
	}
	strbuf_free(&err);
	return pipeline_check_names(od, &names);
}

/* Runs the checked sweep into dir. */
static int run_batch(const struct batch_opts *o, const struct model_source *src,
		     const struct sweep *sw, const char *dir)
{
	struct batch_job e;
	memset(&e, 0, sizeof(e));
	e.src = src;
	e.sw = sw;
	e.levy = sweep_has_levy(src, sw);
	e.first = 0;
	e.end = sw->ncases;
	if (o->shard_n)
		sweep_shard(sw->ncases, o->shard_k, o->shard_n, &e.first,
			    &e.end);
	for (size_t i = 0; o->case_name && i < sw->ncases; i++)
		if (strcmp(sw->cases[i].name, o->case_name) == 0) {
			e.first = i;
			e.end = i + 1;
		}
	char *command = canonical_command(o);
	e.command = command;
	e.sim = &o->sim;
	e.charts = o->charts ? &o->chart_opts : NULL;
	e.quiet = o->quiet;

	/* The model of the first case (of the sweep, so that every shard
	 * agrees) lends its tables to every case, and its files to the
	 * provenance. */
	struct diags d = DIAGS_INIT;
	struct model m0;
	struct strbuf err = STRBUF_INIT;
	int rc = sweep_build(src, sw, 0, &m0, &d) == 0 ? EXIT_OK : EXIT_INPUT;
	if (rc != EXIT_OK) {
		diags_free(&d);
		free(command);
		return cli_fail(rc, "the first case became invalid");
	}
	diags_free(&d); /* its warnings were printed with the checks */
	cli_sim_opts_apply(&o->sim, &m0);
	cli_warn_trials(&m0, &o->sim, &d);
	cli_print_diags(&d);
	if (d.nerrors) { /* --strict */
		diags_free(&d);
		model_free(&m0);
		free(command);
		return EXIT_INPUT;
	}
	diags_free(&d);
	sim_plan *like = sim_plan_new_like(&m0, NULL, o->sim.threads, &err);
	e.like = like;

	struct outdir od;
	FILE *fp = NULL;
	struct batch_tally tally = BATCH_TALLY_INIT;
	struct diags run_diags = DIAGS_INIT; /* a case the run finds wrong */
	if (!like) {
		rc = cli_fail(EXIT_INPUT, "%s", strbuf_str(&err));
		goto out;
	}
	rc = open_output(o, &e, &m0, dir, &od);
	if (rc != EXIT_OK)
		goto out;
	fp = outdir_fopen(&od, "batch.csv", &err);
	if (!fp) {
		outdir_abort(&od);
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
		goto out;
	}
	struct csvout head = CSVOUT_INIT;
	batch_header(&head, e.levy);
	fwrite(head.text.s, 1, head.text.len, fp);
	csvout_free(&head);
	rc = batch_run_cases(&e, &m0, fp, &od, &tally, &run_diags, &err);
	struct strbuf close_err = STRBUF_INIT;
	if (outdir_fclose(&od, fp, "batch.csv", &close_err) && rc == EXIT_OK) {
		rc = EXIT_IO;
		strbuf_puts(&err, strbuf_str(&close_err));
	}
	strbuf_free(&close_err);
	if (rc == EXIT_OK)
		rc = write_provenance(o, command, sw, &m0, &od, &err);
	if (cli_cancelled()) {
		outdir_abort(&od);
		rc = cli_cancel_exit(dir);
	} else if (rc != EXIT_OK) {
		outdir_abort(&od);
		if (run_diags.n)
			cli_print_diags(&run_diags);
		else
			cli_fail(rc, "%s", strbuf_str(&err));
	} else if (outdir_commit(&od, &err) != 0) {
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
	} else if (!o->quiet) {
		struct strbuf what = STRBUF_INIT, text = STRBUF_INIT;
		describe(o, &e, &m0, &what);
		batch_tally_text(&tally, strbuf_str(&what), &text);
		cli_printf(stdout, "%s\nResults written to %s/batch.csv\n",
		       strbuf_str(&text), dir);
		strbuf_free(&what);
		strbuf_free(&text);
	}
out:
	diags_free(&run_diags);
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
	if (rc == EXIT_OK && o.case_name) {
		size_t i = 0;
		while (i < sw.ncases && strcmp(sw.cases[i].name, o.case_name))
			i++;
		if (i == sw.ncases) {
			const char **names = xcalloc(sw.ncases + 1,
						     sizeof(char *));
			for (size_t k = 0; k < sw.ncases; k++)
				names[k] = sw.cases[k].name;
			const char *near = suggest_nearest(o.case_name, names,
							   sw.ncases);
			rc = cli_usage_error(
				"batch", "no case '%s' in %s%s%s%s", o.case_name,
				o.sweep, near ? ": did you mean '" : "",
				near ? near : "", near ? "'?" : "");
			free(names);
		}
	}
	if (rc == EXIT_OK) {
		cli_catch_signals();
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
