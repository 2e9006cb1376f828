/* edtco run: simulate a scenario and write its results. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/example.h"
#include "analysis/findings.h"
#include "cli/pipeline.h"
#include "cli/signals.h"
#include "io/file.h"
#include "io/outdir.h"
#include "output/results.h"
#include "output/text.h"

static const char help[] =
	"Usage: edtco run SCENARIO.csv [-o DIR] [-n TRIALS] [-s SEED] [-j N] "
	"[-q]\n"
	"                 [--strict] [--no-charts | -f FORMATS] [--dpi N] [--force]\n"
	"       edtco run --example NAME [OPTION]...\n"
	"Simulate a scenario and write its result tables into DIR, then "
	"print a summary.\n"
	"\n"
	"      --example NAME the installed example model NAME (ny-district, "
	"tiny)\n"
	"                     instead of SCENARIO.csv\n"
	"  -o, --output DIR   where to write (default: out/<scenario name>/)\n"
	"  -n, --trials N     number of trials (overrides the scenario's "
	"'trials')\n"
	"  -s, --seed S       random seed (overrides the scenario's 'seed')\n"
	"  -j, --threads N    threads to use (default: all online CPUs); the "
	"results\n"
	"                     are the same for every N\n"
	"  -q, --quiet        print nothing but errors (no warnings, no "
	"summary)\n"
	"      --strict       treat warnings as errors: exit 1, write "
	"nothing\n"
	"      --no-charts    write the result tables only, no exhibits\n"
	"  -f, --formats LIST exhibit formats, comma-separated: png, pdf, "
	"svg, report\n"
	"                     (report.pdf), all (the default)\n"
	"      --dpi N        resolution of the PNG exhibits (default 300)\n"
	"      --force        overwrite files in DIR that edtco did not write "
	"(or that\n"
	"                     were changed since) whose names a result needs\n"
	"  -h, --help         show this help\n"
	"\n"
	"Files written: summary.csv years.csv compare.csv budget.csv "
	"distribution.csv\nhistogram.csv categories.csv inputs.csv "
	"sensitivity.csv findings.txt findings.csv\nprovenance.csv (see "
	"edtco-results(5)).\n"
	"Then the exhibits: charts as PNG, PDF and SVG, and the packet "
	"report.pdf\n(see 'edtco chart --help').\n"
	"Also manifest.csv: each file edtco wrote, with its size and SHA-256. "
	"A rerun\nreplaces or removes only the files listed there unchanged; "
	"other files in DIR\nare kept.  DIR holds the complete old results "
	"or the complete new ones, never\na mix.  Nothing is written when the "
	"input has an error.\n"
	"\nExit status: 0 success, 1 invalid input, 2 wrong usage, 3 a file "
	"could not be\nread or written, 130/143/129 stopped by INT/TERM/HUP "
	"(DIR left as it was).\n"
	"\nManual: man edtco; input files: man 5 edtco-scenario, man 5 "
	"edtco-costs.\n";

struct run_opts {
	const char *scenario;
	char *example; /* --example: the path found, owned */
	const char *outdir;
	struct cli_sim_opts sim; /* -n, -s, -j */
	int quiet;
	int strict; /* --strict: warnings are errors */
	int no_charts;
	int force;
	struct chart_opts charts;
};

static int parse(int argc, char **argv, struct run_opts *o)
{
	enum { OPT_NO_CHARTS = 256, OPT_DPI, OPT_STRICT, OPT_FORCE,
	       OPT_EXAMPLE };
	const char *example = NULL;
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"trials", required_argument, NULL, 'n'},
		{"seed", required_argument, NULL, 's'},
		{"threads", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"no-charts", no_argument, NULL, OPT_NO_CHARTS},
		{"formats", required_argument, NULL, 'f'},
		{"dpi", required_argument, NULL, OPT_DPI},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"force", no_argument, NULL, OPT_FORCE},
		{"example", required_argument, NULL, OPT_EXAMPLE},
		{NULL, 0, NULL, 0}};
	memset(o, 0, sizeof(*o));
	cli_sim_opts_init(&o->sim);
	chart_opts_default(&o->charts);
	args_reset();
	int c;
	while ((c = args_next("run", argc, argv, "o:n:s:j:qhf:", longopts)) !=
	       -1) {
		switch (c) {
		case 'o':
			o->outdir = optarg;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case OPT_NO_CHARTS:
			o->no_charts = 1;
			break;
		case OPT_STRICT:
			o->strict = 1;
			break;
		case OPT_FORCE:
			o->force = 1;
			break;
		case OPT_EXAMPLE:
			example = optarg;
			break;
		case 'f':
			if (cli_parse_formats("run", optarg,
					      &o->charts.formats))
				return EXIT_USAGE;
			break;
		case OPT_DPI:
			if (cli_parse_dpi("run", optarg, &o->charts.dpi))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(help, stdout);
			return -1;
		default:
			if (cli_sim_option("run", c, optarg, &o->sim) > 0)
				break;
			return EXIT_USAGE;
		}
	}
	if (example && optind < argc)
		return cli_usage_error("run", "unexpected argument '%s' "
				       "(--example names the scenario)",
				       argv[optind]);
	if (!example && optind >= argc)
		return cli_usage_error("run", "missing SCENARIO.csv");
	if (argc - optind > 1)
		return cli_usage_error("run", "unexpected argument '%s'",
				       argv[optind + 1]);
	if (o->outdir && !*o->outdir)
		return cli_usage_error("run", "empty output folder name");
	if (example) {
		o->example = cli_find_example("run", example);
		if (!o->example)
			return EXIT_USAGE;
		o->scenario = o->example;
	} else {
		o->scenario = argv[optind];
	}
	cli_diag_mode(o->quiet, o->strict);
	if (!o->no_charts && cli_chart_env(&o->charts) != 0)
		return EXIT_USAGE;
	return EXIT_OK;
}

/* The command that reproduces the results: the options that change them,
 * and none of those that cannot (-j, -q, -o). */
static char *canonical_command(const struct run_opts *o)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "edtco run %s", o->scenario);
	cli_sim_opts_command(&o->sim, &b);
	return strbuf_take(&b);
}

/* Opens dir for the run: no input of the run may be replaced, and no file
 * of the user's may be in the way of a result (checked before
 * simulating).  Returns EXIT_OK, or EXIT_IO with the message printed. */
static int open_output(const struct run_opts *o, const struct model *m,
		       const char *dir, struct outdir *od)
{
	struct strbuf err = STRBUF_INIT;
	if (outdir_open(od, dir, o->force ? OUTDIR_FORCE : 0, &err) != 0) {
		int rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
		strbuf_free(&err);
		return rc;
	}
	for (size_t i = 0; i < m->nfiles; i++)
		outdir_protect(od, m->files[i].path);
	struct pipeline_names names = {0};
	pipeline_output_names(m, "", o->no_charts ? 0 : o->charts.formats,
			      &names);
	strbuf_free(&err);
	return pipeline_check_names(od, &names);
}

static int simulate_and_write(const struct run_opts *o, struct model *m,
			      const char *dir)
{
	struct outdir od;
	int rc = open_output(o, m, dir, &od);
	if (rc != EXIT_OK)
		return rc;
	struct strbuf err = STRBUF_INIT;
	char *command = canonical_command(o);
	struct pipeline p;
	pipeline_init(&p, m, o->sim.threads, command);
	if (!o->no_charts) {
		p.charts = o->charts;
		p.charts.threads = o->sim.threads;
	}
	rc = pipeline_simulate(&p, &err);
	if (rc == EXIT_OK && !cli_cancelled())
		rc = pipeline_write(&p, &od, "", &err);
	if (cli_cancelled()) {
		outdir_abort(&od);
		rc = cli_cancel_exit(dir);
	} else if (rc != EXIT_OK) {
		outdir_abort(&od);
		if (p.diags.n)
			cli_print_diags(&p.diags);
		else
			cli_fail(rc, "%s", strbuf_str(&err));
	} else if (outdir_commit(&od, &err) != 0) {
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
	} else if (!o->quiet) {
		struct strbuf text = STRBUF_INIT;
		text_summary(m, &p.sum, &text);
		cli_printf(stdout, "%s\nResults written to %s/\n", strbuf_str(&text), dir);
		strbuf_free(&text);
	}
	pipeline_free(&p);
	free(command);
	strbuf_free(&err);
	return rc;
}

static int run_main(int argc, char **argv)
{
	struct run_opts o;
	int rc = parse(argc, argv, &o);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc != EXIT_OK)
		return rc;
	struct model m;
	rc = cli_load_model(o.scenario, &o.sim, &m);
	if (rc != EXIT_OK) {
		free(o.example);
		return rc;
	}
	cli_catch_signals();
	char *dir;
	if (o.outdir) {
		dir = file_folder_name(o.outdir);
	} else {
		char *stem = file_stem(o.scenario);
		struct strbuf b = STRBUF_INIT;
		strbuf_printf(&b, "out/%s", stem);
		dir = strbuf_take(&b);
		free(stem);
	}
	rc = simulate_and_write(&o, &m, dir);
	free(dir);
	free(o.example);
	model_free(&m);
	return rc;
}

const struct cli_command cli_run_command = {
	"run", "simulate a scenario and write its results", help, run_main};
