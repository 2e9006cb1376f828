/* Helpers shared by the subcommands (internal to cli/). */
#ifndef EDTCO_CLI_COMMON_H
#define EDTCO_CLI_COMMON_H

#include <stdint.h>

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

/* "edtco: MESSAGE" on stderr, then "Try 'edtco CMD --help'."; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "edtco: MESSAGE" on stderr; returns code. */
int cli_fail(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints diagnostics (errors capped at DIAG_MAX_ERRORS) to stderr. */
void cli_print_diags(struct diags *d);

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

/* The number of online CPUs (at least 1). */
int cli_default_threads(void);

/* Loads a model, printing its diagnostics.  Returns EXIT_OK, EXIT_INPUT or
 * EXIT_IO. */
int cli_load_model(const char *path, struct model *m);

#endif
