/* Helpers shared by the subcommands (internal to cli/). */
#ifndef EDTCO_CLI_COMMON_H
#define EDTCO_CLI_COMMON_H

#include <stdint.h>
#include <stdio.h>

#include "model/model.h"
#include "util/diag.h"
#include "util/strbuf.h"

#ifndef EDTCO_VERSION
#define EDTCO_VERSION "0.0.0"
#endif

/* A subcommand: its name, one-line summary, usage text and entry point. */
struct cli_command {
	const char *name;
	const char *summary;
	const char *help; /* full --help text */
	int (*run)(int argc, char **argv);
};

extern const struct cli_command cli_run_command;
extern const struct cli_command cli_check_command;
extern const struct cli_command cli_batch_command;
extern const struct cli_command cli_merge_command;
extern const struct cli_command cli_chart_command;

/* Every byte edtco prints goes through these two: text from the user's
 * files and command line (titles, labels, cells quoted in errors, paths)
 * with its control characters written as visible escapes
 * (term_visible), so that it cannot drive the terminal. */
void cli_puts(FILE *fp, const char *s);
void cli_printf(FILE *fp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "edtco: MESSAGE" on stderr, then "Try 'edtco CMD --help'."; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "edtco: MESSAGE" on stderr; returns code. */
int cli_fail(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints diagnostics (errors capped at DIAG_MAX_ERRORS) to stderr.  Under
 * --strict the warnings first become errors (d->nerrors counts them, so
 * callers that test it stop); under -q the warnings left are not
 * printed. */
void cli_print_diags(struct diags *d);

/* Sets -q ("nothing but errors": no warnings) and --strict (warnings are
 * errors) for every later cli_print_diags of the command. */
void cli_diag_mode(int quiet, int strict);

/* Parses option values; on failure report a usage error and return -1. */
int cli_parse_trials(const char *cmd, const char *s, long *out);
int cli_parse_seed(const char *cmd, const char *s, uint64_t *out);
int cli_parse_threads(const char *cmd, const char *s, int *out);

/* Chart options of `run` and `chart` (cmd_chart.c): -f/--formats and
 * --dpi values (usage error and -1 on failure), and cli_chart_env, which
 * sets o->date from SOURCE_DATE_EPOCH and o->font_dir from EDTCO_FONT_DIR
 * (-1 after an error message when SOURCE_DATE_EPOCH is malformed). */
struct chart_opts;
int cli_parse_formats(const char *cmd, const char *s, unsigned *out);
int cli_parse_dpi(const char *cmd, const char *s, int *out);
int cli_chart_env(struct chart_opts *o);

/* -n, -s and -j: the options of the commands that simulate (run, batch). */
struct cli_sim_opts {
	const char *trials_arg, *seed_arg; /* as given, or NULL */
	long trials;
	uint64_t seed;
	int threads;
};

/* No -n or -s; -j every online CPU. */
void cli_sim_opts_init(struct cli_sim_opts *o);

/* Parses option c when it is -n, -s or -j.  Returns 1 when it was one of
 * them, 0 when it was not, -1 after reporting a usage error. */
int cli_sim_option(const char *cmd, int c, const char *arg,
		   struct cli_sim_opts *o);

/* Gives -n and -s, when given, to the model. */
void cli_sim_opts_apply(const struct cli_sim_opts *o, struct model *m);

/* Appends " -n N" and " -s S" when given: the options of a command line
 * that change results. */
void cli_sim_opts_command(const struct cli_sim_opts *o, struct strbuf *b);

/* The number of online CPUs (at least 1). */
int cli_default_threads(void);

/* The fewest trials whose Monte Carlo errors (the ± figures) are worth
 * printing without a warning. */
#define CLI_RELIABLE_TRIALS 1000

/* Adds a warning to d when m (with -n applied) has fewer than
 * CLI_RELIABLE_TRIALS trials: at the scenario's `trials` cell, or about -n
 * when o gave it. */
void cli_warn_trials(const struct model *m, const struct cli_sim_opts *o,
		     struct diags *d);

/* Loads a model, printing its diagnostics.  For a command that simulates
 * (sim not NULL), applies -n and -s and warns about too few trials.
 * Returns EXIT_OK, EXIT_INPUT (also when --strict made a warning an
 * error) or EXIT_IO. */
int cli_load_model(const char *path, const struct cli_sim_opts *sim,
		   struct model *m);

#endif
