/* The example models: `edtco run --example NAME` (internal to cli/). */
#ifndef EDTCO_CLI_EXAMPLE_H
#define EDTCO_CLI_EXAMPLE_H

/* Finds the example scenario NAME (models/NAME.csv) and returns its path
 * (malloc'd).  The folders searched, first match wins:
 *   $EDTCO_DATADIR/models            when EDTCO_DATADIR is set;
 *   <bin>/../share/edtco/models      an installation under any PREFIX
 *                                    (make install copies models/ and data/
 *                                    to PREFIX/share/edtco/);
 *   <bin>/../models, <bin>/../../models   a checkout: build/edtco (and
 *                                    build/sanitize/edtco) find models/;
 * where <bin> is the folder of the running program (/proc/self/exe, links
 * resolved).  The path returned is absolute, without '..'.  On failure
 * prints why (the names available, a "did you mean") and returns NULL: the
 * caller exits with EXIT_USAGE. */
char *cli_find_example(const char *cmd, const char *name);

#endif
