/* Drawing display lists with cairo: PNG (through libpng, with the
 * resolution recorded), PDF (pages, labels, bookmarks, metadata) and SVG.
 *
 * The only part of the program that includes cairo.  Text is set in
 * DejaVu Sans loaded from its font files through FreeType (so no font is
 * ever substituted), with hint metrics off and hint style none on every
 * surface, so a label has the same width in PNG, PDF and SVG.  A fonts
 * object is used by one thread at a time. */
#ifndef EDTCO_CHART_RENDER_H
#define EDTCO_CHART_RENDER_H

#include <stddef.h>

#include "chart/dlist.h"
#include "chart/layout.h"
#include "util/strbuf.h"

/* Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are found by default
 * (Debian's fonts-dejavu-core). */
#define RENDER_FONT_DIR "/usr/share/fonts/truetype/dejavu"

struct render_fonts;

/* Loads the regular and bold faces from font_dir.  Returns 0, or -1 with
 * a message in err.  Close with render_fonts_close. */
int render_fonts_open(const char *font_dir, struct render_fonts **out,
		      struct strbuf *err);
void render_fonts_close(struct render_fonts *f);

/* A text measurer backed by f (advance widths, hinting off). */
struct text_measure render_measure(struct render_fonts *f);

/* Writes dl as a PNG of dpi pixels per inch (opaque RGB, with a pHYs
 * chunk) to path.  shown names the file in messages.  Returns 0 or -1
 * (message in err). */
int render_png(struct render_fonts *f, const struct dlist *dl, int dpi,
	       const char *path, const char *shown, struct strbuf *err);

/* Writes dl as an SVG in points to path. */
int render_svg(struct render_fonts *f, const struct dlist *dl,
	       const char *path, const char *shown, struct strbuf *err);

/* A page of a PDF. */
struct render_page {
	const struct dlist *dl;
	const char *label;   /* page label ("Exhibit 3"), or NULL */
	const char *outline; /* bookmark text, or NULL */
	int outline_child;   /* 1: under the previous top-level bookmark */
};

/* The document information of a PDF. */
struct render_meta {
	const char *title, *subject, *creator;
	const char *date; /* ISO 8601, e.g. "2024-03-05T12:00:00Z" */
	const char *lang; /* the document language of a tagged PDF, a
			   * BCP 47 tag ("en-US") */
};

/* Writes the pages as one PDF to path.  When the pages carry structure
 * tags (DL_TAG items) the PDF is tagged: a Document element holds every
 * page's elements, and the document language (meta->lang) and each
 * Figure's text alternative are added after cairo has written the file
 * (see pdfmeta.h). */
int render_pdf(struct render_fonts *f, const struct render_page *pages,
	       size_t n, const struct render_meta *meta, const char *path,
	       const char *shown, struct strbuf *err);

#endif
