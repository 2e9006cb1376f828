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

/* Valid UTF-8 at each boundary of RFC 3629's table passes; one step past
 * each fails at the sequence's first byte. */
static void test_utf8_boundaries(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t bad; /* offset of the first bad byte; (size_t)-1: none */
	} cases[] = {
		{"plain ascii \x7F", (size_t)-1},
		{"\xC2\x80 \xDF\xBF", (size_t)-1},         /* U+0080, U+07FF */
		{"\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80", (size_t)-1},
		{"\xEF\xBF\xBF\xF0\x90\x80\x80", (size_t)-1},
		{"\xF4\x8F\xBF\xBF", (size_t)-1},          /* U+10FFFF */
		{"caf\xE9", 3},                  /* Latin-1 e acute */
		{"ab\xC0\xAF", 2},              /* overlong '/' */
		{"\xC1\xBF", 0},                /* overlong */
		{"x\xE0\x9F\xBF", 1},           /* overlong 3-byte */
		{"\xED\xA0\x80", 0},            /* surrogate U+D800 */
		{"\xF0\x8F\xBF\xBF", 0},        /* overlong 4-byte */
		{"\xF4\x90\x80\x80", 0},        /* U+110000 */
		{"\xF5\x80\x80\x80", 0},
		{"\x80", 0},                     /* lone continuation */
		{"a\xE2\x82", 1},               /* cut short at the end */
		{"\xE2\x82x", 0},               /* cut short by 'x' */
		{"\xF0\x9F\x98", 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(cases[i].s);
		size_t want = cases[i].bad == (size_t)-1 ? n : cases[i].bad;
		if (csvin_utf8_check(cases[i].s, n) != want)
			fail_msg("case %zu: %zu, want %zu", i,
				 csvin_utf8_check(cases[i].s, n), want);
	}
}

/* A cell that is not UTF-8 is reported at its line and field, by the
 * character where the bad byte stands; header cells too; a comment row
 * is not read. */
static void test_invalid_utf8_cells_located(void **state)
{
	(void)state;
	expect_error("a,b\n1,\"Caf\xE9\"\n", 2, 2,
		     "byte 0xE9 at character 4 of this cell");
	expect_error("a,b\n1,\"\xC3\xA9t\xC3\xA9\nl\xFF\"\n", 2, 2,
		     "byte 0xFF at character 6");
	expect_error("a,b\xC0\n1,2\n", 1, 2, "byte 0xC0 at character 2");
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	assert_int_equal(parse("a,b\n# \xFF\n1,\xE2\x88\x92\n", &t, &d), 0);
	assert_int_equal(t.nrows, 1);
	csvin_free(&t);
	assert_int_equal(parse("a,b\n\xFF,\xFE\n", &t, &d), 2);
	assert_int_equal(d.v[0].col, 1);
	assert_int_equal(d.v[1].col, 2);
	csvin_free(&t);
	diags_free(&d);
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
		cmocka_unit_test(test_utf8_boundaries),
		cmocka_unit_test(test_invalid_utf8_cells_located),
		cmocka_unit_test(test_empty_file),
	};
	return cmocka_run_group_tests_name("csvin", tests, NULL, NULL);
}
