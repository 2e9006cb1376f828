/* Shared helpers of the cmocka unit tests. */
#ifndef EDTCO_TESTS_HELPERS_H
#define EDTCO_TESTS_HELPERS_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* cmocka 1.1.5's assert_float_equal casts to float: this compares doubles
 * within a relative tolerance (absolute near zero) and prints both values
 * to 17 digits on failure. */
#define assert_double_near(got, want, rel)                                    \
	do {                                                                  \
		double g_ = (got), w_ = (want), r_ = (rel);                   \
		double tol_ = r_ * (fabs(w_) > 1 ? fabs(w_) : 1);             \
		if (!(fabs(g_ - w_) <= tol_))                                 \
			fail_msg("%s = %.17g, want %.17g (tolerance %.3g)",   \
				 #got, g_, w_, tol_);                          \
	} while (0)

/* Absolute tolerance. */
#define assert_double_within(got, want, tol)                                  \
	do {                                                                  \
		double g_ = (got), w_ = (want), t_ = (tol);                   \
		if (!(fabs(g_ - w_) <= t_))                                   \
			fail_msg("%s = %.17g, want %.17g +- %.3g", #got, g_,  \
				 w_, t_);                                      \
	} while (0)

/* A fresh temporary folder for a test; removed by rm -rf at the end. */
static inline char *test_tmpdir(void)
{
	char tmpl[] = "/tmp/edtco-test-XXXXXX";
	char *d = mkdtemp(tmpl);
	if (!d)
		fail_msg("mkdtemp failed");
	return strdup(d);
}

static inline void test_rmdir(const char *dir)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fail_msg("cannot remove %s", dir);
}

/* Writes text to dir/name; returns the path (caller frees). */
static inline char *test_write(const char *dir, const char *name,
			       const char *text)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	snprintf(path, n, "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	if (!fp)
		fail_msg("cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
	return path;
}

#endif
