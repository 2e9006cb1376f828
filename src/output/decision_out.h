/* The files of the decision analysis: sensitivity.csv, findings.txt and
 * findings.csv, as text (the caller writes them into the output folder),
 * and the findings as the terminal shows them. */
#ifndef EDTCO_OUTPUT_DECISION_OUT_H
#define EDTCO_OUTPUT_DECISION_OUT_H

#include "analysis/decision.h"
#include "io/csvout.h"
#include "model/model.h"
#include "util/strbuf.h"

/* sensitivity.csv: input, output, input_p10, input_p90, output_at_p10,
 * output_at_p90, output_point, swing, rank_correlation; one row per input
 * and output it can move, by output, then swing descending, then input.
 * Outputs, and the P10 and P90 of a unit cost, in dollars to cents; those
 * of a parameter in their shortest exact form; the rank correlation is
 * empty when undefined. */
void decision_out_sensitivity(const struct decision *d, struct csvout *w);

/* findings.txt: a heading, the numbered sentences each with its basis,
 * and the rounding rules; lines wrapped at 78 columns. */
void decision_out_findings_txt(const struct decision *d, struct strbuf *out);

/* findings.csv: key, text: headline, then title.* (one per chart), then
 * finding.1 .. finding.N and basis.1 .. basis.N. */
void decision_out_findings_csv(const struct decision *d, struct csvout *w);

/* The findings for the terminal: "Findings" and the numbered sentences,
 * wrapped at 78 columns, without their basis. */
void decision_out_findings_text(const struct decision *d, struct strbuf *out);

/* Appends text wrapped at width columns (UTF-8 characters): the first line
 * starts with first, the others with indent (of the same width). */
void decision_out_wrap(struct strbuf *out, const char *text, size_t width,
		       const char *first, const char *indent);

#endif
