/* getopt_long with edtco's error messages (see args.h). */
#include "cli/args.h"

#include <stdio.h>

#include "cli/cli.h"
#include "cli/common.h"

void args_reset(void)
{
	optind = 0; /* glibc: reinitialise completely */
	opterr = 0;
}

int args_next(const char *cmd, int argc, char **argv, const char *shortopts,
	      const struct option *longopts)
{
	char opts[64];
	snprintf(opts, sizeof(opts), ":%s", shortopts);
	int c = getopt_long(argc, argv, opts, longopts, NULL);
	if (c == '?') {
		if (optopt)
			cli_usage_error(cmd, "unknown option '-%c'", optopt);
		else
			cli_usage_error(cmd, "unknown option '%s'",
					argv[optind - 1]);
	} else if (c == ':') {
		cli_usage_error(cmd, "option '%s' needs a value",
				argv[optind - 1]);
	}
	return c;
}
