/* The exhibit packet (report.pdf) as pages of display lists: a cover with
 * the findings, the summary table and the contents; each exhibit on its
 * own page followed by its data; the assumptions; the methods.
 * Internal to chart/. */
#ifndef EDTCO_CHART_REPORT_H
#define EDTCO_CHART_REPORT_H

#include <stddef.h>

#include "chart/exhibit.h"

struct report_page {
	struct dlist dl;
	char *label;       /* page label, e.g. "Exhibit 3" */
	char *outline;     /* bookmark, or NULL */
	int outline_child; /* under the previous top-level bookmark */
};

/* Lays out the packet for d: ex[0 .. nex-1] are the exhibits and
 * charts[i] their standalone drawings (STYLE_CHART_W x STYLE_CHART_H),
 * placed unchanged on their pages.  Returns the page count; free with
 * report_free. */
size_t report_build(const struct chart_data *d, const struct text_measure *tm,
		    const struct exhibit *ex, const struct dlist *charts,
		    size_t nex, struct report_page **out);

void report_free(struct report_page *pages, size_t n);

#endif
