/* The number grammar of input cells: what people write is read exactly,
 * everything else is refused with a reason. */
#include "helpers.h"

#include "model/number.h"

static double ok(const char *text, enum num_kind kind)
{
	double v = -12345;
	const char *why = NULL;
	if (number_parse(text, kind, &v, &why) != 0)
		fail_msg("\"%s\" refused: %s", text, why);
	return v;
}

static const char *refused(const char *text, enum num_kind kind)
{
	double v;
	const char *why = NULL;
	if (number_parse(text, kind, &v, &why) == 0)
		fail_msg("\"%s\" accepted as %.17g", text, v);
	return why;
}

static void test_plain_and_grouped(void **state)
{
	(void)state;
	assert_true(ok("2.385", NUM_PLAIN) == 2.385);
	assert_true(ok(" -40 ", NUM_PLAIN) == -40);
	assert_true(ok("+.5", NUM_PLAIN) == 0.5);
	assert_true(ok("1e3", NUM_PLAIN) == 1000);
	assert_true(ok("1,250", NUM_PLAIN) == 1250);
	assert_true(ok("12,345,678.25", NUM_PLAIN) == 12345678.25);
	assert_true(ok("10,000,000", NUM_INTEGER) == 1e7);
	assert_true(1 / ok("-0", NUM_PLAIN) > 0); /* no negative zero */
}

static void test_money_and_rates(void **state)
{
	(void)state;
	assert_true(ok("$1,250.00", NUM_MONEY) == 1250);
	assert_true(ok("-$40", NUM_MONEY) == -40);
	assert_true(ok("$-40", NUM_MONEY) == -40);
	assert_true(ok("3%", NUM_RATE) == 0.03);
	assert_true(ok("0.1%", NUM_RATE) == 0.001); /* exactly, not 0.1/100 */
	assert_true(ok("-2.5%", NUM_RATE) == -0.025);
	assert_true(ok("150%", NUM_RATE) == 1.5);
	assert_true(ok("1e1%", NUM_RATE) == 0.1);
	assert_true(ok("$3.50", NUM_ANY) == 3.5);
	assert_true(ok("2%", NUM_ANY) == 0.02);
	/* A percentage's exponent at strtol's limit (found by fuzzing: the
	 * shift by -2 overflowed a long; the sanitizer build reports it). */
	assert_true(ok("1E-100112342273833894315919%", NUM_RATE) == 0);
	assert_true(ok("1e-9223372036854775807%", NUM_RATE) == 0);
	assert_string_equal(refused("1e9223372036854775807%", NUM_RATE),
			    "number out of range");
}

/* What is pasted from a spreadsheet or from edtco's own exhibits. */
static void test_pasted_forms(void **state)
{
	(void)state;
	/* A space (plain or no-break) before '%'. */
	assert_true(ok("3 %", NUM_RATE) == 0.03);
	assert_true(ok("3\xc2\xa0%", NUM_RATE) == 0.03);
	assert_true(ok("2.5\xe2\x80\xaf%", NUM_RATE) == 0.025);
	/* Accounting negatives. */
	assert_true(ok("($1,250.00)", NUM_MONEY) == -1250);
	assert_true(ok("(40)", NUM_PLAIN) == -40);
	assert_true(ok("(3%)", NUM_RATE) == -0.03);
	/* The Unicode minus, as the exhibits print it. */
	assert_true(ok("\xe2\x88\x92$3,400", NUM_MONEY) == -3400);
	assert_true(ok("\xe2\x88\x92""2.5%", NUM_RATE) == -0.025);
	assert_true(ok("\xe2\x88\x92""7", NUM_PLAIN) == -7);
	/* No-break spaces group thousands, as ',' does. */
	assert_true(ok("1\xc2\xa0""250", NUM_PLAIN) == 1250);
	assert_true(ok("12\xe2\x80\xaf""345\xe2\x80\xaf""678.5", NUM_PLAIN) ==
		    12345678.5);
	assert_true(ok("$\xc2\xa0""1\xc2\xa0""250", NUM_MONEY) == 1250);
	assert_true(ok("$ 40", NUM_MONEY) == 40);
	/* No-break spaces around the number, as cells copied from a page. */
	assert_true(ok("\xc2\xa0""42\xc2\xa0", NUM_PLAIN) == 42);
}

static void test_pasted_refusals_say_how(void **state)
{
	(void)state;
	/* A plain space between digits is a typo as often as a group. */
	assert_non_null(strstr(refused("1 250", NUM_PLAIN), "write 1250"));
	/* Groups of three only, with no-break spaces as with commas. */
	refused("1\xc2\xa0""25", NUM_PLAIN);
	refused("1\xc2\xa0\xc2\xa0""250", NUM_PLAIN);
	/* A sign inside parentheses. */
	assert_non_null(strstr(refused("(-40)", NUM_PLAIN), "($40)"));
	refused("(40", NUM_PLAIN);
	refused("40)", NUM_PLAIN);
	refused("()", NUM_PLAIN);
	/* A decimal comma. */
	assert_non_null(strstr(refused("3,5", NUM_PLAIN), "not 3,5"));
	/* '%' and '$' stay in their own columns. */
	assert_non_null(strstr(refused("3 %", NUM_MONEY), "rate"));
	assert_non_null(strstr(refused("($5)", NUM_RATE), "money"));
}

static void test_refusals(void **state)
{
	(void)state;
	assert_non_null(strstr(refused("", NUM_PLAIN), "empty"));
	assert_non_null(strstr(refused("   ", NUM_PLAIN), "empty"));
	assert_non_null(strstr(refused("NaN", NUM_PLAIN), "finite"));
	assert_non_null(strstr(refused("-inf", NUM_PLAIN), "finite"));
	assert_non_null(strstr(refused("Infinity", NUM_MONEY), "finite"));
	assert_non_null(strstr(refused("1e999", NUM_PLAIN), "range"));
	refused("0x10", NUM_PLAIN);
	refused("12x.5", NUM_PLAIN);
	refused("1,25", NUM_PLAIN);    /* a group of two digits */
	refused("1,2345", NUM_PLAIN);  /* a group of four */
	refused(",125", NUM_PLAIN);
	refused("1,000,", NUM_PLAIN);
	refused("1,000e3", NUM_PLAIN); /* no exponent with groups */
	refused("1e", NUM_PLAIN);
	refused("1e5x", NUM_PLAIN);
	refused(".", NUM_PLAIN);
	refused("-", NUM_PLAIN);
	refused("$", NUM_MONEY);
	refused("5 5", NUM_PLAIN);
	assert_non_null(strstr(refused("$5", NUM_RATE), "money"));
	assert_non_null(strstr(refused("5%", NUM_MONEY), "rate"));
	assert_non_null(strstr(refused("2.5", NUM_INTEGER), "whole"));
	assert_non_null(strstr(refused("5%", NUM_INTEGER), "rate"));
}

static void test_seeds(void **state)
{
	(void)state;
	uint64_t s;
	const char *why;
	assert_int_equal(number_parse_u64("18446744073709551615", &s, &why), 0);
	assert_true(s == UINT64_MAX);
	assert_int_equal(number_parse_u64(" 0 ", &s, &why), 0);
	assert_true(s == 0);
	assert_int_equal(number_parse_u64("18446744073709551616", &s, &why), -1);
	assert_int_equal(number_parse_u64("-1", &s, &why), -1);
	assert_int_equal(number_parse_u64("1.5", &s, &why), -1);
	assert_int_equal(number_parse_u64("", &s, &why), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_grouped),
		cmocka_unit_test(test_money_and_rates),
		cmocka_unit_test(test_pasted_forms),
		cmocka_unit_test(test_pasted_refusals_say_how),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_seeds),
	};
	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
