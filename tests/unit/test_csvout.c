/* CSV writing: quoting, numbers never guarded, text guarded against
 * spreadsheet formulas and read back whole. */
#include "helpers.h"

#include "io/csvin.h"
#include "io/csvout.h"

static char *one_cell(void (*put)(struct csvout *, const char *),
		      const char *s)
{
	struct csvout w = CSVOUT_INIT;
	put(&w, s);
	csvout_end_row(&w);
	char *out = strdup(strbuf_str(&w.text));
	csvout_free(&w);
	return out;
}

static void test_formula_text_guarded(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0\r\n"},
		{"+1", "'+1\r\n"},
		{"-BOCES", "'-BOCES\r\n"},
		{"-12.5", "'-12.5\r\n"}, /* text, even when it looks numeric */
		{"@SUM(A1)", "'@SUM(A1)\r\n"},
		{"\tTab", "'\tTab\r\n"},
		{"\rCR", "\"'\rCR\"\r\n"},
		{"=a,b", "\"'=a,b\"\r\n"},
		{"'=x", "''=x\r\n"},
		{"''-x", "'''-x\r\n"},
		/* untouched */
		{"Cloud portal", "Cloud portal\r\n"},
		{"a=b", "a=b\r\n"},
		{"'plain", "'plain\r\n"},
		{"", "\r\n"},
		{" =x", "\" =x\"\r\n"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = one_cell(csvout_text, cases[i][0]);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

static void test_numbers_never_guarded(void **state)
{
	(void)state;
	struct csvout w = CSVOUT_INIT;
	csvout_number(&w, -12.5);
	csvout_cents(&w, -3400.5);
	csvout_int(&w, -7);
	csvout_number(&w, -0.02);
	csvout_end_row(&w);
	assert_string_equal(strbuf_str(&w.text), "-12.5,-3400.50,-7,-0.02\r\n");
	csvout_free(&w);
}

/* What csvout_text writes, csvin reads and csv_unguard gives back. */
static void test_unguard_round_trip(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"=cmd|' /C calc'!A0", "+1",  "-BOCES", "@x", "\tTab",
		"\rCR",               "'=x", "''-x",   "'plain", "''",
		"'",                  "plain", "-", "=", "a,b"};
	size_t n = sizeof(texts) / sizeof(texts[0]);
	struct csvout w = CSVOUT_INIT;
	csvout_text(&w, "text");
	csvout_end_row(&w);
	for (size_t i = 0; i < n; i++) {
		csvout_text(&w, texts[i]);
		csvout_end_row(&w);
	}
	char path[] = "/tmp/edtco-csvout-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, w.text.s, w.text.len), (ssize_t)w.text.len);
	close(fd);
	csvout_free(&w);
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	assert_int_equal(csvin_load(path, &t, &d), 0);
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(t.nrows, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(csv_unguard(csvin_text(&t.rows[i], 0)),
				    texts[i]);
	csvin_free(&t);
	diags_free(&d);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formula_text_guarded),
		cmocka_unit_test(test_numbers_never_guarded),
		cmocka_unit_test(test_unguard_round_trip),
	};
	return cmocka_run_group_tests_name("csvout", tests, NULL, NULL);
}
