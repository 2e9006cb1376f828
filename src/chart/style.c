/* Colours and line styles of the exhibits (see style.h). */
#include "chart/style.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

struct option_style style_option(int i)
{
	/* Tol high-contrast blue, red, yellow; then black, Tol green, grey.
	 * L* 29, 50, 73, 0, 50, 43. */
	static const struct option_style v[] = {
		{0x004488u, DASH_SOLID, SHAPE_CIRCLE, 0},
		{0xBB5566u, DASH_DASHED, SHAPE_SQUARE, 0},
		{0xDDAA33u, DASH_DOTTED, SHAPE_DIAMOND, 1},
		{0x000000u, DASH_DASHDOT, SHAPE_TRIANGLE, 0},
		{0x228833u, DASH_LONG, SHAPE_CIRCLE, 0},
		{0x666666u, DASH_DASHED, SHAPE_SQUARE, 0},
	};
	int n = (int)(sizeof(v) / sizeof(v[0]));
	return v[((i % n) + n) % n];
}

static uint32_t mix(uint32_t colour, double a, double base)
{
	uint32_t out = 0;
	for (int shift = 16; shift >= 0; shift -= 8) {
		double c = (double)((colour >> shift) & 0xFF);
		long v = lround(a * c + (1 - a) * base);
		if (v < 0)
			v = 0;
		if (v > 255)
			v = 255;
		out |= (uint32_t)v << shift;
	}
	return out;
}

uint32_t style_tint(uint32_t colour, double a)
{
	return mix(colour, a, 255);
}

uint32_t style_shade(uint32_t colour, double a)
{
	return mix(colour, a, 0);
}

static double linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double style_lightness(uint32_t colour)
{
	double r = linear((double)((colour >> 16) & 0xFF) / 255);
	double g = linear((double)((colour >> 8) & 0xFF) / 255);
	double b = linear((double)(colour & 0xFF) / 255);
	double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389.0 / 27;
}

uint32_t style_at_lightness(uint32_t colour, double l)
{
	int lighten = style_lightness(colour) < l;
	double lo = 0, hi = 1; /* share of colour in the mix */
	for (int i = 0; i < 40; i++) {
		double a = (lo + hi) / 2;
		uint32_t c = lighten ? style_tint(colour, a)
				     : style_shade(colour, a);
		/* More colour: lighter when shading, darker when tinting. */
		if ((style_lightness(c) > l) == lighten)
			lo = a;
		else
			hi = a;
	}
	double a = (lo + hi) / 2;
	return lighten ? style_tint(colour, a) : style_shade(colour, a);
}

uint32_t style_option_line(int i)
{
	uint32_t c = style_option(i).colour;
	return style_lightness(c) > 60 ? style_at_lightness(c, 60) : c;
}

double style_luminance(uint32_t colour)
{
	return 0.2126 * linear((double)((colour >> 16) & 0xFF) / 255) +
	       0.7152 * linear((double)((colour >> 8) & 0xFF) / 255) +
	       0.0722 * linear((double)(colour & 0xFF) / 255);
}

double style_contrast(uint32_t a, uint32_t b)
{
	double la = style_luminance(a), lb = style_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

uint32_t style_option_text(int i)
{
	uint32_t c = style_option(i).colour;
	for (double l = style_lightness(c);
	     style_contrast(c, STYLE_WHITE) < 4.5 && l > 0; l -= 1)
		c = style_at_lightness(style_option(i).colour, l);
	return c;
}

uint32_t style_cat_level(int k)
{
	/* Tol's muted hues, one per level, darkest to lightest: indigo,
	 * wine, green, rose, teal, olive, cyan, sand. */
	static const uint32_t hue[STYLE_CAT_LEVELS] = {
		0x332288u, 0x882255u, 0x117733u, 0xCC6677u,
		0x44AA99u, 0x999933u, 0x88CCEEu, 0xDDCC77u};
	k = k < 0 ? 0 : k >= STYLE_CAT_LEVELS ? STYLE_CAT_LEVELS - 1 : k;
	return style_at_lightness(hue[k], 22 + STYLE_CAT_STEP * k);
}

int style_cat_preferred(const char *name)
{
	uint32_t h = 0x811C9DC5u;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 0x01000193u;
	h ^= 589; /* the seed (see style.h) */
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	h *= 0xC2B2AE35u;
	h ^= h >> 16;
	return (int)(h % STYLE_CAT_LEVELS);
}

static int cmp_name(const void *a, const void *b, const char *const *names)
{
	return strcmp(names[*(const size_t *)a], names[*(const size_t *)b]);
}

void style_categories(const char *const *names, size_t n,
		      struct cat_style *out)
{
	/* Indices in name order (insertion sort: a chart has few). */
	size_t *ord = xmalloc((n ? n : 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j > 0 && cmp_name(&ord[j - 1], &i, names) > 0) {
			ord[j] = ord[j - 1];
			j--;
		}
		ord[j] = i;
	}
	int taken[STYLE_CAT_LEVELS] = {0};
	int round = 0, used = 0;
	for (size_t r = 0; r < n; r++) {
		size_t i = ord[r];
		if (used == STYLE_CAT_LEVELS) {
			memset(taken, 0, sizeof(taken));
			used = 0;
			round++;
		}
		int want = style_cat_preferred(names[i]), k = want;
		for (int dist = 1; taken[k]; dist++) {
			if (want + dist < STYLE_CAT_LEVELS &&
			    !taken[want + dist])
				k = want + dist;
			else if (want - dist >= 0 && !taken[want - dist])
				k = want - dist;
		}
		taken[k] = 1;
		used++;
		uint32_t fill = style_cat_level(k);
		out[i] = (struct cat_style){
			fill, k, round > 0,
			style_contrast(fill, 0x000000u) >=
					style_contrast(fill, STYLE_WHITE)
				? 0x000000u
				: STYLE_WHITE};
	}
	free(ord);
}
