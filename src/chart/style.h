/* The look shared by every exhibit: page geometry, type sizes, line
 * widths, and the colours and line styles of options and categories.
 *
 * Options keep one colour and one line style in every exhibit, in the
 * order of the result files (Paul Tol's high-contrast scheme first, which
 * survives greyscale printing; dash patterns tell the options apart even
 * without colour).  Bands are opaque tints, never transparency. */
#ifndef EDTCO_CHART_STYLE_H
#define EDTCO_CHART_STYLE_H

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

/* The fill of the i-th category (alphabetical order, as in
 * categories.csv; cycles after 10).  Neighbours differ in lightness by at
 * least 15 L* so that stacked segments stay apart in greyscale. */
uint32_t style_category(int i);

/* CIE L* (0..100) of an sRGB colour, for the greyscale checks. */
double style_lightness(uint32_t colour);

#endif
