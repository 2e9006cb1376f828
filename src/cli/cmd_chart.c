/* edtco chart: redraw the exhibits of a result folder from its CSV files;
 * and the chart options shared with `run` (-f, --dpi, SOURCE_DATE_EPOCH). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chart/chart.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "io/file.h"
#include "cli/pipeline.h"
#include "cli/signals.h"
#include "model/number.h"
#include "util/mem.h"

static const char help[] =
	"Usage: edtco chart DIR [-o OUTDIR] [-f FORMATS] [--dpi N] [-j N] "
	"[-q] [--force]\n"
	"Redraw the exhibits of a result folder written by 'edtco run' from "
	"its CSV\nfiles, without simulating again.\n"
	"\n"
	"  -o, --output DIR     where to write the exhibits (default: DIR "
	"itself)\n"
	"  -f, --formats LIST   comma-separated: png, pdf, svg, report "
	"(report.pdf),\n"
	"                       all (the default)\n"
	"      --dpi N          resolution of the PNG files (default 300; 30 "
	"to 1200)\n"
	"  -j, --threads N      files drawn at once (default: all online "
	"CPUs); the files\n"
	"                       are the same for every N\n"
	"  -q, --quiet          print nothing but errors\n"
	"      --force          overwrite files edtco did not write (or that "
	"were changed\n"
	"                       since) whose names an exhibit needs\n"
	"  -h, --help           show this help\n"
	"\n"
	"Files written: fan, scurve, budget (with budget.csv), tornado-OPTION "
	"(with\nsensitivity.csv), histogram-OPTION, histogram-public-OPTION "
	"(when the public's\ncost can differ), breakdown and per-student, "
	"each as .png, .pdf and .svg;\nreport.pdf, the exhibit packet.  "
	"The exhibits drawn are added or replaced; every\nother file stays, "
	"and manifest.csv lists them with the files edtco wrote\nbefore.  "
	"A result file changed since edtco wrote it (manifest.csv) is an "
	"error.\nPDF creation dates come from SOURCE_DATE_EPOCH when it is "
	"set, and are otherwise\nthe newest modification time of the run's "
	"input files, so the same inputs always\ngive the same bytes.  "
	"Nothing is written when a file has an error.\n"
	"\nExit status: 0 success, 1 invalid input, 2 wrong usage, 3 a file "
	"could not be\nread or written, 130/143/129 stopped by INT/TERM/HUP\n"
	"(OUTDIR left as it was).\n"
	"\nManual: man edtco; the files read: man 5 edtco-results.\n";

int cli_parse_formats(const char *cmd, const char *s, unsigned *out)
{
	const char *bad;
	if (chart_parse_formats(s, out, &bad) != 0) {
		cli_usage_error(cmd,
				"invalid format list '%s' (use png, pdf, svg, "
				"report or all, separated by commas)",
				s);
		return -1;
	}
	return 0;
}

int cli_parse_dpi(const char *cmd, const char *s, int *out)
{
	double v;
	const char *why;
	if (number_parse(s, NUM_INTEGER, &v, &why) != 0 || v < CHART_MIN_DPI ||
	    v > CHART_MAX_DPI) {
		cli_usage_error(cmd,
				"invalid resolution '%s' (a whole number of "
				"dots per inch from %d to %d)",
				s, CHART_MIN_DPI, CHART_MAX_DPI);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int cli_chart_env(struct chart_opts *o)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		errno = 0;
		long long v = strtoll(e, &end, 10);
		if (*end || errno || v < 0 || e[0] == '+' || e[0] == ' ') {
			cli_fail(EXIT_USAGE,
				 "SOURCE_DATE_EPOCH must be a whole number of "
				 "seconds since 1970, not '%s'",
				 e);
			return -1;
		}
		o->date = v;
	}
	const char *f = getenv("EDTCO_FONT_DIR");
	if (f && *f)
		o->font_dir = f;
	return 0;
}

struct chart_cmd {
	const char *dir, *out;
	struct chart_opts o;
	int quiet;
	int force;
};

static int parse(int argc, char **argv, struct chart_cmd *c)
{
	enum { OPT_DPI = 256, OPT_FORCE };
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"formats", required_argument, NULL, 'f'},
		{"dpi", required_argument, NULL, OPT_DPI},
		{"quiet", no_argument, NULL, 'q'},
		{"threads", required_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{"force", no_argument, NULL, OPT_FORCE},
		{NULL, 0, NULL, 0}};
	memset(c, 0, sizeof(*c));
	chart_opts_default(&c->o);
	c->o.threads = cli_default_threads();
	args_reset();
	int ch;
	while ((ch = args_next("chart", argc, argv, "o:f:j:qh", longopts)) !=
	       -1) {
		switch (ch) {
		case 'o':
			c->out = optarg;
			break;
		case 'f':
			if (cli_parse_formats("chart", optarg, &c->o.formats))
				return EXIT_USAGE;
			break;
		case OPT_DPI:
			if (cli_parse_dpi("chart", optarg, &c->o.dpi))
				return EXIT_USAGE;
			break;
		case 'q':
			c->quiet = 1;
			cli_diag_mode(1, 0);
			break;
		case OPT_FORCE:
			c->force = 1;
			break;
		case 'j':
			if (cli_parse_threads("chart", optarg, &c->o.threads))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(help, stdout);
			return -1;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage_error("chart", "missing DIR (a folder written "
						"by 'edtco run')");
	if (argc - optind > 1)
		return cli_usage_error("chart", "unexpected argument '%s'",
				       argv[optind + 1]);
	c->dir = argv[optind];
	if (!*c->dir || (c->out && !*c->out))
		return cli_usage_error("chart", "empty folder name");
	if (cli_chart_env(&c->o) != 0)
		return EXIT_USAGE;
	return EXIT_OK;
}

/* The result files read from dir are inputs: never replaced. */
static void protect_inputs(struct outdir *od, const char *dir)
{
	for (size_t i = 0; results_file_names[i]; i++) {
		struct strbuf p = STRBUF_INIT;
		strbuf_printf(&p, "%s/%s", dir, results_file_names[i]);
		outdir_protect(od, strbuf_str(&p));
		strbuf_free(&p);
	}
}

static int chart_main(int argc, char **argv)
{
	struct chart_cmd c;
	int rc = parse(argc, argv, &c);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc != EXIT_OK)
		return rc;
	char *dir = file_folder_name(c.dir);
	char *out = file_folder_name(c.out ? c.out : c.dir);
	struct stat st;
	int bad = stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0
								    : ENOTDIR;
	if (bad) {
		rc = cli_fail(EXIT_IO, "cannot read '%s': %s", dir,
			      bad == ENOTDIR ? "not a folder" : strerror(bad));
		free(dir);
		free(out);
		return rc;
	}
	struct strbuf err = STRBUF_INIT;
	struct outdir od;
	cli_catch_signals();
	int changed = outdir_verify(dir, results_file_names, &err);
	if (changed >= 0) {
		struct diags d = DIAGS_INIT;
		struct strbuf path = STRBUF_INIT;
		strbuf_printf(&path, "%s/%s", dir, results_file_names[changed]);
		diag_error(&d, (struct loc){strbuf_str(&path), 0, 0}, "%s",
			   strbuf_str(&err));
		cli_print_diags(&d);
		diags_free(&d);
		strbuf_free(&path);
		rc = EXIT_INPUT;
	} else if (outdir_open(&od, out,
			       OUTDIR_KEEP | (c.force ? OUTDIR_FORCE : 0),
			       &err) != 0) {
		rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
	} else {
		protect_inputs(&od, dir);
		struct diags d = DIAGS_INIT;
		rc = pipeline_charts(dir, &od, "", &c.o, &d, &err);
		cli_print_diags(&d);
		diags_free(&d);
		if (cli_cancelled()) {
			outdir_abort(&od);
			rc = cli_cancel_exit(out);
		} else if (rc != EXIT_OK) {
			outdir_abort(&od);
			if (err.len)
				cli_fail(rc, "%s", strbuf_str(&err));
		} else if (outdir_commit(&od, &err) != 0) {
			rc = cli_fail(EXIT_IO, "%s", strbuf_str(&err));
		} else if (!c.quiet) {
			cli_printf(stdout, "Exhibits of %s/ written to %s/\n", dir, out);
		}
	}
	strbuf_free(&err);
	free(dir);
	free(out);
	return rc;
}

const struct cli_command cli_chart_command = {
	"chart", "redraw the exhibits of a result folder", help, chart_main};
