/* edtco check: validate a scenario without simulating it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/example.h"
#include "output/text.h"

static const char help[] =
	"Usage: edtco check SCENARIO.csv [--strict]\n"
	"       edtco check --example NAME [--strict]\n"
	"Validate a scenario and its cost files without simulating.  Prints "
	"a one-line\ndescription of the model, or every problem found as "
	"FILE:LINE:COLUMN: error: ...\n"
	"\n      --strict        treat warnings as errors (exit 1)\n"
	"      --example NAME  the installed example model NAME instead of "
	"SCENARIO.csv\n"
	"  -h, --help          show this help\n"
	"\nExit status: 0 valid, 1 invalid input, 2 wrong usage, 3 the "
	"scenario cannot\nbe read.\n"
	"\nManual: man edtco; input files: man 5 edtco-scenario, man 5 "
	"edtco-costs.\n";

static int check_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"strict", no_argument, NULL, 'S'},
		{"example", required_argument, NULL, 'E'},
		{NULL, 0, NULL, 0}};
	args_reset();
	int c, strict = 0;
	const char *example = NULL;
	while ((c = args_next("check", argc, argv, "h", longopts)) != -1) {
		if (c == 'h') {
			fputs(help, stdout);
			return EXIT_OK;
		}
		if (c == 'S') {
			strict = 1;
			continue;
		}
		if (c == 'E') {
			example = optarg;
			continue;
		}
		return EXIT_USAGE;
	}
	cli_diag_mode(0, strict);
	if (example && optind < argc)
		return cli_usage_error("check", "unexpected argument '%s' "
				       "(--example names the scenario)",
				       argv[optind]);
	if (!example && optind >= argc)
		return cli_usage_error("check", "missing SCENARIO.csv");
	if (argc - optind > 1)
		return cli_usage_error("check", "unexpected argument '%s'",
				       argv[optind + 1]);
	char *found = NULL;
	if (example && !(found = cli_find_example("check", example)))
		return EXIT_USAGE;
	const char *path = found ? found : argv[optind];
	struct model m;
	int rc = cli_load_model(path, NULL, &m);
	if (rc == EXIT_OK) {
		struct strbuf out = STRBUF_INIT;
		text_describe(&m, path, &out);
		cli_printf(stdout, "%s\n", strbuf_str(&out));
		strbuf_free(&out);
		model_free(&m);
	}
	free(found);
	return rc;
}

const struct cli_command cli_check_command = {
	"check", "validate a scenario and its cost files", help, check_main};
