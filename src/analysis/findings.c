/* The rules of the findings: rounding and wording of money, shares and
 * correlations, option names (see findings.h).  The sentences themselves
 * are composed in findings_compose.c. */
#include "analysis/findings.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#define MINUS "\xe2\x88\x92" /* U+2212 */

/* The margins of the toss-up and clear-winner rules are met within this
 * much, so that a difference of shares that is 0.10 in decimals (0.42 -
 * 0.32 = 0.0999...98 in binary) is not lost to rounding. */
#define FINDINGS_EPS 1e-12

/* ---- the rules ------------------------------------------------------ */

/* Removes trailing zeros after a decimal point, and the point itself. */
static void strip_zeros(char *s)
{
	if (!strchr(s, '.'))
		return;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
}

char *findings_money(double x, char buf[FINDINGS_NUM])
{
	double r = numfmt_round_sig(x, 3);
	double a = fabs(r);
	char num[NUMFMT_MAX];
	const char *sign = r < 0 ? MINUS : "";
	if (a >= 1e6) {
		int big = a >= 1e9;
		double v = a / (big ? 1e9 : 1e6);
		int decimals = 2 - (int)floor(log10(v));
		numfmt_fixed(v, decimals < 0 ? 0 : decimals, num);
		strip_zeros(num);
		snprintf(buf, FINDINGS_NUM, "%s$%s %s", sign, num,
			 big ? "billion" : "million");
		return buf;
	}
	int decimals = a > 0 ? 2 - (int)floor(log10(a)) : 0;
	numfmt_money(a, decimals < 0 ? 0 : decimals, num);
	snprintf(buf, FINDINGS_NUM, "%s%s", sign, num);
	return buf;
}

double findings_percent_step(double se)
{
	static const double steps[] = {0.01, 0.1, 1, 10};
	double need = 2 * se * 100 * (1 - 1e-9);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] >= need)
			return steps[i];
	return 10;
}

static int step_decimals(double step)
{
	return step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
}

char *findings_percent(double p, double se, char buf[FINDINGS_NUM])
{
	char num[NUMFMT_MAX];
	if (p <= 0 || p >= 1) {
		snprintf(buf, FINDINGS_NUM, "%s", p <= 0 ? "0%" : "100%");
		return buf;
	}
	double step = findings_percent_step(se);
	int dec = step_decimals(step);
	double v = step > 1
			   ? step * strtod(numfmt_fixed(p * 100 / step, 0, num),
					   NULL)
			   : strtod(numfmt_fixed(p * 100, dec, num), NULL);
	if (v <= 0 || v >= 100) {
		numfmt_fixed(v <= 0 ? step : 100 - step, dec, num);
		snprintf(buf, FINDINGS_NUM, "%s %s%%",
			 v <= 0 ? "under" : "over", num);
		return buf;
	}
	numfmt_fixed(v, dec, num);
	snprintf(buf, FINDINGS_NUM, "%s%%", num);
	return buf;
}

char *findings_pm(double se, char buf[FINDINGS_NUM])
{
	char num[NUMFMT_MAX];
	if (!(se > 0)) {
		snprintf(buf, FINDINGS_NUM, "without exception");
		return buf;
	}
	numfmt_sig(se * 100, 1, 0, num);
	snprintf(buf, FINDINGS_NUM, "\xc2\xb1%s%%", num);
	return buf;
}

int findings_tossup(double p, double se)
{
	return fabs(p - 0.5) < fmax(0.05, 2 * se);
}

int findings_tossup_pair(double p, double q, long n)
{
	double d = p - q;
	double se = sqrt(fmax(p + q - d * d, 0) / (double)n);
	return fabs(d) < fmax(0.10, 2 * se) - FINDINGS_EPS;
}

int findings_headline_winner(const double *p_best, double p_tied, int no,
			     long n)
{
	int a = -1, b = -1;
	for (int o = 0; o < no; o++) {
		if (a < 0 || p_best[o] > p_best[a]) {
			b = a;
			a = o;
		} else if (b < 0 || p_best[o] > p_best[b]) {
			b = o;
		}
	}
	if (a < 0)
		return FINDINGS_NO_WINNER;
	double p1 = p_best[a];
	if (p1 <= 0 || p_tied >= p1)
		return FINDINGS_TIED;
	if (b < 0)
		return a;
	double p2 = p_best[b], dd = p1 - p2;
	double se = sqrt((p1 + p2 - dd * dd) / (double)n);
	return dd >= fmax(0.10, 2 * se) - FINDINGS_EPS ? a : FINDINGS_NO_WINNER;
}

char *findings_margin(double p, double se, long n, char buf[FINDINGS_NUM])
{
	char num[NUMFMT_MAX];
	if (n < FINDINGS_MIN_TRIALS) {
		snprintf(buf, FINDINGS_NUM, "too few trials for a margin");
		return buf;
	}
	if (se > 0)
		return findings_pm(se, buf);
	snprintf(num, sizeof(num), "%ld", n);
	numfmt_group(num);
	snprintf(buf, FINDINGS_NUM, p <= 0 ? "none of %s" : "all %s", num);
	return buf;
}

char *findings_corr(double r, long n, char buf[FINDINGS_NUM])
{
	if (isnan(r) || n < 1) {
		snprintf(buf, FINDINGS_NUM, "n/a");
		return buf;
	}
	double need = 2 / sqrt((double)n) * (1 - 1e-9);
	int dec = need <= 0.001 ? 3 : need <= 0.01 ? 2 : 1;
	char num[NUMFMT_MAX];
	numfmt_fixed(r, dec, num);
	if (num[0] == '-')
		snprintf(buf, FINDINGS_NUM, MINUS "%s", num + 1);
	else
		snprintf(buf, FINDINGS_NUM, "%s", num);
	return buf;
}

char *findings_option_name(const struct model *m, int o)
{
	if (m->options[o].short_label)
		return xstrdup(m->options[o].short_label);
	const char *label = m->options[o].label;
	struct strbuf b = STRBUF_INIT;
	int depth = 0;
	for (const char *c = label; *c; c++) {
		if (*c == '(')
			depth++;
		else if (*c == ')' && depth > 0)
			depth--;
		else if (depth == 0 &&
			 !(*c == ' ' && (b.len == 0 || b.s[b.len - 1] == ' ')))
			strbuf_putc(&b, *c);
	}
	while (b.len > 0 && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	if (b.len == 0)
		strbuf_puts(&b, m->options[o].id);
	return strbuf_take(&b);
}

int findings_words(const char *s)
{
	int n = 0;
	for (int in = 0; *s; s++) {
		int blank = isspace((unsigned char)*s);
		n += !blank && !in;
		in = !blank;
	}
	return n;
}

static void free_all(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}

void findings_free(struct findings *f)
{
	free_all(f->sentence, f->n);
	free_all(f->basis, f->n);
	free(f->sentence);
	free(f->basis);
	for (size_t i = 0; i < f->ntitles; i++) {
		free(f->titles[i].key);
		free(f->titles[i].text);
	}
	free(f->titles);
	memset(f, 0, sizeof(*f));
}

const char *findings_title(const struct findings *f, const char *key)
{
	for (size_t i = 0; i < f->ntitles; i++)
		if (strcmp(f->titles[i].key, key) == 0)
			return f->titles[i].text;
	return NULL;
}
