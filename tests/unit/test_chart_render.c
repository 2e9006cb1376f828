/* Drawing the fixture's exhibits: every file is written, PNGs have the
 * size and recorded resolution asked for, PDFs carry their metadata and
 * the date rule, the bytes are the same for any number of threads, and
 * the layout keeps labels apart, inside the page, and histogram bars on
 * the right side of $0. */
#include "helpers.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chart/chart.h"
#include "chart/exhibit.h"
#include "chart/render.h"

#define FIXTURE "tests/charts/fixture"

/* Draws the fixture into dir/name with o; returns 0 on success. */
static int draw(const char *dir, const char *name, const struct chart_opts *o)
{
	char out[512];
	snprintf(out, sizeof(out), "%s/%s", dir, name);
	struct strbuf err = STRBUF_INIT;
	struct outdir od;
	if (outdir_open(&od, out, 0, &err) != 0)
		fail_msg("%s", strbuf_str(&err));
	struct diags d = DIAGS_INIT;
	enum chart_status st = chart_draw(FIXTURE, &od, "", o, &d, &err);
	if (st != CHART_OK) {
		outdir_abort(&od);
		fail_msg("chart_draw: %d %s (%zu diagnostics)", st,
			 strbuf_str(&err), d.n);
	}
	if (outdir_commit(&od, &err) != 0)
		fail_msg("%s", strbuf_str(&err));
	diags_free(&d);
	strbuf_free(&err);
	return 0;
}

static unsigned char *slurp(const char *dir, const char *sub,
			    const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, name);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		fail_msg("missing %s", path);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	unsigned char *b = malloc((size_t)n + 1);
	if (fread(b, 1, (size_t)n, fp) != (size_t)n)
		fail_msg("cannot read %s", path);
	b[n] = 0;
	fclose(fp);
	*len = (size_t)n;
	return b;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Width, height and pixels per metre (pHYs) of a PNG. */
static void png_facts(const unsigned char *b, size_t n, uint32_t *w,
		      uint32_t *h, uint32_t *ppm)
{
	assert_true(n > 33 && memcmp(b + 1, "PNG", 3) == 0);
	assert_memory_equal(b + 12, "IHDR", 4);
	*w = be32(b + 16);
	*h = be32(b + 20);
	assert_int_equal(b[25], 2); /* colour type RGB: opaque */
	*ppm = 0;
	for (size_t i = 8; i + 8 <= n;) {
		uint32_t len = be32(b + i);
		if (memcmp(b + i + 4, "pHYs", 4) == 0) {
			assert_int_equal(be32(b + i + 8), be32(b + i + 12));
			assert_int_equal(b[i + 16], 1); /* metres */
			*ppm = be32(b + i + 8);
		}
		assert_true(memcmp(b + i + 4, "tIME", 4) != 0);
		i += 12 + len;
	}
}

/* The CreationDate of a PDF if it starts with want (after an optional
 * "D:"), else NULL. */
static const char *find(const unsigned char *b, size_t n, const char *what)
{
	size_t k = strlen(what);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(b + i, what, k) == 0)
			return (const char *)b + i;
	return NULL;
}

static const char *pdf_date(const unsigned char *pdf, size_t n,
			    const char *want)
{
	const char *s = find(pdf, n, "/CreationDate (");
	if (!s)
		return NULL;
	s += strlen("/CreationDate (");
	if (strncmp(s, "D:", 2) == 0)
		s += 2;
	return strncmp(s, want, strlen(want)) == 0 ? s : NULL;
}

static const char *const names[] = {
	"fan",		 "scurve",	      "tornado-portal",
	"tornado-inhouse", "histogram-portal", "histogram-inhouse",
	"breakdown",	 "per-student",	      NULL};

static void test_files_sizes_and_threads(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct chart_opts o;
	chart_opts_default(&o);
	draw(dir, "one", &o);
	o.threads = 3;
	draw(dir, "three", &o);
	static const char *const ext[] = {".png", ".pdf", ".svg"};
	for (int i = 0; names[i]; i++)
		for (int k = 0; k < 3; k++) {
			char f[64];
			snprintf(f, sizeof(f), "%s%s", names[i], ext[k]);
			size_t n1, n3;
			unsigned char *a = slurp(dir, "one", f, &n1);
			unsigned char *b = slurp(dir, "three", f, &n3);
			if (n1 != n3 || memcmp(a, b, n1) != 0)
				fail_msg("%s differs between 1 and 3 threads",
					 f);
			if (k == 0) {
				uint32_t w, h, ppm;
				png_facts(a, n1, &w, &h, &ppm);
				/* 7 x 5.25 in at 300 dpi = 11,811 px/m. */
				assert_int_equal(w, 2100);
				assert_int_equal(h, 1575);
				assert_int_equal(ppm, 11811);
			} else if (k == 2) {
				assert_non_null(find(a, n1, "width=\"504pt\""));
				assert_non_null(find(a, n1, "id=\"surface1\""));
			}
			free(a);
			free(b);
		}
	size_t n;
	unsigned char *r = slurp(dir, "one", "report.pdf", &n);
	assert_memory_equal(r, "%PDF-1.", 7);
	/* No SOURCE_DATE_EPOCH: the date of the newest input (the rule is
	 * tested below), never 2000-01-01.  (cairo 1.16 writes the date
	 * without its "D:" prefix.) */
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	char iso[32], want[16];
	chart_pdf_date(&d, FIXTURE, &o, iso);
	chart_data_free(&d);
	diags_free(&dg);
	snprintf(want, sizeof(want), "%.4s%.2s%.2s%.2s%.2s%.2s", iso, iso + 5,
		 iso + 8, iso + 11, iso + 14, iso + 17);
	assert_non_null(pdf_date(r, n, want));
	assert_null(pdf_date(r, n, "20000101"));
	assert_non_null(find(r, n, "/Title (Chart fixture: three options "
				   "over three years)"));
	assert_non_null(find(r, n, "/Creator (edtco 0.1.0)"));
	free(r);
	o.threads = 1;
	o.dpi = 150;
	o.formats = CHART_PNG | CHART_REPORT;
	o.date = 1700000000; /* 2023-11-14 22:13:20 UTC */
	draw(dir, "dpi", &o);
	unsigned char *p = slurp(dir, "dpi", "fan.png", &n);
	uint32_t w, h, ppm;
	png_facts(p, n, &w, &h, &ppm);
	assert_int_equal(w, 1050);
	assert_int_equal(h, 788); /* 378 pt x 150 / 72 = 787.5 */
	assert_int_equal(ppm, 5906);
	free(p);
	r = slurp(dir, "dpi", "report.pdf", &n);
	assert_non_null(pdf_date(r, n, "20231114221320Z"));
	free(r);
	char path[512];
	snprintf(path, sizeof(path), "%s/dpi/fan.pdf", dir);
	assert_int_equal(access(path, F_OK), -1); /* not asked for */
	test_rmdir(dir);
	free(dir);
}

/* Sets the modification time of path to t (seconds since 1970). */
static void set_mtime(const char *path, long long t)
{
	struct timespec ts[2] = {{(time_t)t, 0}, {(time_t)t, 0}};
	if (utimensat(AT_FDCWD, path, ts, 0) != 0)
		fail_msg("cannot set the time of %s", path);
}

static void test_pdf_date_rule(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct chart_opts o;
	chart_opts_default(&o);
	char *dir = test_tmpdir();
	char *in1 = test_write(dir, "scenario.csv", "x\n");
	char *in2 = test_write(dir, "costs.csv", "y\n");
	set_mtime(in1, 1700000000);          /* 2023-11-14T22:13:20Z */
	set_mtime(in2, 1709640000);          /* 2024-03-05T12:00:00Z */
	size_t k = 0;
	for (size_t i = 0; i < d.nprov; i++)
		if (strcmp(d.prov[i].key, "input_file") == 0) {
			free(d.prov[i].value);
			d.prov[i].value = strdup(k++ ? in2 : in1);
		}
	assert_int_equal(k, 2);
	char a[32], b[32];
	/* The newest of the inputs, the same each time. */
	chart_pdf_date(&d, FIXTURE, &o, a);
	chart_pdf_date(&d, FIXTURE, &o, b);
	assert_string_equal(a, "2024-03-05T12:00:00Z");
	assert_string_equal(a, b);
	set_mtime(in1, 1709640001);
	chart_pdf_date(&d, FIXTURE, &o, a);
	assert_string_equal(a, "2024-03-05T12:00:01Z");
	/* SOURCE_DATE_EPOCH wins, even 0. */
	o.date = 0;
	chart_pdf_date(&d, FIXTURE, &o, a);
	assert_string_equal(a, "1970-01-01T00:00:00Z");
	/* Inputs gone: the newest result file of the folder drawn. */
	o.date = -1;
	unlink(in1);
	unlink(in2);
	char *r1 = test_write(dir, "summary.csv", "z\n");
	char *r2 = test_write(dir, "notes.txt", "not read\n");
	set_mtime(r1, 1600000000);           /* 2020-09-13T12:26:40Z */
	set_mtime(r2, 1800000000);
	chart_pdf_date(&d, dir, &o, a);
	assert_string_equal(a, "2020-09-13T12:26:40Z");
	free(in1);
	free(in2);
	free(r1);
	free(r2);
	test_rmdir(dir);
	free(dir);
	chart_data_free(&d);
	diags_free(&dg);
}

/* The ink box of a text item, from its anchor and measured width. */
struct rect {
	double x0, y0, x1, y1;
};

static struct rect text_box(const struct text_measure *tm,
			    const struct dl_item *it)
{
	double w = text_width(tm, it->text, it->font, it->size);
	double x = it->anchor == ANCHOR_LEFT ? it->x
		   : it->anchor == ANCHOR_RIGHT ? it->x - w
						: it->x - w / 2;
	struct rect r = {x, it->y - it->size * TEXT_CAP, x + w,
			 it->y + it->size * 0.2};
	return r;
}

/* Lays out every exhibit of d and checks each text item: inside the
 * page, apart from the others, in WCAG AA contrast with what it sits on;
 * and the title whole (every word, in order, no ellipsis) on at most two
 * lines unless at the smallest title size. */
static void check_layout(const struct chart_data *d,
			 const struct text_measure *tm, struct exhibit *ex,
			 size_t nex)
{
	for (size_t e = 0; e < nex; e++) {
		struct exhibit_ctx c = {d, tm, &ex[e]};
		struct dlist dl;
		exhibit_draw(&c, &dl);
		struct rect *box = calloc(dl.n, sizeof(*box));
		double ts = frame_title_size(&c, ex[e].title,
					     STYLE_CHART_W - 2 * STYLE_MARGIN);
		struct strbuf title = STRBUF_INIT;
		size_t tlines = 0;
		for (size_t i = 0; i < dl.n; i++) {
			const struct dl_item *it = &dl.v[i];
			/* Shapes inside the page too (half a line's width
			 * of slack). */
			double sl = it->lw / 2 + 1e-9;
			if (it->kind == DL_RECT &&
			    (it->x < -sl || it->y < -sl ||
			     it->x + it->w > dl.width + sl ||
			     it->y + it->h > dl.height + sl))
				fail_msg("%s: a rectangle leaves the page",
					 ex[e].name);
			for (size_t k = 0; it->kind == DL_PATH && k < it->npts;
			     k++)
				if (it->pts[2 * k] < -sl ||
				    it->pts[2 * k] > dl.width + sl ||
				    it->pts[2 * k + 1] < -sl ||
				    it->pts[2 * k + 1] > dl.height + sl)
					fail_msg("%s: a line leaves the page",
						 ex[e].name);
			if (it->kind != DL_TEXT || it->vertical)
				continue;
			if (it->font == FONT_BOLD && it->size == ts &&
			    it->y < 90) {
				strbuf_printf(&title, "%s%s",
					      tlines++ ? " " : "", it->text);
				if (strstr(it->text, "\xE2\x80\xA6"))
					fail_msg("%s: title cut: %s",
						 ex[e].name, it->text);
			}
			box[i] = text_box(tm, it);
			/* WCAG AA against what it sits on: the last filled
			 * rectangle drawn under its anchor, else white. */
			uint32_t bg = STYLE_WHITE;
			for (size_t j = 0; j < i; j++) {
				const struct dl_item *r = &dl.v[j];
				if (r->kind == DL_RECT && r->fill != DL_NONE &&
				    it->x >= r->x && it->x <= r->x + r->w &&
				    it->y >= r->y && it->y <= r->y + r->h)
					bg = r->fill;
			}
			if (style_contrast(it->fill, bg) < 4.5)
				fail_msg("%s: \"%s\" in #%06X on #%06X: "
					 "contrast %.2f",
					 ex[e].name, it->text, it->fill, bg,
					 style_contrast(it->fill, bg));
			/* Inside the page. */
			if (box[i].x0 < -0.01 || box[i].x1 > dl.width + 0.01 ||
			    box[i].y0 < 0 || box[i].y1 > dl.height)
				fail_msg("%s: \"%s\" leaves the page",
					 ex[e].name, it->text);
			for (size_t j = 0; j < i; j++) {
				const struct dl_item *o = &dl.v[j];
				if (o->kind != DL_TEXT || o->vertical)
					continue;
				/* Overlap of more than half a point. */
				if (box[i].x0 < box[j].x1 - 0.5 &&
				    box[j].x0 < box[i].x1 - 0.5 &&
				    box[i].y0 < box[j].y1 - 0.5 &&
				    box[j].y0 < box[i].y1 - 0.5)
					fail_msg("%s: \"%s\" overlaps \"%s\"",
						 ex[e].name, it->text, o->text);
			}
		}
		assert_string_equal(strbuf_str(&title), ex[e].title);
		if (ts > STYLE_TITLE_MIN)
			assert_true(tlines <= 2);
		strbuf_free(&title);
		free(box);
		dlist_free(&dl);
	}
}

/* Names of more than 80 characters. */
static const char *const long_names[] = {
	"Statewide inBloom-style cloud student data portal with vendor-hosted "
	"dashboards and analytics (SaaS)",
	"Madison-Oneida BOCES Regional Information Center shared student "
	"management service (CO-SER 5xx)",
	"District in-house student information system and data warehouse, "
	"hosted and run by district staff"};

static void test_layout_keeps_labels_apart(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct strbuf err = STRBUF_INIT;
	struct render_fonts *f;
	assert_int_equal(render_fonts_open(RENDER_FONT_DIR, &f, &err), 0);
	struct text_measure tm = render_measure(f);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	assert_int_equal(nex, 9); /* with the budget by year */
	check_layout(&d, &tm, ex, nex);
	exhibit_list_free(ex, nex);
	/* Every option with a long label, and titles naming it in full (as
	 * findings.csv does when the scenario gives no short names). */
	assert_int_equal(d.nopt, 3);
	for (int o = 0; o < 3; o++) {
		assert_true(strlen(long_names[o]) > 80);
		free(d.opt[o].label);
		d.opt[o].label = strdup(long_names[o]);
	}
	nex = exhibit_list(&d, &ex);
	for (size_t e = 0; e < nex; e++) {
		struct strbuf t = STRBUF_INIT;
		strbuf_printf(&t, "Cheaper in 81%% of futures: %s, by $154,000",
			      long_names[1]);
		free(ex[e].title);
		ex[e].title = strbuf_take(&t);
	}
	check_layout(&d, &tm, ex, nex);
	exhibit_list_free(ex, nex);
	/* With short names too. */
	static const char *const shorts[] = {"Cloud portal", "BOCES RIC",
					     "In-house"};
	for (int o = 0; o < 3; o++)
		d.opt[o].short_label = strdup(shorts[o]);
	nex = exhibit_list(&d, &ex);
	check_layout(&d, &tm, ex, nex);
	exhibit_list_free(ex, nex);
	render_fonts_close(f);
	chart_data_free(&d);
	diags_free(&dg);
	strbuf_free(&err);
}

static void test_histogram_bars_sides(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct text_measure tm = {NULL, NULL};
	struct strbuf err = STRBUF_INIT;
	struct render_fonts *f;
	assert_int_equal(render_fonts_open(RENDER_FONT_DIR, &f, &err), 0);
	tm = render_measure(f);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	const struct exhibit *h = &ex[5];
	assert_string_equal(h->name, "histogram-portal");
	struct exhibit_ctx c = {&d, &tm, h};
	struct dlist dl;
	exhibit_draw(&c, &dl);
	/* The heavy line at $0. */
	double x0 = -1;
	for (size_t i = 0; i < dl.n; i++)
		if (dl.v[i].kind == DL_PATH && dl.v[i].lw == 1.5)
			x0 = dl.v[i].pts[0];
	assert_true(x0 > 0);
	uint32_t left = style_option(0).colour, right = style_option(1).colour;
	int nl = 0, nr = 0;
	double width = -1;
	for (size_t i = 0; i < dl.n; i++) {
		const struct dl_item *it = &dl.v[i];
		if (it->kind != DL_RECT ||
		    (it->fill != left && it->fill != right))
			continue;
		if (width < 0)
			width = it->w;
		assert_double_near(it->w, width, 1e-9); /* equal bins */
		if (it->fill == left) {
			assert_true(it->x + it->w <= x0 + 1e-9);
			nl++;
		} else {
			assert_true(it->x >= x0 - 1e-9);
			nr++;
		}
	}
	/* 4 bins below $0 and 7 above, as in histogram.csv. */
	assert_int_equal(nl, 4);
	assert_int_equal(nr, 7);
	dlist_free(&dl);
	exhibit_list_free(ex, nex);
	render_fonts_close(f);
	chart_data_free(&d);
	diags_free(&dg);
	strbuf_free(&err);
}

/* A tornado's heavy outline marks the bars that cross $0, and the key
 * explains it exactly when there is one. */
static void test_tornado_heavy_outline_explained(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct strbuf err = STRBUF_INIT;
	struct render_fonts *f;
	assert_int_equal(render_fonts_open(RENDER_FONT_DIR, &f, &err), 0);
	struct text_measure tm = render_measure(f);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	int seen_with = 0, seen_without = 0;
	for (size_t e = 0; e < nex; e++) {
		if (ex[e].kind != &exhibit_tornado)
			continue;
		const struct chart_sens **rows;
		size_t n = tornado_rows(&d, ex[e].option, &rows);
		int crossing = 0;
		for (size_t i = 0; i < n && i < 10; i++)
			crossing += fmin(rows[i]->out_p10, rows[i]->out_p90) <
					    0 &&
				    fmax(rows[i]->out_p10, rows[i]->out_p90) > 0;
		free(rows);
		struct exhibit_ctx c = {&d, &tm, &ex[e]};
		struct dlist dl;
		exhibit_draw(&c, &dl);
		int heavy = 0, key = 0;
		for (size_t i = 0; i < dl.n; i++) {
			const struct dl_item *it = &dl.v[i];
			if (it->kind == DL_RECT && it->stroke != DL_NONE &&
			    it->lw > 1)
				heavy++;
			if (it->kind == DL_TEXT &&
			    strncmp(it->text, "heavy outline: crosses $0", 25) ==
				    0)
				key++;
		}
		assert_int_equal(key, crossing > 0);
		assert_int_equal(heavy, crossing + (crossing > 0));
		seen_with += crossing > 0;
		seen_without += crossing == 0;
		dlist_free(&dl);
	}
	/* The fixture has one tornado of each kind. */
	assert_int_equal(seen_with, 1);
	assert_int_equal(seen_without, 1);
	exhibit_list_free(ex, nex);
	render_fonts_close(f);
	chart_data_free(&d);
	diags_free(&dg);
	strbuf_free(&err);
}

/* The breakdown names every segment, inside it or under its bar: each
 * category's name appears once per bar that has it, and once in the key. */
static void test_breakdown_names_every_segment(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct strbuf err = STRBUF_INIT;
	struct render_fonts *f;
	assert_int_equal(render_fonts_open(RENDER_FONT_DIR, &f, &err), 0);
	struct text_measure tm = render_measure(f);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	const struct exhibit *b = &ex[7];
	assert_string_equal(b->name, "breakdown");
	/* Make one segment too narrow for its name: portal's Exit. */
	int exit = -1;
	for (int k = 0; k < d.ncat; k++)
		if (strcmp(d.categories[k], "Exit") == 0)
			exit = k;
	assert_true(exit >= 0 && d.opt[0].cat_present[exit]);
	d.opt[0].cat_net_mean[exit] = 1000;
	struct exhibit_ctx c = {&d, &tm, b};
	struct dlist dl;
	exhibit_draw(&c, &dl);
	for (int k = 0; k < d.ncat; k++) {
		int bars = 0, named = 0;
		for (int o = 0; o < d.nopt; o++)
			bars += d.opt[o].cat_present[k];
		for (size_t i = 0; i < dl.n; i++)
			named += dl.v[i].kind == DL_TEXT &&
				 strcmp(dl.v[i].text, d.categories[k]) == 0;
		if (named != bars + 1)
			fail_msg("%s: %d names for %d segments and the key",
				 d.categories[k], named, bars);
	}
	dlist_free(&dl);
	exhibit_list_free(ex, nex);
	render_fonts_close(f);
	chart_data_free(&d);
	diags_free(&dg);
	strbuf_free(&err);
}

/* The fill of category name's swatch in a breakdown's key (the rectangle
 * drawn just before its key text), or DL_NONE. */
static uint32_t key_fill(const struct dlist *dl, const char *name)
{
	for (size_t i = 1; i < dl->n; i++)
		if (dl->v[i].kind == DL_TEXT && dl->v[i].size == STYLE_SMALL &&
		    strcmp(dl->v[i].text, name) == 0 &&
		    dl->v[i - 1].kind == DL_RECT)
			return dl->v[i - 1].fill;
	return DL_NONE;
}

/* A category keeps its colour when the chart's set of categories
 * changes: the fixture's breakdown with and without its Exit items. */
static void test_breakdown_colour_follows_name(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct strbuf err = STRBUF_INIT;
	struct render_fonts *f;
	assert_int_equal(render_fonts_open(RENDER_FONT_DIR, &f, &err), 0);
	struct text_measure tm = render_measure(f);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	struct exhibit_ctx c = {&d, &tm, &ex[7]};
	static const char *const cats[] = {"Licensing", "Staff", "Training"};
	uint32_t before[3], after[3];
	struct dlist dl;
	exhibit_draw(&c, &dl);
	assert_true(key_fill(&dl, "Exit") != DL_NONE);
	for (int i = 0; i < 3; i++)
		before[i] = key_fill(&dl, cats[i]);
	dlist_free(&dl);
	for (int o = 0; o < d.nopt; o++)
		for (int k = 0; k < d.ncat; k++)
			if (strcmp(d.categories[k], "Exit") == 0)
				d.opt[o].cat_present[k] = 0;
	exhibit_draw(&c, &dl);
	assert_int_equal(key_fill(&dl, "Exit"), DL_NONE);
	for (int i = 0; i < 3; i++) {
		after[i] = key_fill(&dl, cats[i]);
		assert_true(before[i] != DL_NONE);
		assert_int_equal(after[i], before[i]);
		assert_int_equal(after[i], style_cat_level(style_cat_preferred(
						   cats[i])));
	}
	dlist_free(&dl);
	exhibit_list_free(ex, nex);
	render_fonts_close(f);
	chart_data_free(&d);
	diags_free(&dg);
	strbuf_free(&err);
}

/* With more bins than bars (122 bins of $50,000, as in the example), the
 * note, the drawing and the data table all give the bars drawn: $100,000
 * wide, edges on multiples of it. */
static void test_histogram_note_table_match_bars(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct strbuf err = STRBUF_INIT;
	struct render_fonts *f;
	assert_int_equal(render_fonts_open(RENDER_FONT_DIR, &f, &err), 0);
	struct text_measure tm = render_measure(f);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	const struct exhibit *h = &ex[5];
	assert_string_equal(h->name, "histogram-portal");
	struct chart_option *p = &d.opt[h->option];
	free(p->bins);
	p->nbins = 122;
	p->bins = calloc(p->nbins, sizeof(*p->bins));
	for (size_t i = 0; i < p->nbins; i++) {
		p->bins[i].low = -2800000.0 + 50000.0 * (double)i;
		p->bins[i].high = p->bins[i].low + 50000;
		p->bins[i].share = 1.0 / 122;
		p->bins[i].count = 1;
	}
	double w;
	assert_int_equal(histogram_factor(p->bins, p->nbins, &w), 2);
	assert_double_near(w, 100000, 1e-12);
	char *note = words_notes(&d, &exhibit_histogram, h->option);
	assert_non_null(strstr(note, "Bars $100,000 wide, with an edge at $0."));
	assert_null(strstr(note, "50,000"));
	free(note);
	/* The drawing: 61 bars of one width. */
	struct exhibit_ctx c = {&d, &tm, h};
	struct dlist dl;
	exhibit_draw(&c, &dl);
	uint32_t left = style_option(0).colour, right = style_option(1).colour;
	size_t nbars = 0;
	for (size_t i = 0; i < dl.n; i++)
		if (dl.v[i].kind == DL_RECT &&
		    (dl.v[i].fill == left || dl.v[i].fill == right))
			nbars++;
	assert_int_equal(nbars, 61);
	dlist_free(&dl);
	/* The table: the same 61 bars, each $100,000 wide, 1.64% each. */
	struct table t;
	exhibit_table(&c, &t);
	assert_int_equal(t.nrows, 61);
	assert_string_equal(t.cells[0], "\xE2\x88\x92$2,800,000");
	assert_string_equal(t.cells[1], "\xE2\x88\x92$2,700,000");
	assert_string_equal(t.cells[2], "1.64%");
	assert_string_equal(t.cells[3 * 28], "$0"); /* never signed */
	assert_true(t.rule[28]);              /* a rule above $0 */
	table_free(&t);
	exhibit_list_free(ex, nex);
	render_fonts_close(f);
	chart_data_free(&d);
	diags_free(&dg);
	strbuf_free(&err);
}

/* Runs one render into /dev/full (a device that fails every write with
 * ENOSPC, as a full disk does: no folder or symlink involved) with stderr
 * sent to a file; returns what was printed there.  The caller frees. */
static char *render_to_full(int kind, struct strbuf *err, int *rc)
{
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct render_fonts *f;
	struct strbuf ferr = STRBUF_INIT;
	assert_int_equal(render_fonts_open(RENDER_FONT_DIR, &f, &ferr), 0);
	struct text_measure tm = render_measure(f);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	struct exhibit_ctx c = {&d, &tm, &ex[0]};
	struct dlist dl;
	exhibit_draw(&c, &dl);

	char path[] = "/tmp/edtco-stderr-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	fflush(stderr);
	int saved = dup(2);
	dup2(fd, 2);
	if (kind == 0) {
		*rc = render_png(f, &dl, 300, "/dev/full", "fan.png", err);
	} else if (kind == 1) {
		*rc = render_svg(f, &dl, "/dev/full", "fan.svg", err);
	} else {
		struct render_page pg = {&dl, NULL, NULL, 0};
		struct render_meta meta = {"t", "s", "c",
					   "2000-01-01T00:00:00Z", "en-US"};
		*rc = render_pdf(f, &pg, 1, &meta, "/dev/full", "fan.pdf",
				 err);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	char *printed = calloc(1, 4096);
	lseek(fd, 0, SEEK_SET);
	ssize_t got = read(fd, printed, 4095);
	(void)got;
	close(fd);
	unlink(path);

	dlist_free(&dl);
	exhibit_list_free(ex, nex);
	render_fonts_close(f);
	chart_data_free(&d);
	diags_free(&dg);
	strbuf_free(&ferr);
	return printed;
}

/* A full disk: each format fails with the system's reason, and libpng
 * prints nothing of its own ("libpng error: Write Error"). */
static void test_full_disk_keeps_reason(void **state)
{
	(void)state;
	static const char *const want[] = {
		"cannot write 'fan.png': No space left on device",
		"cannot write 'fan.svg': No space left on device",
		"cannot write 'fan.pdf': No space left on device"};
	for (int kind = 0; kind < 3; kind++) {
		struct strbuf err = STRBUF_INIT;
		int rc = 0;
		char *printed = render_to_full(kind, &err, &rc);
		assert_int_equal(rc, -1);
		assert_string_equal(strbuf_str(&err), want[kind]);
		assert_string_equal(printed, "");
		free(printed);
		strbuf_free(&err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_disk_keeps_reason),
		cmocka_unit_test(test_files_sizes_and_threads),
		cmocka_unit_test(test_pdf_date_rule),
		cmocka_unit_test(test_layout_keeps_labels_apart),
		cmocka_unit_test(test_histogram_bars_sides),
		cmocka_unit_test(test_histogram_note_table_match_bars),
		cmocka_unit_test(test_tornado_heavy_outline_explained),
		cmocka_unit_test(test_breakdown_names_every_segment),
		cmocka_unit_test(test_breakdown_colour_follows_name),
	};
	return cmocka_run_group_tests_name("chart_render", tests, NULL, NULL);
}
