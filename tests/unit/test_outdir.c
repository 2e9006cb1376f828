/* Output folders appear whole or not at all. */
#include "helpers.h"

#include <sys/stat.h>
#include <unistd.h>

#include "io/file.h"
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

/* Writes each name of names (contents: the name itself) into dir with
 * flags and commits.  Returns the status of the first failing step. */
static int run_into(const char *dir, unsigned flags,
		    const char *const *names, struct strbuf *err)
{
	struct outdir od;
	int e = outdir_open(&od, dir, flags, err);
	if (e)
		return e;
	for (size_t i = 0; names[i] && !e; i++)
		e = outdir_write(&od, names[i], names[i], strlen(names[i]),
				 err);
	if (e) {
		outdir_abort(&od);
		return e;
	}
	return outdir_commit(&od, err);
}

static char *slurp(const char *dir, const char *name)
{
	struct strbuf p = STRBUF_INIT, s = STRBUF_INIT;
	strbuf_printf(&p, "%s/%s", dir, name);
	FILE *fp = fopen(strbuf_str(&p), "rb");
	strbuf_free(&p);
	if (!fp)
		return NULL;
	int c;
	while ((c = fgetc(fp)) != EOF)
		strbuf_putc(&s, (char)c);
	fclose(fp);
	return strbuf_take(&s);
}

static void test_manifest_lists_files_sorted_with_size_and_hash(void **state)
{
	(void)state;
	char *tmp = test_tmpdir();
	struct strbuf err = STRBUF_INIT, want = STRBUF_INIT;
	const char *const names[] = {"b.csv", "a/x.png", "a-b.svg", NULL};
	assert_int_equal(run_into(tmp, 0, names, &err), 0);
	/* a/ has its own manifest, listed in the top one */
	char *sub = slurp(tmp, "a/manifest.csv");
	char h[65], hs[65];
	file_sha256_hex("a/x.png", 7, h);
	strbuf_printf(&want, "file,bytes,sha256\r\nx.png,7,%s\r\n", h);
	assert_string_equal(sub, strbuf_str(&want));
	file_sha256_hex(sub, strlen(sub), hs);
	strbuf_reset(&want);
	strbuf_puts(&want, "file,bytes,sha256\r\n");
	file_sha256_hex("a-b.svg", 7, h);
	strbuf_printf(&want, "a-b.svg,7,%s\r\n", h);
	strbuf_printf(&want, "a/manifest.csv,%zu,%s\r\n", strlen(sub), hs);
	file_sha256_hex("a/x.png", 7, h);
	strbuf_printf(&want, "a/x.png,7,%s\r\n", h);
	file_sha256_hex("b.csv", 5, h);
	strbuf_printf(&want, "b.csv,5,%s\r\n", h);
	char *top = slurp(tmp, "manifest.csv");
	assert_string_equal(top, strbuf_str(&want));
	free(top);
	free(sub);
	strbuf_free(&want);
	strbuf_free(&err);
	test_rmdir(tmp);
	free(tmp);
}

static void test_user_file_in_the_way_needs_force(void **state)
{
	(void)state;
	char *tmp = test_tmpdir();
	struct strbuf err = STRBUF_INIT;
	free(test_write(tmp, "x.csv", "mine"));
	const char *const names[] = {"x.csv", NULL};
	/* no manifest: a file of that name stops the run, before the work
	 * (outdir_check) and at the commit */
	struct outdir od;
	assert_int_equal(outdir_open(&od, tmp, 0, &err), 0);
	assert_int_not_equal(outdir_check(&od, names, &err), 0);
	assert_non_null(strstr(strbuf_str(&err), "no manifest.csv"));
	outdir_abort(&od);
	strbuf_reset(&err);
	assert_int_not_equal(run_into(tmp, 0, names, &err), 0);
	char *c = slurp(tmp, "x.csv");
	assert_string_equal(c, "mine");
	free(c);
	assert_false(exists(tmp, "manifest.csv"));
	assert_int_equal(entries(tmp), 1); /* no staging left beside */
	/* --force */
	assert_int_equal(run_into(tmp, OUTDIR_FORCE, names, &err), 0);
	c = slurp(tmp, "x.csv");
	assert_string_equal(c, "x.csv");
	free(c);
	/* now edtco's: a rerun replaces it without --force; edited, it is
	 * the user's again */
	assert_int_equal(run_into(tmp, 0, names, &err), 0);
	free(test_write(tmp, "x.csv", "x.csv!"));
	strbuf_reset(&err);
	assert_int_not_equal(run_into(tmp, 0, names, &err), 0);
	assert_non_null(strstr(strbuf_str(&err), "changed since"));
	strbuf_free(&err);
	test_rmdir(tmp);
	free(tmp);
}

static void test_keep_mode_and_changed_files(void **state)
{
	(void)state;
	char *tmp = test_tmpdir();
	struct strbuf err = STRBUF_INIT;
	const char *const first[] = {"a.csv", "b.png", "c.pdf", NULL};
	assert_int_equal(run_into(tmp, 0, first, &err), 0);
	/* KEEP (edtco chart): b.png redone, a.csv and c.pdf stay listed */
	const char *const png[] = {"b.png", NULL};
	assert_int_equal(run_into(tmp, OUTDIR_KEEP, png, &err), 0);
	char *m = slurp(tmp, "manifest.csv");
	assert_non_null(strstr(m, "\r\na.csv,5,"));
	assert_non_null(strstr(m, "\r\nc.pdf,5,"));
	free(m);
	assert_int_equal(outdir_verify(tmp, first, &err), -1);
	/* an edited file: outdir_verify names it; a replacing run keeps it
	 * (it is the user's now) and removes edtco's c.pdf */
	free(test_write(tmp, "a.csv", "edited"));
	assert_int_equal(outdir_verify(tmp, first, &err), 0);
	assert_int_equal(run_into(tmp, 0, png, &err), 0);
	assert_true(exists(tmp, "a.csv"));
	assert_false(exists(tmp, "c.pdf"));
	m = slurp(tmp, "manifest.csv");
	assert_null(strstr(m, "a.csv"));
	free(m);
	strbuf_free(&err);
	test_rmdir(tmp);
	free(tmp);
}

static void test_inputs_links_and_read_only_folders(void **state)
{
	(void)state;
	char *tmp = test_tmpdir();
	struct strbuf err = STRBUF_INIT;
	const char *const names[] = {"x.csv", "sub/y.csv", NULL};
	assert_int_equal(run_into(tmp, 0, names, &err), 0);
	/* an input of the run that the rerun would replace */
	char *x = test_write(tmp, "in.csv", "input");
	struct outdir od;
	assert_int_equal(outdir_open(&od, tmp, OUTDIR_FORCE, &err), 0);
	outdir_protect(&od, x);
	char path[1024];
	snprintf(path, sizeof(path), "%s/x.csv", tmp);
	unlink(path);
	assert_int_equal(link(x, path), 0);
	assert_int_not_equal(outdir_check(&od, names, &err), 0);
	assert_non_null(strstr(strbuf_str(&err), "input file"));
	outdir_abort(&od);
	unlink(path);
	/* a link where a result goes: an error even with force */
	assert_int_equal(symlink("in.csv", path), 0);
	strbuf_reset(&err);
	assert_int_not_equal(run_into(tmp, OUTDIR_FORCE, names, &err), 0);
	assert_non_null(strstr(strbuf_str(&err), "symbolic link"));
	unlink(path);
	/* a read-only folder of the user's is kept with its files and mode */
	snprintf(path, sizeof(path), "%s/ro", tmp);
	assert_int_equal(mkdir(path, 0755), 0);
	free(test_write(path, "f.txt", "mine"));
	assert_int_equal(chmod(path, 0555), 0);
	assert_int_equal(run_into(tmp, 0, names, &err), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0555);
	assert_true(exists(tmp, "ro/f.txt"));
	chmod(path, 0755);
	free(x);
	strbuf_free(&err);
	test_rmdir(tmp);
	free(tmp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_creates_whole_folder),
		cmocka_unit_test(test_abort_leaves_existing_folder_untouched),
		cmocka_unit_test(test_unwritable_targets),
		cmocka_unit_test(test_manifest_lists_files_sorted_with_size_and_hash),
		cmocka_unit_test(test_user_file_in_the_way_needs_force),
		cmocka_unit_test(test_keep_mode_and_changed_files),
		cmocka_unit_test(test_inputs_links_and_read_only_folders),
	};
	return cmocka_run_group_tests_name("outdir", tests, NULL, NULL);
}
