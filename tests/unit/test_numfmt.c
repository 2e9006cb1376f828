/* Number formatting: cents as a spreadsheet rounds them, grouping,
 * shortest exact text, nice steps. */
#include "helpers.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

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

/* Result files never use exponent notation: 900 students were written as
 * "9e+02" and $10,000 as "1e+04" by %.1g. */
static void test_shortest_plain_decimal(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	assert_string_equal(numfmt_shortest(900, b), "900");
	assert_string_equal(numfmt_shortest(10000, b), "10000");
	assert_string_equal(numfmt_shortest(60000, b), "60000");
	assert_string_equal(numfmt_shortest(-12.5, b), "-12.5");
	assert_string_equal(numfmt_shortest(0.007, b), "0.007");
	assert_string_equal(numfmt_shortest(0.035, b), "0.035");
	assert_string_equal(numfmt_shortest(1e-7, b), "0.0000001");
	assert_string_equal(numfmt_shortest(-2.5e-5, b), "-0.000025");
	assert_string_equal(numfmt_shortest(1e21, b),
			    "1000000000000000000000");
	assert_string_equal(numfmt_shortest(123456789012, b), "123456789012");
	assert_string_equal(numfmt_shortest(1.5, b), "1.5");
	assert_string_equal(numfmt_shortest(10, b), "10");
	assert_string_equal(numfmt_shortest(0.1, b), "0.1");
	/* Exact, even where float noise shows: the value is what it is. */
	assert_string_equal(numfmt_shortest(0.035 * 100, b),
			    "3.5000000000000004");
	/* The extremes fit and read back. */
	double ext[] = {DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324, 1e300, 1e-300,
			0.1 + 0.2, 2.0 / 3, 123456.789e-20};
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		numfmt_shortest(ext[i], b);
		assert_null(strpbrk(b, "eE"));
		assert_true(strtod(b, NULL) == ext[i]);
	}
	/* And across magnitudes: no exponent, reads back, no shorter form
	 * (the last digit is needed). */
	for (int k = -30; k <= 30; k++) {
		double x = 1.2345678901234567 * pow(10, k);
		numfmt_shortest(x, b);
		assert_null(strpbrk(b, "eE"));
		assert_true(strtod(b, NULL) == x);
		char lit[16];
		snprintf(lit, sizeof(lit), "7e%d", k);
		double y = strtod(lit, NULL);
		numfmt_shortest(y, b);
		assert_null(strpbrk(b, "eE"));
		assert_true(strtod(b, NULL) == y);
		assert_int_equal(strspn(b, "-0.") < strlen(b), 1);
		/* one significant digit: a 7 and zeros only */
		size_t sevens = 0;
		for (const char *c = b; *c; c++)
			sevens += *c == '7';
		assert_int_equal(sevens, 1);
	}
}

static void test_sig_for_people(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	assert_string_equal(numfmt_sig(1.9, 3, 1, b), "1.90");
	assert_string_equal(numfmt_sig(1.9, 3, 0, b), "1.9");
	assert_string_equal(numfmt_sig(6.0612, 3, 1, b), "6.06");
	assert_string_equal(numfmt_sig(16, 3, 1, b), "16.0");
	assert_string_equal(numfmt_sig(7.0912, 3, 1, b), "7.09");
	assert_string_equal(numfmt_sig(8500, 3, 1, b), "8,500");
	assert_string_equal(numfmt_sig(15012, 3, 1, b), "15,000");
	assert_string_equal(numfmt_sig(0.15, 3, 1, b), "0.150");
	assert_string_equal(numfmt_sig(9.996, 3, 1, b), "10.0");
	assert_string_equal(numfmt_sig(99960, 3, 0, b), "100,000");
	assert_string_equal(numfmt_sig(-41950, 3, 0, b),
			    NUMFMT_MINUS "42,000");
	assert_string_equal(numfmt_sig(-0.0001, 2, 0, b),
			    NUMFMT_MINUS "0.0001");
	assert_string_equal(numfmt_sig(0, 3, 1, b), "0");
	assert_string_equal(numfmt_sig(-0.0, 3, 0, b), "0");
	assert_string_equal(numfmt_sig(1e-7, 3, 0, b), "0.0000001");
	assert_string_equal(numfmt_sig(1.23456e12, 3, 0, b),
			    "1,230,000,000,000");
}

/* Rates for people: the 1e+01%, 3.5000000000000004% and
 * 7.000000000000001%, and the rates of the formatting test. */
static void test_rate_for_people(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	assert_string_equal(numfmt_rate(0.1, b), "10%");
	assert_string_equal(numfmt_rate(0.035, b), "3.5%");
	assert_string_equal(numfmt_rate(0.07, b), "7%");
	assert_string_equal(numfmt_rate(0.005, b), "0.5%");
	assert_string_equal(numfmt_rate(0.03, b), "3%");
	assert_string_equal(numfmt_rate(0.2, b), "20%");
	assert_string_equal(numfmt_rate(1, b), "100%");
	assert_string_equal(numfmt_rate(0, b), "0%");
	assert_string_equal(numfmt_rate(-0.02, b), NUMFMT_MINUS "2%");
	assert_string_equal(numfmt_rate(0.03125, b), "3.125%");
	assert_string_equal(numfmt_rate(10, b), "1,000%");
	/* At most four significant figures. */
	assert_string_equal(numfmt_rate(0.0314159, b), "3.142%");
	assert_string_equal(numfmt_rate(1.0 / 3, b), "33.33%");
	assert_string_equal(numfmt_rate(0.000125, b), "0.0125%");
	/* Every whole or tenth percent from 0.1% to 100% reads as written. */
	for (int k = 1; k <= 1000; k++) {
		char want[32];
		snprintf(want, sizeof(want), "%d.%d%%", k / 10, k % 10);
		if (k % 10 == 0)
			snprintf(want, sizeof(want), "%d%%", k / 10);
		double x = strtod(want, NULL) / 100;
		assert_string_equal(numfmt_rate(x, b), want);
	}
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

static char *styled(double largest, double x, int plus, char b[NUMFMT_MAX])
{
	struct numfmt_style st;
	numfmt_money_style(largest, &st);
	return numfmt_money_in(x, &st, plus, b);
}

/* One money style per chart, from its largest amount (issue 9 item 11:
 * "$15" beside "$7.83", "$8,500" beside "$15K", a title "$24.1" over a
 * label "$24"). */
static void test_money_style_per_chart(void **state)
{
	(void)state;
	char b[NUMFMT_MAX];
	/* Per student: cents throughout below $100 (three figures of the
	 * largest need a decimal; dollars take two). */
	assert_string_equal(styled(79.41, 15, 0, b), "$15.00");
	assert_string_equal(styled(79.41, 7.83, 0, b), "$7.83");
	assert_string_equal(styled(79.41, 24.126, 0, b), "$24.13");
	assert_string_equal(styled(79.41, 79.41, 0, b), "$79.41");
	/* From $100 to $9,999: whole dollars. */
	assert_string_equal(styled(153, 7.09, 0, b), "$7");
	assert_string_equal(styled(8500, 8500, 0, b), "$8,500");
	assert_string_equal(styled(9994, 153.2, 0, b), "$153");
	/* Thousands from $10,000, with the decimals of three figures. */
	assert_string_equal(styled(15000, 8500, 0, b), "$8.5K");
	assert_string_equal(styled(15000, 15000, 0, b), "$15.0K");
	assert_string_equal(styled(273000, 226123, 1, b), "+$226K");
	assert_string_equal(styled(273000, -5560, 1, b), NUMFMT_MINUS "$6K");
	assert_string_equal(styled(-273000, 68600, 1, b), "+$69K");
	assert_string_equal(styled(99960, 99960, 0, b), "$100K");
	/* Millions and billions. */
	assert_string_equal(styled(1.2345e6, 1.2345e6, 0, b), "$1.23M");
	assert_string_equal(styled(1.2345e6, 640000, 0, b), "$0.64M");
	assert_string_equal(styled(25.5e6, 3e6, 0, b), "$3.0M");
	assert_string_equal(styled(2e9, 2.5e9, 0, b), "$2.50B");
	/* Zero and amounts that round to it. */
	assert_string_equal(styled(273000, 0, 1, b), "$0");
	assert_string_equal(styled(273000, -400, 1, b), "$0");
	assert_string_equal(styled(0, 0, 0, b), "$0");
	assert_string_equal(styled(0, 3.5, 0, b), "$3.50");
	/* The largest read at the cent: $9.995 is $10.00, so cents. */
	assert_string_equal(styled(9.995, 9.995, 0, b), "$10.00");
	/* Every amount of one chart has the same decimals and unit. */
	double v[] = {153, 276, 7.09, 16, 2.43, 5.96};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		styled(276, v[i], 0, b);
		assert_null(strchr(b, '.'));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cents_round_half_away_after_15_digits),
		cmocka_unit_test(test_fixed_other_decimals),
		cmocka_unit_test(test_money_groups_thousands),
		cmocka_unit_test(test_shortest_reads_back),
		cmocka_unit_test(test_shortest_plain_decimal),
		cmocka_unit_test(test_sig_for_people),
		cmocka_unit_test(test_rate_for_people),
		cmocka_unit_test(test_money_style_per_chart),
		cmocka_unit_test(test_nice_ceil),
		cmocka_unit_test(test_round_sig),
	};
	return cmocka_run_group_tests_name("numfmt", tests, NULL, NULL);
}
