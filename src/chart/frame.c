/* The frame every exhibit shares: title, subtitle, notes, provenance
 * footer and exhibit number, plus axis helpers (see exhibit.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/strbuf.h"

double frame_text(const struct exhibit_ctx *c, struct dlist *dl, double x,
		  double y, double width, const char *text, enum dl_font font,
		  double size, uint32_t colour, double leading)
{
	char **lines;
	size_t n = layout_wrap(c->tm, text, font, size, width, &lines);
	for (size_t i = 0; i < n; i++)
		dl_text(dl, x, y + (double)i * leading, lines[i], font, size,
			colour, ANCHOR_LEFT);
	layout_lines_free(lines, n);
	return y + (double)n * leading;
}

/* The number of lines text wraps to. */
static size_t count_lines(const struct exhibit_ctx *c, const char *text,
			  enum dl_font font, double size, double width)
{
	char **lines;
	size_t n = layout_wrap(c->tm, text, font, size, width, &lines);
	layout_lines_free(lines, n);
	return n;
}

const char *frame_option_name(const struct exhibit_ctx *c, int o,
			      enum dl_font font, double size, double width,
			      size_t max_lines)
{
	const struct chart_option *p = &c->d->opt[o];
	if (!p->short_label)
		return p->label;
	char **lines;
	size_t n = layout_wrap(c->tm, p->label, font, size, width, &lines);
	double widest = 0;
	for (size_t i = 0; i < n; i++)
		widest = fmax(widest, text_width(c->tm, lines[i], font, size));
	layout_lines_free(lines, n);
	return n <= max_lines && widest <= width ? p->label : p->short_label;
}

/* fmt with its "%s" replaced by x and y in turn. */
static char *fill(const char *fmt, const char *x, const char *y)
{
	struct strbuf b = STRBUF_INIT;
	int k = 0;
	for (const char *s = fmt; *s; s++) {
		if (s[0] == '%' && s[1] == 's') {
			strbuf_puts(&b, k++ == 0 ? x : y ? y : "");
			s++;
		} else {
			strbuf_putc(&b, *s);
		}
	}
	return strbuf_take(&b);
}

char *frame_fit_names(const struct exhibit_ctx *c, const char *fmt, int a,
		      int b, enum dl_font font, double size, double width)
{
	const struct chart_option *pa = &c->d->opt[a];
	const struct chart_option *pb = b >= 0 ? &c->d->opt[b] : NULL;
	char *t = fill(fmt, pa->label, pb ? pb->label : NULL);
	if (text_width(c->tm, t, font, size) <= width)
		return t;
	free(t);
	const char *sa = pa->short_label ? pa->short_label : pa->label;
	const char *sb = pb ? (pb->short_label ? pb->short_label : pb->label)
			    : NULL;
	t = fill(fmt, sa, sb);
	if (text_width(c->tm, t, font, size) <= width)
		return t;
	free(t);
	/* Each name gets an equal share of what the other words leave. */
	char *rest = fill(fmt, "", pb ? "" : NULL);
	double room = (width - text_width(c->tm, rest, font, size)) /
		      (pb ? 2 : 1);
	free(rest);
	char *ea = layout_ellipsize(c->tm, sa, font, size, fmax(room, 12));
	char *eb = pb ? layout_ellipsize(c->tm, sb, font, size, fmax(room, 12))
		      : NULL;
	t = fill(fmt, ea, eb);
	free(ea);
	free(eb);
	return t;
}

size_t frame_lines(const struct exhibit_ctx *c, struct dlist *dl, double x,
		   double y, double width, const char *text, enum dl_font font,
		   double size, uint32_t colour, enum dl_anchor anchor,
		   double leading, size_t max_lines)
{
	char **lines;
	size_t n = layout_wrap(c->tm, text, font, size, width, &lines);
	size_t shown = n < max_lines ? n : max_lines;
	for (size_t i = 0; i < shown; i++) {
		char *t = NULL;
		if (i + 1 == shown && n > max_lines) {
			/* The rest of the words on the last line, cut. */
			struct strbuf rest = STRBUF_INIT;
			for (size_t k = i; k < n; k++)
				strbuf_printf(&rest, "%s%s", k > i ? " " : "",
					      lines[k]);
			t = layout_ellipsize(c->tm, strbuf_str(&rest), font,
					     size, width);
			strbuf_free(&rest);
		} else {
			t = layout_ellipsize(c->tm, lines[i], font, size,
					     width);
		}
		dl_text(dl, x, y + (double)i * leading, t, font, size, colour,
			anchor);
		free(t);
	}
	layout_lines_free(lines, n);
	return shown;
}

double frame_title_size(const struct exhibit_ctx *c, const char *title,
			double width)
{
	double size = STYLE_TITLE;
	while (size > STYLE_TITLE_MIN &&
	       count_lines(c, title, FONT_BOLD, size, width) > 2)
		size -= 0.5;
	return size;
}

struct box frame_draw(const struct exhibit_ctx *c, struct dlist *dl)
{
	const double m = STYLE_MARGIN, w = STYLE_CHART_W - 2 * m;
	const double H = STYLE_CHART_H;
	dlist_init(dl, STYLE_CHART_W, STYLE_CHART_H);
	dl_rect(dl, 0, 0, STYLE_CHART_W, STYLE_CHART_H, STYLE_WHITE, DL_NONE,
		0);
	/* The title, whole: on at most two lines, in a smaller size when
	 * it needs more (a long option name), never cut. */
	double ts = frame_title_size(c, c->ex->title, w);
	double tlead = ts * 1.19;
	double y = m + ts * TEXT_ASCENT;
	y = frame_text(c, dl, m, y, w, c->ex->title, FONT_BOLD, ts, STYLE_INK,
		       tlead);
	y += STYLE_SUBTITLE * TEXT_ASCENT - tlead + ts * TEXT_DESCENT + 3;
	y = frame_text(c, dl, m, y, w, c->ex->subtitle, FONT_REGULAR,
		       STYLE_SUBTITLE, STYLE_MUTED, 11);
	double top = y - 11 + STYLE_SUBTITLE * TEXT_DESCENT + 10;

	/* The footer, bottom up: source lines with the exhibit number at
	 * the right of the last one, then the notes above them. */
	char num[32];
	snprintf(num, sizeof(num), "Exhibit %d", c->ex->number);
	double numw = text_width(c->tm, num, FONT_BOLD, STYLE_NOTE);
	char *src = words_source(c->d);
	const double lead = 8.5;
	double last = H - m + 4 - STYLE_NOTE * TEXT_DESCENT;
	size_t ns = count_lines(c, src, FONT_REGULAR, STYLE_NOTE,
				w - numw - 12);
	double src_y = last - (double)(ns - 1) * lead;
	frame_text(c, dl, m, src_y, w - numw - 12, src, FONT_REGULAR,
		   STYLE_NOTE, STYLE_MUTED, lead);
	dl_text(dl, m + w, last, num, FONT_BOLD, STYLE_NOTE, STYLE_INK,
		ANCHOR_RIGHT);
	free(src);
	size_t nn = count_lines(c, c->ex->notes, FONT_REGULAR, STYLE_NOTE, w);
	double notes_y = src_y - 2 - (double)nn * lead;
	frame_text(c, dl, m, notes_y, w, c->ex->notes, FONT_REGULAR,
		   STYLE_NOTE, STYLE_MUTED, lead);
	double rule = notes_y - STYLE_NOTE * TEXT_ASCENT - 4;
	dl_line(dl, m, rule, m + w, rule, STYLE_GRID, STYLE_GRID_LW,
		DASH_SOLID)
		->snap = 1;
	struct box b = {m, top, w, rule - 8 - top};
	return b;
}

double frame_money_label_width(const struct exhibit_ctx *c,
			       const struct ticks *t, int plus)
{
	struct money_axis ax;
	layout_money_axis(t, plus, &ax);
	double w = 0;
	char buf[LAYOUT_LABEL_MAX];
	for (int i = 0; i < t->n; i++) {
		layout_money_tick(&ax, t->v[i], buf);
		double x = text_width(c->tm, buf, FONT_REGULAR, STYLE_LABEL);
		if (x > w)
			w = x;
	}
	return w;
}

void frame_money_ticks(const struct exhibit_ctx *c, double lo, double hi,
		       double len, int max, int flags, int plus,
		       struct ticks *t)
{
	for (int n = max; n >= 2; n--) {
		layout_ticks(lo, hi, n, flags, t);
		if (frame_money_label_width(c, t, plus) + 8 <=
		    len / (t->n - 1))
			return;
	}
}

void frame_y_money(const struct exhibit_ctx *c, struct dlist *dl,
		   const struct ticks *t, const struct scale *s, double x_label,
		   double x0, double x1, int plus)
{
	(void)c;
	struct money_axis ax;
	layout_money_axis(t, plus, &ax);
	char buf[LAYOUT_LABEL_MAX];
	for (int i = 0; i < t->n; i++) {
		double y = scale_map(s, t->v[i]);
		int zero = t->v[i] == 0;
		dl_line(dl, x0, y, x1, y, zero ? STYLE_INK : STYLE_GRID,
			zero ? STYLE_AXIS_LW : STYLE_GRID_LW, DASH_SOLID)
			->snap = 1;
		if (x_label > 0)
			dl_text(dl, x_label, y + STYLE_LABEL * TEXT_CAP / 2,
				layout_money_tick(&ax, t->v[i], buf),
				FONT_REGULAR, STYLE_LABEL, STYLE_INK,
				ANCHOR_RIGHT);
	}
}

void frame_x_money(const struct exhibit_ctx *c, struct dlist *dl,
		   const struct ticks *t, const struct scale *s, double y0,
		   double y1, int plus)
{
	(void)c;
	struct money_axis ax;
	layout_money_axis(t, plus, &ax);
	char buf[LAYOUT_LABEL_MAX];
	for (int i = 0; i < t->n; i++) {
		double x = scale_map(s, t->v[i]);
		int zero = t->v[i] == 0;
		dl_line(dl, x, y0, x, y1, zero ? STYLE_INK : STYLE_GRID,
			zero ? STYLE_AXIS_LW : STYLE_GRID_LW, DASH_SOLID)
			->snap = 1;
		dl_text(dl, x, y1 + 3 + STYLE_LABEL * TEXT_ASCENT,
			layout_money_tick(&ax, t->v[i], buf), FONT_REGULAR,
			STYLE_LABEL, STYLE_INK, ANCHOR_CENTER);
	}
}

void frame_option_line(struct dlist *dl, const double *xy, size_t n,
		       int option, double lw)
{
	struct option_style st = style_option(option);
	dl_path(dl, xy, n, 0, DL_NONE, style_option_line(option), lw,
		st.dash);
}
