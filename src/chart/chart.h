/* The exhibits of a result folder: every chart it supports (one
 * description each, see chart/exhibit.h) as PNG, PDF and SVG, and the
 * exhibit packet report.pdf.
 *
 * chart_draw reads the result files a run wrote (see chart/data.h) and
 * writes the exhibits into an output folder, so `edtco run` (drawing from
 * its own staging folder) and `edtco chart DIR` (drawing from DIR) go
 * through the same code and write the same bytes. */
#ifndef EDTCO_CHART_CHART_H
#define EDTCO_CHART_CHART_H

#include "chart/data.h"
#include "io/outdir.h"
#include "util/diag.h"
#include "util/strbuf.h"

/* Output formats (bit flags). */
enum {
	CHART_PNG = 1,
	CHART_PDF = 2,
	CHART_SVG = 4,
	CHART_REPORT = 8, /* report.pdf */
	CHART_ALL = 15
};

/* The language of the words in every exhibit (the PDF /Lang). */
#define CHART_LANG "en-US"

#define CHART_DEFAULT_FORMATS CHART_ALL
#define CHART_DEFAULT_DPI 300
#define CHART_MIN_DPI 30
#define CHART_MAX_DPI 1200

struct chart_opts {
	unsigned formats;      /* CHART_PNG | ... */
	int dpi;               /* PNG resolution, CHART_MIN_DPI .. MAX */
	long long date;        /* PDF creation date, seconds since 1970
				* (SOURCE_DATE_EPOCH); -1: the newest
				* modification time of the inputs */
	const char *font_dir;  /* NULL: RENDER_FONT_DIR */
	int threads;           /* files rendered at once (the bytes are the
				* same for any number) */
};

/* Default options: every format, 300 dpi, date from the inputs, one
 * thread. */
void chart_opts_default(struct chart_opts *o);

/* Parses a comma-separated list of png, pdf, svg, report and all into
 * *formats.  Returns 0, or -1 with *bad pointing at the unknown word's
 * start in list. */
int chart_parse_formats(const char *list, unsigned *formats,
			const char **bad);

/* The file stems of every exhibit a run whose options have the ids
 * ids[0..n) may draw, in packet order, from the charts' descriptions:
 * "fan", "scurve", "budget", then for every option "tornado-ID", and so
 * on (every chart, whether or not its data will be there, so that a run
 * can check every name it may write before simulating).  A
 * NULL-terminated array; free it with chart_stems_free. */
char **chart_exhibit_stems(const char *const *ids, size_t n);
void chart_stems_free(char **v);

/* Reads the result files of folder src and writes the exhibits into od,
 * each name prefixed by prefix ("" or "case/").  Problems with the files
 * go to diags (CHART_EINPUT, or CHART_EIO when one cannot be read); a
 * failure to draw or write sets a message in err (CHART_EIO).  On failure
 * some exhibit files may have been written into od's staging folder: the
 * caller aborts od. */
enum chart_status chart_draw(const char *src, struct outdir *od,
			     const char *prefix, const struct chart_opts *o,
			     struct diags *diags, struct strbuf *err);

/* The PDF creation date for the drawing of result folder src (loaded as
 * d), "YYYY-MM-DDTHH:MM:SSZ": o->date (SOURCE_DATE_EPOCH) when set;
 * otherwise the newest modification time of the run's input files (the
 * input_file rows of provenance.csv, relative to the current folder);
 * when none of them can be found, that of the newest result file in src
 * that the drawing reads (summary.csv ... findings.csv; not manifest.csv).
 * So the date is a real one, and the same inputs give the same bytes. */
void chart_pdf_date(const struct chart_data *d, const char *src,
		    const struct chart_opts *o, char buf[32]);

#endif
