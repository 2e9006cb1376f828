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
	struct model_option opts[] = {{i0, l0}, {i1, l1}, {i2, l2}, {i3, l3}};
	struct model m;
	memset(&m, 0, sizeof(m));
	m.options = opts;
	m.noptions = 4;
	const char *want[] = {"Cloud portal", "x", "Left right", "Plain"};
	for (int o = 0; o < 4; o++) {
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
						"nominal dollars with 80% "
						"confidence, budget $"));
	assert_non_null(findings_title(fi, "headline"));
	assert_non_null(findings_title(fi, "title.scurve"));
	assert_non_null(findings_title(fi, "title.breakdown"));
	assert_null(findings_title(fi, "title.per_student"));
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
		cmocka_unit_test(test_no_uncertain_input),
	};
	return cmocka_run_group_tests_name("findings", tests, NULL, NULL);
}
