/* Formatting numbers for people and for result files, independent of the
 * locale (no printf grouping, always '.' as the decimal point). */
#ifndef EDTCO_UTIL_NUMFMT_H
#define EDTCO_UTIL_NUMFMT_H

#include <stddef.h>

/* Large enough for any number these functions write. */
#define NUMFMT_MAX 400

/* Writes x rounded to the given number of decimals, as a spreadsheet shows
 * it: x is first read to 15 significant digits (so 6930.175 stored as
 * 6930.17499999... still rounds to 6930.18), then rounded half away from
 * zero.  Never writes "-0.00".  Returns buf. */
char *numfmt_fixed(double x, int decimals, char buf[NUMFMT_MAX]);

/* Money in result files: numfmt_fixed(x, 2). */
char *numfmt_cents(double x, char buf[NUMFMT_MAX]);

/* For programs: the fewest significant digits (1 to 17) that read back as
 * exactly x, written in plain decimal notation, never with an exponent
 * (900 -> "900", 1e4 -> "10000", 0.007 -> "0.007"); for shares, rates and
 * other non-money numbers in result files. */
char *numfmt_shortest(double x, char buf[NUMFMT_MAX]);

/* The minus sign of numbers for people (U+2212). */
#define NUMFMT_MINUS "\xE2\x88\x92"

/* For people: x rounded to sig significant figures (as numfmt_round_sig),
 * in plain decimal notation with comma grouping and NUMFMT_MINUS; trailing
 * zeros after the point kept when keep_zeros ("1.90"), else dropped
 * ("1.9").  Never float noise, never an exponent, never "-0". */
char *numfmt_sig(double x, int sig, int keep_zeros, char buf[NUMFMT_MAX]);

/* Significant figures of a rate written for people. */
#define NUMFMT_RATE_SIG 4

/* A rate or share for people, given as a fraction: the percentage to at
 * most NUMFMT_RATE_SIG significant figures, trailing zeros dropped, so
 * that a rate written as 3.5% reads "3.5%" (not 3.5000000000000004%),
 * 0.1 reads "10%", 0.005 "0.5%". */
char *numfmt_rate(double fraction, char buf[NUMFMT_MAX]);

/* Money for people: "$1,250,000" or "-$3,400.50" with the given decimals and
 * comma grouping; rounding as numfmt_fixed. */
char *numfmt_money(double x, int decimals, char buf[NUMFMT_MAX]);

/* Inserts comma thousands separators into a plain decimal number string
 * ("-1234567.89" -> "-1,234,567.89"), in place in buf. */
void numfmt_group(char buf[NUMFMT_MAX]);

/* One money style for every amount of a chart, chosen from its largest
 * amount: the unit ($, K, M or B: thousands from $10,000 on, millions from
 * $1 million, billions from $1 billion) and the decimals that give that
 * largest amount, rounded to the cent, three significant figures; an
 * amount in dollars with decimals has cents.  So a chart whose largest
 * amount is $273,000 labels every amount in whole thousands ("+$226K",
 * "-$6K"), one whose largest is $79.41 labels every amount in cents
 * ("$24.13", "$7.83", "$15.00"). */
struct numfmt_style {
	double unit;        /* 1, 1e3, 1e6 or 1e9 */
	const char *suffix; /* "", "K", "M" or "B" */
	int decimals;       /* of the amount in units */
};
void numfmt_money_style(double largest, struct numfmt_style *st);

/* x in style st: NUMFMT_MINUS for a negative amount, "+" before a positive
 * one when plus, "$", comma grouping, the unit's suffix; an amount that
 * rounds to zero is "$0". */
char *numfmt_money_in(double x, const struct numfmt_style *st, int plus,
		      char buf[NUMFMT_MAX]);

/* x rounded to sig significant figures (half away from zero, after the
 * 15-digit reading of numfmt_fixed).  0 stays 0. */
double numfmt_round_sig(double x, int sig);

/* The smallest "nice" number 1, 2 or 5 times a power of ten that is at
 * least x (x > 0): 0.37 -> 0.5, 1200 -> 2000, 5000 -> 5000. */
double numfmt_nice_ceil(double x);

#endif
