/* A display list: the drawing of one page as plain primitives in points.
 *
 * The layout code (everything in chart/ but render.c) computes every
 * position and writes it here; render.c walks the list with cairo, the same
 * way for PNG, PDF and SVG.  So the list is the whole difference between the
 * numbers and the picture, and tests can inspect it without cairo.
 * Coordinates are in points (1/72 inch) from the top-left corner, y down. */
#ifndef EDTCO_CHART_DLIST_H
#define EDTCO_CHART_DLIST_H

#include <stddef.h>
#include <stdint.h>

/* Colours are 0xRRGGBB; DL_NONE means "no fill" or "no stroke". */
#define DL_NONE 0xFF000000u

enum dl_kind {
	DL_RECT, /* x, y, w, h */
	DL_PATH, /* pts: npts points; closed or open */
	DL_TEXT, /* text at x, y (the baseline), anchored */
	DL_MARK, /* a marker of size w (diameter) centred on x, y */
	DL_TAG   /* the start (closed 0) or end (closed 1) of a structure
		  * element of a tagged PDF: text is its type ("H1", "P",
		  * "Table", "TR", "TH", "TD", "L", "LI", "Figure"...), alt
		  * a Figure's text alternative; draws nothing */
};

enum dl_dash { DASH_SOLID, DASH_DASHED, DASH_DOTTED, DASH_DASHDOT, DASH_LONG };
enum dl_anchor { ANCHOR_LEFT, ANCHOR_CENTER, ANCHOR_RIGHT };
enum dl_font { FONT_REGULAR, FONT_BOLD };
enum dl_shape { SHAPE_CIRCLE, SHAPE_DIAMOND, SHAPE_SQUARE, SHAPE_TRIANGLE };

struct dl_item {
	enum dl_kind kind;
	uint32_t fill;      /* DL_NONE or a colour (text: the text colour) */
	uint32_t stroke;    /* DL_NONE or a colour */
	double lw;          /* stroke width, points */
	enum dl_dash dash;
	int closed;         /* DL_PATH: close the path */
	int snap;           /* on raster output, snap to device pixels */
	double x, y, w, h;
	double *pts;        /* DL_PATH: x0, y0, x1, y1, ...; owned */
	size_t npts;        /* number of points (pts holds 2 npts values) */
	char *text;         /* DL_TEXT: UTF-8; DL_TAG: the type; owned */
	char *alt;          /* DL_TAG: a Figure's text alternative, or
			     * NULL; owned */
	char *attrs;        /* DL_TAG: cairo tag attributes ("page=3" for a
			     * Link), or NULL; owned */
	double size;        /* DL_TEXT: font size, points */
	enum dl_font font;
	enum dl_anchor anchor;
	int vertical;       /* DL_TEXT: rotated 90 degrees counter-clockwise */
	enum dl_shape shape;
	int hatch;          /* DL_RECT: diagonal hatching over the fill, in
			     * ink or white (whichever contrasts more) */
};

struct dlist {
	struct dl_item *v;
	size_t n, cap;
	double width, height; /* the page, points */
};

/* An empty list for a page of width x height points. */
void dlist_init(struct dlist *d, double width, double height);
void dlist_free(struct dlist *d);

/* Appends an item and returns it for further settings; the pointer is
 * valid until the next append. */
struct dl_item *dlist_add(struct dlist *d, enum dl_kind kind);

/* A filled (fill != DL_NONE) and/or stroked rectangle. */
struct dl_item *dl_rect(struct dlist *d, double x, double y, double w,
			double h, uint32_t fill, uint32_t stroke, double lw);

/* A straight line from (x0, y0) to (x1, y1). */
struct dl_item *dl_line(struct dlist *d, double x0, double y0, double x1,
			double y1, uint32_t colour, double lw,
			enum dl_dash dash);

/* A path through n points (xy holds 2 n values, copied). */
struct dl_item *dl_path(struct dlist *d, const double *xy, size_t n,
			int closed, uint32_t fill, uint32_t stroke, double lw,
			enum dl_dash dash);

/* Text with its baseline at y, anchored at x (text copied). */
struct dl_item *dl_text(struct dlist *d, double x, double y, const char *text,
			enum dl_font font, double size, uint32_t colour,
			enum dl_anchor anchor);

/* A marker of diameter size centred on (x, y). */
struct dl_item *dl_mark(struct dlist *d, double x, double y, double size,
			enum dl_shape shape, uint32_t fill, uint32_t stroke,
			double lw);

/* Opens a structure element of type tag ("P", "Figure"...) with text
 * alternative alt (NULL: none; copied); items until the matching
 * dl_tag_end belong to it.  Elements nest like parentheses within a
 * page. */
void dl_tag_begin(struct dlist *d, const char *tag, const char *alt);
void dl_tag_end(struct dlist *d, const char *tag);

/* Marks the top of this page as the destination "page<N>" (N: page,
 * 1-based), a named destination of the PDF. */
void dl_tag_dest(struct dlist *d, size_t page);

/* Opens a Link element to the destination dl_tag_dest made for page;
 * close it with dl_tag_end(d, "Link").  Its text is the link's area.
 * (A named destination, because cairo 1.16 writes a link to a page
 * number that comes later in the file without its target.) */
void dl_tag_link(struct dlist *d, size_t page);

/* Appends every item of src to d, moved by (dx, dy); src is unchanged. */
void dlist_append(struct dlist *d, const struct dlist *src, double dx,
		  double dy);

#endif
