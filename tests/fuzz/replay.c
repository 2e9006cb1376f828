/* Replays files through a harness's LLVMFuzzerTestOneInput with the
 * normal build: `replay FILE...` (make check runs it over the regression
 * corpus).  A file that crashed the harness once must now pass; a crash,
 * an assertion or a sanitizer report fails the run. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

static int replay(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return 1;
	}
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			unsigned char *b = realloc(buf, cap *= 2);
			if (!b)
				free(buf);
			buf = b;
		}
	}
	int bad = !buf || ferror(fp);
	fclose(fp);
	if (bad) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(buf);
		return 1;
	}
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	fuzz_init();
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= replay(argv[i]);
	return status;
}
