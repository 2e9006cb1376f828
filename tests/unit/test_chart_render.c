/* Drawing the fixture's exhibits: every file is written, PNGs have the
 * size and recorded resolution asked for, PDFs carry their metadata and
 * the date rule, the bytes are the same for any number of threads, and
 * the layout keeps labels apart, inside the page, and histogram bars on
 * the right side of $0. */
#include "helpers.h"

#include <stdint.h>

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
	/* No SOURCE_DATE_EPOCH: 2000-01-01 at a time from the inputs.
	 * (cairo 1.16 writes the date without its "D:" prefix.) */
	assert_non_null(pdf_date(r, n, "20000101"));
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

static void test_pdf_date_rule(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	struct chart_opts o;
	chart_opts_default(&o);
	char a[32], b[32];
	chart_pdf_date(&d, &o, a);
	chart_pdf_date(&d, &o, b);
	assert_string_equal(a, b);
	assert_memory_equal(a, "2000-01-01T", 11);
	/* Another input digest, another time of day. */
	free(d.prov[12].value);
	d.prov[12].value = strdup("01112233445566778899aabbccddeeff0011223344"
				  "5566778899aabbccddeeff");
	chart_pdf_date(&d, &o, b);
	assert_string_not_equal(a, b);
	o.date = 0;
	chart_pdf_date(&d, &o, a);
	assert_string_equal(a, "1970-01-01T00:00:00Z");
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
	assert_int_equal(nex, 8);
	for (size_t e = 0; e < nex; e++) {
		struct exhibit_ctx c = {&d, &tm, &ex[e]};
		struct dlist dl;
		exhibit_draw(&c, &dl);
		struct rect *box = calloc(dl.n, sizeof(*box));
		for (size_t i = 0; i < dl.n; i++) {
			const struct dl_item *it = &dl.v[i];
			if (it->kind != DL_TEXT || it->vertical)
				continue;
			box[i] = text_box(&tm, it);
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
		free(box);
		dlist_free(&dl);
	}
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
	const struct exhibit *h = &ex[4];
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files_sizes_and_threads),
		cmocka_unit_test(test_pdf_date_rule),
		cmocka_unit_test(test_layout_keeps_labels_apart),
		cmocka_unit_test(test_histogram_bars_sides),
	};
	return cmocka_run_group_tests_name("chart_render", tests, NULL, NULL);
}
