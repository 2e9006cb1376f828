/* Subcommand dispatch, --help, --version, and the shared helpers of the
 * command line (see cli.h and common.h). */
#include "cli/cli.h"

#include <errno.h>
#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/common.h"
#include "model/number.h"
#include "util/suggest.h"
#include "util/term.h"

static const struct cli_command *const commands[] = {
	&cli_run_command,
	&cli_check_command,
	&cli_chart_command,
	&cli_batch_command,
	&cli_merge_command,
	NULL,
};

static void print_help(void)
{
	printf("Usage: edtco COMMAND [OPTION]... [ARG]...\n"
	       "What a student-data service will cost over the years, and how "
	       "sure anyone\ncan be of it: Monte Carlo cost comparisons of a "
	       "cloud portal, BOCES shared\nservices and in-house operation.\n"
	       "\nCommands:\n");
	for (const struct cli_command *const *c = commands; *c; c++)
		printf("  %-8s %s\n", (*c)->name, (*c)->summary);
	printf("\nOptions:\n"
	       "  -h, --help     show this help (or 'edtco COMMAND --help')\n"
	       "  -V, --version  show the version\n"
	       "\nExit status: 0 success, 1 invalid input, 2 wrong usage, "
	       "3 a file could not be\nread or written.\n"
	       "Example: edtco run models/ny-district.csv (or: edtco run --example "
	       "ny-district)\n"
	       "Manual: man edtco; the files: man 5 edtco-scenario, edtco-costs, "
	       "edtco-results.\n");
}

void cli_puts(FILE *fp, const char *s)
{
	struct strbuf b = STRBUF_INIT;
	term_visible(&b, s, strlen(s));
	fwrite(b.s ? b.s : "", 1, b.len, fp);
	strbuf_free(&b);
}

static void vprint(FILE *fp, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void vprint(FILE *fp, const char *fmt, va_list ap)
{
	struct strbuf t = STRBUF_INIT;
	strbuf_vprintf(&t, fmt, ap);
	cli_puts(fp, strbuf_str(&t));
	strbuf_free(&t);
}

void cli_printf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint(fp, fmt, ap);
	va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("edtco: ", stderr);
	va_start(ap, fmt);
	vprint(stderr, fmt, ap);
	va_end(ap);
	if (cmd)
		cli_printf(stderr, "\nTry 'edtco %s --help'.\n", cmd);
	else
		fputs("\nTry 'edtco --help'.\n", stderr);
	return EXIT_USAGE;
}

int cli_fail(int code, const char *fmt, ...)
{
	va_list ap;
	fputs("edtco: ", stderr);
	va_start(ap, fmt);
	vprint(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

/* -q and --strict, for every diagnostic printed (see cli_diag_mode). */
static struct {
	int quiet, strict;
} diag_mode;

void cli_diag_mode(int quiet, int strict)
{
	diag_mode.quiet = quiet;
	diag_mode.strict = strict;
}

void cli_print_diags(struct diags *d)
{
	if (diag_mode.strict)
		diags_promote_warnings(d);
	diags_sort(d);
	size_t errors = 0;
	struct strbuf line = STRBUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (g->level == DIAG_WARNING && diag_mode.quiet)
			continue;
		if (g->level == DIAG_ERROR && ++errors > DIAG_MAX_ERRORS)
			continue;
		strbuf_reset(&line);
		diag_format(g, &line);
		/* one line each: a newline in a quoted name stays visible */
		char *one = term_one_line(strbuf_str(&line));
		cli_printf(stderr, "%s\n", one);
		free(one);
	}
	if (errors > DIAG_MAX_ERRORS)
		fprintf(stderr,
			"edtco: %zu errors in all; only the first %d are "
			"shown\n",
			errors, DIAG_MAX_ERRORS);
	strbuf_free(&line);
}

int cli_parse_trials(const char *cmd, const char *s, long *out)
{
	double v;
	const char *why;
	if (number_parse(s, NUM_INTEGER, &v, &why) != 0 || v < 1 ||
	    v > 10000000) {
		cli_usage_error(cmd,
				"invalid number of trials '%s' (a whole number "
				"from 1 to 10,000,000)",
				s);
		return -1;
	}
	*out = (long)v;
	return 0;
}

int cli_parse_seed(const char *cmd, const char *s, uint64_t *out)
{
	const char *why;
	if (number_parse_u64(s, out, &why) != 0) {
		cli_usage_error(cmd, "invalid seed '%s': %s", s, why);
		return -1;
	}
	return 0;
}

int cli_parse_threads(const char *cmd, const char *s, int *out)
{
	double v;
	const char *why;
	if (number_parse(s, NUM_INTEGER, &v, &why) != 0 || v < 1 || v > 1024) {
		cli_usage_error(cmd,
				"invalid number of threads '%s' (a whole "
				"number from 1 to 1024)",
				s);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int cli_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

void cli_sim_opts_init(struct cli_sim_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->threads = cli_default_threads();
}

int cli_sim_option(const char *cmd, int c, const char *arg,
		   struct cli_sim_opts *o)
{
	switch (c) {
	case 'n':
		if (cli_parse_trials(cmd, arg, &o->trials))
			return -1;
		o->trials_arg = arg;
		return 1;
	case 's':
		if (cli_parse_seed(cmd, arg, &o->seed))
			return -1;
		o->seed_arg = arg;
		return 1;
	case 'j':
		return cli_parse_threads(cmd, arg, &o->threads) ? -1 : 1;
	default:
		return 0;
	}
}

void cli_sim_opts_apply(const struct cli_sim_opts *o, struct model *m)
{
	if (o->trials_arg)
		m->trials = o->trials;
	if (o->seed_arg)
		m->seed = o->seed;
}

void cli_sim_opts_command(const struct cli_sim_opts *o, struct strbuf *b)
{
	if (o->trials_arg)
		strbuf_printf(b, " -n %ld", o->trials);
	if (o->seed_arg)
		strbuf_printf(b, " -s %llu", (unsigned long long)o->seed);
}

void cli_warn_trials(const struct model *m, const struct cli_sim_opts *o,
		     struct diags *d)
{
	if (m->trials >= CLI_RELIABLE_TRIALS)
		return;
	struct loc at = {NULL, 0, 0};
	struct strbuf how = STRBUF_INIT;
	if (o->trials_arg) {
		strbuf_printf(&how, "-n %s: ", o->trials_arg);
	} else {
		at.file = m->files[0].path;
		at.line = m->trials_line;
		at.col = m->trials_col;
	}
	diags_add(d, DIAG_WARNING, at,
		  "%s%ld trial%s too few for margins of error (the ± of the "
		  "chances): the findings give none; use 1,000 or more",
		  strbuf_str(&how), m->trials,
		  m->trials == 1 ? " is" : "s are");
	strbuf_free(&how);
}

int cli_load_model(const char *path, const struct cli_sim_opts *sim,
		   struct model *m)
{
	struct diags d = DIAGS_INIT;
	int rc = model_load(path, m, &d);
	if (rc == 0 && sim) {
		cli_sim_opts_apply(sim, m);
		cli_warn_trials(m, sim, &d);
	}
	cli_print_diags(&d);
	if (rc == 0 && d.nerrors) { /* --strict */
		model_free(m);
		rc = 1;
	}
	diags_free(&d);
	return rc == 0 ? EXIT_OK : rc == 3 ? EXIT_IO : EXIT_INPUT;
}

/* Flushes stdout and reports a failure to write it (a full disk, a closed
 * pipe's EIO, /dev/full): exit status 3 unless the command already
 * failed. */
static int finish_stdout(int rc)
{
	errno = 0;
	int flushed = fflush(stdout) == 0;
	int e = errno;
	if (flushed && !ferror(stdout))
		return rc;
	if (e)
		fprintf(stderr, "edtco: cannot write to standard output: %s\n",
			strerror(e));
	else
		fputs("edtco: cannot write to standard output\n", stderr);
	return rc == EXIT_OK ? EXIT_IO : rc;
}

static int dispatch(int argc, char **argv);

int cli_main(int argc, char **argv)
{
	/* Output to a file or a pipe is kept whole until the end (up to 1
	 * MiB), so that a failure to write it happens in finish_stdout's
	 * fflush, where its errno can be read: a failed write inside printf
	 * leaves only the error flag. */
	static char outbuf[1 << 20];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	return finish_stdout(dispatch(argc, argv));
}

static int dispatch(int argc, char **argv)
{
	/* GSL's default handler aborts; every GSL status is checked instead. */
	gsl_set_error_handler_off();
	if (argc < 2)
		return cli_usage_error(NULL, "missing command (run, check, "
					     "chart, batch, merge)");
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		print_help();
		return EXIT_OK;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("edtco %s\n", EDTCO_VERSION);
		return EXIT_OK;
	}
	for (const struct cli_command *const *c = commands; *c; c++)
		if (strcmp((*c)->name, cmd) == 0)
			return (*c)->run(argc - 1, argv + 1);
	if (cmd[0] == '-')
		return cli_usage_error(NULL, "unknown option '%s'", cmd);
	const char *names[8];
	size_t n = 0;
	for (const struct cli_command *const *c = commands; *c && n < 8; c++)
		names[n++] = (*c)->name;
	const char *near = suggest_nearest(cmd, names, n);
	if (near)
		return cli_usage_error(NULL,
				       "unknown command '%s': did you mean "
				       "'%s'?",
				       cmd, near);
	return cli_usage_error(NULL, "unknown command '%s'", cmd);
}
