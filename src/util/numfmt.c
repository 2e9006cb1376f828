/* Locale-independent number formatting (see numfmt.h). */
#include "util/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes round(|x| * 10^decimals) as a decimal digit string into out, with x
 * read to 15 significant digits first.  Returns the number of digits. */
static size_t scaled_digits(double ax, int decimals, char *out, size_t cap)
{
	char e[40];
	snprintf(e, sizeof(e), "%.14e", ax); /* d.dddddddddddddde+XX */
	char dig[16];
	dig[0] = e[0];
	memcpy(dig + 1, e + 2, 14);
	dig[15] = '\0';
	int exp10 = atoi(strchr(e, 'e') + 1);
	int shift = exp10 - 14 + decimals; /* value = dig * 10^shift */
	size_t n = 0;
	if (shift >= 0) {
		for (int i = 0; i < 15 && n + 1 < cap; i++)
			out[n++] = dig[i];
		for (int i = 0; i < shift && n + 1 < cap; i++)
			out[n++] = '0';
	} else {
		int keep = 15 + shift; /* digits kept before rounding */
		int round_up;
		if (keep < 0) {
			keep = 0;
			round_up = 0;
		} else {
			round_up = dig[keep] >= '5';
		}
		/* Leading zero slot for a carry out of the top digit. */
		out[n++] = '0';
		for (int i = 0; i < keep; i++)
			out[n++] = dig[i];
		for (size_t i = n; round_up && i-- > 0;) {
			if (out[i] == '9') {
				out[i] = '0';
			} else {
				out[i]++;
				round_up = 0;
			}
		}
	}
	out[n] = '\0';
	/* Strip leading zeros, keeping at least one digit. */
	size_t z = 0;
	while (z + 1 < n && out[z] == '0')
		z++;
	memmove(out, out + z, n - z + 1);
	return n - z;
}

char *numfmt_fixed(double x, int decimals, char buf[NUMFMT_MAX])
{
	if (!isfinite(x)) {
		snprintf(buf, NUMFMT_MAX, "%s", isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
		return buf;
	}
	if (decimals < 0)
		decimals = 0;
	char dig[NUMFMT_MAX];
	size_t n = x == 0 ? (strcpy(dig, "0"), 1)
			  : scaled_digits(fabs(x), decimals, dig, NUMFMT_MAX - 40);
	int neg = x < 0 && !(n == 1 && dig[0] == '0');
	size_t d = (size_t)decimals, pos = 0;
	if (neg)
		buf[pos++] = '-';
	if (n <= d) {
		buf[pos++] = '0';
		if (d) {
			buf[pos++] = '.';
			for (size_t i = n; i < d; i++)
				buf[pos++] = '0';
			memcpy(buf + pos, dig, n);
			pos += n;
		}
	} else {
		memcpy(buf + pos, dig, n - d);
		pos += n - d;
		if (d) {
			buf[pos++] = '.';
			memcpy(buf + pos, dig + n - d, d);
			pos += d;
		}
	}
	buf[pos] = '\0';
	return buf;
}

char *numfmt_cents(double x, char buf[NUMFMT_MAX])
{
	return numfmt_fixed(x, 2, buf);
}

/* Writes the decimal digits dig (no point, no sign, at least one) times
 * 10^(exp10 - len(dig) + 1), i.e. d.ddd x 10^exp10, as plain decimal text
 * after the sign, without trailing zeros after a point. */
static void plain_from_digits(const char *dig, int exp10, int neg,
			      char buf[NUMFMT_MAX])
{
	int n = (int)strlen(dig);
	size_t pos = 0;
	if (neg)
		buf[pos++] = '-';
	if (exp10 < 0) {
		buf[pos++] = '0';
		buf[pos++] = '.';
		for (int i = 0; i < -exp10 - 1; i++)
			buf[pos++] = '0';
		memcpy(buf + pos, dig, (size_t)n);
		pos += (size_t)n;
	} else if (exp10 + 1 >= n) {
		memcpy(buf + pos, dig, (size_t)n);
		pos += (size_t)n;
		for (int i = n; i < exp10 + 1; i++)
			buf[pos++] = '0';
	} else {
		memcpy(buf + pos, dig, (size_t)exp10 + 1);
		pos += (size_t)exp10 + 1;
		buf[pos++] = '.';
		memcpy(buf + pos, dig + exp10 + 1, (size_t)(n - exp10 - 1));
		pos += (size_t)(n - exp10 - 1);
	}
	buf[pos] = '\0';
}

char *numfmt_shortest(double x, char buf[NUMFMT_MAX])
{
	if (x == 0) {
		strcpy(buf, "0");
		return buf;
	}
	if (!isfinite(x)) {
		snprintf(buf, NUMFMT_MAX, "%s",
			 isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
		return buf;
	}
	/* The fewest significant digits that read back as x, then written
	 * out without an exponent: at most 309 digits before the point or
	 * 323 zeros after it, within NUMFMT_MAX. */
	char e[40];
	for (int p = 0; p <= 16; p++) {
		snprintf(e, sizeof(e), "%.*e", p, x);
		if (strtod(e, NULL) == x)
			break;
	}
	const char *m = e + (e[0] == '-');
	char dig[20];
	size_t n = 0;
	for (; *m && *m != 'e'; m++)
		if (*m != '.')
			dig[n++] = *m;
	while (n > 1 && dig[n - 1] == '0')
		n--;
	dig[n] = '\0';
	plain_from_digits(dig, atoi(m + 1), x < 0, buf);
	return buf;
}

char *numfmt_sig(double x, int sig, int keep_zeros, char buf[NUMFMT_MAX])
{
	if (!isfinite(x)) {
		snprintf(buf, NUMFMT_MAX, "%s",
			 isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
		return buf;
	}
	if (sig < 1)
		sig = 1;
	double r = numfmt_round_sig(x, sig);
	if (r == 0) {
		strcpy(buf, "0");
		return buf;
	}
	int mag = r != 0 ? (int)floor(log10(fabs(r))) : 0;
	/* log10 may land a hair below a power of ten. */
	if (r != 0 && fabs(r) >= pow(10.0, mag + 1))
		mag++;
	int decimals = sig - 1 - mag;
	char num[NUMFMT_MAX];
	numfmt_fixed(fabs(r), decimals > 0 ? decimals : 0, num);
	if (!keep_zeros && strchr(num, '.')) {
		size_t n = strlen(num);
		while (num[n - 1] == '0')
			num[--n] = '\0';
		if (num[n - 1] == '.')
			num[--n] = '\0';
	}
	numfmt_group(num);
	int neg = r < 0 && strspn(num, "0.,") != strlen(num);
	snprintf(buf, NUMFMT_MAX, "%s%s", neg ? NUMFMT_MINUS : "", num);
	return buf;
}

char *numfmt_rate(double fraction, char buf[NUMFMT_MAX])
{
	numfmt_sig(fraction * 100, NUMFMT_RATE_SIG, 0, buf);
	size_t n = strlen(buf);
	if (n + 1 < NUMFMT_MAX) {
		buf[n] = '%';
		buf[n + 1] = '\0';
	}
	return buf;
}

void numfmt_group(char buf[NUMFMT_MAX])
{
	char *start = buf + (buf[0] == '-' || buf[0] == '$');
	if (start[0] == '$')
		start++;
	size_t intlen = strspn(start, "0123456789");
	if (intlen <= 3)
		return;
	size_t commas = (intlen - 1) / 3;
	size_t len = strlen(buf);
	if (len + commas + 1 > NUMFMT_MAX)
		return;
	char *end = start + intlen;
	memmove(end + commas, end, strlen(end) + 1);
	char *dst = end + commas, *src = end;
	for (size_t i = 0; i < intlen; i++) {
		*--dst = *--src;
		if ((i + 1) % 3 == 0 && i + 1 < intlen)
			*--dst = ',';
	}
}

char *numfmt_money(double x, int decimals, char buf[NUMFMT_MAX])
{
	char num[NUMFMT_MAX];
	numfmt_fixed(x, decimals, num);
	int neg = num[0] == '-';
	snprintf(buf, NUMFMT_MAX, "%s$%s", neg ? "-" : "", num + neg);
	numfmt_group(buf);
	return buf;
}

void numfmt_money_style(double largest, struct numfmt_style *st)
{
	char num[NUMFMT_MAX];
	double a = fabs(strtod(numfmt_fixed(largest, 2, num), NULL));
	a = isfinite(a) ? numfmt_round_sig(a, 3) : 0;
	static const double units[] = {1e9, 1e6, 1e4};
	static const char *const suffix[] = {"B", "M", "K"};
	st->unit = 1;
	st->suffix = "";
	for (int i = 0; i < 3; i++)
		if (a >= units[i]) {
			st->unit = i == 2 ? 1e3 : units[i];
			st->suffix = suffix[i];
			break;
		}
	double s = a / st->unit;
	int mag = s > 0 ? (int)floor(log10(s)) : 0;
	if (s > 0 && s >= pow(10.0, mag + 1))
		mag++;
	st->decimals = mag >= 2 ? 0 : 2 - mag;
	if (st->unit == 1 && st->decimals > 0)
		st->decimals = 2; /* cents */
}

char *numfmt_money_in(double x, const struct numfmt_style *st, int plus,
		      char buf[NUMFMT_MAX])
{
	char num[NUMFMT_MAX];
	/* Cents first, as result files hold them, then the style. */
	double c = strtod(numfmt_fixed(x, 2, num), NULL);
	numfmt_fixed(fabs(c) / st->unit, st->decimals, num);
	if (strspn(num, "0.") == strlen(num)) {
		snprintf(buf, NUMFMT_MAX, "$0");
		return buf;
	}
	numfmt_group(num);
	const char *sign = c < 0 ? NUMFMT_MINUS : plus ? "+" : "";
	snprintf(buf, NUMFMT_MAX, "%s$%.*s%s", sign, NUMFMT_MAX - 16, num,
		 st->suffix);
	return buf;
}

double numfmt_round_sig(double x, int sig)
{
	if (x == 0 || !isfinite(x))
		return x;
	int mag = (int)floor(log10(fabs(x)));
	int decimals = sig - 1 - mag;
	char buf[NUMFMT_MAX];
	if (decimals >= 0) {
		numfmt_fixed(x, decimals, buf);
		return strtod(buf, NULL);
	}
	double scale = pow(10.0, -decimals);
	numfmt_fixed(x / scale, 0, buf);
	return strtod(buf, NULL) * scale;
}

double numfmt_nice_ceil(double x)
{
	if (!(x > 0) || !isfinite(x))
		return 1;
	double p = pow(10.0, floor(log10(x)));
	/* Guard against log10 rounding: bring p to the decade of x. */
	if (p > x)
		p /= 10;
	if (p * 10 <= x)
		p *= 10;
	static const double steps[] = {1, 2, 5, 10};
	for (int i = 0; i < 4; i++)
		if (steps[i] * p >= x * (1 - 1e-12))
			return steps[i] * p;
	return 10 * p;
}
