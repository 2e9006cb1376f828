/* Option parsing shared by the subcommands (internal to cli/). */
#ifndef EDTCO_CLI_ARGS_H
#define EDTCO_CLI_ARGS_H

#include <getopt.h>

/* Runs getopt_long over argv with our conventions (errors reported by the
 * caller, options may follow operands).  Returns the option, '?' for an
 * unknown option (message printed, usage error), ':' for a missing value,
 * or -1 at the end. */
int args_next(const char *cmd, int argc, char **argv, const char *shortopts,
	      const struct option *longopts);

/* Resets getopt for a new parse. */
void args_reset(void);

#endif
