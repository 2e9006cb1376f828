/* The look shared by every exhibit: page geometry, type sizes, line
 * widths, and the colours and line styles of options and categories.
 *
 * Options keep one colour and one line style in every exhibit, in the
 * order of the result files (Paul Tol's high-contrast scheme first, which
 * survives greyscale printing; dash patterns tell the options apart even
 * without colour).  Bands are opaque tints, never transparency. */
#ifndef EDTCO_CHART_STYLE_H
#define EDTCO_CHART_STYLE_H

#include <stddef.h>
#include <stdint.h>

#include "chart/dlist.h"

/* A standalone exhibit: 7 x 5.25 inches. */
#define STYLE_CHART_W 504.0
#define STYLE_CHART_H 378.0
/* The packet: US Letter, portrait. */
#define STYLE_PAGE_W 612.0
#define STYLE_PAGE_H 792.0
#define STYLE_MARGIN 18.0 /* inside a standalone exhibit */

/* Type sizes, points (CHARTS.md section 2: nothing below 7). */
#define STYLE_TITLE 13.0
#define STYLE_TITLE_MIN 10.0 /* a long title shrinks to this */
#define STYLE_SUBTITLE 9.0
#define STYLE_LABEL 8.0
#define STYLE_SMALL 7.5
#define STYLE_NOTE 7.0

/* Line widths, points. */
#define STYLE_DATA_LW 2.0
#define STYLE_AXIS_LW 0.75
#define STYLE_GRID_LW 0.5

#define STYLE_INK 0x222222u    /* text and axes */
#define STYLE_MUTED 0x555555u  /* subtitles, notes */
#define STYLE_GRID 0xD9D9D9u   /* gridlines */
#define STYLE_REF 0x777777u    /* reference lines */
#define STYLE_WHITE 0xFFFFFFu

struct option_style {
	uint32_t colour;
	enum dl_dash dash;
	enum dl_shape shape;
	int needs_edge; /* a light colour: outline fills and marks in ink */
};

/* The style of the i-th option (0-based; cycles after 6). */
struct option_style style_option(int i);

/* A tint of colour: a mix of share a (0..1) of colour with 1 - a of
 * white, per channel, rounded to the nearest integer. */
uint32_t style_tint(uint32_t colour, double a);

/* A darker shade: share a of colour with 1 - a of black. */
uint32_t style_shade(uint32_t colour, double a);

/* The colour of colour's hue at CIE lightness l (0..100): a tint towards
 * white when colour is darker than l, a shade towards black when it is
 * lighter, so that bands of every option step alike in greyscale. */
uint32_t style_at_lightness(uint32_t colour, double l);

/* The colour of lines drawn in option i's style on white: its colour,
 * darkened to L* 60 when lighter (Tol's yellow). */
uint32_t style_option_line(int i);

/* Categories: a fixed palette of STYLE_CAT_LEVELS colours, one hue
 * each, at CIE lightness 22, 32, ... 92, so that any two differ by at
 * least STYLE_CAT_STEP L* in greyscale. */
#define STYLE_CAT_LEVELS 8
#define STYLE_CAT_STEP 10.0

/* The colour of level k (0: darkest) of the category palette. */
uint32_t style_cat_level(int k);

/* The level a category name prefers: a hash of the name (FNV-1a, then
 * mixed), so the same category has the same colour in every chart and
 * every model.  The hash's seed is chosen so that the usual categories
 * (Exit, Hosting, Licensing, Migration, Privacy risk, Staff, Support,
 * Training) prefer eight different levels. */
int style_cat_preferred(const char *name);

/* How one chart draws a category. */
struct cat_style {
	uint32_t fill;
	int level;  /* 0 .. STYLE_CAT_LEVELS - 1 */
	int hatch;  /* 1: hatched, the second cue for a category that
		     * shares its level with another (more than
		     * STYLE_CAT_LEVELS categories in one chart) */
	uint32_t text; /* black or white, whichever contrasts more with
			* fill (at least 4.58:1 for any fill) */
};

/* The styles of the n distinct categories names[] of one chart.  In name
 * order, each takes its preferred level when no category before it has
 * taken it, else the nearest free level (the lighter first at equal
 * distance); past STYLE_CAT_LEVELS categories, levels are used again,
 * hatched.  So within a chart any two unhatched categories differ by a
 * whole level, and a category keeps its colour in every chart where its
 * preferred level is free. */
void style_categories(const char *const *names, size_t n,
		      struct cat_style *out);

/* WCAG 2 relative luminance (0..1) of an sRGB colour, and the contrast
 * ratio (1..21) of two colours. */
double style_luminance(uint32_t colour);
double style_contrast(uint32_t a, uint32_t b);

/* The colour of text in option i's colour on white: its colour, darkened
 * (same hue) until it reaches a contrast of 4.5:1 (WCAG AA). */
uint32_t style_option_text(int i);

/* CIE L* (0..100) of an sRGB colour, for the greyscale checks. */
double style_lightness(uint32_t colour);

#endif
