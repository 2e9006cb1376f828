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
	dl_tag_dest(&pg->dl, p->n); /* for the links of the contents */
	pg->label = xstrdup(label);
	pg->outline = outline ? xstrdup(outline) : NULL;
	pg->outline_child = child;
	return pg;
}

/* A page heading (an H1 element); returns the y below it. */
static double heading(struct pages *p, struct dlist *dl, const char *text,
		      double y)
{
	dl_tag_begin(dl, "H1", NULL);
	y = frame_text(&p->c, dl, PAGE_M, y + 14 * TEXT_ASCENT, PAGE_W, text,
		       FONT_BOLD, 14, STYLE_INK, 17) +
	    4;
	dl_tag_end(dl, "H1");
	return y;
}

/* A paragraph, or with tag "H2" a subheading; returns the y below it. */
static double block(struct pages *p, struct dlist *dl, const char *tag,
		    const char *text, double y, enum dl_font font, double size,
		    uint32_t colour)
{
	double lead = size * 1.35;
	dl_tag_begin(dl, tag, NULL);
	y = frame_text(&p->c, dl, PAGE_M, y + size * TEXT_ASCENT, PAGE_W,
		       text, font, size, colour, lead) -
	    lead + size * TEXT_DESCENT + size * 0.6;
	dl_tag_end(dl, tag);
	return y;
}

static double para(struct pages *p, struct dlist *dl, const char *text,
		   double y, enum dl_font font, double size, uint32_t colour)
{
	return block(p, dl, "P", text, y, font, size, colour);
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
	/* The chart is a figure whose text alternative is its finding. */
	char *alt = exhibit_alt(e);
	dl_tag_begin(&pg->dl, "Figure", alt);
	free(alt);
	dlist_append(&pg->dl, chart, PAGE_M, y + 4);
	dl_tag_end(&pg->dl, "Figure");
	dl_rect(&pg->dl, PAGE_M, y + 4, STYLE_CHART_W, STYLE_CHART_H, DL_NONE,
		STYLE_GRID, STYLE_GRID_LW);
	y += 4 + STYLE_CHART_H + 18;
	y = block(p, &pg->dl, "H2", "How to read this exhibit", y, FONT_BOLD,
		  10, STYLE_INK);
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
	/* The chart's own paragraph above its table, if any. */
	char *note = e->kind->data_note ? e->kind->data_note(p->d, e) : NULL;
	if (note)
		y = para(p, &pg->dl, note, y, FONT_REGULAR, 9, STYLE_INK);
	free(note);
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

/* A cost item's amount as written, every amount of the item with the same
 * decimals: whole dollars, cents when any amount has cents, more when one
 * has more ("$9, $11, $14"; "$2.00, $3.50, $5.00"; "$3.125"). */
static const char *item_money(const struct chart_input *in, double v,
			      char buf[LAYOUT_LABEL_MAX])
{
	static const int cols[] = {IN_LOW, IN_LIKELY, IN_HIGH, IN_POINT};
	int decimals = 0;
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		char *end, num[NUMFMT_MAX];
		double x = strtod(in->cell[cols[i]], &end);
		if (*end || end == in->cell[cols[i]])
			continue;
		/* The fewest decimals (up to 6) that give x at 15 digits. */
		int d = 0;
		while (d < 6 && numfmt_round_sig(strtod(numfmt_fixed(x, d, num),
							NULL),
						 15) != numfmt_round_sig(x, 15))
			d++;
		if (d > decimals)
			decimals = d;
	}
	if (decimals == 1)
		decimals = 2; /* cents */
	char num[NUMFMT_MAX];
	numfmt_money(fabs(v), decimals, num);
	snprintf(buf, LAYOUT_LABEL_MAX, "%s%.*s", v < 0 ? LAYOUT_MINUS : "",
		 LAYOUT_LABEL_MAX - 8, num);
	return buf;
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
	/* A whole-number setting (years, base_year, trials, seed, aid_lag)
	 * as written: "2015", not "2,015". */
	if (strcmp(in->cell[IN_KIND], "setting") == 0 &&
	    strncmp(in->cell[IN_NAME], "correlation", 11) != 0)
		return s;
	if (is_item(in))
		return item_money(in, v, buf);
	return words_input_exact(d, in->cell[IN_NAME], v, buf);
}

/* A rate cell as a percentage ("0.02" -> "2%"); a parameter by its
 * label. */
static const char *rate(const struct chart_data *d, const char *s,
			char buf[LAYOUT_LABEL_MAX])
{
	char *end;
	double v = strtod(s, &end);
	if (*s == '\0' || *end)
		return chart_param_label(d, s);
	char num[NUMFMT_MAX];
	snprintf(buf, LAYOUT_LABEL_MAX, "%.*s", LAYOUT_LABEL_MAX - 1,
		 numfmt_rate(v, num));
	return buf;
}

/* The value of an item's contract term (a row of kind "term" of
 * inputs.csv, SPEC 10), or NULL. */
static const char *term_of(const struct chart_data *d,
			   const struct chart_input *item, const char *term)
{
	for (size_t i = 0; i < d->ninputs; i++) {
		const struct chart_input *in = &d->inputs[i];
		if (strcmp(in->cell[IN_KIND], "term") == 0 &&
		    strcmp(in->cell[IN_OPTION], item->cell[IN_OPTION]) == 0 &&
		    strcmp(in->cell[IN_NAME], item->cell[IN_NAME]) == 0 &&
		    strcmp(in->cell[IN_CATEGORY], term) == 0)
			return in->cell[IN_LIKELY];
	}
	return NULL;
}

/* An item's contract terms for people: "; 100% off in years 1; minimum
 * $5,000; escalation from year 2, at most CPI". */
static void describe_terms(const struct chart_data *d,
			   const struct chart_input *in, struct strbuf *b)
{
	char buf[LAYOUT_LABEL_MAX];
	const char *v;
	if ((v = term_of(d, in, "tier_mode")))
		strbuf_printf(b, "; %s tiers", v);
	if ((v = term_of(d, in, "minimum")))
		strbuf_printf(b, "; minimum %s",
			      item_money(in, strtod(v, NULL), buf));
	if ((v = term_of(d, in, "discount"))) {
		strbuf_printf(b, "; %s off", rate(d, v, buf));
		if ((v = term_of(d, in, "discount_years")))
			strbuf_printf(b, " in year%s %s",
				      strpbrk(v, "-,") ? "s" : "", v);
	}
	if ((v = term_of(d, in, "escalate_from")))
		strbuf_printf(b, "; escalation from year %s", v);
	if ((v = term_of(d, in, "escalation_cap")))
		strbuf_printf(b, "; escalation at most %s", rate(d, v, buf));
	if ((v = term_of(d, in, "escalation_floor")))
		strbuf_printf(b, "; escalation at least %s", rate(d, v, buf));
}

/* When and how a cost item applies: "each year 1-5; escalation 2%". */
static char *terms(const struct chart_data *d, const struct chart_input *in)
{
	struct strbuf b = STRBUF_INIT;
	if (!is_item(in))
		return xstrdup("");
	if (strcmp(in->cell[IN_PER], "exit") == 0)
		strbuf_printf(&b, "on leaving in years %s\xE2\x80\x93%s",
			      in->cell[IN_START], in->cell[IN_END]);
	else if (strcmp(in->cell[IN_PER], "once") == 0)
		strbuf_printf(&b, "once, year %s", in->cell[IN_START]);
	else if (strcmp(in->cell[IN_START], in->cell[IN_END]) == 0)
		strbuf_printf(&b, "year %s", in->cell[IN_START]);
	else
		strbuf_printf(&b, "years %s\xE2\x80\x93%s", in->cell[IN_START],
			      in->cell[IN_END]);
	if (strcmp(in->cell[IN_QUANTITY], "1") != 0)
		strbuf_printf(&b, "; \xC3\x97 %s",
			      chart_param_label(d, in->cell[IN_QUANTITY]));
	char buf[LAYOUT_LABEL_MAX];
	if (strcmp(in->cell[IN_ESCALATION], "0") != 0)
		strbuf_printf(&b, "; escalation %s",
			      rate(d, in->cell[IN_ESCALATION], buf));
	if (strcmp(in->cell[IN_PROBABILITY], "1") != 0)
		strbuf_printf(&b, "; probability %s",
			      rate(d, in->cell[IN_PROBABILITY], buf));
	if (strcmp(in->cell[IN_PAYER], "district") != 0)
		strbuf_printf(&b, "; paid by %s", in->cell[IN_PAYER]);
	if (strcmp(in->cell[IN_AID], "0") != 0)
		strbuf_printf(&b, "; aidable share %s",
			      rate(d, in->cell[IN_AID], buf));
	if (in->cell[IN_GROUP][0])
		strbuf_printf(&b, "; group %s", in->cell[IN_GROUP]);
	describe_terms(d, in, &b);
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
		 "value is what the point estimate uses (the likely value; the "
		 "median for uniform, normal and lognormal; risk items at "
		 "probability times cost). Cost items are unit costs "
		 "in year-1 dollars. Settings are the scenario's other values "
		 "that change the numbers or their labels (horizon, first "
		 "year, year labels, baseline, trials, seed, aid lag, "
		 "correlations); \"(default)\" marks "
		 "a value the scenario does not set.",
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
		if (strcmp(in->cell[IN_KIND], "term") == 0)
			continue; /* in its item's row */
		char *when = terms(d, in);
		struct strbuf name = STRBUF_INIT, dist = STRBUF_INIT;
		if (in->cell[IN_LABEL][0])
			strbuf_printf(&name, "%s (%s)", in->cell[IN_LABEL],
				      in->cell[IN_NAME]);
		else
			strbuf_puts(&name, in->cell[IN_NAME]);
		if (is_item(in))
			strbuf_printf(&name, " (%s)", in->cell[IN_CATEGORY]);
		else if (strcmp(in->cell[IN_KIND], "default") == 0)
			strbuf_puts(&name, " (default)");
		else if (strcmp(in->cell[IN_KIND], "setting") == 0)
			strbuf_puts(&name, " (setting)");
		const char *dn = in->cell[IN_DIST];
		const char *tiers = is_item(in) ? term_of(d, in, "tiers") : NULL;
		if (tiers)
			strbuf_printf(&dist, "tiers (units: rate) %s", tiers);
		else if (strcmp(dn, "fixed") == 0 || !*dn)
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
	if (d->nopt > 1) {
		strbuf_reset(&b);
		strbuf_printf(&b,
			      "Baseline: every comparison is an option minus "
			      "%s.",
			      d->opt[d->baseline].label);
		y = para(p, &pg->dl, strbuf_str(&b), y, FONT_REGULAR, 9,
			 STYLE_INK);
	}
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

/* A share and its standard error; a standard error of 0 (a share of
 * exactly 0 or 1) or one from under 1,000 trials is not printed, never
 * "± 0.00". */
static const char *share_text(double p, double se, long trials, char buf[96])
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	int fine = se * 100 < 0.05 && se > 0;
	if (!(se > 0) || trials < 1000) {
		snprintf(buf, 96, "%s%% (%s)", numfmt_fixed(p * 100, 0, a),
			 trials < 1000 ? "too few trials for a margin"
				       : "no exception");
		return buf;
	}
	snprintf(buf, 96, "%.40s%% (\xC2\xB1%.40s%%)",
		 numfmt_fixed(p * 100, fine, a),
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
	dl_tag_begin(dl, "L", NULL);
	dl_tag_begin(dl, "LI", NULL);
	dl_tag_begin(dl, "Lbl", NULL);
	dl_text(dl, PAGE_M, y + size * TEXT_ASCENT, "\xE2\x80\xA2",
		FONT_REGULAR, size, STYLE_INK, ANCHOR_LEFT);
	dl_tag_end(dl, "Lbl");
	dl_tag_begin(dl, "LBody", NULL);
	y = frame_text(&p->c, dl, PAGE_M + 12, y + size * TEXT_ASCENT,
		       PAGE_W - 12, text, FONT_REGULAR, size, STYLE_INK, lead) -
	    lead + size * TEXT_DESCENT + 7;
	dl_tag_end(dl, "LBody");
	dl_tag_end(dl, "LI");
	dl_tag_end(dl, "L");
	return y;
}

/* The findings pages: findings.csv's sentences.  The findings are the one
 * place that states them; a folder without findings.csv gets a line that
 * says so, and its exhibits' titles only say what each shows. */
static void findings(struct pages *p)
{
	const struct chart_data *d = p->d;
	struct report_page *pg = new_page(p, "Findings", "Findings", 0);
	double y = heading(p, &pg->dl, "Findings", PAGE_M);
	if (!d->has_findings) {
		para(p, &pg->dl,
		     "This folder has no findings.csv, so this packet states no "
		     "findings (edtco run writes them with the result tables); "
		     "each exhibit's title says what it shows.",
		     y, FONT_REGULAR, 9, STYLE_MUTED);
		return;
	}
	y = para(p, &pg->dl,
		 "In words, from the result tables (findings.txt); "
		 "each sentence states its basis.",
		 y, FONT_REGULAR, 9, STYLE_MUTED);
	for (size_t i = 0; i < d->nfindings; i++)
		if (strncmp(d->findings[i].key, "finding.", 8) == 0)
			y = bullet(p, d->findings[i].value, y + 2);
}

static double summary(struct pages *p, struct dlist *dl, double y)
{
	const struct chart_data *d = p->d;
	struct strbuf h = STRBUF_INIT;
	strbuf_printf(&h, "Chance cheaper than %s", chart_name(d, d->baseline));
	const char *head[] = {"Option", "Point estimate", "Mean",
			      "10th to 90th percentile", strbuf_str(&h)};
	/* One option compares with nothing: no chance column. */
	size_t ncol = d->nopt > 1 ? 5 : 4;
	struct table t;
	table_init(&t, ncol, head, NULL);
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
						      c->p_cheaper_se, d->trials,
						      pc)};
		table_row(&t, cells);
	}
	size_t next = 0;
	y = table_layout(&p->c, &t, dl, PAGE_M, y, PAGE_W, PAGE_BOTTOM, &next);
	table_free(&t);
	strbuf_free(&h);
	return y;
}

/* The district's and the public's answers side by side, one paragraph per
 * comparison with the baseline (findings.csv: cover.perspectives.ID),
 * when the run wrote them.  Returns the new y. */
static double perspectives(struct pages *p, struct dlist *dl, double y)
{
	const struct chart_data *d = p->d;
	for (int o = 0; o < d->nopt; o++) {
		if (o == d->baseline)
			continue;
		struct strbuf key = STRBUF_INIT;
		strbuf_printf(&key, "cover.perspectives.%s", d->opt[o].id);
		const char *f = chart_finding(d, strbuf_str(&key));
		strbuf_free(&key);
		if (f)
			y = para(p, dl, f, y + 6, FONT_REGULAR, 10, STYLE_INK);
	}
	return y;
}

/* A line of the contents on the cover. */
struct entry {
	char *what, *caption;
	size_t page;
};

/* The cover down to the summary table: title, basis, headline, the two
 * perspectives, summary.  Returns the y below it. */
static double cover_top(struct pages *p, struct dlist *dl)
{
	const struct chart_data *d = p->d;
	double y = PAGE_M;
	dl_tag_begin(dl, "H1", NULL);
	y = frame_text(&p->c, dl, PAGE_M, y + 18 * TEXT_ASCENT, PAGE_W,
		       chart_prov(d, "title"), FONT_BOLD, 18, STYLE_INK, 22) +
	    2;
	dl_tag_end(dl, "H1");
	char *span = words_span(d, 0), *pv = words_pv_basis(d),
	     *n = words_trials(d);
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "%s. Total cost to the district over %s%s, %s; %s "
			  "simulated futures.",
		      d->nopt > 1 ? "Cost comparison exhibits" : "Cost exhibits",
		      span, words_aid(d), pv, n);
	y = para(p, dl, strbuf_str(&b), y - 18 * TEXT_ASCENT + 4, FONT_REGULAR,
		 10, STYLE_MUTED);
	free(span);
	free(pv);
	free(n);
	strbuf_free(&b);
	const char *head = chart_finding(d, "headline");
	if (head)
		y = para(p, dl, head, y + 10, FONT_BOLD, 11, STYLE_INK);
	y = perspectives(p, dl, y);
	y = block(p, dl, "H2", "Summary", y + 10, FONT_BOLD, 12, STYLE_INK);
	return summary(p, dl, y);
}

/* The contents from y, each entry a link to its page.  Returns the y
 * below them. */
static double contents(struct pages *p, struct dlist *dl, double y,
		       const struct entry *toc, size_t ntoc)
{
	y = block(p, dl, "H2", "Contents", y + 14, FONT_BOLD, 12, STYLE_INK);
	struct strbuf b = STRBUF_INIT;
	dl_tag_begin(dl, "TOC", NULL);
	/* Each entry links to its page (a Link element in the TOC item). */
	for (size_t i = 0; i < ntoc; i++) {
		double base = y + 9.5 * TEXT_ASCENT;
		dl_tag_begin(dl, "TOCI", NULL);
		dl_tag_link(dl, toc[i].page);
		dl_text(dl, PAGE_M, base, toc[i].what, FONT_BOLD, 9.5,
			STYLE_INK, ANCHOR_LEFT);
		/* The caption on up to two lines (long option names). */
		size_t nl = frame_lines(&p->c, dl, PAGE_M + 80, base,
					PAGE_W - 148, toc[i].caption,
					FONT_REGULAR, 9.5, STYLE_INK,
					ANCHOR_LEFT, 12, 2);
		strbuf_reset(&b);
		strbuf_printf(&b, "page %zu", toc[i].page);
		dl_text(dl, PAGE_M + PAGE_W, base, strbuf_str(&b),
			FONT_REGULAR, 9.5, STYLE_INK, ANCHOR_RIGHT);
		dl_tag_end(dl, "Link");
		dl_tag_end(dl, "TOCI");
		y += 14 + 12 * (double)(nl - 1);
	}
	dl_tag_end(dl, "TOC");
	strbuf_free(&b);
	return y;
}

/* Whether the cover holds the contents too: laid out on a scratch page
 * (long option names make the cover's paragraphs and table tall). */
static int contents_fit_cover(struct pages *p, const struct entry *toc,
			      size_t ntoc)
{
	struct dlist scratch;
	dlist_init(&scratch, STYLE_PAGE_W, STYLE_PAGE_H);
	double y = contents(p, &scratch, cover_top(p, &scratch), toc, ntoc);
	dlist_free(&scratch);
	return y <= PAGE_BOTTOM;
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
	/* The contents' entries first (their pages are known only once the
	 * pages are laid out), to know whether they fit on the cover. */
	struct entry *toc = xcalloc(nex + 3, sizeof(*toc));
	size_t nt = 0;
	toc[nt++] = (struct entry){xstrdup("Findings"),
				   xstrdup("in words, with their basis"), 0};
	for (size_t i = 0; i < nex; i++) {
		struct strbuf w = STRBUF_INIT;
		strbuf_printf(&w, "Exhibit %d", ex[i].number);
		toc[nt++] = (struct entry){strbuf_take(&w),
					   xstrdup(ex[i].caption), 0};
	}
	toc[nt++] = (struct entry){xstrdup("Assumptions"),
				   xstrdup("every input, its range and source"),
				   0};
	toc[nt++] = (struct entry){
		xstrdup("Methods"),
		xstrdup("simulation, percentiles, discounting, aid; how to "
			"regenerate"),
		0};
	int apart = !contents_fit_cover(&p, toc, nt);
	if (apart)
		new_page(&p, "Contents", "Contents", 0);
	size_t t = 0;
	toc[t++].page = p.n + 1;
	findings(&p);
	for (size_t i = 0; i < nex; i++) {
		toc[t++].page = p.n + 1;
		exhibit_pages(&p, &ex[i], &charts[i]);
	}
	toc[t++].page = p.n + 1;
	assumptions(&p);
	const char *extra[4] = {NULL};
	int k = 0;
	extra[k++] = "Exhibits: fan-chart bands are percentiles of each "
		     "year's cost, computed year by year; the S-curve joins "
		     "the 0th to 100th percentiles of total cost; the "
		     "percentile of a point estimate is read off that table by "
		     "linear interpolation; histogram bins are those of "
		     "histogram.csv (merged by 2, 5, 10... when there are "
		     "too many to draw), with an edge at $0.";
	if (d->has_sens)
		extra[k++] = "Sensitivity: each input is set to its 10th and "
			     "90th percentile with every other input at its "
			     "point value (sensitivity.csv), and each risk "
			     "item's occurrence from never to once, at its "
			     "point cost, in its first possible year; the rank "
			     "correlation is Spearman's, between the input's "
			     "draws (for a risk's occurrence, the number of "
			     "years it occurs) and the output across the "
			     "trials.";
	toc[t++].page = p.n + 1;
	methods(&p, extra);
	double y = cover_top(&p, &p.v[0].dl);
	contents(&p, &p.v[apart].dl, apart ? PAGE_M - 14 : y, toc, nt);
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
