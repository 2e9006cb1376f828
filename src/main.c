/* edtco: the multi-year cost of a student-data service, with its
 * uncertainty.  See README.md; the command line is in src/cli/. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
