/* Display lists (see dlist.h). */
#include "chart/dlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void dlist_init(struct dlist *d, double width, double height)
{
	memset(d, 0, sizeof(*d));
	d->width = width;
	d->height = height;
}

void dlist_free(struct dlist *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].pts);
		free(d->v[i].text);
		free(d->v[i].alt);
		free(d->v[i].attrs);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

struct dl_item *dlist_add(struct dlist *d, enum dl_kind kind)
{
	GROW(d->v, d->cap, d->n + 1);
	struct dl_item *it = &d->v[d->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->fill = DL_NONE;
	it->stroke = DL_NONE;
	it->lw = 1;
	return it;
}

struct dl_item *dl_rect(struct dlist *d, double x, double y, double w,
			double h, uint32_t fill, uint32_t stroke, double lw)
{
	struct dl_item *it = dlist_add(d, DL_RECT);
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->fill = fill;
	it->stroke = stroke;
	it->lw = lw;
	return it;
}

struct dl_item *dl_line(struct dlist *d, double x0, double y0, double x1,
			double y1, uint32_t colour, double lw,
			enum dl_dash dash)
{
	double xy[4] = {x0, y0, x1, y1};
	return dl_path(d, xy, 2, 0, DL_NONE, colour, lw, dash);
}

struct dl_item *dl_path(struct dlist *d, const double *xy, size_t n,
			int closed, uint32_t fill, uint32_t stroke, double lw,
			enum dl_dash dash)
{
	struct dl_item *it = dlist_add(d, DL_PATH);
	it->pts = xmalloc(2 * (n ? n : 1) * sizeof(double));
	memcpy(it->pts, xy, 2 * n * sizeof(double));
	it->npts = n;
	it->closed = closed;
	it->fill = fill;
	it->stroke = stroke;
	it->lw = lw;
	it->dash = dash;
	return it;
}

struct dl_item *dl_text(struct dlist *d, double x, double y, const char *text,
			enum dl_font font, double size, uint32_t colour,
			enum dl_anchor anchor)
{
	struct dl_item *it = dlist_add(d, DL_TEXT);
	it->x = x;
	it->y = y;
	it->text = xstrdup(text);
	it->font = font;
	it->size = size;
	it->fill = colour;
	it->anchor = anchor;
	return it;
}

struct dl_item *dl_mark(struct dlist *d, double x, double y, double size,
			enum dl_shape shape, uint32_t fill, uint32_t stroke,
			double lw)
{
	struct dl_item *it = dlist_add(d, DL_MARK);
	it->x = x;
	it->y = y;
	it->w = size;
	it->shape = shape;
	it->fill = fill;
	it->stroke = stroke;
	it->lw = lw;
	return it;
}

void dl_tag_begin(struct dlist *d, const char *tag, const char *alt)
{
	struct dl_item *it = dlist_add(d, DL_TAG);
	it->text = xstrdup(tag);
	it->alt = alt ? xstrdup(alt) : NULL;
}

void dl_tag_dest(struct dlist *d, size_t page)
{
	char a[64];
	snprintf(a, sizeof(a), "name='page%zu' x=0 y=0", page);
	struct dl_item *it = dlist_add(d, DL_TAG);
	it->text = xstrdup("cairo.dest");
	it->attrs = xstrdup(a);
	dl_tag_end(d, "cairo.dest");
}

void dl_tag_link(struct dlist *d, size_t page)
{
	struct dl_item *it = dlist_add(d, DL_TAG);
	it->text = xstrdup("Link");
	char a[48];
	snprintf(a, sizeof(a), "dest='page%zu'", page);
	it->attrs = xstrdup(a);
}

void dl_tag_end(struct dlist *d, const char *tag)
{
	struct dl_item *it = dlist_add(d, DL_TAG);
	it->text = xstrdup(tag);
	it->closed = 1;
}

void dlist_append(struct dlist *d, const struct dlist *src, double dx,
		  double dy)
{
	for (size_t i = 0; i < src->n; i++) {
		const struct dl_item *s = &src->v[i];
		struct dl_item *it = dlist_add(d, s->kind);
		*it = *s;
		it->x += dx;
		it->y += dy;
		it->text = s->text ? xstrdup(s->text) : NULL;
		it->alt = s->alt ? xstrdup(s->alt) : NULL;
		it->attrs = s->attrs ? xstrdup(s->attrs) : NULL;
		it->pts = NULL;
		if (s->pts) {
			it->pts = xmalloc(2 * s->npts * sizeof(double));
			for (size_t k = 0; k < s->npts; k++) {
				it->pts[2 * k] = s->pts[2 * k] + dx;
				it->pts[2 * k + 1] = s->pts[2 * k + 1] + dy;
			}
		}
	}
}
