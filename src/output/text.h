/* Text for the terminal: the model in one line, and the summary table of a
 * run.  These build strings; the command-line layer prints them. */
#ifndef EDTCO_OUTPUT_TEXT_H
#define EDTCO_OUTPUT_TEXT_H

#include "analysis/summary.h"
#include "model/model.h"
#include "util/strbuf.h"

/* "ny-district.csv: 3 options (cloud, boces, inhouse), 24 cost items,
 * 5 years (2015-16 to 2019-20), 19 uncertain inputs, baseline boces". */
void text_describe(const struct model *m, const char *path,
		   struct strbuf *out);

/* The summary table of a run: per option the point estimate, mean, P10-P90
 * range of net_pv and P(cheaper than the baseline); then, when s has a
 * decision analysis, its findings (decision_out_findings_text). */
void text_summary(const struct model *m, const struct summary *s,
		  struct strbuf *out);

#endif
