/* Helpers shared by the harnesses (see fuzz.h). */
#define _XOPEN_SOURCE 700 /* nftw */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/strbuf.h"
#include "util/term.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

static char fuzz_folder[64];

static void remove_dir(void)
{
	fuzz_rmtree(fuzz_folder);
}

const char *fuzz_dir(void)
{
	if (!fuzz_folder[0]) {
		const char *shm = access("/dev/shm", W_OK) == 0 ? "/dev/shm"
								: "/tmp";
		snprintf(fuzz_folder, sizeof(fuzz_folder),
			 "%s/edtco-fuzz-XXXXXX", shm);
		if (!mkdtemp(fuzz_folder))
			abort();
		atexit(remove_dir);
	}
	return fuzz_folder;
}

void fuzz_write(const char *dir, const char *name, const void *data,
		size_t size)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	if (!fp || (size && fwrite(data, 1, size, fp) != size) ||
	    fclose(fp) != 0)
		abort();
}

void fuzz_format_diags(struct diags *d)
{
	diags_sort(d);
	struct strbuf line = STRBUF_INIT, shown = STRBUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		strbuf_reset(&line);
		diag_format(&d->v[i], &line);
		term_visible(&shown, line.s ? line.s : "", line.len);
	}
	strbuf_free(&line);
	strbuf_free(&shown);
}

int mkdir_p(const char *path)
{
	char p[512];
	snprintf(p, sizeof(p), "%s", path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0777);
		*s = '/';
	}
	return mkdir(p, 0777) == 0 || access(p, W_OK) == 0 ? 0 : -1;
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void fuzz_rmtree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

void fuzz_quiet(int on)
{
	static int saved1 = -1, saved2 = -1;
	fflush(stdout);
	fflush(stderr);
	if (on && saved1 < 0 && !getenv("EDTCO_FUZZ_VERBOSE")) {
		int null = open("/dev/null", O_WRONLY);
		saved1 = dup(1);
		saved2 = dup(2);
		dup2(null, 1);
		dup2(null, 2);
		close(null);
	} else if (!on && saved1 >= 0) {
		dup2(saved1, 1);
		dup2(saved2, 2);
		close(saved1);
		close(saved2);
		saved1 = saved2 = -1;
	}
}
