/* Number formatting: cents as a spreadsheet rounds them, grouping,
 * shortest exact text, nice steps. */
#include "helpers.h"

#include "util/numfmt.h"

static void test_cents_round_half_away_after_15_digits(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	/* 2000 * 0.995^2 * 3.5 = 6930.175 (stored as 6930.1750000000011). */
	assert_string_equal(numfmt_cents(2000 * 0.995 * 0.995 * 3.5, b),
			    "6930.18");
	/* 1.005 is stored as 1.00499999999999989...: read to 15 digits it
	 * is 1.005, which rounds half away from zero to 1.01. */
	assert_string_equal(numfmt_cents(1.005, b), "1.01");
	assert_string_equal(numfmt_cents(-1.005, b), "-1.01");
	assert_string_equal(numfmt_cents(0.004, b), "0.00");
	assert_string_equal(numfmt_cents(-0.004, b), "0.00");
	assert_string_equal(numfmt_cents(-0.0, b), "0.00");
	assert_string_equal(numfmt_cents(32490.989048766307, b), "32490.99");
	assert_string_equal(numfmt_cents(999.995, b), "1000.00");
	/* Past 15 significant digits, cents are not kept (as a spreadsheet
	 * shows them). */
	assert_string_equal(numfmt_cents(1e15 + 0.25, b), "1000000000000000.00");
	assert_string_equal(numfmt_cents(123456789.125, b), "123456789.13");
}

static void test_fixed_other_decimals(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	assert_string_equal(numfmt_fixed(5.67753, 4, b), "5.6775");
	assert_string_equal(numfmt_fixed(2.5, 0, b), "3");
	assert_string_equal(numfmt_fixed(-2.5, 0, b), "-3");
	assert_string_equal(numfmt_fixed(0.05, 1, b), "0.1");
	assert_string_equal(numfmt_fixed(12345.678, 1, b), "12345.7");
}

static void test_money_groups_thousands(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	assert_string_equal(numfmt_money(1250000, 0, b), "$1,250,000");
	assert_string_equal(numfmt_money(-3400.5, 2, b), "-$3,400.50");
	assert_string_equal(numfmt_money(999.4, 0, b), "$999");
	assert_string_equal(numfmt_money(-0.2, 0, b), "$0");
	assert_string_equal(numfmt_money(1000, 0, b), "$1,000");
}

static void test_shortest_reads_back(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	assert_string_equal(numfmt_shortest(0.81, b), "0.81");
	assert_string_equal(numfmt_shortest(0.1 + 0.2, b),
			    "0.30000000000000004");
	assert_string_equal(numfmt_shortest(0, b), "0");
	double x = 0.0039230090491866;
	assert_true(strtod(numfmt_shortest(x, b), NULL) == x);
}

static void test_nice_ceil(void **state)
{
	(void)state;
	assert_double_near(numfmt_nice_ceil(0.37), 0.5, 1e-15);
	assert_double_near(numfmt_nice_ceil(1200), 2000, 1e-15);
	assert_double_near(numfmt_nice_ceil(5000), 5000, 1e-15);
	assert_double_near(numfmt_nice_ceil(5001), 10000, 1e-15);
	assert_double_near(numfmt_nice_ceil(1), 1, 1e-15);
	assert_double_near(numfmt_nice_ceil(0.001), 0.001, 1e-15);
}

static void test_round_sig(void **state)
{
	(void)state;
	assert_double_near(numfmt_round_sig(212345, 3), 212000, 1e-15);
	assert_double_near(numfmt_round_sig(-41950, 3), -42000, 1e-15);
	assert_double_near(numfmt_round_sig(0.012345, 2), 0.012, 1e-15);
	assert_double_near(numfmt_round_sig(999.6, 3), 1000, 1e-15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cents_round_half_away_after_15_digits),
		cmocka_unit_test(test_fixed_other_decimals),
		cmocka_unit_test(test_money_groups_thousands),
		cmocka_unit_test(test_shortest_reads_back),
		cmocka_unit_test(test_nice_ceil),
		cmocka_unit_test(test_round_sig),
	};
	return cmocka_run_group_tests_name("numfmt", tests, NULL, NULL);
}
