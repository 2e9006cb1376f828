/* The CSV reader: what users write is accepted (BOM, CRLF, blank lines,
 * comments, quoted commas and line ends), every cell keeps its line, and
 * syntax errors are reported at the right line and field. */
#include "helpers.h"

#include "io/csvin.h"

static size_t parse_n(const char *text, size_t len, struct csvin_table *t,
		      struct diags *d)
{
	struct file_data f;
	memset(&f, 0, sizeof(f));
	f.path = strdup("t.csv");
	f.bytes = malloc(len + 1);
	memcpy(f.bytes, text, len);
	f.bytes[len] = '\0';
	f.len = len;
	return csvin_parse(&f, t, d);
}

static size_t parse(const char *text, struct csvin_table *t,
		    struct diags *d)
{
	return parse_n(text, strlen(text), t, d);
}

static void test_bom_crlf_blank_comments(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	const char *text = "\xEF\xBB\xBFname,value\r\n"
			   "\r\n"
			   "# a comment, with a comma\r\n"
			   "a,1\r\n"
			   ",,\r\n"
			   "  b  , \"2,5\"\r\n";
	assert_int_equal(parse(text, &t, &d), 0);
	assert_int_equal(t.header.n, 2);
	assert_string_equal(t.header.cells[0].text, "name"); /* no BOM */
	assert_int_equal(t.header.line, 1);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(t.rows[0].cells[0].text, "a");
	assert_int_equal(t.rows[0].line, 4);
	assert_string_equal(t.rows[1].cells[0].text, "b"); /* trimmed */
	assert_string_equal(t.rows[1].cells[1].text, "2,5");
	assert_int_equal(t.rows[1].line, 6);
	assert_int_equal(csvin_column(&t, "VALUE"), 1);
	assert_int_equal(csvin_column(&t, "nope"), -1);
	assert_string_equal(csvin_text(&t.rows[0], 5), "");
	csvin_free(&t);
	diags_free(&d);
}

static void test_quoted_line_end_keeps_start_line(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	const char *text = "a,b,c\n1,\"two\nlines\",3\n4,5,6\n";
	assert_int_equal(parse(text, &t, &d), 0);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(t.rows[0].cells[1].text, "two\nlines");
	assert_int_equal(t.rows[0].cells[1].line, 2);
	assert_int_equal(t.rows[0].cells[2].line, 3);
	assert_int_equal(t.rows[1].line, 4);
	/* an empty last field on a line belongs to that line */
	csvin_free(&t);
	assert_int_equal(parse("a,b\n1,\n2,x", &t, &d), 0);
	assert_int_equal(t.rows[0].cells[1].line, 2);
	assert_string_equal(t.rows[0].cells[1].text, "");
	assert_int_equal(t.rows[1].cells[1].line, 3);
	csvin_free(&t);
	diags_free(&d);
}

static void expect_error_n(const char *text, size_t len, unsigned line,
			   unsigned col, const char *fragment)
{
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	assert_int_equal(parse_n(text, len, &t, &d), 1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, line);
	assert_int_equal(d.v[0].col, col);
	assert_non_null(strstr(d.v[0].msg, fragment));
	csvin_free(&t);
	diags_free(&d);
}

static void expect_error(const char *text, unsigned line, unsigned col,
			 const char *fragment)
{
	expect_error_n(text, strlen(text), line, col, fragment);
}

static void test_syntax_errors_have_positions(void **state)
{
	(void)state;
	expect_error("a,b,c\n1,2,3\n4,5x\"y,6\n", 3, 2, "stray");
	expect_error("a,b\n1,\"open\n2,3\n", 2, 2, "never closed");
	expect_error("a,b\n1,2\n\n3,\"x\"y\n", 4, 2, "stray");
	expect_error_n("a,b\n1,2\0,3\n", 11, 2, 2, "NUL");
}

static void test_empty_file(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	assert_int_equal(parse("", &t, &d), 0);
	assert_int_equal(t.header.n, 0);
	assert_int_equal(t.nrows, 0);
	csvin_free(&t);
	assert_int_equal(parse("\xEF\xBB\xBF\r\n# only a comment\n", &t, &d), 0);
	assert_int_equal(t.header.n, 0);
	csvin_free(&t);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_crlf_blank_comments),
		cmocka_unit_test(test_quoted_line_end_keeps_start_line),
		cmocka_unit_test(test_syntax_errors_have_positions),
		cmocka_unit_test(test_empty_file),
	};
	return cmocka_run_group_tests_name("csvin", tests, NULL, NULL);
}
