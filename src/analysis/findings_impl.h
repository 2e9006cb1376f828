/* Internal to the findings (findings_compose.c, findings_titles.c): the
 * state of one composition and the helpers its two halves share. */
#ifndef EDTCO_ANALYSIS_FINDINGS_IMPL_H
#define EDTCO_ANALYSIS_FINDINGS_IMPL_H

#include "analysis/decision.h"
#include "analysis/findings.h"
#include "util/strbuf.h"

struct findings_ctx {
	const struct model *m;
	const struct sim_result *res;
	const struct summary *s;
	const struct decision *d;
	struct findings *f;
	size_t cap_s, cap_t;
	char **name;              /* findings_option_name of each option */
	char ntrials[NUMFMT_MAX]; /* "10,000" */
	char futures[NUMFMT_MAX + 24]; /* "10,000 simulated futures" */
	char opening[128];        /* "Over 2015-16 to 2019-20" */
	char basis[160];  /* "in district cost net of state aid and ..." */
	const char *cost; /* "net present cost", or "net cost" undiscounted */
};

/* printf into a new string (the caller frees it). */
char *findings_fmt(const char *format, ...) EDTCO_PRINTF(1, 2);

/* Adds title key: the first candidate of at most FINDINGS_TITLE_WORDS
 * words (NULL candidates skipped); when none fits, the one with the
 * fewest words, whole (never cut).  Frees the candidates. */
void findings_add_title(struct findings_ctx *c, const char *key, char **cand,
			size_t n);

/* The label of program year t. */
const char *findings_label(const struct findings_ctx *c, int t, char buf[32]);

/* Input k of the sensitivity analysis in words: a parameter's name; an
 * item as "Option: item", or (brief != 0) its name alone.  The caller
 * frees it. */
char *findings_input_name(const struct findings_ctx *c, int k, int brief);

/* sqrt(p (1 - p) / n). */
double findings_share_se(double p, long n);

/* The options in decreasing p_best of net_pv (ties: option order); the
 * caller frees the array. */
int *findings_by_best(const struct findings_ctx *c);

/* The index in sensitivity outputs of option o minus the baseline, or
 * noutputs. */
size_t findings_diff_output(const struct findings_ctx *c, int o);

/* Whether a row's output has opposite signs at the input's P10 and P90. */
int findings_flips(const struct sensitivity_row *r);

/* Adds the headline and every chart title (findings_titles.c). */
void findings_titles(struct findings_ctx *c);

#endif
