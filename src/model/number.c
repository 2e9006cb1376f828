/* Parsing numbers written by people (see number.h). */
#include "model/number.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int number_is_blank(const char *text)
{
	for (; *text; text++)
		if (!isspace((unsigned char)*text))
			return 0;
	return 1;
}

/* Copies the digits of a comma-grouped integer part into out, checking that
 * groups after the first have exactly three digits.  Returns the number of
 * characters read from s, or 0 if malformed. */
static size_t read_int_part(const char *s, char *out, size_t *olen,
			    int *grouped)
{
	size_t i = 0, first = 0;
	while (isdigit((unsigned char)s[i]))
		out[(*olen)++] = s[i++];
	first = i;
	*grouped = 0;
	while (s[i] == ',' && first > 0 && first <= 3) {
		if (!(isdigit((unsigned char)s[i + 1]) &&
		      isdigit((unsigned char)s[i + 2]) &&
		      isdigit((unsigned char)s[i + 3]) &&
		      !isdigit((unsigned char)s[i + 4])))
			return 0;
		memcpy(out + *olen, s + i + 1, 3);
		*olen += 3;
		i += 4;
		*grouped = 1;
	}
	if (s[i] == ',')
		return 0;
	return i;
}

/* The length of the no-break space (U+00A0) or narrow no-break space
 * (U+202F) at s, or 0. */
static size_t nbsp_at(const char *s)
{
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xAF)
		return 3;
	return 0;
}

/* Rewrites what people paste into the plain grammar, in out (size at
 * least 2 * n + 2): a Unicode minus (U+2212, as edtco's own exhibits print
 * it) becomes '-'; a no-break space between digits groups them as ','
 * does; spaces before '%' or after '$', and no-break spaces at either end,
 * are dropped; an accounting negative "($1,250.00)" becomes
 * "-$1,250.00".  Returns 0, or -1 with *why saying how to write it. */
static int normalize(const char *s, size_t n, char *out, const char **why)
{
	size_t len = 0;
	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t sp = nbsp_at(s + i);
		if (i + 2 < n && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92) {
			out[len++] = '-';
			i += 3;
			continue;
		}
		if (!sp && s[i] != ' ') {
			out[len++] = s[i++];
			continue;
		}
		/* A run of spaces: what is around it decides. */
		size_t j = i, nb = 0, ascii = 0;
		for (;;) {
			size_t k = nbsp_at(s + j);
			if (j < n && k) {
				j += k;
				nb++;
			} else if (j < n && s[j] == ' ') {
				j++;
				ascii++;
			} else {
				break;
			}
		}
		int digit_before = len && isdigit((unsigned char)out[len - 1]);
		int digit_after = j < n && isdigit((unsigned char)s[j]);
		if (digit_before && digit_after) {
			if (ascii || nb != 1) {
				*why = "expected a number (a space does not "
				       "group digits: write 1250 or "
				       "\"1,250\")";
				return -1;
			}
			out[len++] = ',';
		} else if (!(len == 0 || j == n || s[j] == '%' ||
			     out[len - 1] == '$')) {
			*why = "expected a number";
			return -1;
		}
		i = j;
	}
	out[len] = '\0';
	if (len >= 2 && out[0] == '(' && out[len - 1] == ')') {
		if (out[1] == '-' || out[1] == '+') {
			*why = "expected a number (an accounting negative in "
			       "parentheses takes no sign: write ($40) or "
			       "-$40)";
			return -1;
		}
		out[0] = '-';
		out[len - 1] = '\0';
	}
	return 0;
}

int number_parse(const char *text, enum num_kind kind, double *out,
		 const char **why)
{
	const char *s = text;
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0) {
		*why = "expected a number, got an empty cell";
		return -1;
	}
	if (n > 96) {
		*why = "expected a number";
		return -1;
	}
	char norm[2 * 96 + 2];
	if (normalize(s, n, norm, why) != 0)
		return -1;
	s = norm;
	n = strlen(norm);
	if (n == 0) {
		*why = "expected a number, got an empty cell";
		return -1;
	}
	if (n > 64) {
		*why = "expected a number";
		return -1;
	}
	char buf[80];
	size_t len = 0, i = 0;
	int neg = 0, dollar = 0, percent = 0;
	if (s[i] == '+' || s[i] == '-')
		neg = s[i++] == '-';
	if (s[i] == '$') {
		dollar = 1;
		i++;
		if (!neg && (s[i] == '+' || s[i] == '-'))
			neg = s[i++] == '-';
	}
	if (n && s[n - 1] == '%') {
		percent = 1;
		n--;
	}
	if (neg)
		buf[len++] = '-';
	int grouped;
	size_t used = read_int_part(s + i, buf, &len, &grouped);
	if (used == 0 && s[i] != '.') {
		*why = "expected a number";
		goto check_words;
	}
	i += used;
	size_t digits = used;
	if (s[i] == '.') {
		buf[len++] = s[i++];
		while (isdigit((unsigned char)s[i])) {
			buf[len++] = s[i++];
			digits++;
		}
	}
	if (digits == 0) {
		*why = "expected a number";
		return -1;
	}
	if ((s[i] == 'e' || s[i] == 'E') && !grouped) {
		size_t j = i + 1;
		if (s[j] == '+' || s[j] == '-')
			j++;
		if (isdigit((unsigned char)s[j])) {
			buf[len++] = 'e';
			i++;
			if (s[i] == '+' || s[i] == '-')
				buf[len++] = s[i++];
			while (isdigit((unsigned char)s[i]) &&
			       len < sizeof(buf) - 8)
				buf[len++] = s[i++];
		}
	}
	if (i != n) {
		*why = "expected a number";
		goto check_words;
	}
	if (dollar && kind != NUM_MONEY && kind != NUM_ANY) {
		*why = "'$' is allowed only in money columns";
		return -1;
	}
	if (percent && kind != NUM_RATE && kind != NUM_ANY) {
		*why = "'%' is allowed only in rate columns";
		return -1;
	}
	if (percent) {
		/* Shift the decimal exponent rather than divide, so that "0.1%"
		 * reads exactly as 0.001 would. */
		int has_exp = memchr(buf, 'e', len) != NULL;
		if (has_exp) {
			buf[len] = '\0';
			char *e = strchr(buf, 'e');
			long ex = strtol(e + 1, NULL, 10);
			/* strtol stops at LONG_MIN: no overflow below it */
			ex = ex > LONG_MIN + 2 ? ex - 2 : LONG_MIN;
			len = (size_t)(e - buf);
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"e%ld", ex);
		} else {
			memcpy(buf + len, "e-2", 3);
			len += 3;
		}
	}
	buf[len] = '\0';
	errno = 0;
	double v = strtod(buf, NULL);
	if (errno == ERANGE && fabs(v) > 1) {
		*why = "number out of range";
		return -1;
	}
	if (!isfinite(v)) {
		*why = "not a finite number";
		return -1;
	}
	if (kind == NUM_INTEGER && v != floor(v)) {
		*why = "expected a whole number";
		return -1;
	}
	*out = v == 0 ? 0.0 : v; /* no negative zero */
	return 0;

check_words: {
	/* Give NaN and infinities their own message. */
	char low[16] = "";
	size_t k = 0;
	const char *w = s + (s[0] == '+' || s[0] == '-');
	for (; k + 1 < sizeof(low) && isalpha((unsigned char)w[k]); k++)
		low[k] = (char)tolower((unsigned char)w[k]);
	low[k] = '\0';
	if (strcmp(low, "nan") == 0 || strcmp(low, "inf") == 0 ||
	    strcmp(low, "infinity") == 0)
		*why = "not a finite number";
	else if (strchr(s, ',') && !strchr(s, '.'))
		*why = "expected a number (',' groups thousands in threes and "
		       "'.' is the decimal point: write 3.5, not 3,5)";
	return -1;
}
}

int number_parse_u64(const char *text, uint64_t *out, const char **why)
{
	const char *s = text;
	while (isspace((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s)) {
		*why = "expected a whole number from 0 to 18446744073709551615";
		return -1;
	}
	uint64_t v = 0;
	for (; isdigit((unsigned char)*s); s++) {
		unsigned d = (unsigned)(*s - '0');
		if (v > (UINT64_MAX - d) / 10) {
			*why = "seed out of range (0 to 18446744073709551615)";
			return -1;
		}
		v = v * 10 + d;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s) {
		*why = "expected a whole number from 0 to 18446744073709551615";
		return -1;
	}
	*out = v;
	return 0;
}
