/* Display lists to PNG, PDF and SVG with cairo (see render.h). */
#include "chart/render.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <png.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "chart/pdfmeta.h"
#include "util/mem.h"

#define PI 3.14159265358979323846
#define PAGE_WHITE 0xFFFFFFu /* the colour of a PDF page */

/* The FreeType library lives until the fonts object is closed and cairo
 * has let go of both faces (cairo may keep a face in its font cache after
 * the last drawing, and releases it through the destroy callback). */
struct ft_lib {
	FT_Library lib;
	atomic_int refs;
};

struct render_fonts {
	struct ft_lib *lib;
	cairo_font_face_t *face[2]; /* FONT_REGULAR, FONT_BOLD */
	cairo_surface_t *scratch;   /* for measuring */
	cairo_t *cr;
};

static const cairo_user_data_key_t face_key;

static void lib_release(struct ft_lib *l)
{
	if (atomic_fetch_sub(&l->refs, 1) == 1) {
		FT_Done_FreeType(l->lib);
		free(l);
	}
}

struct face_owner {
	FT_Face face;
	struct ft_lib *lib;
};

static void face_destroy(void *p)
{
	struct face_owner *o = p;
	FT_Done_Face(o->face);
	lib_release(o->lib);
	free(o);
}

static cairo_font_face_t *load_face(struct ft_lib *l, const char *dir,
				    const char *file, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_printf(&path, "%s/%s", dir, file);
	FT_Face face;
	if (FT_New_Face(l->lib, strbuf_str(&path), 0, &face) != 0) {
		strbuf_printf(err,
			      "cannot load the font '%s' (install the Debian "
			      "package fonts-dejavu-core, or use --no-charts)",
			      strbuf_str(&path));
		strbuf_free(&path);
		return NULL;
	}
	strbuf_free(&path);
	cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(face, 0);
	struct face_owner *o = xmalloc(sizeof(*o));
	o->face = face;
	o->lib = l;
	atomic_fetch_add(&l->refs, 1);
	if (cairo_font_face_set_user_data(cf, &face_key, o, face_destroy) !=
	    CAIRO_STATUS_SUCCESS) {
		face_destroy(o);
		cairo_font_face_destroy(cf);
		strbuf_printf(err, "cannot use the font '%s/%s'", dir, file);
		return NULL;
	}
	return cf;
}

static void set_font_options(cairo_t *cr)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
}

int render_fonts_open(const char *font_dir, struct render_fonts **out,
		      struct strbuf *err)
{
	static const char *const files[2] = {"DejaVuSans.ttf",
					     "DejaVuSans-Bold.ttf"};
	*out = NULL;
	struct ft_lib *l = xmalloc(sizeof(*l));
	atomic_init(&l->refs, 1);
	if (FT_Init_FreeType(&l->lib) != 0) {
		free(l);
		strbuf_puts(err, "cannot start FreeType");
		return -1;
	}
	struct render_fonts *f = xcalloc(1, sizeof(*f));
	f->lib = l;
	for (int i = 0; i < 2; i++) {
		f->face[i] = load_face(l, font_dir, files[i], err);
		if (!f->face[i]) {
			render_fonts_close(f);
			return -1;
		}
	}
	f->scratch = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	f->cr = cairo_create(f->scratch);
	set_font_options(f->cr);
	*out = f;
	return 0;
}

void render_fonts_close(struct render_fonts *f)
{
	if (!f)
		return;
	if (f->cr)
		cairo_destroy(f->cr);
	if (f->scratch)
		cairo_surface_destroy(f->scratch);
	for (int i = 0; i < 2; i++)
		if (f->face[i])
			cairo_font_face_destroy(f->face[i]);
	lib_release(f->lib);
	free(f);
}

static double measure(void *ctx, const char *utf8, enum dl_font font,
		      double size)
{
	struct render_fonts *f = ctx;
	cairo_set_font_face(f->cr, f->face[font == FONT_BOLD]);
	cairo_set_font_size(f->cr, size);
	cairo_text_extents_t e;
	cairo_text_extents(f->cr, utf8, &e);
	return e.x_advance;
}

struct text_measure render_measure(struct render_fonts *f)
{
	struct text_measure tm = {measure, f};
	return tm;
}

/* ---- Drawing ---- */

struct painter {
	cairo_t *cr;
	struct render_fonts *f;
	double scale; /* device pixels per point; 0 on vector surfaces */
	int tags;     /* write structure tags (PDF) */
};

static void source(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, (double)((c >> 16) & 0xFF) / 255,
			     (double)((c >> 8) & 0xFF) / 255,
			     (double)(c & 0xFF) / 255);
}

static void set_dash(cairo_t *cr, enum dl_dash dash, double lw)
{
	static const double dashed[] = {4, 2.5}, dotted[] = {0, 2.2},
			    dashdot[] = {5, 2, 0, 2}, lng[] = {8, 3};
	const double *v = NULL;
	int n = 0;
	switch (dash) {
	case DASH_DASHED: v = dashed; n = 2; break;
	case DASH_DOTTED: v = dotted; n = 2; break;
	case DASH_DASHDOT: v = dashdot; n = 4; break;
	case DASH_LONG: v = lng; n = 2; break;
	default: break;
	}
	double s[4];
	for (int i = 0; i < n; i++)
		s[i] = v[i] * (lw > 1 ? lw : 1);
	cairo_set_dash(cr, s, n, 0);
	int round = dash == DASH_DOTTED || dash == DASH_DASHDOT;
	cairo_set_line_cap(cr, round ? CAIRO_LINE_CAP_ROUND
				     : CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
}

static void fill_stroke(struct painter *p, const struct dl_item *it)
{
	cairo_t *cr = p->cr;
	if (it->fill != DL_NONE) {
		source(cr, it->fill);
		if (it->stroke != DL_NONE)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (it->stroke != DL_NONE) {
		source(cr, it->stroke);
		cairo_set_line_width(cr, it->lw);
		set_dash(cr, it->dash, it->lw);
		cairo_stroke(cr);
	}
	cairo_new_path(cr);
}

/* Snaps a coordinate of a hairline to the pixel grid: the centre of a
 * pixel for an odd width in pixels, a pixel edge for an even one. */
static double snap(double v, double scale, int odd)
{
	double dv = v * scale;
	return (odd ? floor(dv) + 0.5 : round(dv)) / scale;
}

static void draw_path(struct painter *p, const struct dl_item *it)
{
	cairo_t *cr = p->cr;
	double lw = it->lw;
	double x0 = it->pts[0], y0 = it->pts[1];
	if (it->snap && p->scale > 0 && it->npts == 2) {
		double x1 = it->pts[2], y1 = it->pts[3];
		double px = round(lw * p->scale);
		if (px < 1)
			px = 1;
		int odd = (long)px % 2 == 1;
		lw = px / p->scale;
		if (y0 == y1)
			y0 = y1 = snap(y0, p->scale, odd);
		if (x0 == x1)
			x0 = x1 = snap(x0, p->scale, odd);
		cairo_move_to(cr, x0, y0);
		cairo_line_to(cr, x1, y1);
	} else {
		cairo_move_to(cr, x0, y0);
		for (size_t i = 1; i < it->npts; i++)
			cairo_line_to(cr, it->pts[2 * i], it->pts[2 * i + 1]);
		if (it->closed)
			cairo_close_path(cr);
	}
	struct dl_item copy = *it;
	copy.lw = lw;
	fill_stroke(p, &copy);
}

static void draw_text(struct painter *p, const struct dl_item *it)
{
	cairo_t *cr = p->cr;
	cairo_set_font_face(cr, p->f->face[it->font == FONT_BOLD]);
	cairo_set_font_size(cr, it->size);
	double w = measure(p->f, it->text, it->font, it->size);
	double dx = it->anchor == ANCHOR_CENTER  ? -w / 2
		    : it->anchor == ANCHOR_RIGHT ? -w
						 : 0;
	source(cr, it->fill == DL_NONE ? 0 : it->fill);
	cairo_save(cr);
	cairo_translate(cr, it->x, it->y);
	if (it->vertical)
		cairo_rotate(cr, -PI / 2);
	cairo_move_to(cr, dx, 0);
	cairo_show_text(cr, it->text);
	cairo_restore(cr);
	cairo_new_path(cr);
}

static void draw_mark(struct painter *p, const struct dl_item *it)
{
	cairo_t *cr = p->cr;
	double r = it->w / 2, x = it->x, y = it->y;
	switch (it->shape) {
	case SHAPE_DIAMOND:
		r *= 1.2;
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r, y);
		cairo_line_to(cr, x, y + r);
		cairo_line_to(cr, x - r, y);
		cairo_close_path(cr);
		break;
	case SHAPE_SQUARE:
		r *= 0.9;
		cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
		break;
	case SHAPE_TRIANGLE:
		r *= 1.15;
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r * 0.866, y + r * 0.5);
		cairo_line_to(cr, x - r * 0.866, y + r * 0.5);
		cairo_close_path(cr);
		break;
	default:
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, r, 0, 2 * PI);
		cairo_close_path(cr);
		break;
	}
	struct dl_item copy = *it;
	copy.dash = DASH_SOLID;
	fill_stroke(p, &copy);
}

/* Fills the rectangle of it (the current path, kept) and hatches it
 * with diagonal lines 4 points apart. */
static void hatch(struct painter *p, const struct dl_item *it)
{
	cairo_t *cr = p->cr;
	source(cr, it->fill);
	cairo_fill_preserve(cr);
	cairo_save(cr);
	cairo_clip_preserve(cr);
	cairo_new_path(cr);
	double r = (double)((it->fill >> 16) & 0xFF),
	       g = (double)((it->fill >> 8) & 0xFF),
	       b = (double)(it->fill & 0xFF);
	double y = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
	cairo_set_source_rgb(cr, y < 0.45 ? 1 : 0, y < 0.45 ? 1 : 0,
			     y < 0.45 ? 1 : 0);
	cairo_set_line_width(cr, 0.6);
	cairo_set_dash(cr, NULL, 0, 0);
	for (double x = it->x - it->h; x < it->x + it->w; x += 4) {
		cairo_move_to(cr, x, it->y + it->h);
		cairo_line_to(cr, x + it->h, it->y);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
	cairo_rectangle(cr, it->x, it->y, it->w, it->h);
}

static void paint(struct painter *p, const struct dlist *dl)
{
	set_font_options(p->cr);
	for (size_t i = 0; i < dl->n; i++) {
		const struct dl_item *it = &dl->v[i];
		switch (it->kind) {
		case DL_RECT:
			/* A white page background is the PDF page itself; and
			 * cairo 1.16 takes an opaque fill of the whole page
			 * for the start of a new page's content, which
			 * breaks the open structure tags. */
			if (p->tags && it->fill == PAGE_WHITE &&
			    it->stroke == DL_NONE && it->x <= 0 && it->y <= 0 &&
			    it->x + it->w >= dl->width &&
			    it->y + it->h >= dl->height)
				break;
			cairo_rectangle(p->cr, it->x, it->y, it->w, it->h);
			if (it->hatch) {
				hatch(p, it);
				struct dl_item edge = *it;
				edge.fill = DL_NONE;
				fill_stroke(p, &edge);
			} else {
				fill_stroke(p, it);
			}
			break;
		case DL_PATH:
			if (it->npts > 0)
				draw_path(p, it);
			break;
		case DL_TEXT: draw_text(p, it); break;
		case DL_MARK: draw_mark(p, it); break;
		case DL_TAG:
			if (!p->tags)
				break;
			if (it->closed)
				cairo_tag_end(p->cr, it->text);
			else
				cairo_tag_begin(p->cr, it->text,
						it->attrs ? it->attrs : "");
			break;
		}
	}
}

static int cairo_fail(cairo_status_t st, const char *shown,
		      struct strbuf *err)
{
	strbuf_printf(err, "cannot write '%s': %s", shown,
		      cairo_status_to_string(st));
	return -1;
}

/* ---- files: every byte through one sink that keeps the first errno ---- */

/* A file being written.  The reason of the first failure (ENOSPC on a
 * full disk, EFBIG past a size limit) is kept, so that the message names
 * it rather than a library's "Write Error" or "error while writing to
 * output stream". */
struct sink {
	FILE *fp;
	int err;         /* the first errno, 0 while all is well */
	char what[96];   /* a library's own message, when no errno */
};

static int sink_open(struct sink *k, const char *path, const char *shown,
		     struct strbuf *err)
{
	memset(k, 0, sizeof(*k));
	k->fp = fopen(path, "wb");
	if (!k->fp) {
		strbuf_printf(err, "cannot write '%s': %s", shown,
			      strerror(errno));
		return -1;
	}
	return 0;
}

static int sink_write(struct sink *k, const void *data, size_t n)
{
	if (k->err)
		return -1;
	errno = 0;
	if (fwrite(data, 1, n, k->fp) != n) {
		k->err = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

/* Closes the file; returns 0, or -1 with the first failure in err (ok:
 * 0 when the writer failed on its own, without an errno). */
static int sink_close(struct sink *k, int ok, const char *shown,
		      struct strbuf *err)
{
	errno = 0;
	if (fclose(k->fp) != 0 && !k->err)
		k->err = errno ? errno : EIO;
	if (k->err)
		strbuf_printf(err, "cannot write '%s': %s", shown,
			      strerror(k->err));
	else if (!ok)
		strbuf_printf(err, "cannot write '%s': %s", shown,
			      k->what[0] ? k->what : "output failed");
	return k->err || !ok ? -1 : 0;
}

/* ---- PNG ---- */

/* libpng's default handlers print "libpng error: ..." to stderr and write
 * with fwrite; these keep the message and the errno instead (only the
 * command line prints). */
static void png_sink_write(png_structp png, png_bytep data, size_t n)
{
	if (sink_write(png_get_io_ptr(png), data, n) != 0)
		png_error(png, "write error");
}

static void png_sink_flush(png_structp png)
{
	(void)png;
}

static void png_quiet_error(png_structp png, png_const_charp msg)
{
	struct sink *k = png_get_error_ptr(png);
	snprintf(k->what, sizeof(k->what), "%s", msg);
	png_longjmp(png, 1);
}

static void png_quiet_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static int write_png(cairo_surface_t *s, int dpi, const char *path,
		     const char *shown, struct strbuf *err)
{
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	struct sink k;
	if (sink_open(&k, path, shown, err) != 0)
		return -1;
	png_structp png = png_create_write_struct(
		PNG_LIBPNG_VER_STRING, &k, png_quiet_error, png_quiet_warning);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	unsigned char *row = xmalloc((size_t)w * 3);
	volatile int ok = png && info;
	if (ok && setjmp(png_jmpbuf(png)) == 0) {
		png_set_write_fn(png, &k, png_sink_write, png_sink_flush);
		png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
			     PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
			     PNG_COMPRESSION_TYPE_DEFAULT,
			     PNG_FILTER_TYPE_DEFAULT);
		/* Charts are flat colour: no filter compresses them best, and
		 * twice as fast as libpng's adaptive choice (measured). */
		png_set_filter(png, 0, PNG_FILTER_NONE);
		png_set_compression_level(png, 6);
		png_uint_32 ppm = (png_uint_32)lround(dpi / 0.0254);
		png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
		png_write_info(png, info);
		for (int y = 0; y < h; y++) {
			const unsigned char *line =
				data + (size_t)y * (size_t)stride;
			const uint32_t *px =
				(const uint32_t *)(const void *)line;
			for (int x = 0; x < w; x++) {
				row[3 * x] = (unsigned char)(px[x] >> 16);
				row[3 * x + 1] = (unsigned char)(px[x] >> 8);
				row[3 * x + 2] = (unsigned char)px[x];
			}
			png_write_row(png, row);
		}
		png_write_end(png, info);
	} else {
		ok = 0;
	}
	png_destroy_write_struct(&png, &info);
	free(row);
	return sink_close(&k, ok, shown, err);
}

int render_png(struct render_fonts *f, const struct dlist *dl, int dpi,
	       const char *path, const char *shown, struct strbuf *err)
{
	double scale = dpi / 72.0;
	int w = (int)lround(dl->width * scale);
	int h = (int)lround(dl->height * scale);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w,
							h);
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	struct painter p = {cr, f, scale, 0};
	paint(&p, dl);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	int rc = st != CAIRO_STATUS_SUCCESS ? cairo_fail(st, shown, err)
					    : write_png(s, dpi, path, shown,
							err);
	cairo_surface_destroy(s);
	return rc;
}

/* ---- SVG and PDF ---- */

static int finish(cairo_surface_t *s, cairo_t *cr, const char *shown,
		  struct strbuf *err)
{
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return st == CAIRO_STATUS_SUCCESS ? 0 : cairo_fail(st, shown, err);
}

static cairo_status_t to_strbuf(void *closure, const unsigned char *data,
				unsigned int length)
{
	strbuf_add(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Renumbers cairo's "surfaceN" ids (N counts every surface the process
 * has made, so it depends on what was drawn before, and on which thread)
 * as surface1, surface2, ... in order of first appearance. */
static void canonical_svg(const struct strbuf *in, struct strbuf *out)
{
	unsigned long seen[16];
	size_t nseen = 0;
	const char *s = in->s ? in->s : "", *end = s + in->len;
	while (s < end) {
		const char *hit = strstr(s, "surface");
		if (!hit || hit >= end) {
			strbuf_add(out, s, (size_t)(end - s));
			break;
		}
		hit += 7;
		strbuf_add(out, s, (size_t)(hit - s));
		s = hit;
		if (*s < '0' || *s > '9')
			continue;
		char *after;
		unsigned long id = strtoul(s, &after, 10);
		size_t k = 0;
		while (k < nseen && seen[k] != id)
			k++;
		if (k == nseen && nseen < 16)
			seen[nseen++] = id;
		strbuf_printf(out, "%zu", k + 1);
		s = after;
	}
}

int render_svg(struct render_fonts *f, const struct dlist *dl,
	       const char *path, const char *shown, struct strbuf *err)
{
	struct strbuf raw = STRBUF_INIT, svg = STRBUF_INIT;
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(
		to_strbuf, &raw, dl->width, dl->height);
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
	cairo_t *cr = cairo_create(s);
	struct painter p = {cr, f, 0, 0};
	paint(&p, dl);
	int rc = finish(s, cr, shown, err);
	if (rc == 0) {
		canonical_svg(&raw, &svg);
		struct sink k;
		rc = sink_open(&k, path, shown, err);
		if (rc == 0) {
			sink_write(&k, svg.s ? svg.s : "", svg.len);
			rc = sink_close(&k, 1, shown, err);
		}
	}
	strbuf_free(&raw);
	strbuf_free(&svg);
	return rc;
}

/* Whether any page has structure tags. */
static int has_tags(const struct render_page *pages, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < pages[i].dl->n; k++)
			if (pages[i].dl->v[k].kind == DL_TAG)
				return 1;
	return 0;
}

int render_pdf(struct render_fonts *f, const struct render_page *pages,
	       size_t n, const struct render_meta *meta, const char *path,
	       const char *shown, struct strbuf *err)
{
	double w = n ? pages[0].dl->width : 612, h = n ? pages[0].dl->height
						       : 792;
	/* Into memory, then to the file: cairo 1.16 aborts on an assertion
	 * when its own write to a file fails midway (a full disk). */
	struct strbuf raw = STRBUF_INIT;
	cairo_surface_t *s =
		cairo_pdf_surface_create_for_stream(to_strbuf, &raw, w, h);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
				       meta->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
				       meta->subject);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
				       meta->creator);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
				       meta->date);
	cairo_t *cr = cairo_create(s);
	int parent = CAIRO_PDF_OUTLINE_ROOT;
	int tagged = n > 0 && has_tags(pages, n);
	if (tagged)
		cairo_tag_begin(cr, "Document", "");
	for (size_t i = 0; i < n; i++) {
		/* Only when the size changes: cairo 1.16 starts the page's
		 * recording again on a new size, which loses a structure tag
		 * opened before (the Document's). */
		if (pages[i].dl->width != w || pages[i].dl->height != h) {
			w = pages[i].dl->width;
			h = pages[i].dl->height;
			cairo_pdf_surface_set_size(s, w, h);
		}
		struct painter p = {cr, f, 0, tagged};
		paint(&p, pages[i].dl);
		if (pages[i].label)
			cairo_pdf_surface_set_page_label(s, pages[i].label);
		if (pages[i].outline) {
			char dest[32];
			snprintf(dest, sizeof(dest), "page=%zu", i + 1);
			int id = cairo_pdf_surface_add_outline(
				s,
				pages[i].outline_child ? parent
						       : CAIRO_PDF_OUTLINE_ROOT,
				pages[i].outline, dest, 0);
			if (!pages[i].outline_child)
				parent = id;
		}
		if (tagged && i + 1 == n)
			cairo_tag_end(cr, "Document");
		cairo_show_page(cr);
	}
	int rc = finish(s, cr, shown, err);
	if (rc == 0) {
		/* The sink keeps the first errno of a failed write. */
		struct sink k;
		rc = sink_open(&k, path, shown, err);
		if (rc == 0) {
			sink_write(&k, raw.s, raw.len);
			rc = sink_close(&k, 1, shown, err);
		}
	}
	strbuf_free(&raw);
	if (rc != 0)
		return -1;
	if (!tagged)
		return 0;
	/* What cairo cannot write: the language and the text alternatives
	 * of the figures, in the order of the figures. */
	size_t nalt = 0;
	const char **alts = NULL;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < pages[i].dl->n; j++) {
			const struct dl_item *it = &pages[i].dl->v[j];
			if (it->kind == DL_TAG && !it->closed &&
			    strcmp(it->text, "Figure") == 0) {
				alts = xreallocarray(alts, nalt + 1,
						     sizeof(*alts));
				alts[nalt++] = it->alt ? it->alt : "";
			}
		}
	rc = pdfmeta_add(path, meta->lang, alts, nalt, shown, err);
	free(alts);
	return rc;
}
