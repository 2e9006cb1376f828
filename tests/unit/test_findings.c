/* Findings (issue 3): the rounding and wording rules (three significant
 * figures, negative amounts, precision from the standard error, the
 * toss-up band, rank correlations), option names and word counts; then
 * the sentences and titles of models with a known answer: a toss-up is
 * never called a win, a clear case is, and every title fits in ten
 * words. */
#include "helpers.h"
#include "run_fixture.h"

#include "analysis/decision.h"
#include "analysis/findings.h"
#include "analysis/summary.h"
#include "model/model.h"
#include "output/decision_out.h"
#include "sim/sim.h"

#define MINUS "\xe2\x88\x92"

/* ---- rules ------------------------------------------------------------- */

static void test_money_three_significant_figures(void **state)
{
	(void)state;
	char b[FINDINGS_NUM];
	assert_string_equal(findings_money(212345, b), "$212,000");
	assert_string_equal(findings_money(40123.7, b), "$40,100");
	assert_string_equal(findings_money(1234567, b), "$1.23 million");
	assert_string_equal(findings_money(1200000, b), "$1.2 million");
	assert_string_equal(findings_money(12345678, b), "$12.3 million");
	/* Rounding up into the next unit. */
	assert_string_equal(findings_money(999600, b), "$1 million");
	assert_string_equal(findings_money(2.5e9, b), "$2.5 billion");
	assert_string_equal(findings_money(5.6123, b), "$5.61");
	assert_string_equal(findings_money(24.1, b), "$24.1");
	assert_string_equal(findings_money(0.0123, b), "$0.0123");
	assert_string_equal(findings_money(0, b), "$0");
	assert_string_equal(findings_money(999.5, b), "$1,000");
}

static void test_money_negative_amounts(void **state)
{
	(void)state;
	char b[FINDINGS_NUM];
	/* A true minus sign (U+2212), before the dollar sign. */
	assert_string_equal(findings_money(-447095.46, b), MINUS "$447,000");
	assert_string_equal(findings_money(-1.11e6, b), MINUS "$1.11 million");
	assert_string_equal(findings_money(-5.6123, b), MINUS "$5.61");
	/* Nothing left after rounding is not negative. */
	assert_string_equal(findings_money(-0.0, b), "$0");
}

static void test_percent_precision_from_standard_error(void **state)
{
	(void)state;
	char b[FINDINGS_NUM];
	/* The step is the finest of 0.01, 0.1, 1, 10 points >= 2 se. */
	assert_double_near(findings_percent_step(0.0037746), 1, 0);
	assert_double_near(findings_percent_step(0.0004), 0.1, 0);
	assert_double_near(findings_percent_step(0.00004), 0.01, 0);
	assert_double_near(findings_percent_step(0.006), 10, 0);
	/* 2 se = 1 point exactly (p = 1/2, 10,000 trials) allows whole
	 * percentages. */
	assert_double_near(findings_percent_step(sqrt(0.25 / 10000)), 1, 0);
	assert_string_equal(findings_percent(0.8279, 0.0037746, b), "83%");
	assert_string_equal(findings_percent(0.8279, 0.0004, b), "82.8%");
	assert_string_equal(findings_percent(0.5, 0.00004, b), "50.00%");
	/* 2,000 trials: se 0.8 points, so only tens are supported. */
	assert_string_equal(findings_percent(0.8279, 0.006, b), "80%");
	assert_string_equal(findings_percent(0.8479, 0.008, b), "80%");
	assert_string_equal(findings_percent(0.8579, 0.008, b), "90%");
}

static void test_percent_never_rounds_to_certainty(void **state)
{
	(void)state;
	char b[FINDINGS_NUM];
	assert_string_equal(findings_percent(0.9996, 0.0002, b), "over 99.9%");
	assert_string_equal(findings_percent(0.0004, 0.0002, b), "under 0.1%");
	assert_string_equal(findings_percent(0.004, 0.004, b), "under 1%");
	assert_string_equal(findings_percent(0.96, 0.01, b), "over 90%");
	/* Exactly every trial, or none. */
	assert_string_equal(findings_percent(1, 0, b), "100%");
	assert_string_equal(findings_percent(0, 0, b), "0%");
}

static void test_plus_minus_one_significant_figure(void **state)
{
	(void)state;
	char b[FINDINGS_NUM];
	assert_string_equal(findings_pm(0.0037746, b), "\xc2\xb1" "0.4%");
	assert_string_equal(findings_pm(0.00096, b), "\xc2\xb1" "0.1%");
	assert_string_equal(findings_pm(0.00004, b), "\xc2\xb1" "0.004%");
	assert_string_equal(findings_pm(0.05, b), "\xc2\xb1" "5%");
	/* Never a standard error of 0 as certainty. */
	assert_string_equal(findings_pm(0, b), "without exception");
}

static void test_tossup_band(void **state)
{
	(void)state;
	/* |p - 1/2| < max(0.05, 2 se). */
	assert_true(findings_tossup(0.54, 0.004));
	assert_true(findings_tossup(0.46, 0.004));
	assert_false(findings_tossup(0.56, 0.004));
	assert_false(findings_tossup(0.44, 0.004));
	/* A wide standard error widens the band. */
	assert_true(findings_tossup(0.56, 0.04));
	assert_false(findings_tossup(0.59, 0.04));
	/* The edge itself is not a toss-up. */
	assert_false(findings_tossup(0.55, 0.001));
	assert_true(findings_tossup(0.5, 0));
}

static void test_rank_correlation_precision(void **state)
{
	(void)state;
	char b[FINDINGS_NUM];
	/* 2 / sqrt(n): 0.02 at 10,000 trials (one decimal), 0.0063 at
	 * 100,000 (two), 0.001 at 4,000,000 (three). */
	assert_string_equal(findings_corr(0.27036, 10000, b), "0.3");
	assert_string_equal(findings_corr(0.27036, 100000, b), "0.27");
	assert_string_equal(findings_corr(-0.2811, 10000, b), MINUS "0.3");
	assert_string_equal(findings_corr(0.5, 4000000, b), "0.500");
	assert_string_equal(findings_corr(NAN, 10000, b), "n/a");
}

static void test_option_names_and_words(void **state)
{
	(void)state;
	char i0[] = "cloud", l0[] = "Cloud portal (inBloom-style)";
	char i1[] = "x", l1[] = "(only a note)";
	char i2[] = "y", l2[] = "Left (a) right";
	char i3[] = "z", l3[] = "Plain";
	/* A short.<option> name wins over the label. */
	char i4[] = "boces", l4[] = "Madison-Oneida BOCES Regional Information "
				    "Center shared student management service "
				    "(CO-SER 5xx)",
	     s4[] = "BOCES RIC";
	struct model_option opts[] = {{i0, l0, NULL}, {i1, l1, NULL},
				      {i2, l2, NULL}, {i3, l3, NULL},
				      {i4, l4, s4}};
	struct model m;
	memset(&m, 0, sizeof(m));
	m.options = opts;
	m.noptions = 5;
	const char *want[] = {"Cloud portal", "x", "Left right", "Plain",
			      "BOCES RIC"};
	for (int o = 0; o < 5; o++) {
		char *n = findings_option_name(&m, o);
		assert_string_equal(n, want[o]);
		free(n);
	}
	assert_int_equal(findings_words("  a  b\tc "), 3);
	assert_int_equal(findings_words(""), 0);
}

static void test_wrap_counts_characters(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	/* "±0.4%" is five characters but six bytes. */
	decision_out_wrap(&out, "aaaa bbbb \xc2\xb1" "0.4% cccc", 15, "1. ",
			  "   ");
	assert_string_equal(out.s, "1. aaaa bbbb\n   \xc2\xb1"
				   "0.4% cccc\n");
	strbuf_free(&out);
}

/* ---- sentences and titles on known answers ---------------------------- */

/* The first sentence containing text, or NULL. */
static const char *sentence_with(const struct findings *f, const char *text)
{
	for (size_t i = 0; i < f->n; i++)
		if (strstr(f->sentence[i], text))
			return f->sentence[i];
	return NULL;
}

/* Every title: present, at most ten words, no trailing period. */
static void check_titles(const struct findings *f, int has_students)
{
	const char *keys[] = {"headline",
			      "title.fan",
			      "title.scurve",
			      "title.tornado.a",
			      "title.histogram.a",
			      "title.breakdown",
			      "title.per_student"};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *t = findings_title(f, keys[i]);
		if (i == 6 && !has_students) {
			assert_null(t);
			continue;
		}
		if (!t)
			fail_msg("no title %s", keys[i]);
		assert_true(findings_words(t) <= FINDINGS_TITLE_WORDS);
		assert_true(t[strlen(t) - 1] != '.');
	}
	assert_null(findings_title(f, "title.tornado.b"));
	for (size_t i = 0; i < f->n; i++)
		assert_true(strlen(f->basis[i]) > 0);
}

/* a costs X ~ normal(P5 400,000, P95 800,000); b a fixed amount.  Against
 * 601,000 the two are a toss-up (P(a cheaper) = 0.503); against 700,000 a
 * is cheaper with probability Phi(100,000 / sd) = 0.794. */
static const char *const scenario = "parameter,value\n"
				    "costs,costs.csv\n"
				    "baseline,b\n"
				    "label.a,Option A (test)\n"
				    "label.b,Option B\n"
				    "years,1\n"
				    "students,100\n"
				    "trials,2000\n"
				    "seed,8\n";

static void test_tossup_is_not_a_win(void **state)
{
	(void)state;
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"a,Service,Licensing,normal,400000,,800000,once\n"
		"b,Service,Licensing,fixed,,601000,,once\n";
	struct fixture f;
	run(&f, scenario, costs);
	const struct findings *fi = &f.d.findings;
	const char *s = sentence_with(fi, "toss-up");
	assert_non_null(s);
	assert_non_null(strstr(s, "Option A and Option B are a toss-up: "
				  "Option A costs less in 50% of 2,000 "
				  "simulated futures (\xc2\xb1" "1%)."));
	assert_null(sentence_with(fi, "costs less than"));
	assert_null(sentence_with(fi, "saving"));
	assert_non_null(sentence_with(fi, "The median difference, Option A "
					  "minus Option B, is "));
	assert_non_null(strstr(findings_title(fi, "title.histogram.a"),
			       "toss-up"));
	assert_non_null(strstr(findings_title(fi, "headline"),
			       "No clear winner"));
	check_titles(fi, 1);
	finish(&f);
}

static void test_clear_case_states_share_and_negative_saving(void **state)
{
	(void)state;
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"a,Service,Licensing,normal,400000,,800000,once\n"
		"b,Service,Licensing,fixed,,700000,,once\n";
	struct fixture f;
	run(&f, scenario, costs);
	const struct findings *fi = &f.d.findings;
	/* 2,000 trials: the share is shown to ten points, with one
	 * standard error of 0.9 points. */
	assert_non_null(sentence_with(fi, "In year 1, in district cost, "
					  "undiscounted, Option A costs less "
					  "than Option B in 80% of 2,000 "
					  "simulated futures (\xc2\xb1"
					  "0.9%)."));
	/* The saving's P10 is below zero: shown with a minus sign, and
	 * explained. */
	const char *s = sentence_with(fi, "The median saving of Option A over "
					  "Option B is $");
	assert_non_null(s);
	assert_non_null(strstr(s, "(P10\xe2\x80\x93P90: " MINUS "$"));
	assert_non_null(strstr(s, "a negative saving means Option B costs "
				  "less"));
	/* "Option A costs less than Option B in 80% of futures" has eleven
	 * words: the shorter form is chosen. */
	assert_string_equal(findings_title(fi, "title.histogram.a"),
			    "Option A is cheaper in 80% of futures");
	/* One year: no break-even sentence. */
	assert_null(sentence_with(fi, "break-even"));
	/* The only uncertain input moves the difference most, and alone
	 * can reverse it (its P10 and P90 lie either side of 700,000). */
	assert_non_null(sentence_with(fi, "On its own, Option A: Service can "
					  "reverse which of the two costs "
					  "less"));
	/* With "Option A: Service" the title would have eleven words: the
	 * item's own name is used. */
	assert_string_equal(findings_title(fi, "title.tornado.a"),
			    "Service alone can reverse Option A versus Option B");
	/* The S-curve states two budgets (80th percentiles), the smaller
	 * first, never their gap as a saving.  Here A is cheaper in 80% of
	 * futures, yet its 80th percentile (600,000 + 0.84 sd, about
	 * 702,000) passes B's fixed 700,000: a gap of percentiles says
	 * nothing about who saves what. */
	char qa[FINDINGS_NUM], want[FINDINGS_NUM + 64];
	double a80 = f.s.measure[0 * M_COUNT + M_NET_PV].q[Q80];
	assert_true(a80 > 700000);
	findings_money(a80, qa);
	snprintf(want, sizeof(want),
		 "At 80%% confidence, Option B needs $700,000, Option A %s", qa);
	assert_string_equal(findings_title(fi, "title.scurve"), want);
	check_titles(fi, 1);
	finish(&f);
}

/* The model of test_decision.c whose median cumulative curves cross in
 * year 4: a's one-time 1,000 is paid back by its lower yearly cost. */
static void test_break_even_sentence(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value\n"
					"costs,costs.csv\n"
					"baseline,b\n"
					"years,5\n"
					"base_year,2015\n"
					"year_labels,school\n"
					"trials,1001\n"
					"seed,5\n";
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"a,Setup,Migration,fixed,,1000,,once\n"
		"a,Annual,Licensing,uniform,50,,150,year\n"
		"b,Service,Licensing,fixed,,400,,year\n";
	struct fixture f;
	run(&f, scen, costs);
	assert_non_null(sentence_with(
		&f.d.findings,
		"In nominal dollars, the median cumulative net cost of a falls "
		"below that of b in 2018-19 (it was above in 2017-18) and "
		"stays below to 2019-20: 2018-19 is the break-even year."));
	finish(&f);
}

/* ---- the public perspective (issue 9) ------------------------------ */

/* One year, undiscounted; b's service is fully aidable at the aid ratio,
 * paid the same year (aid_lag 0); a's cost is uniform on 95,000..105,000
 * with no aid.  For the public (gross) a against b's 120,000 is cheaper in
 * every trial, by a median of about 20,000; for the district b costs
 * 120,000 (1 - ratio). */
static const char *const persp_costs =
	"option,item,category,dist,low,likely,high,per,aid\n"
	"a,Service,Licensing,uniform,95000,,105000,once,0\n"
	"b,Service,Licensing,fixed,,120000,,once,1\n";

static char *persp_scenario(const char *ratio)
{
	char *b = malloc(512);
	snprintf(b, 512,
		 "parameter,value\n"
		 "costs,costs.csv\n"
		 "baseline,b\n"
		 "label.a,Option A\n"
		 "label.b,Option B\n"
		 "years,1\n"
		 "aid_ratio,%s\n"
		 "aid_lag,0\n"
		 "trials,2000\n"
		 "seed,3\n",
		 ratio);
	return b;
}

/* Aid of 50% makes b's net cost 60,000: b is cheaper for the district in
 * every trial, a for the public in every trial. */
static void test_perspectives_disagree(void **state)
{
	(void)state;
	char *scen = persp_scenario("50%");
	struct fixture f;
	run(&f, scen, persp_costs);
	const struct findings *fi = &f.d.findings;
	const char *p = sentence_with(fi, "for the public");
	assert_non_null(p);
	assert_non_null(strstr(p, "Option A costs less than Option B in 100% "
				  "of 2,000 simulated futures"));
	/* The median of a's uniform draws is within 0.5% of 100,000: the
	 * saving, 120,000 minus it, rounds to $20,000 at three figures. */
	assert_non_null(strstr(p, "with a median saving of $20,000"));
	assert_double_within(
		-f.s.cmp[0 * M_COUNT + M_GROSS_PV].diff.q[Q50], 20000, 500);
	assert_non_null(sentence_with(fi, "The two perspectives disagree: "
					  "Option B costs the district less, "
					  "but Option A costs the public "
					  "less."));
	const char *cover = findings_title(fi, "cover.perspectives.a");
	assert_non_null(cover);
	assert_string_equal(cover,
			    "For the district (net of state aid), Option B is "
			    "cheaper than Option A in 100% of futures; for the "
			    "public (every payer, before aid), Option A is "
			    "cheaper than Option B in 100% of futures. The two "
			    "perspectives disagree: Option B costs the "
			    "district less, but Option A costs the public "
			    "less.");
	assert_string_equal(findings_title(fi, "title.histogram_public.a"),
			    "Public cost: Option A cheaper in 100% of futures");
	/* The public histogram: every trial below 0, none above. */
	assert_int_equal(f.s.hist_public[0].below, 2000);
	assert_int_equal(f.s.hist_public[0].above, 0);
	long sum = 0;
	for (size_t i = 0; i < f.s.hist_public[0].nbins; i++)
		sum += f.s.hist_public[0].counts[i];
	assert_int_equal(sum, 2000);
	assert_true(f.s.hist_public[0].start + (double)f.s.hist_public[0].nbins *
				f.s.hist_public[0].width <= 0);
	finish(&f);
	free(scen);
}

/* Aid of 10%: b's net cost is 108,000, so a is cheaper both ways and no
 * sentence speaks of disagreement. */
static void test_perspectives_agree(void **state)
{
	(void)state;
	char *scen = persp_scenario("10%");
	struct fixture f;
	run(&f, scen, persp_costs);
	const struct findings *fi = &f.d.findings;
	assert_non_null(sentence_with(fi, "for the public"));
	assert_null(sentence_with(fi, "disagree"));
	const char *cover = findings_title(fi, "cover.perspectives.a");
	assert_non_null(cover);
	assert_null(strstr(cover, "disagree"));
	assert_non_null(strstr(cover, "For the district (net of state aid), "
				      "Option A is cheaper than Option B in "
				      "100% of futures; for the public"));
	finish(&f);
	free(scen);
}

/* At the boundary of the toss-up band: for the public, a on 110,000 ..
 * 130,000 against b's 120,000 is a toss-up, so however the district's
 * answer falls, the perspectives are not said to disagree. */
static void test_perspectives_tossup_is_no_disagreement(void **state)
{
	(void)state;
	char *scen = persp_scenario("50%");
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per,aid\n"
		"a,Service,Licensing,uniform,110000,,130000,once,0\n"
		"b,Service,Licensing,fixed,,120000,,once,1\n";
	struct fixture f;
	run(&f, scen, costs);
	const struct findings *fi = &f.d.findings;
	const char *p = sentence_with(fi, "for the public");
	assert_non_null(p);
	assert_non_null(strstr(p, "Option A and Option B are a toss-up"));
	assert_null(sentence_with(fi, "disagree"));
	const char *cover = findings_title(fi, "cover.perspectives.a");
	assert_non_null(strstr(cover, "for the public (every payer, before "
				      "aid), Option A and Option B are a "
				      "toss-up"));
	assert_null(strstr(cover, "disagree"));
	finish(&f);
	free(scen);
}

/* No aid and no other payer: the public's cost is the district's, and
 * nothing is said twice. */
static void test_no_public_perspective_without_aid(void **state)
{
	(void)state;
	char *scen = persp_scenario("0");
	struct fixture f;
	run(&f, scen, persp_costs);
	const struct findings *fi = &f.d.findings;
	assert_null(sentence_with(fi, "for the public"));
	assert_null(findings_title(fi, "cover.perspectives.a"));
	assert_null(findings_title(fi, "title.histogram_public.a"));
	finish(&f);
	free(scen);
}

/* One option: nothing to compare, still a budget and the titles that need
 * no comparison. */
static void test_single_option(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value\n"
					"costs,costs.csv\n"
					"years,2\n"
					"trials,500\n";
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"only,Fee,Licensing,triangular,10,20,40,year\n";
	struct fixture f;
	run(&f, scen, costs);
	const struct findings *fi = &f.d.findings;
	assert_int_equal(fi->n, 1);
	assert_non_null(strstr(fi->sentence[0], "To cover the net cost of "
						"only, over years 1 to 2 in "
						"nominal dollars, budget $"));
	assert_non_null(strstr(fi->sentence[0], " with 80% confidence ($"));
	assert_non_null(strstr(fi->sentence[0], "; it has no risk items."));
	/* One option: no title compares it with anything. */
	const char *keys[] = {"headline", "title.fan", "title.scurve",
			      "title.breakdown"};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *t = findings_title(fi, keys[i]);
		assert_non_null(t);
		assert_null(strstr(t, "cheapest"));
		assert_null(strstr(t, "most often"));
		assert_null(strstr(t, "uncertain for"));
		assert_null(strstr(t, "every option"));
		assert_null(strstr(t, "Lowest"));
		assert_null(strstr(t, "least"));
	}
	assert_non_null(findings_title(fi, "headline"));
	assert_non_null(findings_title(fi, "title.scurve"));
	assert_non_null(findings_title(fi, "title.breakdown"));
	assert_null(findings_title(fi, "title.per_student"));
	finish(&f);
}


/* ---- ties, margins, the headline's verdict ------------------------------ */

/* A tie is nobody's win: two identical options, every trial a tie. */
static void test_identical_options_tie(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value\n"
					"costs,costs.csv\n"
					"baseline,b\n"
					"years,2\n"
					"trials,1000\n"
					"seed,3\n";
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"a,Fee,Licensing,fixed,,100,,year\n"
		"b,Fee,Licensing,fixed,,100,,year\n";
	struct fixture f;
	run(&f, scen, costs);
	/* P(cheaper) exactly 0 both ways; p_best 0 for both, p_tied 1. */
	assert_double_near(f.s.cmp[0 * M_COUNT + M_NET_PV].p_cheaper, 0, 0);
	assert_int_equal(f.s.hist[0].above, 0);
	assert_double_near(f.s.p_best[0], 0, 0);
	assert_double_near(f.s.p_best[1], 0, 0);
	assert_double_near(f.s.p_tied, 1, 0);
	for (int k = 0; k < M_COUNT - 1; k++)
		assert_double_near(f.d.p_tied[k], 1, 0);
	const struct findings *fi = &f.d.findings;
	assert_non_null(sentence_with(fi, "a and b cost the same in all 1,000 "
					  "simulated futures."));
	/* No winner is named anywhere, and there is no saving. */
	assert_null(sentence_with(fi, "costs less"));
	assert_null(sentence_with(fi, "saving"));
	assert_null(sentence_with(fi, "most often cheapest"));
	assert_string_equal(findings_title(fi, "headline"),
			    "a and b cost the same in 100% of futures");
	assert_string_equal(findings_title(fi, "title.histogram.a"),
			    "a and b cost the same in 100% of futures");
	finish(&f);
}

/* Three options, two identical and cheapest in most trials: the cheapest
 * of all three is named only where it is alone. */
static void test_three_options_ties_counted_apart(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value\n"
					"costs,costs.csv\n"
					"baseline,b\n"
					"years,1\n"
					"trials,4000\n"
					"seed,11\n";
	/* c ~ uniform(90, 110) once: below the tie at 100 in half the
	 * trials. */
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"a,Fee,Licensing,fixed,,100,,once\n"
		"b,Fee,Licensing,fixed,,100,,once\n"
		"c,Fee,Licensing,uniform,90,,110,once\n";
	struct fixture f;
	run(&f, scen, costs);
	long below = 0;
	const double *cv = sim_measure(&f.res, 2, M_NET_PV);
	for (long i = 0; i < f.res.trials; i++)
		below += cv[i] < 100;
	double pc = (double)below / (double)f.res.trials;
	assert_double_near(f.s.p_best[2], pc, 0);
	assert_double_near(f.s.p_best[0], 0, 0);
	assert_double_near(f.s.p_best[1], 0, 0);
	assert_double_near(f.s.p_tied, 1 - pc, 1e-15);
	const struct findings *fi = &f.d.findings;
	const char *s = sentence_with(fi, "c is the cheapest of all three "
					  "options in ");
	assert_non_null(s);
	assert_non_null(strstr(s, "; two or more tie for cheapest in "));
	/* 0% exactly is never given a margin of 0. */
	assert_non_null(strstr(s, "a in 0% (none of 4,000)"));
	assert_null(strstr(s, "\xc2\xb1" "0%"));
	/* The pairwise sentence says it compares two only. */
	assert_non_null(sentence_with(fi, "and comparing only these two, a "
					  "and b cost the same in all 4,000"));
	finish(&f);
}

static void test_headline_winner_boundaries(void **state)
{
	(void)state;
	/* Two options: a clear winner from p1 - p2 = 0.10 on (the edge of
	 * the toss-up band |p - 1/2| < 0.05), with 2 se below 0.10. */
	double at[] = {0.45, 0.55};
	assert_int_equal(findings_headline_winner(at, 0, 2, 100000), 1);
	double below[] = {0.4501, 0.5499};
	assert_int_equal(findings_headline_winner(below, 0, 2, 100000),
			 FINDINGS_NO_WINNER);
	assert_true(findings_tossup(0.5499, 0.0016));
	assert_false(findings_tossup(0.55, 0.0016));
	/* Three options: 0.40 against 0.32 is outside any toss-up band of a
	 * pair but within the clear-winner margin of 0.10: no winner. */
	double three[] = {0.40, 0.32, 0.28};
	assert_int_equal(findings_headline_winner(three, 0, 3, 100000),
			 FINDINGS_NO_WINNER);
	double three_clear[] = {0.42, 0.32, 0.26};
	assert_int_equal(findings_headline_winner(three_clear, 0, 3, 100000),
			 0);
	/* With few trials 2 se widens the margin: 0.58 against 0.42 from 100
	 * trials (2 se = 2 sqrt((1 - 0.16^2) / 100) = 0.197) is no clear
	 * win. */
	double few[] = {0.58, 0.42};
	assert_int_equal(findings_headline_winner(few, 0, 2, 100),
			 FINDINGS_NO_WINNER);
	/* Ties at least as common as the most frequent winner: tied. */
	double tie[] = {0, 0};
	assert_int_equal(findings_headline_winner(tie, 1, 2, 1000),
			 FINDINGS_TIED);
	double half[] = {0.4, 0.2};
	assert_int_equal(findings_headline_winner(half, 0.4, 2, 100000),
			 FINDINGS_TIED);
	assert_int_equal(findings_headline_winner(half, 0.3999, 2, 100000), 0);
	/* One option that always wins alone. */
	double one[] = {1};
	assert_int_equal(findings_headline_winner(one, 0, 1, 10), 0);
}

static void test_margin_never_zero(void **state)
{
	(void)state;
	char b[FINDINGS_NUM];
	assert_string_equal(findings_margin(0.3, 0.004, 10000, b),
			    "\xc2\xb1" "0.4%");
	assert_string_equal(findings_margin(0, 0, 10000, b), "none of 10,000");
	assert_string_equal(findings_margin(1, 0, 1000, b), "all 1,000");
	assert_string_equal(findings_margin(1, 0, 1, b),
			    "too few trials for a margin");
	assert_string_equal(findings_margin(0.5, 0.0159, 999, b),
			    "too few trials for a margin");
	/* The pairwise toss-up rule with ties is the two-option rule when
	 * nothing ties. */
	assert_true(findings_tossup_pair(0.54, 0.46, 100000));
	assert_false(findings_tossup_pair(0.55, 0.45, 100000));
	assert_true(findings_tossup_pair(0.2, 0.15, 100000));
	assert_false(findings_tossup_pair(0.25, 0.15, 100000));
}

/* The aid of the last contract year arrives a year later and reverses the
 * order: the break-even year is looked for within the contract only, and
 * the reversal is said apart.  a pays 140 a year, without aid; b 200 a
 * year, half of it returned as aid a year later.  Nominal net flows: a
 * 140, 140, 0; b 200, 100, -100.  Cumulative a - b: -60, -20, +80. */
static void test_break_even_within_contract_years(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value\n"
					"costs,costs.csv\n"
					"baseline,b\n"
					"years,2\n"
					"base_year,2015\n"
					"year_labels,school\n"
					"aid_ratio,0.5\n"
					"trials,1001\n"
					"seed,5\n";
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per,aid\n"
		"a,Annual,Licensing,fixed,,140,,year,0\n"
		"b,Service,Licensing,fixed,,200,,year,1\n";
	struct fixture f;
	run(&f, scen, costs);
	const double *cum = f.d.cum_diff_median;
	assert_int_equal(f.d.net_years, 3);
	assert_double_near(cum[0], -60, 1e-9);
	assert_double_near(cum[1], -20, 1e-9);
	assert_double_near(cum[2], 80, 1e-9);
	/* Over all three net years the rule would give year 3, the aid
	 * year; within the contract there is none. */
	assert_int_equal(decision_break_even(cum, 3), 3);
	assert_int_equal(f.d.break_even[0], 0);
	assert_non_null(sentence_with(
		&f.d.findings,
		"In nominal dollars, the median cumulative net cost of a never "
		"rises above that of b in any year to 2016-17: there is no "
		"break-even year within the contract years; counting the aid "
		"received in 2017-18, a ends $80.0 above b."));
	finish(&f);
}

/* Nothing uncertain: the sensitivity analysis has no rows (rows is NULL),
 * and the tornado title and the drivers sentence must say so without
 * taking an offset from NULL (undefined behaviour that clang's
 * -fsanitize=pointer-overflow reports). */
static void test_no_uncertain_input(void **state)
{
	(void)state;
	static const char *const costs =
		"option,item,category,dist,low,likely,high,per\n"
		"a,Service,Licensing,fixed,,500000,,once\n"
		"b,Service,Licensing,fixed,,601000,,once\n";
	struct fixture f;
	run(&f, scenario, costs);
	assert_null(f.d.sens.rows);
	const struct findings *fi = &f.d.findings;
	assert_string_equal(findings_title(fi, "title.tornado.a"),
			    "No uncertain input moves Option A versus "
			    "Option B");
	assert_null(sentence_with(fi, "Varying one input at a time"));
	check_titles(fi, 1);
	finish(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_three_significant_figures),
		cmocka_unit_test(test_money_negative_amounts),
		cmocka_unit_test(test_percent_precision_from_standard_error),
		cmocka_unit_test(test_percent_never_rounds_to_certainty),
		cmocka_unit_test(test_plus_minus_one_significant_figure),
		cmocka_unit_test(test_tossup_band),
		cmocka_unit_test(test_rank_correlation_precision),
		cmocka_unit_test(test_option_names_and_words),
		cmocka_unit_test(test_wrap_counts_characters),
		cmocka_unit_test(test_tossup_is_not_a_win),
		cmocka_unit_test(test_clear_case_states_share_and_negative_saving),
		cmocka_unit_test(test_break_even_sentence),
		cmocka_unit_test(test_single_option),
		cmocka_unit_test(test_perspectives_disagree),
		cmocka_unit_test(test_perspectives_agree),
		cmocka_unit_test(test_perspectives_tossup_is_no_disagreement),
		cmocka_unit_test(test_no_public_perspective_without_aid),
		cmocka_unit_test(test_identical_options_tie),
		cmocka_unit_test(test_three_options_ties_counted_apart),
		cmocka_unit_test(test_headline_winner_boundaries),
		cmocka_unit_test(test_margin_never_zero),
		cmocka_unit_test(test_break_even_within_contract_years),
		cmocka_unit_test(test_no_uncertain_input),
	};
	return cmocka_run_group_tests_name("findings", tests, NULL, NULL);
}
