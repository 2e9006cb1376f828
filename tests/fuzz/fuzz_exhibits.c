/* `edtco chart` drawing the exhibits of a result folder (PNG at 30 dpi,
 * the cheapest format): the chart fixture (tests/charts/fixture) with one
 * file replaced by the input after its first byte, which picks the file.
 * fuzz_chart covers the reader alone, many times faster; this one the
 * layout and drawing of whatever the reader accepts.  The command runs
 * in-process (cli_main), writing into a folder removed after each input;
 * what it prints is thrown away unless EDTCO_FUZZ_VERBOSE is set. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "io/file.h"

static const char *const names[] = {
	"summary.csv",   "compare.csv",    "years.csv",   "categories.csv",
	"histogram.csv", "distribution.csv", "inputs.csv", "provenance.csv",
	"findings.csv",  "sensitivity.csv",
};
#define NFILES (sizeof(names) / sizeof(names[0]))
static struct file_data orig[NFILES];
static char res[600], out[600];

void fuzz_init(void)
{
	const char *dir = fuzz_dir();
	snprintf(res, sizeof(res), "%s/res", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	if (mkdir_p(res))
		abort();
	for (size_t i = 0; i < NFILES; i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/tests/charts/fixture/%s",
			 SOURCE_ROOT, names[i]);
		if (file_read(path, &orig[i]) != 0)
			abort();
		fuzz_write(res, names[i], orig[i].bytes, orig[i].len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t k = data[0] % NFILES;
	fuzz_write(res, names[k], data + 1, size - 1);
	static char a0[] = "edtco", a1[] = "chart", a2[] = "-q", a3[] = "-o",
		    a5[] = "-f", a6[] = "png", a7[] = "--dpi", a8[] = "30";
	char *argv[] = {a0, a1, a2, a3, out, a5, a6, a7, a8, res, NULL};
	fuzz_quiet(1);
	cli_main(10, argv);
	fuzz_quiet(0);
	fuzz_rmtree(out);
	fuzz_write(res, names[k], orig[k].bytes, orig[k].len);
	return 0;
}
