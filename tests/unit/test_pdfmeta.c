/* The incremental update that adds a tagged PDF's language and figure
 * text alternatives: PDF text strings, the objects found through the
 * cross-reference table, the update's table and trailer, and the files
 * left alone. */
#include "helpers.h"

#include "chart/pdfmeta.h"
#include "util/strbuf.h"

static void check_string(const char *in, const char *want)
{
	struct strbuf b = STRBUF_INIT;
	pdfmeta_text_string(&b, in);
	assert_string_equal(strbuf_str(&b), want);
	strbuf_free(&b);
}

static void test_text_strings(void **state)
{
	(void)state;
	check_string("en-US", "(en-US)");
	check_string("a (b) \\ c", "(a \\(b\\) \\\\ c)");
	check_string("", "()");
	/* U+2212 MINUS SIGN, "$5": UTF-16BE with a byte-order mark. */
	check_string("\xE2\x88\x92$5", "<FEFF221200240035>");
	/* Outside the BMP: a surrogate pair. */
	check_string("\xF0\x9F\x98\x80", "<FEFFD83DDE00>");
	/* Invalid bytes: U+FFFD each. */
	check_string("\xFF" "a", "<FEFFFFFD0061>");
	check_string("\xC3", "<FEFFFFFD>");
	/* A tab is not printable ASCII. */
	check_string("a\tb", "<FEFF006100090062>");
}

/* Writes a small PDF like cairo 1.16's: a catalog (1), a page tree (2),
 * two Figure elements (3, 5) and a paragraph (4), a classic
 * cross-reference table and a trailer.  Returns the path. */
static char *tiny_pdf(const char *dir)
{
	static const char *const obj[] = {
		"<< /Type /Catalog\n   /Pages 2 0 R\n   /MarkInfo << /Marked "
		"true >>\n>>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
		"<< /Type /StructElem\n   /S /Figure\n   /P 4 0 R\n   /K 0\n>>",
		"<< /Type /StructElem\n   /S /P\n   /T (a /S /Figure (x))\n>>",
		"<< /Type /StructElem\n   /S /Figure\n   /K 1\n>>"};
	struct strbuf b = STRBUF_INIT;
	long off[6];
	strbuf_puts(&b, "%PDF-1.5\n");
	for (int i = 0; i < 5; i++) {
		off[i + 1] = (long)b.len;
		strbuf_printf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, obj[i]);
	}
	long x = (long)b.len;
	strbuf_puts(&b, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		strbuf_printf(&b, "%010ld 00000 n \n", off[i]);
	strbuf_printf(&b, "trailer\n<< /Size 6\n   /Root 1 0 R\n>>\n"
			  "startxref\n%ld\n%%%%EOF\n",
		      x);
	char *path = test_write(dir, "t.pdf", strbuf_str(&b));
	strbuf_free(&b);
	return path;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *buf = malloc(1 << 16);
	*n = fread(buf, 1, (1 << 16) - 1, fp);
	buf[*n] = '\0';
	fclose(fp);
	return buf;
}

static void test_update(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	char *path = tiny_pdf(dir);
	size_t n0, n;
	char *before = slurp(path, &n0);
	struct strbuf err = STRBUF_INIT;
	const char *alts[] = {"First \xE2\x88\x92 one", "Second (two)"};
	assert_int_equal(pdfmeta_add(path, "en-US", alts, 2, "t.pdf", &err),
			 0);
	char *after = slurp(path, &n);
	/* Cairo's bytes unchanged, the update after them. */
	assert_true(n > n0);
	assert_memory_equal(before, after, n0);
	const char *up = after + n0;
	assert_non_null(strstr(up, "1 0 obj\n<< /Lang (en-US) /Type /Catalog"));
	assert_non_null(strstr(up, "3 0 obj\n<< /Alt <FEFF"
				   "00460069007200730074002022120020006F006E"
				   "0065> /Type /StructElem\n   /S /Figure"));
	assert_non_null(strstr(up, "5 0 obj\n<< /Alt (Second \\(two\\)) "));
	/* The paragraph (whose title only mentions /S /Figure) is not a
	 * figure and is not rewritten. */
	assert_null(strstr(up, "4 0 obj"));
	/* The table lists the three new objects at their offsets, and the
	 * trailer points back at cairo's table. */
	const char *o1 = strstr(up, "1 0 obj"), *o3 = strstr(up, "3 0 obj"),
		   *o5 = strstr(up, "5 0 obj");
	char want[200];
	snprintf(want, sizeof(want),
		 "xref\n1 1\n%010ld 00000 n \n3 1\n%010ld 00000 n \n5 1\n"
		 "%010ld 00000 n \ntrailer\n",
		 (long)(o1 - after), (long)(o3 - after), (long)(o5 - after));
	const char *xr = strstr(up, "xref\n");
	assert_non_null(xr);
	assert_memory_equal(xr, want, strlen(want));
	assert_non_null(strstr(xr, "/Root 1 0 R"));
	const char *prev = strstr(xr, "/Prev ");
	assert_non_null(prev);
	assert_int_equal(strtol(prev + 6, NULL, 10),
			 (long)(strstr(after, "xref\n") - after));
	snprintf(want, sizeof(want), "startxref\n%ld\n%%%%EOF\n",
		 (long)(xr - after));
	assert_string_equal(strstr(xr, "startxref"), want);
	free(after);

	/* Run again: already updated (a /Prev), left alone. */
	assert_int_equal(pdfmeta_add(path, "en-US", alts, 2, "t.pdf", &err),
			 0);
	size_t n2;
	char *again = slurp(path, &n2);
	assert_int_equal(n2, n);
	free(again);
	free(before);
	free(path);
	strbuf_free(&err);
	test_rmdir(dir);
	free(dir);
}

static void test_wrong_count_and_other_layouts(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	char *path = tiny_pdf(dir);
	struct strbuf err = STRBUF_INIT;
	const char *alts[] = {"only one"};
	assert_int_equal(pdfmeta_add(path, "en-US", alts, 1, "t.pdf", &err),
			 -1);
	assert_string_equal(strbuf_str(&err),
			    "cannot add the text alternatives to 't.pdf': 2 "
			    "figures, 1 alternatives");
	free(path);
	/* A cross-reference stream (no classic table): left as it is. */
	path = test_write(dir, "s.pdf",
			  "%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nendobj\n"
			  "startxref\n9\n%%EOF\n");
	size_t n0, n;
	free(slurp(path, &n0));
	strbuf_reset(&err);
	assert_int_equal(pdfmeta_add(path, "en-US", alts, 1, "s.pdf", &err),
			 0);
	free(slurp(path, &n));
	assert_int_equal(n, n0);
	free(path);
	/* Not there at all. */
	assert_int_equal(pdfmeta_add("/nonexistent/x.pdf", "en-US", NULL, 0,
				     "x.pdf", &err),
			 -1);
	strbuf_free(&err);
	test_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_strings),
		cmocka_unit_test(test_update),
		cmocka_unit_test(test_wrong_count_and_other_layouts),
	};
	return cmocka_run_group_tests_name("pdfmeta", tests, NULL, NULL);
}
