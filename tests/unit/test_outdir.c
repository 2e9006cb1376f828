/* Output folders appear whole or not at all. */
#include "helpers.h"

#include <sys/stat.h>

#include "io/outdir.h"

static int exists(const char *dir, const char *name)
{
	struct strbuf p = STRBUF_INIT;
	struct stat st;
	strbuf_printf(&p, "%s/%s", dir, name);
	int found = stat(strbuf_str(&p), &st) == 0;
	strbuf_free(&p);
	return found;
}

static size_t entries(const char *dir)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
	FILE *fp = popen(cmd, "r");
	size_t n = 0;
	if (fscanf(fp, "%zu", &n) != 1)
		n = 999;
	pclose(fp);
	return n;
}

static void test_commit_creates_whole_folder(void **state)
{
	(void)state;
	char *tmp = test_tmpdir();
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/a/b/out", tmp);
	struct outdir od;
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(outdir_open(&od, dir, 0, &err), 0);
	assert_int_equal(outdir_write(&od, "x.csv", "1\n", 2, &err), 0);
	assert_int_equal(outdir_write(&od, "sub/y.csv", "2\n", 2, &err), 0);
	assert_false(exists(dir, "x.csv")); /* not before the commit */
	assert_int_equal(outdir_commit(&od, &err), 0);
	assert_true(exists(dir, "x.csv"));
	assert_true(exists(dir, "sub/y.csv"));
	char parent[1024];
	snprintf(parent, sizeof(parent), "%s/a/b", tmp);
	assert_int_equal(entries(parent), 1); /* no staging folder left */
	assert_true(exists(dir, "manifest.csv"));
	assert_true(exists(dir, "sub/manifest.csv"));
	strbuf_free(&err);
	test_rmdir(tmp);
	free(tmp);
}

static void test_abort_leaves_existing_folder_untouched(void **state)
{
	(void)state;
	char *tmp = test_tmpdir();
	free(test_write(tmp, "keep.txt", "mine"));
	struct outdir od;
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(outdir_open(&od, tmp, 0, &err), 0);
	assert_int_equal(outdir_write(&od, "summary.csv", "x", 1, &err), 0);
	outdir_abort(&od);
	assert_int_equal(entries(tmp), 1);
	/* a run writes its manifest; a rerun replaces its own files and
	 * removes those it does not write again, keeping other files */
	assert_int_equal(outdir_open(&od, tmp, 0, &err), 0);
	assert_int_equal(outdir_write(&od, "old-chart.png", "old", 3, &err),
			 0);
	assert_int_equal(outdir_commit(&od, &err), 0);
	assert_true(exists(tmp, "old-chart.png"));
	assert_true(exists(tmp, "manifest.csv"));
	assert_int_equal(outdir_open(&od, tmp, 0, &err), 0);
	assert_int_equal(outdir_write(&od, "summary.csv", "new", 3, &err), 0);
	assert_int_equal(outdir_commit(&od, &err), 0);
	assert_true(exists(tmp, "keep.txt"));
	assert_true(exists(tmp, "summary.csv"));
	assert_false(exists(tmp, "old-chart.png"));
	strbuf_free(&err);
	test_rmdir(tmp);
	free(tmp);
}

static void test_unwritable_targets(void **state)
{
	(void)state;
	char *tmp = test_tmpdir();
	char *file = test_write(tmp, "file", "");
	char dir[1024];
	struct outdir od;
	struct strbuf err = STRBUF_INIT;
	assert_int_not_equal(outdir_open(&od, file, 0, &err), 0);
	assert_non_null(strstr(strbuf_str(&err), "not a folder"));
	strbuf_reset(&err);
	snprintf(dir, sizeof(dir), "%s/out", file);
	assert_int_not_equal(outdir_open(&od, dir, 0, &err), 0);
	assert_non_null(strstr(strbuf_str(&err), "cannot create"));
	assert_int_equal(entries(tmp), 1);
	strbuf_free(&err);
	free(file);
	test_rmdir(tmp);
	free(tmp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_creates_whole_folder),
		cmocka_unit_test(test_abort_leaves_existing_folder_untouched),
		cmocka_unit_test(test_unwritable_targets),
	};
	return cmocka_run_group_tests_name("outdir", tests, NULL, NULL);
}
