/* Reference images: the fixture's exhibits drawn as 72-dpi PNGs and
 * compared pixel by pixel with tests/charts/ref/NAME.png.  A pixel
 * differs when one of its channels is more than TOLERANCE apart; at most
 * MAX_SHARE of the pixels may differ.  On failure the drawing and a diff
 * image (differing pixels red over a faded copy) are written to a
 * temporary folder named in the message.
 *
 * The references depend on the DejaVu fonts and the cairo, pixman and
 * FreeType versions (Debian 12 here).  To re-bless them after an intended
 * change, or on another platform, run tests/charts/bless.sh and review
 * the images it writes (git diff shows which changed). */
#include "helpers.h"

#include <cairo.h>
#include <stdint.h>

#include "chart/chart.h"

#define FIXTURE "tests/charts/fixture"
#define REF_DIR "tests/charts/ref"
#define TOLERANCE 8        /* of 255, per channel */
#define MAX_SHARE 0.001    /* of the pixels */

static const char *const refs[] = {"fan",	  "scurve",
				   "tornado-portal", "histogram-portal",
				   "breakdown",	  "per-student",
				   "budget",	  NULL};

static char *draw_fixture(void)
{
	char *dir = test_tmpdir();
	char out[512];
	snprintf(out, sizeof(out), "%s/out", dir);
	struct chart_opts o;
	chart_opts_default(&o);
	o.formats = CHART_PNG;
	o.dpi = 72;
	struct strbuf err = STRBUF_INIT;
	struct outdir od;
	struct diags d = DIAGS_INIT;
	if (outdir_open(&od, out, 0, &err) != 0 ||
	    chart_draw(FIXTURE, &od, "", &o, &d, &err) != CHART_OK ||
	    outdir_commit(&od, &err) != 0)
		fail_msg("cannot draw the fixture: %s", strbuf_str(&err));
	diags_free(&d);
	strbuf_free(&err);
	return dir;
}

/* Copies file from to to. */
static void copy(const char *from, const char *to)
{
	struct strbuf cmd = STRBUF_INIT;
	strbuf_printf(&cmd, "cp '%s' '%s'", from, to);
	if (system(strbuf_str(&cmd)) != 0)
		fail_msg("cannot copy %s to %s", from, to);
	strbuf_free(&cmd);
}

/* Compares two images; writes a diff image to diff_path when they
 * differ.  Returns the number of differing pixels (or -1 for a size
 * mismatch). */
static long compare(cairo_surface_t *a, cairo_surface_t *b,
		    const char *diff_path)
{
	int w = cairo_image_surface_get_width(a);
	int h = cairo_image_surface_get_height(a);
	if (w != cairo_image_surface_get_width(b) ||
	    h != cairo_image_surface_get_height(b))
		return -1;
	cairo_surface_flush(a);
	cairo_surface_flush(b);
	cairo_surface_t *d =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	unsigned char *pa = cairo_image_surface_get_data(a);
	unsigned char *pb = cairo_image_surface_get_data(b);
	unsigned char *pd = cairo_image_surface_get_data(d);
	int sa = cairo_image_surface_get_stride(a);
	int sb = cairo_image_surface_get_stride(b);
	int sd = cairo_image_surface_get_stride(d);
	long bad = 0;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t u = ((uint32_t *)(void *)(pa + y * sa))[x];
			uint32_t v = ((uint32_t *)(void *)(pb + y * sb))[x];
			int off = 0;
			for (int s = 0; s < 24; s += 8) {
				int da = (int)((u >> s) & 0xFF) -
					 (int)((v >> s) & 0xFF);
				off |= da > TOLERANCE || da < -TOLERANCE;
			}
			uint32_t grey = 0xC0 + (((u >> 8) & 0xFF) >> 2);
			((uint32_t *)(void *)(pd + y * sd))[x] =
				off ? 0xFF0000u : grey << 16 | grey << 8 | grey;
			bad += off;
		}
	cairo_surface_mark_dirty(d);
	if (bad)
		cairo_surface_write_to_png(d, diff_path);
	cairo_surface_destroy(d);
	return bad;
}

static void test_reference_images(void **state)
{
	(void)state;
	char *dir = draw_fixture();
	const char *env = getenv("EDTCO_BLESS");
	int bless = env && strcmp(env, "1") == 0;
	struct strbuf failures = STRBUF_INIT;
	for (int i = 0; refs[i]; i++) {
		char out[600], ref[600], diff[600];
		snprintf(out, sizeof(out), "%s/out/%s.png", dir, refs[i]);
		snprintf(ref, sizeof(ref), "%s/%s.png", REF_DIR, refs[i]);
		snprintf(diff, sizeof(diff), "%s/%s-diff.png", dir, refs[i]);
		if (bless) {
			copy(out, ref);
			printf("blessed %s\n", ref);
			continue;
		}
		cairo_surface_t *a = cairo_image_surface_create_from_png(out);
		cairo_surface_t *b = cairo_image_surface_create_from_png(ref);
		if (cairo_surface_status(b) != CAIRO_STATUS_SUCCESS) {
			strbuf_printf(&failures, "  %s: no reference (run "
						 "tests/charts/bless.sh)\n",
				      ref);
		} else {
			long bad = compare(a, b, diff);
			long n = (long)cairo_image_surface_get_width(a) *
				 cairo_image_surface_get_height(a);
			if (bad < 0)
				strbuf_printf(&failures, "  %s: size differs\n",
					      refs[i]);
			else if ((double)bad > MAX_SHARE * (double)n)
				strbuf_printf(&failures,
					      "  %s: %ld of %ld pixels differ; "
					      "see %s and %s\n",
					      refs[i], bad, n, out, diff);
		}
		cairo_surface_destroy(a);
		cairo_surface_destroy(b);
	}
	if (failures.len) {
		/* Keep the folder for inspection. */
		fail_msg("reference images differ (re-bless with "
			 "tests/charts/bless.sh if the change is "
			 "intended):\n%s",
			 strbuf_str(&failures));
	}
	strbuf_free(&failures);
	test_rmdir(dir);
	free(dir);
}

/* The comparison itself: identical images pass, a changed block fails
 * and is painted red in the diff. */
static void test_compare_detects_changes(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	cairo_format_t rgb = CAIRO_FORMAT_RGB24;
	cairo_surface_t *a = cairo_image_surface_create(rgb, 40, 30);
	cairo_surface_t *b = cairo_image_surface_create(rgb, 40, 30);
	cairo_t *ca = cairo_create(a), *cb = cairo_create(b);
	cairo_set_source_rgb(ca, 1, 1, 1);
	cairo_paint(ca);
	cairo_set_source_rgb(cb, 1, 1, 1);
	cairo_paint(cb);
	char diff[600];
	snprintf(diff, sizeof(diff), "%s/d.png", dir);
	assert_int_equal(compare(a, b, diff), 0);
	/* A change within the tolerance is no difference. */
	cairo_set_source_rgb(cb, 250.0 / 255, 1, 1);
	cairo_rectangle(cb, 0, 0, 40, 30);
	cairo_fill(cb);
	cairo_surface_flush(b);
	assert_int_equal(compare(a, b, diff), 0);
	cairo_set_source_rgb(cb, 0, 0, 0);
	cairo_rectangle(cb, 10, 10, 5, 4);
	cairo_fill(cb);
	cairo_surface_flush(b);
	assert_int_equal(compare(a, b, diff), 20);
	cairo_surface_t *d = cairo_image_surface_create_from_png(diff);
	assert_int_equal(cairo_surface_status(d), CAIRO_STATUS_SUCCESS);
	unsigned char *p = cairo_image_surface_get_data(d);
	int s = cairo_image_surface_get_stride(d);
	assert_int_equal(((uint32_t *)(void *)(p + 11 * s))[12] & 0xFFFFFF,
			 0xFF0000);
	cairo_surface_t *small = cairo_image_surface_create(rgb, 4, 3);
	assert_int_equal(compare(a, small, diff), -1);
	cairo_surface_destroy(small);
	cairo_surface_destroy(d);
	cairo_destroy(ca);
	cairo_destroy(cb);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	test_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compare_detects_changes),
		cmocka_unit_test(test_reference_images),
	};
	return cmocka_run_group_tests_name("chart_reference", tests, NULL,
					   NULL);
}
