/* `edtco merge` of two shards (tests/fuzz/base/merge, a batch of the
 * fixture in tests/fixtures/batch run as --shard 1/2 and 2/2), one of
 * whose files is replaced by the input after its first byte, which picks
 * the file.  The command runs in-process (cli_main), writing into a
 * folder that is removed after each input; what it prints is thrown away
 * unless EDTCO_FUZZ_VERBOSE is set. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/file.h"

static const char *const names[] = {"s1/batch.csv", "s1/provenance.csv",
				    "s2/batch.csv", "s2/provenance.csv"};
#define NFILES (sizeof(names) / sizeof(names[0]))
static struct file_data orig[NFILES];
static char s1[600], s2[600], out[600];

void fuzz_init(void)
{
	const char *dir = fuzz_dir();
	snprintf(s1, sizeof(s1), "%s/s1", dir);
	snprintf(s2, sizeof(s2), "%s/s2", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	if (mkdir_p(s1) || mkdir_p(s2))
		abort();
	for (size_t i = 0; i < NFILES; i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/tests/fuzz/base/merge/%s",
			 SOURCE_ROOT, names[i]);
		if (file_read(path, &orig[i]) != 0)
			abort();
		fuzz_write(dir, names[i], orig[i].bytes, orig[i].len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t k = data[0] % NFILES;
	const char *dir = fuzz_dir();
	fuzz_write(dir, names[k], data + 1, size - 1);
	static char a0[] = "edtco", a1[] = "merge", a2[] = "-q", a3[] = "-o";
	char *argv[] = {a0, a1, a2, a3, out, s1, s2, NULL};
	fuzz_quiet(1);
	cli_main(7, argv);
	fuzz_quiet(0);
	fuzz_rmtree(out);
	fuzz_write(dir, names[k], orig[k].bytes, orig[k].len);
	return 0;
}
