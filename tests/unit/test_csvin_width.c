/* Rows wider than the header: one error per row, the row marked too_wide
 * (its shifted cells are not checked), trailing empty fields tolerated
 * when most rows have them, the split number found; and files separated
 * by ';' or tabs. */
#include "helpers.h"

#include "io/csvin.h"

static void parse(const char *text, struct csvin_table *t, struct diags *d)
{
	struct file_data f;
	memset(&f, 0, sizeof(f));
	f.path = strdup("t.csv");
	f.len = strlen(text);
	f.bytes = malloc(f.len + 1);
	memcpy(f.bytes, text, f.len + 1);
	assert_int_equal(csvin_parse(&f, t, d), 0);
}

static void test_width_boundary(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	/* Header 3; rows of 3, 3 and 4 (an empty fourth field): the most
	 * common width is 3, so the row of 4 is one too many. */
	parse("a,b,c\n1,2,3\n4,5,6\n7,8,9,\n", &t, &d);
	assert_int_equal(csvin_check_widths(&t, &d), 1);
	assert_false(t.rows[0].too_wide);
	assert_false(t.rows[1].too_wide);
	assert_true(t.rows[2].too_wide);
	assert_int_equal(d.v[0].line, 4);
	assert_int_equal(d.v[0].col, 4);
	assert_non_null(strstr(d.v[0].msg, "this row has 4 fields but the "
					   "header has 3: a cell seems to "
					   "contain an unquoted comma; quote "
					   "it"));
	csvin_free(&t);
	diags_free(&d);
}

static void test_trailing_empty_fields_of_most_rows(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	/* Every row one empty field wider than the header: an export's
	 * habit, not an error; a row two wider still is. */
	parse("a,b\n1,2,\n3,4,\n5,6,,\n", &t, &d);
	assert_int_equal(csvin_check_widths(&t, &d), 1);
	assert_false(t.rows[0].too_wide);
	assert_true(t.rows[2].too_wide);
	csvin_free(&t);
	diags_free(&d);
}

static void test_text_beyond_header_always_counts(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	parse("a,b\n1,2,x\n3,4,y\n", &t, &d);
	assert_int_equal(csvin_check_widths(&t, &d), 2);
	assert_int_equal(d.v[0].col, 3);
	csvin_free(&t);
	diags_free(&d);
}

static void test_split_number_located(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	parse("item,low,likely,high,source\n"
	      "a,1,15,000,20000,note\n"
	      "b,$1,250,000.50,2,3,x\n",
	      &t, &d);
	assert_int_equal(csvin_check_widths(&t, &d), 2);
	assert_int_equal(d.v[0].col, 3);
	assert_non_null(strstr(d.v[0].msg, "(\"15,000\")"));
	assert_int_equal(d.v[1].col, 2);
	assert_non_null(strstr(d.v[1].msg, "(\"$1,250,000.50\")"));
	csvin_free(&t);
	diags_free(&d);
}

static void test_separators(void **state)
{
	(void)state;
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	parse("a;b;c\n1;2;3\n", &t, &d);
	assert_int_equal(csvin_check_separator(&t, &d), 1);
	assert_non_null(strstr(d.v[0].msg, "';'"));
	csvin_free(&t);
	diags_free(&d);
	parse("a\tb\n1\t2\n", &t, &d);
	assert_int_equal(csvin_check_separator(&t, &d), 1);
	assert_non_null(strstr(d.v[0].msg, "tabs"));
	csvin_free(&t);
	diags_free(&d);
	/* One column with no ';' is a one-column file; two columns with a
	 * ';' inside one is a cell holding a ';'. */
	parse("a\n1\n", &t, &d);
	assert_int_equal(csvin_check_separator(&t, &d), 0);
	csvin_free(&t);
	parse("a,b;c\n1,2\n", &t, &d);
	assert_int_equal(csvin_check_separator(&t, &d), 0);
	assert_int_equal(d.n, 0);
	csvin_free(&t);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_boundary),
		cmocka_unit_test(test_trailing_empty_fields_of_most_rows),
		cmocka_unit_test(test_text_beyond_header_always_counts),
		cmocka_unit_test(test_split_number_located),
		cmocka_unit_test(test_separators),
	};
	return cmocka_run_group_tests_name("csvin_width", tests, NULL, NULL);
}
