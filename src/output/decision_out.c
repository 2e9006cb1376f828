/* Writing sensitivity.csv, findings.txt and findings.csv (see
 * decision_out.h). */
#include "output/decision_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/resultfile.h"
#include "util/numfmt.h"
#include "util/term.h"

#define WRAP 78

void decision_out_sensitivity(const struct decision *d, struct csvout *w)
{
	resultfile_header(&resultfile_sensitivity, w);
	const struct sensitivity *s = &d->sens;
	for (size_t q = 0; q < s->nrows; q++) {
		const struct sensitivity_row *r = &s->rows[q];
		const struct sensitivity_input *in = &s->inputs[r->input];
		const struct sensitivity_output *out = &s->outputs[r->output];
		csvout_text(w, in->name);
		csvout_text(w, out->name);
		/* A unit cost is money; a parameter any number; an
		 * occurrence the number of times: 0 (never) and 1. */
		if (in->occurrence) {
			csvout_number(w, in->p10);
			csvout_number(w, in->p90);
		} else if (in->item >= 0) {
			csvout_cents(w, in->p10);
			csvout_cents(w, in->p90);
		} else {
			csvout_number(w, in->p10);
			csvout_number(w, in->p90);
		}
		csvout_cents(w, r->at_p10);
		csvout_cents(w, r->at_p90);
		csvout_cents(w, out->point);
		csvout_cents(w, r->swing);
		if (r->rank_corr == r->rank_corr)
			csvout_number(w, r->rank_corr);
		else
			csvout_empty(w);
		csvout_text(w, in->occurrence ? "occurrence" : "value");
		csvout_text(w, in->year_label);
		csvout_end_row(w);
	}
}

/* Display columns of the UTF-8 text s[0..n). */
static size_t columns(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

void decision_out_wrap(struct strbuf *out, const char *text, size_t width,
		       const char *first, const char *indent)
{
	const char *lead = first;
	size_t col = 0;
	const char *p = text;
	int line_has_word = 0;
	strbuf_puts(out, lead);
	col = columns(lead, strlen(lead));
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t n = strcspn(p, " ");
		size_t wc = columns(p, n);
		if (line_has_word && col + 1 + wc > width) {
			strbuf_putc(out, '\n');
			strbuf_puts(out, indent);
			col = columns(indent, strlen(indent));
			line_has_word = 0;
		}
		if (line_has_word) {
			strbuf_putc(out, ' ');
			col++;
		}
		strbuf_add(out, p, n);
		col += wc;
		line_has_word = 1;
		p += n;
	}
	strbuf_putc(out, '\n');
}

static const char rules[] =
	"How these sentences are rounded: a percentage of simulated futures "
	"is shown to the finest of 0.01, 0.1, 1 or 10 percentage points that "
	"is at least twice its Monte Carlo standard error, and \xc2\xb1 gives "
	"one standard error; a share that is not exactly 0 or 1 is never "
	"shown as 0% or 100%. A comparison whose share is within 5 points or "
	"two standard errors (whichever is more) of 50% is called a toss-up. "
	"Money is rounded to three significant figures. A rank correlation "
	"from n futures is shown to the finest of 0.001, 0.01 or 0.1 that is "
	"at least 2/sqrt(n). Each basis names the table and the numbers the "
	"sentence rests on.";

void decision_out_findings_txt(const struct decision *d, struct strbuf *out)
{
	const struct model *m = d->m;
	const struct findings *f = &d->findings;
	char n[NUMFMT_MAX];
	snprintf(n, sizeof(n), "%ld", d->trials);
	numfmt_group(n);
	struct strbuf head = STRBUF_INIT;
	strbuf_printf(&head, "Findings: %s", m->title);
	decision_out_wrap(out, strbuf_str(&head), WRAP, "", "");
	strbuf_free(&head);
	strbuf_printf(out, "%s simulated futures, seed %llu.\n", n,
		      (unsigned long long)m->seed);
	const char *h = findings_title(f, "headline");
	if (h) {
		strbuf_putc(out, '\n');
		decision_out_wrap(out, h, WRAP, "", "");
	}
	for (size_t i = 0; i < f->n; i++) {
		char num[32];
		snprintf(num, sizeof(num), "%zu. ", i + 1);
		char ind[32];
		memset(ind, ' ', strlen(num));
		ind[strlen(num)] = '\0';
		strbuf_putc(out, '\n');
		decision_out_wrap(out, f->sentence[i], WRAP, num, ind);
		struct strbuf b = STRBUF_INIT;
		strbuf_printf(&b, "Basis: %s", f->basis[i]);
		decision_out_wrap(out, strbuf_str(&b), WRAP, ind, ind);
		strbuf_free(&b);
	}
	strbuf_putc(out, '\n');
	decision_out_wrap(out, rules, WRAP, "", "");
}

void decision_out_findings_csv(const struct decision *d, struct csvout *w)
{
	const struct findings *f = &d->findings;
	resultfile_header(&resultfile_findings, w);
	for (size_t i = 0; i < f->ntitles; i++) {
		csvout_text(w, f->titles[i].key);
		csvout_text(w, f->titles[i].text);
		csvout_end_row(w);
	}
	char key[32];
	for (size_t i = 0; i < f->n; i++) {
		snprintf(key, sizeof(key), "finding.%zu", i + 1);
		csvout_text(w, key);
		csvout_text(w, f->sentence[i]);
		csvout_end_row(w);
	}
	for (size_t i = 0; i < f->n; i++) {
		snprintf(key, sizeof(key), "basis.%zu", i + 1);
		csvout_text(w, key);
		csvout_text(w, f->basis[i]);
		csvout_end_row(w);
	}
}

void decision_out_findings_text(const struct decision *d, struct strbuf *out)
{
	const struct findings *f = &d->findings;
	strbuf_puts(out, "Findings\n");
	for (size_t i = 0; i < f->n; i++) {
		char num[32], ind[32];
		snprintf(num, sizeof(num), "%zu. ", i + 1);
		memset(ind, ' ', strlen(num));
		ind[strlen(num)] = '\0';
		char *line = term_one_line(f->sentence[i]);
		decision_out_wrap(out, line, WRAP, num, ind);
		free(line);
	}
}
