/* Colours and line styles of the exhibits (see style.h). */
#include "chart/style.h"

#include <math.h>

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

uint32_t style_category(int i)
{
	/* Tol's muted scheme, ordered so that neighbours alternate light and
	 * dark: L* 79, 22, 82, 44, 64, 32, 62, 46, 88, 56. */
	static const uint32_t v[] = {0x88CCEEu, 0x332288u, 0xDDCC77u,
				     0x117733u, 0x44AA99u, 0x882255u,
				     0x999933u, 0xAA4499u, 0xDDDDDDu,
				     0xCC6677u};
	int n = (int)(sizeof(v) / sizeof(v[0]));
	return v[((i % n) + n) % n];
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
