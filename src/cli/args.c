/* getopt_long with edtco's error messages (see args.h). */
#include "cli/args.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "util/suggest.h"

void args_reset(void)
{
	optind = 0; /* glibc: reinitialise completely */
	opterr = 0;
}

/* The long option nearest to arg ("--trails", "--no-chart=x"), without
 * its dashes, or NULL. */
static const char *near_option(const char *arg, const struct option *longopts)
{
	char word[64];
	const char *a = arg + strspn(arg, "-");
	snprintf(word, sizeof(word), "%.*s", (int)strcspn(a, "="), a);
	const char *names[64];
	size_t n = 0;
	for (const struct option *o = longopts; o->name && n < 64; o++)
		names[n++] = o->name;
	return suggest_nearest(word, names, n);
}

int args_next(const char *cmd, int argc, char **argv, const char *shortopts,
	      const struct option *longopts)
{
	char opts[64];
	snprintf(opts, sizeof(opts), ":%s", shortopts);
	int c = getopt_long(argc, argv, opts, longopts, NULL);
	if (c == '?') {
		if (optopt) {
			cli_usage_error(cmd, "unknown option '-%c'", optopt);
		} else {
			const char *arg = argv[optind - 1];
			const char *near = near_option(arg, longopts);
			if (near)
				cli_usage_error(cmd,
						"unknown option '%s': did you "
						"mean '--%s'?",
						arg, near);
			else
				cli_usage_error(cmd, "unknown option '%s'",
						arg);
		}
	} else if (c == ':') {
		cli_usage_error(cmd, "option '%s' needs a value",
				argv[optind - 1]);
	}
	return c;
}
