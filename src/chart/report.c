/* The pages of the exhibit packet (see report.h). */
#include "chart/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#define PAGE_M 54.0                       /* side and top margin */
#define PAGE_W (STYLE_PAGE_W - 2 * PAGE_M) /* 504: the width of a chart */
#define PAGE_BOTTOM (STYLE_PAGE_H - 54.0)  /* content ends here */

struct pages {
	struct report_page *v;
	size_t n, cap;
	const struct chart_data *d;
	struct exhibit_ctx c; /* c.ex is NULL outside exhibit pages */
};

static struct report_page *new_page(struct pages *p, const char *label,
				    const char *outline, int child)
{
	GROW(p->v, p->cap, p->n + 1);
	struct report_page *pg = &p->v[p->n++];
	memset(pg, 0, sizeof(*pg));
	dlist_init(&pg->dl, STYLE_PAGE_W, STYLE_PAGE_H);
	dl_rect(&pg->dl, 0, 0, STYLE_PAGE_W, STYLE_PAGE_H, STYLE_WHITE,
		DL_NONE, 0);
	pg->label = xstrdup(label);
	pg->outline = outline ? xstrdup(outline) : NULL;
	pg->outline_child = child;
	return pg;
}

/* A page heading; returns the y below it. */
static double heading(struct pages *p, struct dlist *dl, const char *text,
		      double y)
{
	return frame_text(&p->c, dl, PAGE_M, y + 14 * TEXT_ASCENT, PAGE_W,
			  text, FONT_BOLD, 14, STYLE_INK, 17) +
	       4;
}

static double para(struct pages *p, struct dlist *dl, const char *text,
		   double y, enum dl_font font, double size, uint32_t colour)
{
	double lead = size * 1.35;
	return frame_text(&p->c, dl, PAGE_M, y + size * TEXT_ASCENT, PAGE_W,
			  text, font, size, colour, lead) -
	       lead + size * TEXT_DESCENT + size * 0.6;
}

/* Lays out table t from page pg on, adding pages labelled label as
 * needed.  Returns the y below the table on the last page. */
static double flow_table(struct pages *p, const struct table *t, double y,
			 const char *label, const char *title)
{
	size_t next = 0;
	int more = 0;
	double *w = table_widths(&p->c, t, PAGE_W);
	for (;;) {
		struct report_page *pg = &p->v[p->n - 1];
		size_t before = next;
		y = table_layout_widths(&p->c, t, w, &pg->dl, PAGE_M, y,
					PAGE_BOTTOM, &next);
		if (next >= t->nrows) {
			free(w);
			return y;
		}
		if (next == before && more)
			next++; /* a row taller than a page: skip it */
		char lab[96], head[200];
		snprintf(lab, sizeof(lab), "%s (%d)", label, ++more + 1);
		snprintf(head, sizeof(head), "%s (continued)", title);
		pg = new_page(p, lab, NULL, 0);
		y = heading(p, &pg->dl, head, PAGE_M);
	}
}

/* ---- Exhibit pages ---- */

static void exhibit_pages(struct pages *p, const struct exhibit *e,
			  const struct dlist *chart)
{
	char lab[64], out[300], head[300];
	snprintf(lab, sizeof(lab), "Exhibit %d", e->number);
	snprintf(out, sizeof(out), "Exhibit %d: %s", e->number, e->caption);
	struct report_page *pg = new_page(p, lab, out, 0);
	double y = heading(p, &pg->dl, out, PAGE_M);
	dlist_append(&pg->dl, chart, PAGE_M, y + 4);
	dl_rect(&pg->dl, PAGE_M, y + 4, STYLE_CHART_W, STYLE_CHART_H, DL_NONE,
		STYLE_GRID, STYLE_GRID_LW);
	y += 4 + STYLE_CHART_H + 18;
	y = para(p, &pg->dl, "How to read this exhibit", y, FONT_BOLD, 10,
		 STYLE_INK);
	y = para(p, &pg->dl, e->howto, y, FONT_REGULAR, 10, STYLE_INK);
	char more[120];
	snprintf(more, sizeof(more),
		 "The numbers behind this exhibit are on the next page.");
	para(p, &pg->dl, more, y + 4, FONT_REGULAR, 9, STYLE_MUTED);

	snprintf(lab, sizeof(lab), "Exhibit %d data", e->number);
	snprintf(head, sizeof(head), "Exhibit %d data: %s", e->number,
		 e->caption);
	pg = new_page(p, lab, "Data", 1);
	y = heading(p, &pg->dl, head, PAGE_M);
	y = para(p, &pg->dl, e->subtitle, y, FONT_REGULAR, 9, STYLE_MUTED);
	struct exhibit_ctx c = p->c;
	c.ex = e;
	if (e->kind == EX_HISTOGRAM) {
		const struct chart_stat *s =
			&p->d->opt[e->option].cmp[CM_NET_PV];
		char a[LAYOUT_LABEL_MAX], m[LAYOUT_LABEL_MAX],
			lo[LAYOUT_LABEL_MAX], hi[LAYOUT_LABEL_MAX],
			pc[NUMFMT_MAX], se[NUMFMT_MAX];
		struct strbuf b = STRBUF_INIT;
		strbuf_printf(&b, "Mean difference %s; median %s; 5th to 95th "
				  "percentile %s to %s. %s is cheaper in %s%% "
				  "of simulations (standard error %s "
				  "percentage points).",
			      layout_money_full(s->mean, 1, a),
			      layout_money_full(s->q[CQ_P50], 1, m),
			      layout_money_full(s->q[CQ_P5], 1, lo),
			      layout_money_full(s->q[CQ_P95], 1, hi),
			      p->d->opt[e->option].label,
			      numfmt_fixed(s->p_cheaper * 100, 1, pc),
			      numfmt_fixed(s->p_cheaper_se * 100, 2, se));
		y = para(p, &pg->dl, strbuf_str(&b), y, FONT_REGULAR, 9,
			 STYLE_INK);
		strbuf_free(&b);
	}
	struct table t;
	exhibit_table(&c, &t);
	flow_table(p, &t, y + 4, lab, head);
	table_free(&t);
}

/* ---- Assumptions ---- */

static int is_item(const struct chart_input *in)
{
	return strcmp(in->cell[IN_KIND], "item") == 0;
}

/* A value of inputs.csv as people read it: money for cost items; for a
 * parameter, a percentage when it is a rate, else a short number. */
static const char *value(const struct chart_data *d,
			 const struct chart_input *in, int col,
			 char buf[LAYOUT_LABEL_MAX])
{
	const char *s = in->cell[col];
	char *end;
	double v = strtod(s, &end);
	if (*s == '\0' || *end)
		return s;
	if (is_item(in))
		return layout_money_full(v, 0, buf);
	return words_input_value(d, in->cell[IN_NAME], v, buf);
}

/* A rate cell as a percentage ("0.02" -> "2%"); a parameter name as it
 * is. */
static const char *rate(const char *s, char buf[LAYOUT_LABEL_MAX])
{
	char *end;
	double v = strtod(s, &end);
	if (*s == '\0' || *end)
		return s;
	layout_number_short(v * 100, buf);
	size_t n = strlen(buf);
	if (n + 2 <= LAYOUT_LABEL_MAX) {
		buf[n] = '%';
		buf[n + 1] = '\0';
	}
	return buf;
}

/* When and how a cost item applies: "each year 1-5; escalation 2%". */
static char *terms(const struct chart_input *in)
{
	struct strbuf b = STRBUF_INIT;
	if (!is_item(in))
		return xstrdup("");
	if (strcmp(in->cell[IN_PER], "once") == 0)
		strbuf_printf(&b, "once, year %s", in->cell[IN_START]);
	else if (strcmp(in->cell[IN_START], in->cell[IN_END]) == 0)
		strbuf_printf(&b, "year %s", in->cell[IN_START]);
	else
		strbuf_printf(&b, "years %s\xE2\x80\x93%s", in->cell[IN_START],
			      in->cell[IN_END]);
	if (strcmp(in->cell[IN_QUANTITY], "1") != 0)
		strbuf_printf(&b, "; \xC3\x97 %s", in->cell[IN_QUANTITY]);
	char buf[LAYOUT_LABEL_MAX];
	if (strcmp(in->cell[IN_ESCALATION], "0") != 0)
		strbuf_printf(&b, "; escalation %s",
			      rate(in->cell[IN_ESCALATION], buf));
	if (strcmp(in->cell[IN_PROBABILITY], "1") != 0)
		strbuf_printf(&b, "; probability %s",
			      rate(in->cell[IN_PROBABILITY], buf));
	if (strcmp(in->cell[IN_PAYER], "district") != 0)
		strbuf_printf(&b, "; paid by %s", in->cell[IN_PAYER]);
	if (strcmp(in->cell[IN_AID], "0") != 0)
		strbuf_printf(&b, "; aidable share %s",
			      rate(in->cell[IN_AID], buf));
	if (in->cell[IN_GROUP][0])
		strbuf_printf(&b, "; group %s", in->cell[IN_GROUP]);
	return strbuf_take(&b);
}

static void assumptions(struct pages *p)
{
	const struct chart_data *d = p->d;
	struct report_page *pg = new_page(p, "Assumptions", "Assumptions", 0);
	double y = heading(p, &pg->dl, "Assumptions: every input", PAGE_M);
	y = para(p, &pg->dl,
		 "Each input as the scenario files give it. Uncertain inputs "
		 "show their distribution with its low, likely and high "
		 "values (low and high for uniform, normal and lognormal: "
		 "their 5th and 95th percentiles for the last two); the point "
		 "value is what the base case uses. Cost items are unit costs "
		 "in year-1 dollars.",
		 y, FONT_REGULAR, 9, STYLE_MUTED);
	static const char *const head[] = {
		"Input", "Option", "Value or distribution (low, likely, high)",
		"Point", "Applies", "Source"};
	static const enum table_align al[] = {TA_LEFT,  TA_LEFT, TA_LEFT,
					      TA_RIGHT, TA_LEFT, TA_LEFT};
	struct table t;
	table_init(&t, 6, head, al);
	table_wrap(&t, 0);
	table_wrap(&t, 2);
	table_wrap(&t, 4);
	table_wrap(&t, 5);
	for (size_t i = 0; i < d->ninputs; i++) {
		const struct chart_input *in = &d->inputs[i];
		char b[4][LAYOUT_LABEL_MAX];
		char *when = terms(in);
		struct strbuf name = STRBUF_INIT, dist = STRBUF_INIT;
		strbuf_puts(&name, in->cell[IN_NAME]);
		if (is_item(in))
			strbuf_printf(&name, " (%s)", in->cell[IN_CATEGORY]);
		else if (strcmp(in->cell[IN_KIND], "default") == 0)
			strbuf_puts(&name, " (default)");
		const char *dn = in->cell[IN_DIST];
		if (strcmp(dn, "fixed") == 0 || !*dn)
			strbuf_puts(&dist, value(d, in, IN_LIKELY, b[1]));
		else if (in->cell[IN_LIKELY][0])
			strbuf_printf(&dist, "%s %s, %s, %s", dn,
				      value(d, in, IN_LOW, b[0]),
				      value(d, in, IN_LIKELY, b[1]),
				      value(d, in, IN_HIGH, b[2]));
		else
			strbuf_printf(&dist, "%s %s to %s", dn,
				      value(d, in, IN_LOW, b[0]),
				      value(d, in, IN_HIGH, b[2]));
		const char *cells[6] = {strbuf_str(&name),
					in->cell[IN_OPTION],
					strbuf_str(&dist),
					value(d, in, IN_POINT, b[3]),
					when,
					in->cell[IN_SOURCE]};
		size_t r = table_row(&t, cells);
		t.rule[r] = i > 0 && is_item(in) && !is_item(&d->inputs[i - 1]);
		free(when);
		strbuf_free(&name);
		strbuf_free(&dist);
	}
	flow_table(p, &t, y + 4, "Assumptions", "Assumptions");
	table_free(&t);
}

/* ---- Methods ---- */

static void methods(struct pages *p, const char *const *extra)
{
	const struct chart_data *d = p->d;
	struct report_page *pg = new_page(p, "Methods", "Methods", 0);
	double y = heading(p, &pg->dl, "Methods", PAGE_M);
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	const char *gen = chart_prov(d, "generator");
	strbuf_printf(&b, "Simulation. %s trials with seed %s; random "
			  "numbers from %s. In every trial all options see the "
			  "same draws of every shared input (common random "
			  "numbers), so differences between options are "
			  "measured trial by trial.",
		      n, chart_prov(d, "seed"), gen ? gen : "(not recorded)");
	free(n);
	y = para(p, &pg->dl, strbuf_str(&b), y, FONT_REGULAR, 9, STYLE_INK);
	static const char *const keys[][2] = {
		{"percentiles", "Percentiles"},
		{"discounting", "Discounting"},
		{"aid", "State aid"}};
	for (int i = 0; i < 3; i++) {
		const char *v = chart_prov(d, keys[i][0]);
		if (!v)
			continue;
		strbuf_reset(&b);
		strbuf_printf(&b, "%s: %s.", keys[i][1], v);
		y = para(p, &pg->dl, strbuf_str(&b), y, FONT_REGULAR, 9,
			 STYLE_INK);
	}
	strbuf_reset(&b);
	strbuf_printf(&b, "Baseline: every comparison is an option minus %s.",
		      d->opt[d->baseline].label);
	y = para(p, &pg->dl, strbuf_str(&b), y, FONT_REGULAR, 9, STYLE_INK);
	for (int i = 0; extra[i]; i++)
		y = para(p, &pg->dl, extra[i], y, FONT_REGULAR, 9, STYLE_INK);
	strbuf_reset(&b);
	const char *cmd = chart_prov(d, "command");
	strbuf_printf(&b, "To regenerate: run '%s' with edtco %s; the input "
			  "files must have the SHA-256 digests below. 'edtco "
			  "chart DIR' redraws these exhibits from a result "
			  "folder without simulating again.",
		      cmd ? cmd : "edtco run", chart_prov(d, "version"));
	y = para(p, &pg->dl, strbuf_str(&b), y, FONT_REGULAR, 9, STYLE_INK);
	strbuf_free(&b);
	static const char *const head[] = {"Input file", "SHA-256"};
	static const enum table_align al[] = {TA_LEFT, TA_LEFT};
	struct table t;
	table_init(&t, 2, head, al);
	table_wrap(&t, 0);
	const char *file = NULL;
	for (size_t i = 0; i < d->nprov; i++) {
		if (strcmp(d->prov[i].key, "input_file") == 0) {
			file = d->prov[i].value;
		} else if (file &&
			   strcmp(d->prov[i].key, "input_sha256") == 0) {
			const char *cells[2] = {file, d->prov[i].value};
			table_row(&t, cells);
			file = NULL;
		}
	}
	flow_table(p, &t, y + 4, "Methods", "Methods");
	table_free(&t);
}

/* ---- Cover ---- */

static const char *share_text(double p, double se, char buf[96])
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	int fine = se * 100 < 0.05;
	snprintf(buf, 96, "%s%% (\xC2\xB1 %s)", numfmt_fixed(p * 100, fine, a),
		 numfmt_fixed(se * 100, fine ? 2 : 1, b));
	return buf;
}

/* One bullet paragraph of the findings at y, on a new page when it does
 * not fit; returns the y below it. */
static double bullet(struct pages *p, const char *text, double y)
{
	const double size = 9.5, lead = 12.5;
	char **lines;
	size_t n = layout_wrap(p->c.tm, text, FONT_REGULAR, size, PAGE_W - 12,
			       &lines);
	layout_lines_free(lines, n);
	if (y + (double)n * lead > PAGE_BOTTOM) {
		struct report_page *pg = new_page(p, "Findings (continued)",
						  NULL, 0);
		y = heading(p, &pg->dl, "Findings (continued)", PAGE_M);
	}
	struct dlist *dl = &p->v[p->n - 1].dl;
	dl_text(dl, PAGE_M, y + size * TEXT_ASCENT, "\xE2\x80\xA2",
		FONT_REGULAR, size, STYLE_INK, ANCHOR_LEFT);
	return frame_text(&p->c, dl, PAGE_M + 12, y + size * TEXT_ASCENT,
			  PAGE_W - 12, text, FONT_REGULAR, size, STYLE_INK,
			  lead) -
	       lead + size * TEXT_DESCENT + 7;
}

/* The findings pages: findings.csv's sentences, or without it the titles
 * of the exhibits that compare options. */
static void findings(struct pages *p, const struct exhibit *ex, size_t nex)
{
	const struct chart_data *d = p->d;
	struct report_page *pg = new_page(p, "Findings", "Findings", 0);
	double y = heading(p, &pg->dl, "Findings", PAGE_M);
	if (d->has_findings) {
		y = para(p, &pg->dl,
			 "In words, from the result tables (findings.txt); "
			 "each sentence states its basis.",
			 y, FONT_REGULAR, 9, STYLE_MUTED);
		for (size_t i = 0; i < d->nfindings; i++)
			if (strncmp(d->findings[i].key, "finding.", 8) == 0)
				y = bullet(p, d->findings[i].value, y + 2);
		return;
	}
	y = para(p, &pg->dl,
		 "The findings stated by the exhibits' titles (this folder has "
		 "no findings.csv).",
		 y, FONT_REGULAR, 9, STYLE_MUTED);
	for (size_t i = 0; i < nex; i++) {
		struct strbuf b = STRBUF_INIT;
		strbuf_printf(&b, "%s (Exhibit %d).", ex[i].title,
			      ex[i].number);
		y = bullet(p, strbuf_str(&b), y + 2);
		strbuf_free(&b);
	}
}

static double summary(struct pages *p, struct dlist *dl, double y)
{
	const struct chart_data *d = p->d;
	struct strbuf h = STRBUF_INIT;
	strbuf_printf(&h, "Chance cheaper than %s", d->opt[d->baseline].label);
	const char *head[] = {"Option", "Base case", "Mean",
			      "10th to 90th percentile", strbuf_str(&h)};
	struct table t;
	table_init(&t, 5, head, NULL);
	table_wrap(&t, 0);
	for (int o = 0; o < d->nopt; o++) {
		const struct chart_stat *s = &d->opt[o].m[CM_NET_PV];
		const struct chart_stat *c = &d->opt[o].cmp[CM_NET_PV];
		char a[LAYOUT_LABEL_MAX], m[LAYOUT_LABEL_MAX],
			lo[LAYOUT_LABEL_MAX], hi[LAYOUT_LABEL_MAX], r[140],
			pc[96];
		snprintf(r, sizeof(r), "%s to %s",
			 layout_money_full(s->q[CQ_P10], 0, lo),
			 layout_money_full(s->q[CQ_P90], 0, hi));
		const char *cells[5] = {
			d->opt[o].label, layout_money_full(s->point, 0, a),
			layout_money_full(s->mean, 0, m), r,
			o == d->baseline ? "baseline"
					 : share_text(c->p_cheaper,
						      c->p_cheaper_se, pc)};
		table_row(&t, cells);
	}
	size_t next = 0;
	y = table_layout(&p->c, &t, dl, PAGE_M, y, PAGE_W, PAGE_BOTTOM, &next);
	table_free(&t);
	strbuf_free(&h);
	return y;
}

/* A line of the contents on the cover. */
struct entry {
	char *what, *caption;
	size_t page;
};

static void cover(struct pages *p, struct report_page *pg,
		  const struct entry *toc, size_t ntoc)
{
	const struct chart_data *d = p->d;
	struct dlist *dl = &pg->dl;
	double y = PAGE_M;
	y = frame_text(&p->c, dl, PAGE_M, y + 18 * TEXT_ASCENT, PAGE_W,
		       chart_prov(d, "title"), FONT_BOLD, 18, STYLE_INK, 22) +
	    2;
	char *span = words_span(d, 0), *pv = words_pv_basis(d),
	     *n = words_trials(d);
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "Cost comparison exhibits. Total cost to the "
			  "district over %s%s, %s; %s simulated futures.",
		      span, words_aid(d), pv, n);
	y = para(p, dl, strbuf_str(&b), y - 18 * TEXT_ASCENT + 4, FONT_REGULAR,
		 10, STYLE_MUTED);
	free(span);
	free(pv);
	free(n);
	const char *head = chart_finding(d, "headline");
	if (head)
		y = para(p, dl, head, y + 10, FONT_BOLD, 11, STYLE_INK);
	y = para(p, dl, "Summary", y + 10, FONT_BOLD, 12, STYLE_INK);
	y = summary(p, dl, y);
	y = para(p, dl, "Contents", y + 14, FONT_BOLD, 12, STYLE_INK);
	/* No links: cairo 1.16's link tags write a broken xref table (qpdf
	 * --check); the bookmarks navigate instead. */
	for (size_t i = 0; i < ntoc; i++) {
		double base = y + 9.5 * TEXT_ASCENT;
		dl_text(dl, PAGE_M, base, toc[i].what, FONT_BOLD, 9.5,
			STYLE_INK, ANCHOR_LEFT);
		char *cap = layout_ellipsize(p->c.tm, toc[i].caption,
					     FONT_REGULAR, 9.5, PAGE_W - 148);
		dl_text(dl, PAGE_M + 80, base, cap, FONT_REGULAR, 9.5,
			STYLE_INK, ANCHOR_LEFT);
		free(cap);
		strbuf_reset(&b);
		strbuf_printf(&b, "page %zu", toc[i].page);
		dl_text(dl, PAGE_M + PAGE_W, base, strbuf_str(&b),
			FONT_REGULAR, 9.5, STYLE_INK, ANCHOR_RIGHT);
		y += 14;
	}
	strbuf_free(&b);
}

/* The footer of every page: the source line and "Page i of n". */
static void footers(struct pages *p)
{
	char *src = words_source(p->d);
	for (size_t i = 0; i < p->n; i++) {
		struct dlist *dl = &p->v[i].dl;
		char num[64];
		snprintf(num, sizeof(num), "Page %zu of %zu", i + 1, p->n);
		double y = STYLE_PAGE_H - 36;
		dl_line(dl, PAGE_M, y - 10, PAGE_M + PAGE_W, y - 10,
			STYLE_GRID, STYLE_GRID_LW, DASH_SOLID);
		frame_text(&p->c, dl, PAGE_M, y, PAGE_W - 70, src, FONT_REGULAR,
			   STYLE_NOTE, STYLE_MUTED, 8.5);
		dl_text(dl, PAGE_M + PAGE_W, y, num, FONT_REGULAR, STYLE_NOTE,
			STYLE_INK, ANCHOR_RIGHT);
	}
	free(src);
}

size_t report_build(const struct chart_data *d, const struct text_measure *tm,
		    const struct exhibit *ex, const struct dlist *charts,
		    size_t nex, struct report_page **out)
{
	struct pages p;
	memset(&p, 0, sizeof(p));
	p.d = d;
	p.c.d = d;
	p.c.tm = tm;
	new_page(&p, "Cover", "Summary", 0);
	struct entry *toc = xcalloc(nex + 3, sizeof(*toc));
	size_t nt = 0;
	toc[nt++] = (struct entry){xstrdup("Findings"),
				   xstrdup("in words, with their basis"),
				   p.n + 1};
	findings(&p, ex, nex);
	for (size_t i = 0; i < nex; i++) {
		struct strbuf w = STRBUF_INIT;
		strbuf_printf(&w, "Exhibit %d", ex[i].number);
		toc[nt++] = (struct entry){strbuf_take(&w),
					   xstrdup(ex[i].caption), p.n + 1};
		exhibit_pages(&p, &ex[i], &charts[i]);
	}
	toc[nt++] = (struct entry){xstrdup("Assumptions"),
				   xstrdup("every input, its range and source"),
				   p.n + 1};
	assumptions(&p);
	const char *extra[4] = {NULL};
	int k = 0;
	extra[k++] = "Exhibits: fan-chart bands are percentiles of each "
		     "year's cost, computed year by year; the S-curve joins "
		     "the 0th to 100th percentiles of total cost; the "
		     "percentile of a base case is read off that table by "
		     "linear interpolation; histogram bins are those of "
		     "histogram.csv (merged by 2, 5, 10... when there are "
		     "too many to draw), with an edge at $0.";
	if (d->has_sens)
		extra[k++] = "Sensitivity: each input is set to its 10th and "
			     "90th percentile with every other input at its "
			     "base value (sensitivity.csv); the rank "
			     "correlation is Spearman's, between the input's "
			     "draws and the output across the trials.";
	toc[nt++] = (struct entry){
		xstrdup("Methods"),
		xstrdup("simulation, percentiles, discounting, aid; how to "
			"regenerate"),
		p.n + 1};
	methods(&p, extra);
	cover(&p, &p.v[0], toc, nt);
	for (size_t i = 0; i < nt; i++) {
		free(toc[i].what);
		free(toc[i].caption);
	}
	free(toc);
	footers(&p);
	*out = p.v;
	return p.n;
}

void report_free(struct report_page *pages, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		dlist_free(&pages[i].dl);
		free(pages[i].label);
		free(pages[i].outline);
	}
	free(pages);
}
