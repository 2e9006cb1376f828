/* The arithmetic of chart layout: nice ticks, money and percentage labels,
 * scales, histogram bins, label placement and text wrapping.
 *
 * Pure functions of their arguments (text widths come from a caller's
 * measuring function), so every result is unit-tested exactly.  Labels are
 * UTF-8 and use U+2212 MINUS SIGN for negative amounts; zero is never
 * signed ("$0", never "-$0"). */
#ifndef EDTCO_CHART_LAYOUT_H
#define EDTCO_CHART_LAYOUT_H

#include <stddef.h>

#include "chart/dlist.h"
#include "util/numfmt.h"

/* Room for any label these functions write (a number of numfmt and a
 * sign and unit). */
#define LAYOUT_LABEL_MAX (NUMFMT_MAX + 16)

/* U+2212 MINUS SIGN, as UTF-8. */
#define LAYOUT_MINUS "\xE2\x88\x92"

/* Measures text: the advance width in points of utf8 in font at size. */
struct text_measure {
	double (*width)(void *ctx, const char *utf8, enum dl_font font,
			double size);
	void *ctx;
};

/* Font metrics of DejaVu Sans as fractions of the font size: ascent and
 * descent of the font (for line spacing) and the height of capitals (to
 * centre a label on a point). */
#define TEXT_ASCENT 0.928
#define TEXT_DESCENT 0.236
#define TEXT_CAP 0.729

double text_width(const struct text_measure *tm, const char *utf8,
		  enum dl_font font, double size);

/* ---- Ticks ---- */

#define TICKS_MAX 32

/* Tick options (bit flags). */
enum {
	TICKS_ZERO = 1,     /* the range must include 0 (bars, differences) */
	TICKS_SYMMETRIC = 2 /* make the range symmetric about 0 when the data
			     * have both signs */
};

struct ticks {
	double lo, hi; /* the axis range: the first and last tick */
	double step;   /* 1, 2 or 5 times a power of ten */
	int n;         /* number of ticks, 2 .. TICKS_MAX */
	double v[TICKS_MAX]; /* lo + i step, with values within 1e-9 step of
			      * 0 set to exactly 0 */
	int decimals;  /* decimals that show every tick exactly */
};

/* Loose nice ticks covering [lo, hi]: the smallest step of 1, 2 or 5 times
 * a power of ten for which floor(lo/step) .. ceil(hi/step) spans at most
 * max_intervals steps (2 <= max_intervals < TICKS_MAX).  A degenerate range
 * (lo == hi) is widened to [lo - |lo|/10, lo + |lo|/10], or [0, 1] at 0.
 * lo > hi is swapped.  Non-finite input gives [0, 1]. */
void layout_ticks(double lo, double hi, int max_intervals, int flags,
		  struct ticks *t);

/* ---- Money and percentages ---- */

enum money_unit { UNIT_ONE, UNIT_K, UNIT_M, UNIT_B };

/* How one axis writes its money ticks: one unit and one number of decimals
 * for every label ("$0", "$0.5M", "$1.0M", "$1.5M"). */
struct money_axis {
	enum money_unit unit;
	int decimals;
	int plus; /* write "+" before positive amounts (difference axes) */
};

/* Chooses the unit (from the largest tick) and the decimals (from the
 * step) for ticks t. */
void layout_money_axis(const struct ticks *t, int plus, struct money_axis *ax);

/* A tick label: "$1.5M", "\u2212$250K", "+$0.5M", "$0".  Returns buf. */
char *layout_money_tick(const struct money_axis *ax, double v,
			char buf[LAYOUT_LABEL_MAX]);

/* A data label to three significant figures: "$1.53M", "$850K", "$12.5K",
 * "$1,250", "$32", "$3.50", "\u2212$0.3M" style; with plus, positive
 * amounts get "+".  Below $10 two decimals, below $10,000 whole dollars
 * with a comma, then K, M and B with trailing zeros dropped (but M and B
 * below 100 keep one decimal: "$1.0M").  Returns buf. */
char *layout_money_short(double x, int plus, char buf[LAYOUT_LABEL_MAX]);

/* Money in full for tables: "$1,250,000", "\u2212$3,400", rounded to
 * whole dollars (to cents below $10); with plus, "+" on positive amounts.
 * Returns buf. */
char *layout_money_full(double x, int plus, char buf[LAYOUT_LABEL_MAX]);

/* Money in the exhibits' data tables: exact to the dollar, whatever the
 * amount, so that a column never mixes "$7.83" with "$15": "$1,250,000",
 * "\u2212$3,400", "$8"; with plus, "+" on positive amounts. */
char *layout_money_dollars(double x, int plus, char buf[LAYOUT_LABEL_MAX]);

/* A whole percentage of a share p in 0..1: "17%"; "<1%" for 0 < p < 0.005
 * and ">99%" for 0.995 <= p < 1, so that a share is never rounded to an
 * impossible 0% or 100%.  Returns buf. */
char *layout_percent(double p, char buf[LAYOUT_LABEL_MAX]);

/* A plain number to three significant figures, e.g. "0.0126", "4,702",
 * "1.25e+07" never (large numbers are grouped).  Returns buf. */
char *layout_number_short(double x, char buf[LAYOUT_LABEL_MAX]);

/* ---- Scales ---- */

/* A linear map from the data interval [d0, d1] to the page interval
 * [p0, p1] (p1 < p0 for a y axis drawn upwards). */
struct scale {
	double d0, d1, p0, p1;
};

double scale_map(const struct scale *s, double v);

/* ---- Histogram bins ---- */

/* The number of adjacent bins to merge so that at most max_bars remain:
 * 1, 2 or 5 times a power of ten.  Merged bins then have edges at multiples
 * of factor x width, so a bin edge at 0 stays an edge. */
size_t layout_bin_factor(size_t nbins, size_t max_bars);

/* The merged bin that holds the original bin whose low edge is low, for
 * bins of width width merged by factor: floor(low / (width factor)), with
 * low/width rounded to the nearest whole number first. */
long layout_merged_bin(double low, double width, size_t factor);

/* ---- Label placement ---- */

/* Places n labels along one axis as near as possible to their wanted
 * positions want[i], keeping their order, at least gap apart and within
 * [lo, hi] when there is room: out[i] is the placed position.  Labels are
 * pushed apart from their wanted positions symmetrically within each
 * cluster that overlaps (a cluster moves to the mean of its members'
 * wanted positions). */
void layout_spread(const double *want, size_t n, double gap, double lo,
		   double hi, double *out);

/* ---- Text ---- */

/* Breaks text into lines no wider than width (at spaces; a word wider than
 * width gets a line of its own).  Returns the number of lines; *lines is a
 * malloc'ed array of malloc'ed strings (free with layout_lines_free). */
size_t layout_wrap(const struct text_measure *tm, const char *text,
		   enum dl_font font, double size, double width, char ***lines);

void layout_lines_free(char **lines, size_t n);

/* Shortens text with a trailing "..." (U+2026) until it fits in width.
 * Returns a malloc'ed string. */
char *layout_ellipsize(const struct text_measure *tm, const char *text,
		       enum dl_font font, double size, double width);

#endif
