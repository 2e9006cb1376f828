/* edtco check: validate a scenario without simulating it. */
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "output/text.h"

static const char help[] =
	"Usage: edtco check SCENARIO.csv [--strict]\n"
	"Validate a scenario and its cost files without simulating.  Prints "
	"a one-line\ndescription of the model, or every problem found as "
	"FILE:LINE:COLUMN: error: ...\n"
	"\n      --strict  treat warnings as errors (exit 1)\n"
	"  -h, --help    show this help\n"
	"\nExit status: 0 valid, 1 invalid input, 2 wrong usage, 3 the "
	"scenario cannot\nbe read.\n";

static int check_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"strict", no_argument, NULL, 'S'},
		{NULL, 0, NULL, 0}};
	args_reset();
	int c, strict = 0;
	while ((c = args_next("check", argc, argv, "h", longopts)) != -1) {
		if (c == 'h') {
			fputs(help, stdout);
			return EXIT_OK;
		}
		if (c == 'S') {
			strict = 1;
			continue;
		}
		return EXIT_USAGE;
	}
	cli_diag_mode(0, strict);
	if (optind >= argc)
		return cli_usage_error("check", "missing SCENARIO.csv");
	if (argc - optind > 1)
		return cli_usage_error("check", "unexpected argument '%s'",
				       argv[optind + 1]);
	const char *path = argv[optind];
	struct model m;
	int rc = cli_load_model(path, NULL, &m);
	if (rc != EXIT_OK)
		return rc;
	struct strbuf out = STRBUF_INIT;
	text_describe(&m, path, &out);
	cli_printf(stdout, "%s\n", strbuf_str(&out));
	strbuf_free(&out);
	model_free(&m);
	return EXIT_OK;
}

const struct cli_command cli_check_command = {
	"check", "validate a scenario and its cost files", help, check_main};
