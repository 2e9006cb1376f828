/* Findings in words: sentences a board member can read aloud, generated
 * from the numbers of a run, each with its basis; and one short title per
 * chart that states the chart's finding.
 *
 * Rules (the README repeats them):
 * - Money is rounded to three significant figures: "$212,000",
 *   "$1.23 million", "$5.61"; a negative amount has a minus sign (U+2212):
 *   "\xe2\x88\x92$447,000".
 * - A share of trials p with Monte Carlo standard error se (as a share) is
 *   shown rounded to the finest step of 0.01, 0.1, 1 or 10 percentage
 *   points that is at least 2 se (so never to more precision than se
 *   supports); a share that is not exactly 0 or 1 is never shown as 0% or
 *   100% ("under 1%", "over 99%").  Its "±" is one standard error, to one
 *   significant figure.
 * - A comparison whose share p is within max(0.05, 2 se) of 1/2 is called
 *   a toss-up, never a win (findings_tossup_pair when some trials tie).
 * - A tie is nobody's win: an option is never called cheapest in a trial
 *   where another costs the same (summary.p_tied), and two options that
 *   always cost the same are said to, with no saving and no winner.
 * - A share of exactly 0 or 1 is never given a margin of "±0%", and below
 *   FINDINGS_MIN_TRIALS trials no margin is given (findings_margin).
 * - The one saving is the median of the per-trial difference; a gap
 *   between two percentiles is stated as two budgets, never as a saving.
 * - No figure printed is the difference of two other printed figures, so
 *   nothing has to add up after rounding.
 * - A rank correlation from n trials is shown to the finest of 0.001, 0.01
 *   and 0.1 that is at least 2 / sqrt(n) (twice its standard error when
 *   there is no correlation).
 * - A sentence claims only what its basis (a table of the output folder)
 *   shows. */
#ifndef EDTCO_ANALYSIS_FINDINGS_H
#define EDTCO_ANALYSIS_FINDINGS_H

#include <stddef.h>

#include "analysis/summary.h"
#include "model/model.h"
#include "sim/sim.h"
#include "util/numfmt.h"

struct decision;

/* Large enough for any number these functions write. */
#define FINDINGS_NUM (NUMFMT_MAX + 32)

/* Titles have at most this many words. */
#define FINDINGS_TITLE_WORDS 10

/* A keyed text: "title.fan", "headline", ... */
struct findings_entry {
	char *key;
	char *text;
};

struct findings {
	/* The sentences of findings.txt, in order, and the basis of each
	 * (which table and which numbers it rests on). */
	char **sentence;
	char **basis;
	size_t n;
	/* headline, then title.* for the charts, in a fixed order; then,
	 * when the public's cost can differ from the district's, for each
	 * option but the baseline title.histogram_public.ID and
	 * cover.perspectives.ID (the cover's line on both perspectives). */
	struct findings_entry *titles;
	size_t ntitles;
};

/* Money to three significant figures, as in the rules above.  Returns
 * buf. */
char *findings_money(double x, char buf[FINDINGS_NUM]);

/* The rounding step of a share with standard error se, in percentage
 * points: 0.01, 0.1, 1 or 10. */
double findings_percent_step(double se);

/* A share p (0..1) as a percentage at the precision se supports: "83%",
 * "83.4%", "under 1%", "over 99%", "100%".  Returns buf. */
char *findings_percent(double p, double se, char buf[FINDINGS_NUM]);

/* One standard error se (a share) in percentage points, one significant
 * figure: "±0.4%".  A standard error of 0 (a share of exactly 0 or 1,
 * where the estimate says nothing about the error) is never shown as
 * "±0%": "without exception".  Returns buf. */
char *findings_pm(double se, char buf[FINDINGS_NUM]);

/* Whether a share p with standard error se is a toss-up: |p - 1/2| <
 * max(0.05, 2 se). */
int findings_tossup(double p, double se);

/* The same rule for two shares p (first cheaper) and q (second cheaper)
 * of n trials that need not add up to 1 (the rest are ties): a toss-up
 * when |p - q| < max(0.10, 2 se(p - q)), se(p - q) = sqrt((p + q -
 * (p - q)^2) / n).  With p + q = 1 it is findings_tossup. */
int findings_tossup_pair(double p, double q, long n);

/* The verdict of the headline, from the shares of n trials in which each
 * of no options alone is cheapest (p_best) and in which two or more tie
 * for cheapest (p_tied): the option most often cheapest when it is clearly
 * ahead of the next, p1 - p2 >= max(0.10, 2 se(p1 - p2)) (the toss-up
 * rule of two options, where p1 + p2 = 1, extended to several) and ahead
 * of the ties, p1 > p_tied; FINDINGS_TIED when ties are at least as
 * common as the most frequent winner (so identical options name no
 * winner); FINDINGS_NO_WINNER otherwise. */
#define FINDINGS_NO_WINNER (-1)
#define FINDINGS_TIED (-2)
int findings_headline_winner(const double *p_best, double p_tied, int no,
			     long n);

/* Below this many trials a share is given no margin of error. */
#define FINDINGS_MIN_TRIALS 1000

/* The margin of a share p (standard error se) of n trials, for the
 * parentheses after it: "±0.4%" (findings_pm); "too few trials for a
 * margin" below FINDINGS_MIN_TRIALS trials; and for a share of exactly 0
 * or 1, whose standard error formula gives 0, never a false "±0%": "none
 * of 2,000" or "all 2,000".  Returns buf. */
char *findings_margin(double p, double se, long n, char buf[FINDINGS_NUM]);

/* A rank correlation r from n trials, rounded as in the rules: "0.45",
 * "-0.3".  Returns buf. */
char *findings_corr(double r, long n, char buf[FINDINGS_NUM]);

/* An option's name in sentences and titles: its short.<option> name when
 * the scenario gives one, else its label without any parenthesised part
 * ("Cloud portal (inBloom-style)" -> "Cloud portal"), or its id when
 * nothing is left.  The caller frees it. */
char *findings_option_name(const struct model *m, int o);

/* The number of blank-separated words of s. */
int findings_words(const char *s);

/* Composes the findings of a run: m its model, res its results, s its
 * summary, d its decision analysis (everything but d->findings filled).
 * Free with findings_free. */
void findings_compose(const struct model *m, const struct sim_result *res,
		      const struct summary *s, const struct decision *d,
		      struct findings *f);
void findings_free(struct findings *f);

/* The text of key in f's titles, or NULL. */
const char *findings_title(const struct findings *f, const char *key);

#endif
