/* Chart layout arithmetic, on fixed inputs with exact expected values:
 * nice ticks (degenerate, negative and near-zero ranges), money and
 * percentage labels (no "-$0"), scales, histogram bins merged with an
 * edge kept at $0, label placement, text wrapping, and the palette's
 * greyscale steps. */
#include "helpers.h"

#include "chart/layout.h"
#include "chart/style.h"

#define MINUS "\xE2\x88\x92"

static void check_ticks(double lo, double hi, int max, int flags,
			const double *want, int n, double step)
{
	struct ticks t;
	layout_ticks(lo, hi, max, flags, &t);
	if (t.n != n)
		fail_msg("ticks(%g, %g, %d): %d ticks, want %d (step %g)", lo,
			 hi, max, t.n, n, t.step);
	for (int i = 0; i < n; i++)
		if (t.v[i] != want[i]) /* exact: no accumulated error */
			fail_msg("ticks(%g, %g): v[%d] = %.17g, want %.17g", lo,
				 hi, i, t.v[i], want[i]);
	assert_true(t.step == step);
	assert_true(t.lo == want[0] && t.hi == want[n - 1]);
}

static void test_ticks_nice_steps(void **state)
{
	(void)state;
	/* 1-2-5 steps, loose: the ticks enclose the data. */
	check_ticks(0, 1000000, 5, 0,
		    (double[]){0, 200000, 400000, 600000, 800000, 1000000}, 6,
		    200000);
	check_ticks(13, 87, 5, 0, (double[]){0, 20, 40, 60, 80, 100}, 6, 20);
	check_ticks(8.1, 14.1, 4, 0, (double[]){8, 10, 12, 14, 16}, 5, 2);
	check_ticks(240000, 2510000, 6, 0,
		    (double[]){0, 500000, 1000000, 1500000, 2000000, 2500000,
			       3000000},
		    7, 500000);
	/* Ticks are k * step computed once: 0.3, never 0.30000000000000004. */
	check_ticks(0, 0.9, 9, 0,
		    (double[]){0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8,
			       0.9},
		    10, 0.1);
	struct ticks t;
	layout_ticks(0, 0.9, 9, 0, &t);
	assert_int_equal(t.decimals, 1);
	layout_ticks(0, 1e6, 5, 0, &t);
	assert_int_equal(t.decimals, 0);
}

static void test_ticks_negative_and_zero(void **state)
{
	(void)state;
	/* Negative range. */
	check_ticks(-870, -130, 5, 0, (double[]){-1000, -800, -600, -400,
						 -200, 0},
		    6, 200);
	/* With at most 4 intervals, 200 would need 5: the step grows. */
	check_ticks(-870, -130, 4, 0, (double[]){-1000, -500, 0}, 3, 500);
	/* TICKS_ZERO pulls 0 in; both signs stay asymmetric unless asked. */
	check_ticks(120, 480, 5, TICKS_ZERO,
		    (double[]){0, 100, 200, 300, 400, 500}, 6, 100);
	check_ticks(-30000, 70000, 6, 0,
		    (double[]){-40000, -20000, 0, 20000, 40000, 60000, 80000},
		    7, 20000);
	/* Symmetric about 0 for a difference axis: [-70000, 70000]. */
	check_ticks(-30000, 70000, 5, TICKS_SYMMETRIC,
		    (double[]){-100000, -50000, 0, 50000, 100000}, 5, 50000);
	/* Values within 1e-9 of a step from 0 are exactly 0 (no "-0"). */
	check_ticks(-0.3, 0.3, 6, 0,
		    (double[]){-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3}, 7, 0.1);
}

static void test_ticks_degenerate(void **state)
{
	(void)state;
	/* lo == hi: widened by a tenth of the value each side. */
	check_ticks(50, 50, 5, 0, (double[]){45, 50, 55}, 3, 5);
	check_ticks(-50, -50, 5, 0, (double[]){-55, -50, -45}, 3, 5);
	/* All zero: [0, 1]. */
	check_ticks(0, 0, 5, 0, (double[]){0, 0.2, 0.4, 0.6, 0.8, 1}, 6, 0.2);
	/* Near zero, tiny range. */
	check_ticks(1e-7, 3e-7, 2, 0, (double[]){1e-7, 2e-7, 3e-7}, 3, 1e-7);
	/* Reversed and non-finite input. */
	check_ticks(100, 0, 5, 0, (double[]){0, 20, 40, 60, 80, 100}, 6, 20);
	check_ticks(NAN, 3, 5, 0, (double[]){0, 0.2, 0.4, 0.6, 0.8, 1}, 6,
		    0.2);
}

static void test_money_axis_labels(void **state)
{
	(void)state;
	char b[LAYOUT_LABEL_MAX];
	struct ticks t;
	struct money_axis ax;
	/* One unit and one number of decimals per axis. */
	layout_ticks(0, 1500000, 3, 0, &t);
	layout_money_axis(&t, 0, &ax);
	assert_int_equal(ax.unit, UNIT_M);
	assert_int_equal(ax.decimals, 1);
	assert_string_equal(layout_money_tick(&ax, 0, b), "$0");
	assert_string_equal(layout_money_tick(&ax, 500000, b), "$0.5M");
	assert_string_equal(layout_money_tick(&ax, 1000000, b), "$1.0M");
	/* Thousands, with a sign on difference axes; never "-$0". */
	layout_ticks(-300000, 300000, 6, 0, &t);
	layout_money_axis(&t, 1, &ax);
	assert_int_equal(ax.unit, UNIT_K);
	assert_string_equal(layout_money_tick(&ax, -300000, b),
			    MINUS "$300K");
	assert_string_equal(layout_money_tick(&ax, 100000, b), "+$100K");
	assert_string_equal(layout_money_tick(&ax, -0.0, b), "$0");
	assert_string_equal(layout_money_tick(&ax, -1e-9, b), "$0");
	/* Dollars, with cents when the step is below $1. */
	layout_ticks(0, 2, 4, 0, &t);
	layout_money_axis(&t, 0, &ax);
	assert_int_equal(ax.unit, UNIT_ONE);
	assert_string_equal(layout_money_tick(&ax, 1.5, b), "$1.50");
	layout_ticks(0, 8000, 4, 0, &t);
	layout_money_axis(&t, 0, &ax);
	assert_string_equal(layout_money_tick(&ax, 6000, b), "$6,000");
	layout_ticks(0, 3e9, 3, 0, &t);
	layout_money_axis(&t, 0, &ax);
	assert_string_equal(layout_money_tick(&ax, 2e9, b), "$2B");
}

static void test_money_short_and_full(void **state)
{
	(void)state;
	char b[LAYOUT_LABEL_MAX];
	assert_string_equal(layout_money_short(1528574.33, 0, b), "$1.53M");
	assert_string_equal(layout_money_short(1000000, 0, b), "$1.0M");
	assert_string_equal(layout_money_short(999600, 0, b), "$1.0M");
	assert_string_equal(layout_money_short(850000, 0, b), "$850K");
	assert_string_equal(layout_money_short(12500, 0, b), "$12.5K");
	assert_string_equal(layout_money_short(10000, 0, b), "$10K");
	assert_string_equal(layout_money_short(1250, 0, b), "$1,250");
	assert_string_equal(layout_money_short(32.32, 0, b), "$32");
	assert_string_equal(layout_money_short(3.5, 0, b), "$3.50");
	assert_string_equal(layout_money_short(-300000, 0, b), MINUS "$300K");
	assert_string_equal(layout_money_short(170000, 1, b), "+$170K");
	assert_string_equal(layout_money_short(-0.001, 1, b), "$0");
	assert_string_equal(layout_money_short(0, 1, b), "$0");
	assert_string_equal(layout_money_short(2.5e9, 0, b), "$2.5B");
	assert_string_equal(layout_money_full(1250000, 0, b), "$1,250,000");
	assert_string_equal(layout_money_full(-3400.4, 0, b), MINUS "$3,400");
	assert_string_equal(layout_money_full(4.1, 1, b), "+$4.10");
	assert_string_equal(layout_money_full(-0.4, 1, b), MINUS "$0.40");
	assert_string_equal(layout_money_full(-0.004, 1, b), "$0");
	/* Data tables: to the dollar whatever the amount. */
	assert_string_equal(layout_money_dollars(7.83, 0, b), "$8");
	assert_string_equal(layout_money_dollars(15, 0, b), "$15");
	assert_string_equal(layout_money_dollars(226123.5, 1, b),
			    "+$226,124");
	assert_string_equal(layout_money_dollars(-5560.2, 1, b),
			    MINUS "$5,560");
	assert_string_equal(layout_money_dollars(-0.4, 1, b), "$0");
	assert_string_equal(layout_money_dollars(0.5, 0, b), "$1");
	/* 2.495 is held as 2.49499..., read to the cent as 2.50 first. */
	assert_string_equal(layout_money_dollars(1002.495, 0, b), "$1,003");
}

static void test_percent_and_numbers(void **state)
{
	(void)state;
	char b[LAYOUT_LABEL_MAX];
	assert_string_equal(layout_percent(0.1721, b), "17%");
	assert_string_equal(layout_percent(0.625, b), "63%");
	assert_string_equal(layout_percent(0, b), "0%");
	assert_string_equal(layout_percent(1, b), "100%");
	/* Never an impossible 0% or 100% for a share strictly between. */
	assert_string_equal(layout_percent(0.004, b), "<1%");
	assert_string_equal(layout_percent(0.996, b), ">99%");
	assert_string_equal(layout_percent(0.005, b), "1%");
	assert_string_equal(layout_number_short(-0.0125678, b),
			    MINUS "0.0126");
	assert_string_equal(layout_number_short(0.03, b), "0.03");
	assert_string_equal(layout_number_short(4702, b), "4,702");
	assert_string_equal(layout_number_short(41.5, b), "41.5");
	assert_string_equal(layout_number_short(-0.00001, b), MINUS "0.00001");
	assert_string_equal(layout_number_short(0, b), "0");
}

static void test_scale(void **state)
{
	(void)state;
	struct scale s = {0, 100, 300, 100}; /* a y axis drawn upwards */
	assert_double_near(scale_map(&s, 0), 300, 0);
	assert_double_near(scale_map(&s, 100), 100, 0);
	assert_double_near(scale_map(&s, 25), 250, 0);
	struct scale flat = {5, 5, 10, 20};
	assert_double_near(scale_map(&flat, 7), 10, 0);
}

static void test_bins_stay_aligned_on_zero(void **state)
{
	(void)state;
	assert_int_equal(layout_bin_factor(120, 120), 1);
	assert_int_equal(layout_bin_factor(121, 120), 2);
	assert_int_equal(layout_bin_factor(257, 120), 5);
	assert_int_equal(layout_bin_factor(1000, 120), 10);
	assert_int_equal(layout_bin_factor(5000, 40), 200);
	/* Bins of 50,000 merged by 5: groups of 250,000 with edges at
	 * multiples of 250,000, so $0 is an edge. */
	assert_int_equal(layout_merged_bin(-50000, 50000, 5), -1);
	assert_int_equal(layout_merged_bin(-250000, 50000, 5), -1);
	assert_int_equal(layout_merged_bin(-300000, 50000, 5), -2);
	assert_int_equal(layout_merged_bin(0, 50000, 5), 0);
	assert_int_equal(layout_merged_bin(200000, 50000, 5), 0);
	assert_int_equal(layout_merged_bin(250000, 50000, 5), 1);
	/* Edges read from a file with rounding: -2,750,000.00 / 50,000. */
	assert_int_equal(layout_merged_bin(-2750000.0000001, 50000, 1), -55);
	/* Every original bin [k w, (k+1) w) falls in exactly one merged bin
	 * [m K w, (m+1) K w), and none straddles 0. */
	for (long k = -60; k < 60; k++) {
		long m = layout_merged_bin((double)k * 50000, 50000, 5);
		assert_true(m * 5 <= k && k < (m + 1) * 5);
		assert_true((k < 0) == (m < 0));
	}
}

static void test_spread_labels(void **state)
{
	(void)state;
	double out[4];
	/* Apart already: unchanged. */
	layout_spread((double[]){10, 30, 60}, 3, 5, 0, 100, out);
	assert_double_near(out[0], 10, 0);
	assert_double_near(out[1], 30, 0);
	assert_double_near(out[2], 60, 0);
	/* Two overlap: centred on their mean (11), 5 apart. */
	layout_spread((double[]){10, 12, 30}, 3, 5, 0, 100, out);
	assert_double_near(out[0], 8.5, 1e-12);
	assert_double_near(out[1], 13.5, 1e-12);
	assert_double_near(out[2], 30, 0);
	/* A chain: the first pair pushes into the third, which joins it:
	 * mean (10 + 12 + 15) / 3 = 12.333, span 10. */
	layout_spread((double[]){10, 12, 15}, 3, 5, 0, 100, out);
	assert_double_near(out[0], 37.0 / 3 - 5, 1e-12);
	assert_double_near(out[1], 37.0 / 3, 1e-12);
	assert_double_near(out[2], 37.0 / 3 + 5, 1e-12);
	/* Kept inside [lo, hi], order by wanted position, any input order. */
	layout_spread((double[]){99, 98, 1}, 3, 5, 0, 100, out);
	assert_double_near(out[2], 1, 0);
	assert_double_near(out[1], 95, 1e-12);
	assert_double_near(out[0], 100, 1e-12);
	layout_spread((double[]){0, 0, 0, 0}, 4, 5, 0, 100, out);
	for (int i = 0; i < 4; i++)
		assert_double_near(out[i], 5.0 * i, 1e-12);
}

/* A fake measure: each character (UTF-8 code point) is half the font
 * size wide, bold ones 0.6. */
static double fake_width(void *ctx, const char *s, enum dl_font f,
			 double size)
{
	(void)ctx;
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return (double)n * size * (f == FONT_BOLD ? 0.6 : 0.5);
}

static void test_wrap_and_ellipsize(void **state)
{
	(void)state;
	struct text_measure tm = {fake_width, NULL};
	char **lines;
	/* 10 pt: 5 pt a character, so 60 pt holds 12 characters. */
	size_t n = layout_wrap(&tm, "the quick brown fox jumps over",
			       FONT_REGULAR, 10, 60, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "the quick");
	assert_string_equal(lines[1], "brown fox");
	assert_string_equal(lines[2], "jumps over");
	layout_lines_free(lines, n);
	/* A word wider than the line keeps a line of its own; \n breaks. */
	n = layout_wrap(&tm, "a supercalifragilistic b\nc", FONT_REGULAR, 10,
			60, &lines);
	assert_int_equal(n, 4);
	assert_string_equal(lines[1], "supercalifragilistic");
	assert_string_equal(lines[3], "c");
	layout_lines_free(lines, n);
	n = layout_wrap(&tm, "", FONT_REGULAR, 10, 60, &lines);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "");
	layout_lines_free(lines, n);
	char *e = layout_ellipsize(&tm, "BOCES regional service", FONT_REGULAR,
				   10, 50);
	/* 10 characters: 9 kept (trailing space dropped) + the ellipsis. */
	assert_string_equal(e, "BOCES reg\xE2\x80\xA6");
	free(e);
	e = layout_ellipsize(&tm, "short", FONT_REGULAR, 10, 50);
	assert_string_equal(e, "short");
	free(e);
}

static void test_palette_greyscale(void **state)
{
	(void)state;
	/* Tol's high-contrast trio: L* 29, 50, 73 (CHARTS.md 2). */
	assert_int_equal(style_option(0).colour, 0x004488u);
	assert_double_within(style_lightness(0x004488u), 29.2, 0.2);
	assert_double_within(style_lightness(0xBB5566u), 49.5, 0.2);
	assert_double_within(style_lightness(0xDDAA33u), 72.5, 0.2);
	assert_double_within(style_lightness(0xFFFFFFu), 100, 1e-9);
	assert_double_within(style_lightness(0x000000u), 0, 1e-9);
	/* Options keep their style: the fourth differs from the first
	 * three in dash too. */
	for (int i = 0; i < 3; i++)
		assert_true(style_option(3).dash != style_option(i).dash);
	assert_int_equal(style_tint(0x004488u, 0.5), 0x80A2C4u);
	assert_int_equal(style_shade(0xFFFFFFu, 0.5), 0x808080u);
	/* Bands of every hue reach the same greyscale steps. */
	for (int i = 0; i < 3; i++) {
		uint32_t c = style_option(i).colour;
		assert_double_within(style_lightness(style_at_lightness(c, 91)),
				     91, 0.6);
		assert_double_within(style_lightness(style_at_lightness(c, 30)),
				     30, 0.6);
	}
	/* The category palette: levels STYLE_CAT_STEP L* apart. */
	for (int k = 0; k < STYLE_CAT_LEVELS; k++)
		assert_double_within(style_lightness(style_cat_level(k)),
				     22 + STYLE_CAT_STEP * k, 0.6);
}

/* The greyscale (CIE L*) distance below which two fills look alike on a
 * photocopy: the palette's step less the rounding of style_at_lightness
 * (0.6 L* each way). */
#define GREY_STEP (STYLE_CAT_STEP - 1.2)

/* Every pair of unhatched categories of one chart differs by GREY_STEP;
 * returns the number of hatched ones. */
static int check_chart(const char *const *names, size_t n,
		       struct cat_style *st)
{
	style_categories(names, n, st);
	int hatched = 0;
	for (size_t i = 0; i < n; i++) {
		hatched += st[i].hatch;
		/* Its name on it reaches WCAG AA. */
		assert_true(style_contrast(st[i].text, st[i].fill) >= 4.5);
		for (size_t j = 0; j < i; j++) {
			double gap = fabs(style_lightness(st[i].fill) -
					  style_lightness(st[j].fill));
			if (!st[i].hatch && !st[j].hatch && gap < GREY_STEP)
				fail_msg("%s and %s: %.1f L* apart", names[i],
					 names[j], gap);
			if (st[i].hatch == st[j].hatch && gap < GREY_STEP)
				fail_msg("%s and %s alike", names[i],
					 names[j]);
		}
	}
	return hatched;
}

static void test_category_colours(void **state)
{
	(void)state;
	/* The example's categories, and a smaller and another set: the
	 * same name, the same colour, whatever else the chart holds. */
	static const char *const a[] = {"Exit",	   "Hosting",	   "Licensing",
					"Migration", "Privacy risk", "Staff",
					"Support",   "Training"};
	static const char *const b[] = {"Training", "Staff", "Licensing",
					"Exit"};
	static const char *const c3[] = {"Staff", "Hardware", "Hosting"};
	struct cat_style sa[8], sb[4], sc[3];
	assert_int_equal(check_chart(a, 8, sa), 0);
	assert_int_equal(check_chart(b, 4, sb), 0);
	assert_int_equal(check_chart(c3, 3, sc), 0);
	assert_int_equal(sb[0].fill, sa[7].fill); /* Training */
	assert_int_equal(sb[1].fill, sa[5].fill); /* Staff */
	assert_int_equal(sb[2].fill, sa[2].fill); /* Licensing */
	assert_int_equal(sb[3].fill, sa[0].fill); /* Exit */
	assert_int_equal(sc[0].fill, sa[5].fill); /* Staff */
	assert_int_equal(sc[2].fill, sa[1].fill); /* Hosting */
	/* The usual eight prefer eight different levels, so each keeps its
	 * own colour in any chart. */
	for (int i = 0; i < 8; i++)
		assert_int_equal(sa[i].level, style_cat_preferred(a[i]));
	/* The same across runs: a pinned value. */
	assert_int_equal(style_cat_preferred("Licensing"), 4);
	/* Collisions: two names that prefer one level get two levels. */
	const char *same[2] = {NULL, NULL};
	static const char *const pool[] = {"Aid", "Backup", "Consulting",
					   "Devices", "Equipment", "Hardware",
					   "Integration", "Network", "Other",
					   "Security", "Storage", "Travel"};
	for (int i = 0; i < 12 && !same[1]; i++)
		for (int j = 0; j < i && !same[1]; j++)
			if (style_cat_preferred(pool[i]) ==
			    style_cat_preferred(pool[j])) {
				same[0] = pool[j];
				same[1] = pool[i];
			}
	assert_non_null(same[1]);
	struct cat_style s2[2];
	check_chart(same, 2, s2);
	assert_true(s2[0].level != s2[1].level);
	/* Twelve categories: eight levels, then hatched; the hatched ones
	 * still differ from each other by a step. */
	struct cat_style s12[12];
	assert_int_equal(check_chart(pool, 12, s12), 4);
}

/* Every text colour of the style reaches WCAG AA (4.5:1) on white. */
static void test_text_contrast(void **state)
{
	(void)state;
	assert_double_within(style_luminance(0xFFFFFFu), 1, 1e-12);
	assert_double_within(style_luminance(0x000000u), 0, 1e-12);
	assert_double_within(style_contrast(0x000000u, 0xFFFFFFu), 21, 1e-9);
	/* #767676 is the lightest grey that passes AA on white (4.54). */
	assert_double_within(style_contrast(0x767676u, 0xFFFFFFu), 4.54, 0.01);
	assert_true(style_contrast(STYLE_INK, STYLE_WHITE) >= 4.5);
	assert_true(style_contrast(STYLE_MUTED, STYLE_WHITE) >= 4.5);
	for (int i = 0; i < 6; i++) {
		uint32_t t = style_option_text(i);
		assert_true(style_contrast(t, STYLE_WHITE) >= 4.5);
		/* Already dark enough: unchanged. */
		if (style_contrast(style_option(i).colour, STYLE_WHITE) >= 4.5)
			assert_int_equal(t, style_option(i).colour);
	}
	/* Tol's yellow (2.1:1) is darkened for text. */
	assert_true(style_contrast(0xDDAA33u, STYLE_WHITE) < 2.2);
	assert_true(style_option_text(2) != 0xDDAA33u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ticks_nice_steps),
		cmocka_unit_test(test_ticks_negative_and_zero),
		cmocka_unit_test(test_ticks_degenerate),
		cmocka_unit_test(test_money_axis_labels),
		cmocka_unit_test(test_money_short_and_full),
		cmocka_unit_test(test_percent_and_numbers),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_category_colours),
		cmocka_unit_test(test_text_contrast),
		cmocka_unit_test(test_bins_stay_aligned_on_zero),
		cmocka_unit_test(test_spread_labels),
		cmocka_unit_test(test_wrap_and_ellipsize),
		cmocka_unit_test(test_palette_greyscale),
	};
	return cmocka_run_group_tests_name("chart_layout", tests, NULL, NULL);
}
