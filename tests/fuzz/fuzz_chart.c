/* The reader of a result folder for `edtco chart`: a valid folder (the
 * chart fixture, tests/charts/fixture) with one file replaced by the
 * input after its first byte, which picks the file. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "chart/data.h"
#include "io/file.h"

static const char *const names[] = {
	"summary.csv",   "compare.csv",    "years.csv",   "categories.csv",
	"histogram.csv", "distribution.csv", "inputs.csv", "provenance.csv",
	"findings.csv",  "sensitivity.csv",
};
#define NFILES (sizeof(names) / sizeof(names[0]))
static struct file_data orig[NFILES];

void fuzz_init(void)
{
	for (size_t i = 0; i < NFILES; i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/tests/charts/fixture/%s",
			 SOURCE_ROOT, names[i]);
		if (file_read(path, &orig[i]) != 0)
			abort();
		fuzz_write(fuzz_dir(), names[i], orig[i].bytes, orig[i].len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t k = data[0] % NFILES;
	const char *dir = fuzz_dir();
	fuzz_write(dir, names[k], data + 1, size - 1);
	struct chart_data cd;
	struct diags d = DIAGS_INIT;
	if (chart_data_load(&cd, dir, &d) == CHART_OK)
		chart_data_free(&cd);
	fuzz_format_diags(&d);
	diags_free(&d);
	fuzz_write(dir, names[k], orig[k].bytes, orig[k].len);
	return 0;
}
