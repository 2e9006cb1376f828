/* Fault injection for the output-folder tests: an LD_PRELOAD library that
 * makes the N-th call of the file-changing functions edtco uses fail.
 *
 *   EDTCO_FAULT_AT=N        the N-th counted call (1-based) fails: EIO
 *                           (ENOSPC for writes), as a full or broken disk
 *   EDTCO_FAULT_COUNT=FILE  at exit, write the number of counted calls
 *   EDTCO_FAULT_NO_EXCHANGE=1  renameat2 with RENAME_EXCHANGE fails with
 *                           EINVAL (not counted), as on a file system
 *                           without it, to test the fallback
 *
 * Counted: write, fwrite, fclose, fsync, fdatasync, rename, renameat,
 * renameat2, mkdir, mkdirat, mkdtemp, link, linkat.  stdio writes inside
 * glibc (fclose's flush) do not pass through write(), hence fwrite and
 * fclose.  fsync is not passed on (no durability is needed here, and
 * the loops stay fast).  Built by the Makefile (build/faultinject.so); test use only. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static atomic_long calls;
static long fail_at = -1;

__attribute__((constructor)) static void setup(void)
{
	const char *s = getenv("EDTCO_FAULT_AT");
	if (s && *s)
		fail_at = strtol(s, NULL, 10);
}

__attribute__((destructor)) static void report(void)
{
	const char *path = getenv("EDTCO_FAULT_COUNT");
	if (!path || !*path)
		return;
	FILE *fp = fopen(path, "w");
	if (fp) {
		fprintf(fp, "%ld\n", atomic_load(&calls));
		fclose(fp);
	}
}

/* Whether this call is the one to fail. */
static int fail_now(void)
{
	return atomic_fetch_add(&calls, 1) + 1 == fail_at;
}

#define REAL(name) \
	static __typeof__(name) *real; \
	if (!real) \
		real = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (fd > 2 && fail_now()) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
	REAL(fwrite);
	if (fp != stdout && fp != stderr && fail_now()) {
		fp->_flags |= 0x20; /* _IO_ERR_SEEN: ferror() sees it */
		errno = ENOSPC;
		return 0;
	}
	return real(p, size, n, fp);
}

int fclose(FILE *fp)
{
	REAL(fclose);
	int fail = fp != stdout && fp != stderr && fail_now();
	int r = real(fp);
	if (fail) {
		errno = ENOSPC;
		return EOF;
	}
	return r;
}

#define FAIL_INT(call) \
	do { \
		if (fail_now()) { \
			errno = EIO; \
			return -1; \
		} \
		return call; \
	} while (0)

/* fsync and fdatasync only count (the tests need no durability, and a
 * real flush per file would make the loops slow). */
int fsync(int fd)
{
	(void)fd;
	FAIL_INT(0);
}

int fdatasync(int fd)
{
	(void)fd;
	FAIL_INT(0);
}

int rename(const char *a, const char *b)
{
	REAL(rename);
	FAIL_INT(real(a, b));
}

int renameat(int fa, const char *a, int fb, const char *b)
{
	REAL(renameat);
	FAIL_INT(real(fa, a, fb, b));
}

int renameat2(int fa, const char *a, int fb, const char *b, unsigned flags)
{
	REAL(renameat2);
	const char *no = getenv("EDTCO_FAULT_NO_EXCHANGE");
	if (no && *no == '1' && (flags & RENAME_EXCHANGE)) {
		errno = EINVAL;
		return -1;
	}
	FAIL_INT(real(fa, a, fb, b, flags));
}

int mkdir(const char *p, mode_t m)
{
	REAL(mkdir);
	FAIL_INT(real(p, m));
}

int mkdirat(int fd, const char *p, mode_t m)
{
	REAL(mkdirat);
	FAIL_INT(real(fd, p, m));
}

char *mkdtemp(char *tmpl)
{
	REAL(mkdtemp);
	if (fail_now()) {
		errno = EIO;
		return NULL;
	}
	return real(tmpl);
}

int link(const char *a, const char *b)
{
	REAL(link);
	FAIL_INT(real(a, b));
}

int linkat(int fa, const char *a, int fb, const char *b, int flags)
{
	REAL(linkat);
	FAIL_INT(real(fa, a, fb, b, flags));
}
