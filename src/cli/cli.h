/* The command line: subcommands, options, exit status, and every byte
 * edtco prints.  No other layer writes to stdout or stderr. */
#ifndef EDTCO_CLI_CLI_H
#define EDTCO_CLI_CLI_H

/* Exit status (SPEC 9). */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1, /* invalid input: diagnostics were printed */
	EXIT_USAGE = 2, /* wrong command-line usage */
	EXIT_IO = 3     /* a file could not be read or written */
};

int cli_main(int argc, char **argv);

#endif
