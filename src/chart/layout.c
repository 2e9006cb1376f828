/* Chart layout arithmetic (see layout.h). */
#include "chart/layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

double text_width(const struct text_measure *tm, const char *utf8,
		  enum dl_font font, double size)
{
	return tm->width(tm->ctx, utf8, font, size);
}

/* ---- Ticks ---- */

/* The value k * mant * 10^e, computed so that k * 0.1 is the double
 * nearest to the decimal (a division by an exact power of ten). */
static double tick_value(long k, int mant, int e)
{
	double p = pow(10.0, (double)abs(e)); /* exact up to 10^22 */
	double km = (double)k * mant;
	return e >= 0 ? km * p : km / p;
}

void layout_ticks(double lo, double hi, int max_intervals, int flags,
		  struct ticks *t)
{
	memset(t, 0, sizeof(*t));
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (lo > hi) {
		double x = lo;
		lo = hi;
		hi = x;
	}
	if (max_intervals < 2)
		max_intervals = 2;
	if (max_intervals > TICKS_MAX - 1)
		max_intervals = TICKS_MAX - 1;
	if (flags & TICKS_ZERO) {
		lo = lo < 0 ? lo : 0;
		hi = hi > 0 ? hi : 0;
	}
	if ((flags & TICKS_SYMMETRIC) && lo < 0 && hi > 0) {
		double m = -lo > hi ? -lo : hi;
		lo = -m;
		hi = m;
	}
	if (lo == hi) {
		if (lo == 0) {
			hi = 1;
		} else {
			double d = fabs(lo) / 10;
			lo -= d;
			hi += d;
		}
	}
	double raw = (hi - lo) / max_intervals;
	int e = (int)floor(log10(raw));
	static const int mants[] = {1, 2, 5};
	int mi = 0;
	/* Start one decade low so that log10 rounding cannot skip a step. */
	e -= 1;
	for (;;) {
		double step = tick_value(1, mants[mi], e);
		double kl = floor(lo / step + 1e-9);
		double kh = ceil(hi / step - 1e-9);
		if (kh - kl <= max_intervals && step >= raw * (1 - 1e-12)) {
			t->step = step;
			t->n = (int)(kh - kl) + 1;
			if (t->n < 2) {
				kh = kl + 1;
				t->n = 2;
			}
			for (int i = 0; i < t->n; i++) {
				double v =
					tick_value((long)kl + i, mants[mi], e);
				if (fabs(v) < 1e-9 * step)
					v = 0;
				t->v[i] = v;
			}
			t->lo = t->v[0];
			t->hi = t->v[t->n - 1];
			t->decimals = e < 0 ? -e : 0;
			return;
		}
		if (++mi == 3) {
			mi = 0;
			e++;
		}
	}
}

/* ---- Money and percentages ---- */

static const double unit_value[] = {1, 1e3, 1e6, 1e9};
static const char *const unit_suffix[] = {"", "K", "M", "B"};

void layout_money_axis(const struct ticks *t, int plus, struct money_axis *ax)
{
	double m = fabs(t->lo) > fabs(t->hi) ? fabs(t->lo) : fabs(t->hi);
	ax->plus = plus;
	ax->unit = m >= 1e9 ? UNIT_B : m >= 1e6 ? UNIT_M : m >= 1e4 ? UNIT_K
								    : UNIT_ONE;
	double s = t->step / unit_value[ax->unit];
	int d = (int)ceil(-log10(s) - 1e-9);
	ax->decimals = d > 0 ? d : 0;
	if (ax->unit == UNIT_ONE && ax->decimals > 0)
		ax->decimals = 2; /* cents */
}

/* sign, "$", number text, suffix */
static char *money_join(double x, int plus, const char *num,
			const char *suffix, char buf[LAYOUT_LABEL_MAX])
{
	const char *sign = x < 0 ? LAYOUT_MINUS : plus && x > 0 ? "+" : "";
	snprintf(buf, LAYOUT_LABEL_MAX, "%s$%s%s", sign, num, suffix);
	return buf;
}

static int all_zero(const char *num)
{
	for (; *num; num++)
		if (*num != '0' && *num != '.' && *num != ',')
			return 0;
	return 1;
}

char *layout_money_tick(const struct money_axis *ax, double v,
			char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	numfmt_fixed(fabs(v) / unit_value[ax->unit], ax->decimals, num);
	if (all_zero(num)) {
		snprintf(buf, LAYOUT_LABEL_MAX, "$0");
		return buf;
	}
	numfmt_group(num);
	return money_join(v, ax->plus, num, unit_suffix[ax->unit], buf);
}

/* Drops trailing zeros after a decimal point, and the point itself. */
static void strip_zeros(char *num)
{
	if (!strchr(num, '.'))
		return;
	size_t n = strlen(num);
	while (n > 0 && num[n - 1] == '0')
		num[--n] = '\0';
	if (n > 0 && num[n - 1] == '.')
		num[--n] = '\0';
}

char *layout_money_short(double x, int plus, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	double r = numfmt_round_sig(fabs(x), 3);
	const char *suffix = "";
	if (r < 10) {
		numfmt_fixed(r, 2, num);
	} else if (r < 1e4) {
		numfmt_fixed(r, 0, num);
		numfmt_group(num);
	} else {
		int u = r < 1e6 ? 1 : r < 1e9 ? 2 : 3;
		double s = r / unit_value[u];
		numfmt_fixed(s, s < 10 ? 2 : s < 100 ? 1 : 0, num);
		strip_zeros(num);
		/* "$1.0M", not "$1M", which would read as exact. */
		if (u >= 2 && s < 100 && !strchr(num, '.'))
			memcpy(num + strlen(num), ".0", 3);
		numfmt_group(num);
		suffix = unit_suffix[u];
	}
	if (all_zero(num)) {
		snprintf(buf, LAYOUT_LABEL_MAX, "$0");
		return buf;
	}
	return money_join(x, plus, num, suffix, buf);
}

char *layout_money_full(double x, int plus, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	numfmt_fixed(fabs(x), fabs(x) < 10 ? 2 : 0, num);
	if (all_zero(num)) {
		snprintf(buf, LAYOUT_LABEL_MAX, "$0");
		return buf;
	}
	numfmt_group(num);
	return money_join(x, plus, num, "", buf);
}

char *layout_money_dollars(double x, int plus, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	/* Cents first, as the result files hold them. */
	double c = strtod(numfmt_fixed(x, 2, num), NULL);
	numfmt_fixed(fabs(c), 0, num);
	if (all_zero(num)) {
		snprintf(buf, LAYOUT_LABEL_MAX, "$0");
		return buf;
	}
	numfmt_group(num);
	return money_join(c, plus, num, "", buf);
}

char *layout_percent(double p, char buf[LAYOUT_LABEL_MAX])
{
	if (!(p > 0)) {
		snprintf(buf, LAYOUT_LABEL_MAX, "0%%");
	} else if (p >= 1) {
		snprintf(buf, LAYOUT_LABEL_MAX, "100%%");
	} else if (p < 0.005) {
		snprintf(buf, LAYOUT_LABEL_MAX, "<1%%");
	} else if (p >= 0.995) {
		snprintf(buf, LAYOUT_LABEL_MAX, ">99%%");
	} else {
		char num[NUMFMT_MAX];
		snprintf(buf, LAYOUT_LABEL_MAX, "%s%%",
			 numfmt_fixed(p * 100, 0, num));
	}
	return buf;
}

char *layout_number_short(double x, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	double a = fabs(x);
	if (a >= 100) {
		numfmt_fixed(a, 0, num);
		numfmt_group(num);
	} else {
		double r = numfmt_round_sig(a, 3);
		int mag = r > 0 ? (int)floor(log10(r)) : 0;
		int d = 2 - mag;
		numfmt_fixed(r, d > 0 ? d : 0, num);
		strip_zeros(num);
	}
	if (all_zero(num)) {
		snprintf(buf, LAYOUT_LABEL_MAX, "0");
		return buf;
	}
	snprintf(buf, LAYOUT_LABEL_MAX, "%s%s", x < 0 ? LAYOUT_MINUS : "",
		 num);
	return buf;
}

/* ---- Scales ---- */

double scale_map(const struct scale *s, double v)
{
	if (s->d1 == s->d0)
		return s->p0;
	return s->p0 + (v - s->d0) * (s->p1 - s->p0) / (s->d1 - s->d0);
}

/* ---- Histogram bins ---- */

size_t layout_bin_factor(size_t nbins, size_t max_bars)
{
	if (max_bars < 2)
		max_bars = 2;
	static const size_t mants[] = {1, 2, 5};
	for (size_t p = 1;; p *= 10)
		for (int i = 0; i < 3; i++) {
			size_t k = mants[i] * p;
			/* Aligned groups can straddle one extra group. */
			if ((nbins + k - 1) / k + (k > 1) <= max_bars)
				return k;
		}
}

long layout_merged_bin(double low, double width, size_t factor)
{
	long j = lround(low / width);
	long k = (long)factor;
	return j >= 0 ? j / k : -((-j + k - 1) / k);
}

/* ---- Label placement ---- */

struct cluster {
	size_t first, count; /* a run of the sorted labels */
	double pos;          /* position of its first label */
	double want_sum;
};

void layout_spread(const double *want, size_t n, double gap, double lo,
		   double hi, double *out)
{
	if (n == 0)
		return;
	size_t *idx = xmalloc(n * sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	/* Insertion sort by wanted position: stable, and n is small. */
	for (size_t i = 1; i < n; i++) {
		size_t x = idx[i], j = i;
		while (j > 0 && want[idx[j - 1]] > want[x]) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = x;
	}
	struct cluster *c = xmalloc(n * sizeof(*c));
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		c[nc] = (struct cluster){i, 1, want[idx[i]], want[idx[i]]};
		nc++;
		for (;;) {
			struct cluster *k = &c[nc - 1];
			/* Centre the cluster on its members' mean, then keep
			 * it inside [lo, hi] if it fits. */
			double span = (double)(k->count - 1) * gap;
			k->pos = k->want_sum / (double)k->count - span / 2;
			if (k->pos + span > hi)
				k->pos = hi - span;
			if (k->pos < lo)
				k->pos = lo;
			if (nc < 2)
				break;
			struct cluster *p = &c[nc - 2];
			double p_end = p->pos + (double)(p->count - 1) * gap;
			if (p_end + gap <= k->pos + 1e-9)
				break;
			p->count += k->count;
			p->want_sum += k->want_sum;
			nc--;
		}
	}
	for (size_t j = 0; j < nc; j++)
		for (size_t i = 0; i < c[j].count; i++)
			out[idx[c[j].first + i]] = c[j].pos + (double)i * gap;
	free(c);
	free(idx);
}

/* ---- Text ---- */

size_t layout_wrap(const struct text_measure *tm, const char *text,
		   enum dl_font font, double size, double width, char ***lines)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	struct strbuf line = STRBUF_INIT;
	struct strbuf cand = STRBUF_INIT;
	const char *s = text;
	int have = 0;
	while (*s) {
		if (*s == '\n') {
			GROW(v, cap, n + 1);
			v[n++] = xstrdup(strbuf_str(&line));
			strbuf_reset(&line);
			have = 0;
			s++;
			continue;
		}
		if (*s == ' ') {
			s++;
			continue;
		}
		size_t len = strcspn(s, " \n");
		strbuf_reset(&cand);
		if (have) {
			strbuf_puts(&cand, strbuf_str(&line));
			strbuf_putc(&cand, ' ');
		}
		strbuf_add(&cand, s, len);
		if (!have || text_width(tm, strbuf_str(&cand), font, size) <=
				     width + 1e-9) {
			strbuf_reset(&line);
			strbuf_puts(&line, strbuf_str(&cand));
		} else {
			GROW(v, cap, n + 1);
			v[n++] = xstrdup(strbuf_str(&line));
			strbuf_reset(&line);
			strbuf_add(&line, s, len);
		}
		have = 1;
		s += len;
	}
	if (have || n == 0) {
		GROW(v, cap, n + 1);
		v[n++] = xstrdup(strbuf_str(&line));
	}
	strbuf_free(&line);
	strbuf_free(&cand);
	*lines = v;
	return n;
}

void layout_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

char *layout_ellipsize(const struct text_measure *tm, const char *text,
		       enum dl_font font, double size, double width)
{
	if (text_width(tm, text, font, size) <= width)
		return xstrdup(text);
	size_t n = strlen(text);
	struct strbuf b = STRBUF_INIT;
	while (n > 0) {
		/* Drop one UTF-8 character, then any trailing space. */
		do
			n--;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80);
		while (n > 0 && text[n - 1] == ' ')
			n--;
		strbuf_reset(&b);
		strbuf_add(&b, text, n);
		strbuf_puts(&b, "\xE2\x80\xA6");
		if (text_width(tm, strbuf_str(&b), font, size) <= width)
			break;
	}
	return strbuf_take(&b);
}
