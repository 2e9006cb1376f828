/* The sweep reader and the check of every case against the batch
 * fixture's scenario (tests/fixtures/batch): the input is the sweep
 * file. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/source.h"
#include "model/sweep.h"

static struct model_source src;

void fuzz_init(void)
{
	struct diags d = DIAGS_INIT;
	if (model_source_load(SOURCE_ROOT "/tests/fixtures/batch/scenario.csv",
			      &src, &d) != 0)
		abort();
	diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_dir();
	fuzz_write(dir, "sweep.csv", data, size);
	char path[512];
	snprintf(path, sizeof(path), "%s/sweep.csv", dir);
	struct sweep sw;
	struct diags d = DIAGS_INIT;
	if (sweep_load(path, &src, &sw, &d) == 0 && sw.ncases <= 64)
		sweep_check(&src, &sw, &d);
	fuzz_format_diags(&d);
	sweep_free(&sw);
	diags_free(&d);
	return 0;
}
