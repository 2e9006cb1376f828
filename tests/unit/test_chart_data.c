/* Reading a result folder for the charts: the synthetic fixture's numbers
 * arrive where the charts look for them, optional files may be missing,
 * and every problem is reported as FILE:LINE:COL with nothing kept.
 * Also the words computed from the numbers (the point estimate's
 * percentile, tornado rows), and the titles without findings.csv (the
 * exhibits' captions: the findings alone word a finding). */
#include "helpers.h"

#include "chart/chart.h"
#include "chart/data.h"
#include "chart/exhibit.h"

#define FIXTURE "tests/charts/fixture"

/* A copy of the fixture in a fresh folder (caller removes it). */
static char *copy_fixture(void)
{
	char *dir = test_tmpdir();
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "cp %s/*.csv '%s'", FIXTURE, dir);
	if (system(cmd) != 0)
		fail_msg("cannot copy the fixture");
	return dir;
}

static void rm_file(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (unlink(path) != 0)
		fail_msg("cannot remove %s", path);
}

/* The diagnostics of loading dir, one per line, with dir replaced by
 * "DIR"; *status gets the result. */
static char *load_errors(const char *dir, enum chart_status *status)
{
	struct diags d = DIAGS_INIT;
	struct chart_data cd;
	*status = chart_data_load(&cd, dir, &d);
	if (*status == CHART_OK)
		chart_data_free(&cd);
	else
		assert_int_equal(cd.nopt, 0); /* nothing kept */
	diags_sort(&d);
	struct strbuf out = STRBUF_INIT, line = STRBUF_INIT;
	size_t n = strlen(dir);
	for (size_t i = 0; i < d.n; i++) {
		strbuf_reset(&line);
		diag_format(&d.v[i], &line);
		const char *s = strbuf_str(&line);
		if (strncmp(s, dir, n) == 0) {
			strbuf_puts(&out, "DIR");
			s += n;
		}
		strbuf_printf(&out, "%s\n", s);
	}
	strbuf_free(&line);
	diags_free(&d);
	return strbuf_take(&out);
}

static void test_fixture_loads(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	assert_int_equal(dg.n, 0);
	assert_int_equal(d.nopt, 3);
	assert_string_equal(d.opt[0].id, "portal");
	assert_string_equal(d.opt[1].label, "BOCES service");
	assert_int_equal(d.baseline, 1);
	assert_int_equal(d.horizon, 3);
	assert_int_equal(d.nyears, 4);
	assert_string_equal(d.year_labels[3], "2018-19");
	assert_int_equal(d.trials, 1000);
	assert_true(d.has_students && d.has_sens && d.has_findings);
	/* summary.csv: net_pv of portal is 100000 + 1200 p. */
	const struct chart_stat *s = &d.opt[0].m[CM_NET_PV];
	assert_double_near(s->point, 150000, 0);
	assert_double_near(s->q[CQ_P80], 196000, 0);
	assert_double_near(d.opt[2].m[CM_PER_STUDENT].q[CQ_P50], 200, 1e-12);
	/* years.csv: boces' aid-only year is -40% of 1.2 x 45,000. */
	assert_double_near(d.opt[1].net[3].q[CQ_P50], -21600, 0);
	assert_true(!d.opt[1].gross[3].present);
	/* compare.csv, extra columns ignored. */
	assert_double_near(d.opt[0].cmp[CM_NET_PV].p_cheaper, 0.15, 0);
	assert_double_near(d.opt[2].cmp[CM_NET_PV].q[CQ_P50], 58000, 0);
	assert_true(!d.opt[1].cmp[CM_NET_PV].present);
	/* distribution.csv and histogram.csv. */
	assert_double_near(d.opt[2].cdf[100], 270000, 0);
	assert_int_equal(d.opt[0].nbins, 11);
	assert_int_equal(d.opt[2].nbins, 7);
	assert_double_near(d.opt[2].bins[0].low, -20000, 0);
	assert_int_equal(d.opt[2].bins[0].count, 4);
	assert_int_equal(d.opt[1].nbins, 0);
	/* categories.csv, sorted; absent categories marked. */
	assert_int_equal(d.ncat, 4);
	assert_string_equal(d.categories[0], "Exit");
	assert_string_equal(d.categories[3], "Training");
	assert_true(!d.opt[0].cat_present[3] && d.opt[0].cat_present[0]);
	assert_double_near(d.opt[1].cat_gross_mean[1], 130000, 0);
	/* sensitivity.csv: differences recognised by the baseline suffix. */
	assert_int_equal(d.nsens, 16);
	assert_true(d.sens[0].diff && d.sens[0].option == 0);
	assert_true(!d.sens[15].diff && d.sens[15].option == 1);
	assert_true(!d.sens[4].has_rho && d.sens[0].has_rho);
	assert_string_equal(chart_prov(&d, "seed"), "7");
	assert_string_equal(chart_finding(&d, "finding.2"),
			    "Second finding sentence.");
	assert_null(chart_finding(&d, "title.tornado.inhouse"));
	assert_int_equal(d.ninputs, 9);
	assert_string_equal(chart_param(&d, "breach_p")->cell[IN_DIST],
			    "pert");
	/* budget.csv: the operating budget by year and in all, the risk
	 * exposure; boces has none, and a negative aid-only year. */
	assert_true(d.has_budget && d.has_risk);
	assert_double_near(d.opt[0].budget[0].op[CB_P80], 50000, 0);
	assert_double_near(d.opt[1].budget[3].op[CB_P50], -21600, 0);
	assert_double_near(d.opt[2].budget_total.op[CB_P90], 215000, 0);
	assert_double_near(d.opt[0].budget_total.risk_mean, 9000, 0);
	assert_double_near(d.opt[0].budget_total.risk_p90, 20000, 0);
	assert_double_near(d.opt[2].p_risk_event, 0.12, 0);
	assert_double_near(d.opt[1].p_risk_event, 0, 0);
	assert_double_near(d.opt[1].budget[1].aid, 27000, 0);
	assert_double_near(d.opt[1].budget_total.aid, 81000, 0);
	assert_double_near(d.opt[0].budget[3].aid, 0, 0);
	char *rl = budget_risk_line(&d, 0);
	assert_string_equal(rl, "Cloud portal: risk events cost an expected "
				"$9,000; at least one occurs in 25% of "
				"simulations; in 9 of 10 they cost at most "
				"$20K");
	free(rl);
	assert_null(budget_risk_line(&d, 1));
	chart_data_free(&d);
	diags_free(&dg);
}

static void test_words_from_numbers(void **state)
{
	(void)state;
	char *dir = copy_fixture();
	rm_file(dir, "findings.csv");
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, dir, &dg), CHART_OK);
	assert_true(!d.has_findings);
	/* Base case percentiles: (150000 - 100000) / 1200 = 41.67; 45; and
	 * 200000 = value(50) exactly. */
	assert_double_near(scurve_point_percentile(&d, 0), 50000.0 / 1200,
			   1e-12);
	assert_double_near(scurve_point_percentile(&d, 1), 45, 1e-12);
	assert_double_near(scurve_point_percentile(&d, 2), 50, 0);
	/* Without findings.csv no exhibit states a finding of its own (the
	 * findings are the one place that words them): each title is its
	 * caption, which says what the chart shows. */
	static const struct {
		const struct exhibit_kind *k;
		int o;
		const char *title;
	} plain[] = {
		{&exhibit_fan, -1, "Cost per year (fan chart)"},
		{&exhibit_scurve, -1,
		 "Chance of staying within a budget (S-curve)"},
		{&exhibit_budget, -1,
		 "What to budget each year, and the risk exposure"},
		{&exhibit_tornado, 0,
		 "What drives Cloud portal vs BOCES service (tornado)"},
		{&exhibit_histogram, 0,
		 "Cloud portal minus BOCES service, simulation by simulation"},
		{&exhibit_breakdown, -1, "Expected cost by category"},
		{&exhibit_per_student, -1, "Cost per student per year"},
	};
	char *t;
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		t = words_title(&d, plain[i].k, plain[i].o);
		assert_string_equal(t, plain[i].title);
		free(t);
	}
	t = words_subtitle(&d, &exhibit_histogram, 0);
	assert_string_equal(t, "Difference in total cost to the district, "
			       "Cloud portal minus BOCES service, over "
			       "2015-16 to 2017-18, net of state aid, present "
			       "value at 3%");
	free(t);
	t = words_source(&d);
	assert_string_equal(t, "Source: edtco 0.1.0 \xC2\xB7 seed 7 \xC2\xB7 "
			       "1,000 trials \xC2\xB7 scenario.csv "
			       "001122334455 \xC2\xB7 costs.csv ffeeddccbbaa "
			       "\xC2\xB7 edtco run "
			       "tests/charts/fixture/scenario.csv");
	free(t);
	/* Tornado rows: the option's differences only, by swing, ties by
	 * name. */
	const struct chart_sens **rows;
	size_t n = tornado_rows(&d, 0, &rows);
	assert_int_equal(n, 12);
	assert_string_equal(rows[0]->input, "breach_p");
	assert_string_equal(rows[1]->input, "portal/Fee");
	assert_string_equal(rows[3]->input, "x1"); /* 7,200 > 7,000 */
	assert_string_equal(rows[4]->input, "enrollment_growth");
	free(rows);
	/* Inputs to three significant figures, trailing zeros kept. */
	char b[LAYOUT_LABEL_MAX];
	assert_string_equal(words_input_value(&d, "enrollment_growth", -0.017,
					      b),
			    "\xE2\x88\x92" "1.70%");
	assert_string_equal(words_input_value(&d, "enrollment_growth", 0.0606,
					      b),
			    "6.06%");
	assert_string_equal(words_input_value(&d, "portal/Fee", 2.4, b),
			    "$2.40");
	assert_string_equal(words_input_value(&d, "portal/Fee", 16, b),
			    "$16.0");
	assert_string_equal(words_input_value(&d, "portal/Fee", 8500, b),
			    "$8,500");
	assert_string_equal(words_input_value(&d, "portal/Fee", 15012, b),
			    "$15,000");
	assert_string_equal(words_input_value(&d, "portal/Fee", -7.094, b),
			    "\xE2\x88\x92$7.09");
	assert_string_equal(words_input_value(&d, "x1", 2, b), "2.00");
	assert_string_equal(words_input_value(&d, "x1", 0.15, b), "0.150");
	/* The assumptions page: as written. */
	assert_string_equal(words_input_exact(&d, "enrollment_growth", -0.017,
					      b),
			    "\xE2\x88\x92" "1.7%");
	assert_string_equal(words_input_exact(&d, "x1", 4702, b), "4,702");
	assert_string_equal(words_input_exact(&d, "x1", 0.125, b), "0.125");
	/* One money style for the per-student chart (the fixture's largest
	 * amount chooses it). */
	struct numfmt_style st;
	per_student_style(&d, &st);
	double largest = 0;
	for (int o = 0; o < d.nopt; o++)
		for (int q = CQ_P10; q <= CQ_P90; q++)
			largest = fmax(largest,
				       fabs(d.opt[o].m[CM_PER_STUDENT].q[q]));
	struct numfmt_style want;
	numfmt_money_style(largest, &want);
	assert_true(st.unit == want.unit && st.decimals == want.decimals);
	/* With one option nothing reads as a comparison. */
	int nopt = d.nopt;
	d.nopt = 1;
	t = words_howto(&d, &exhibit_scurve, -1);
	assert_null(strstr(t, "further left is cheaper"));
	free(t);
	t = words_howto(&d, &exhibit_fan, -1);
	assert_null(strstr(t, "compared"));
	free(t);
	d.nopt = nopt;
	t = words_howto(&d, &exhibit_scurve, -1);
	assert_non_null(strstr(t, "A curve further left is cheaper."));
	free(t);
	t = words_input_label("inhouse/Staff time");
	assert_string_equal(t, "Staff time [inhouse]");
	free(t);
	chart_data_free(&d);
	diags_free(&dg);
	test_rmdir(dir);
	free(dir);
}

static void test_optional_files(void **state)
{
	(void)state;
	char *dir = copy_fixture();
	rm_file(dir, "sensitivity.csv");
	rm_file(dir, "findings.csv");
	enum chart_status st;
	char *err = load_errors(dir, &st);
	assert_int_equal(st, CHART_OK);
	assert_string_equal(err, "");
	free(err);
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, dir, &dg), CHART_OK);
	struct exhibit *ex;
	size_t n = exhibit_list(&d, &ex);
	/* No tornado without sensitivity.csv; the budget after the
	 * S-curve. */
	assert_int_equal(n, 7);
	assert_string_equal(ex[0].name, "fan");
	assert_string_equal(ex[2].name, "budget");
	assert_string_equal(ex[3].name, "histogram-portal");
	assert_string_equal(ex[4].name, "histogram-inhouse");
	assert_string_equal(ex[6].name, "per-student");
	assert_int_equal(ex[6].number, 7);
	exhibit_list_free(ex, n);
	chart_data_free(&d);
	/* No budget exhibit without budget.csv (an older folder). */
	rm_file(dir, "budget.csv");
	assert_int_equal(chart_data_load(&d, dir, &dg), CHART_OK);
	assert_true(!d.has_budget);
	n = exhibit_list(&d, &ex);
	assert_int_equal(n, 6);
	assert_string_equal(ex[2].name, "histogram-portal");
	exhibit_list_free(ex, n);
	chart_data_free(&d);
	diags_free(&dg);
	test_rmdir(dir);
	free(dir);
}

/* Every exhibit a folder can hold is among the names a run checks before
 * simulating (chart_exhibit_stems, from the same descriptions): the budget
 * and the public's histograms were once left out, so a changed file of
 * theirs stopped a run only after it had simulated. */
static void test_exhibit_stems_cover_every_exhibit(void **state)
{
	(void)state;
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, FIXTURE, &dg), CHART_OK);
	const char *ids[8];
	assert_true(d.nopt <= 8);
	for (int o = 0; o < d.nopt; o++)
		ids[o] = d.opt[o].id;
	char **stems = chart_exhibit_stems(ids, (size_t)d.nopt);
	struct exhibit *ex;
	size_t n = exhibit_list(&d, &ex);
	assert_true(n >= 9);
	for (size_t i = 0; i < n; i++) {
		int found = 0;
		for (size_t k = 0; stems[k]; k++)
			found |= strcmp(stems[k], ex[i].name) == 0;
		if (!found)
			fail_msg("%s is not among the stems", ex[i].name);
	}
	size_t k = 0;
	while (stems[k])
		k++;
	/* 5 charts drawn once, and a tornado, a histogram and the public's
	 * histogram for each of 3 options. */
	assert_int_equal(k, 5 + 3 * 3);
	assert_string_equal(stems[2], "budget");
	exhibit_list_free(ex, n);
	chart_stems_free(stems);
	chart_data_free(&d);
	diags_free(&dg);
}

static void test_missing_required_file(void **state)
{
	(void)state;
	char *dir = copy_fixture();
	rm_file(dir, "summary.csv");
	enum chart_status st;
	char *err = load_errors(dir, &st);
	assert_int_equal(st, CHART_EIO);
	assert_string_equal(err, "DIR/summary.csv: error: cannot read the "
				 "file: No such file or directory (is this a "
				 "folder written by 'edtco run'?)\n");
	free(err);
	test_rmdir(dir);
	free(dir);
}

static void test_bad_cells_located(void **state)
{
	(void)state;
	char *dir = copy_fixture();
	/* A bad number, an unknown option, an unknown measure, and a
	 * missing column, each in its own file. */
	free(test_write(dir, "compare.csv",
			"option,baseline,measure,mean_diff,p5,p10,p25,p50,p75,"
			"p80,p90,p95,p_cheaper,p_cheaper_se,break_even_year,"
			"break_even_label,p_best,p_best_baseline,p_tied\n"
			"portal,boces,net_pv,1,2,3,4,5,6,7,8,9,0.15,0.01,,,,,\n"
			"inhouse,boces,net_pv,1,2,3,4,five,6,7,8,9,0.1,0.01,"
			"none,none,0.5,0.5,0\n"
			"other,boces,net_pv,1,2,3,4,5,6,7,8,9,0.1,0.01,,,,,\n"));
	free(test_write(dir, "categories.csv",
			"option,category,gross_pv_mean,net_pv_mean,"
			"gross_pv_point\nportal,Exit,1,1,1\n"));
	free(test_write(dir, "distribution.csv",
			"option,measure,percentile,value\n"
			"portal,net_pv,101,5\n"));
	enum chart_status st;
	char *err = load_errors(dir, &st);
	assert_int_equal(st, CHART_EINPUT);
	assert_string_equal(
		err,
		"DIR/compare.csv:3:8: error: p50: expected a number, found "
		"\"five\"\n"
		"DIR/compare.csv:4:1: error: unknown option \"other\" "
		"(summary.csv does not list it)\n"
		"DIR/distribution.csv: error: option 'portal' lacks some of the "
		"percentiles 0 to 100\n"
		"DIR/distribution.csv: error: option 'boces' lacks some of the "
		"percentiles 0 to 100\n"
		"DIR/distribution.csv: error: option 'inhouse' lacks some of "
		"the percentiles 0 to 100\n"
		"DIR/distribution.csv:2:3: error: expected a whole number from "
		"0 to 100\n"
		"DIR/categories.csv:1:6: error: expected the column "
		"'net_pv_point' here: categories.csv has the columns option, "
		"category, gross_pv_mean, net_pv_mean, gross_pv_point, "
		"net_pv_point\n");
	free(err);
	test_rmdir(dir);
	free(dir);
}

static void test_bad_summary_stops_early(void **state)
{
	(void)state;
	char *dir = copy_fixture();
	free(test_write(dir, "summary.csv",
			"option,label,measure,point,mean,sd,p5,p10,p25,p50,"
			"p75,p80,p90,p95,short_label\n"
			"portal,Cloud portal,net_pv,1,1,1,1,1,1,1,1,1,1,inf,\n"
			"portal,Cloud portal,net_cost,1,1,1,1,1,1,1,1,1,1,1,\n"));
	enum chart_status st;
	char *err = load_errors(dir, &st);
	assert_int_equal(st, CHART_EINPUT);
	/* The other files are not read after summary.csv fails. */
	assert_string_equal(
		err,
		"DIR/summary.csv:2:14: error: p95: expected a number, found "
		"\"inf\"\n"
		"DIR/summary.csv:3:3: error: unknown measure \"net_cost\" "
		"(expected gross_nominal, net_nominal, gross_pv, net_pv or "
		"net_per_student_year)\n"
		"DIR/provenance.csv:12:2: error: baseline 'boces' is not an "
		"option of summary.csv\n");
	free(err);
	test_rmdir(dir);
	free(dir);
}

/* Issue 9: the public's histogram bins (measure gross_pv), a risk's
 * occurrence in sensitivity.csv (kind, occurrence_year) and parameter
 * labels and units in inputs.csv are read, and shown as the exhibits say
 * them; an unknown measure or kind is an error at its cell. */
static void append(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *fp = fopen(path, "ab");
	if (!fp)
		fail_msg("cannot open %s", path);
	fputs(text, fp);
	fclose(fp);
}

static void test_public_occurrence_labels(void **state)
{
	(void)state;
	char *dir = copy_fixture();
	append(dir, "histogram.csv",
	       "portal,boces,gross_pv,-20000.00,-10000.00,300,0.3\n"
	       "portal,boces,gross_pv,-10000.00,0.00,700,0.7\n");
	free(test_write(dir, "sensitivity.csv",
			"input,output,input_p10,input_p90,output_at_p10,"
			"output_at_p90,output_point,swing,rank_correlation,"
			"kind,occurrence_year\n"
			"portal/Breach,portal-boces,0,1,-5000.00,90000.00,"
			"15000.00,95000.00,0.7,occurrence,2016\n"
			"staff,portal-boces,0.2,0.4,1000.00,2000.00,1500.00,"
			"1000.00,0.1,value,\n"));
	free(test_write(dir, "inputs.csv",
			"kind,option,name,category,quantity,dist,low,likely,"
			"high,point,per,start,end,escalation,probability,payer,"
			"aid,group,source,label,unit\n"
			"parameter,,staff,,,uniform,0.2,,0.4,0.3,,,,,,,,,src,"
			"Staff time,FTE\n"
			"parameter,,hours,,,fixed,,26,,26,,,,,,,,,src,,hours\n"
			"parameter,,fee,,,fixed,,1500,,1500,,,,,,,,,src,Fee,$\n"
			"parameter,,share,,,fixed,,0.25,,0.25,,,,,,,,,src,,%\n"
			"setting,,aid_lag,,,,,1,,1,,,,,,,,,src,,\n"));
	struct diags dg = DIAGS_INIT;
	struct chart_data d;
	assert_int_equal(chart_data_load(&d, dir, &dg), CHART_OK);
	int o = 0;
	while (strcmp(d.opt[o].id, "portal") != 0)
		o++;
	assert_int_equal(d.opt[o].npub_bins, 2);
	assert_double_near(d.opt[o].pub_bins[1].share, 0.7, 0);
	assert_true(d.opt[o].nbins > 2); /* net_pv's bins untouched */
	assert_int_equal(d.nsens, 2);
	const struct chart_sens *s = &d.sens[0];
	assert_true(s->occurrence);
	assert_false(d.sens[1].occurrence);
	char buf[LAYOUT_LABEL_MAX];
	assert_string_equal(tornado_value(&d, s, 0, buf), "never");
	assert_string_equal(tornado_value(&d, s, 1, buf), "once, in 2016");
	char *l = tornado_label(&d, s);
	assert_string_equal(l, "Breach occurs [portal]");
	free(l);
	l = tornado_label(&d, &d.sens[1]);
	assert_string_equal(l, "Staff time");
	free(l);
	/* Three significant figures, zeros kept, like every input label. */
	assert_string_equal(tornado_value(&d, &d.sens[1], 1, buf),
			    "0.400 FTE");
	assert_string_equal(words_input_value(&d, "hours", 26, buf),
			    "26.0 hours");
	assert_string_equal(words_input_value(&d, "fee", 1500, buf),
			    "$1,500");
	assert_string_equal(words_input_value(&d, "share", 0.25, buf), "25.0%");
	assert_string_equal(chart_param_label(&d, "hours"), "hours");
	assert_string_equal(chart_param_label(&d, "unknown"), "unknown");
	chart_data_free(&d);
	diags_free(&dg);

	append(dir, "histogram.csv",
	       "portal,boces,net_cost,0.00,10000.00,1,0.001\n");
	free(test_write(dir, "sensitivity.csv",
			"input,output,input_p10,input_p90,output_at_p10,"
			"output_at_p90,output_point,swing,rank_correlation,"
			"kind,occurrence_year\n"
			"portal/Breach,portal-boces,0,1,-5000.00,90000.00,"
			"15000.00,95000.00,0.7,sometimes,2016\n"));
	enum chart_status st;
	char *err = load_errors(dir, &st);
	assert_int_equal(st, CHART_EINPUT);
	assert_non_null(strstr(err, "DIR/histogram.csv:22:3: error: expected "
				    "the measure net_pv or gross_pv\n"));
	assert_non_null(strstr(err, "DIR/sensitivity.csv:2:10: error: "
				    "unknown kind \"sometimes\" (expected "
				    "value or occurrence)\n"));
	free(err);
	test_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_loads),
		cmocka_unit_test(test_words_from_numbers),
		cmocka_unit_test(test_optional_files),
		cmocka_unit_test(test_exhibit_stems_cover_every_exhibit),
		cmocka_unit_test(test_missing_required_file),
		cmocka_unit_test(test_bad_cells_located),
		cmocka_unit_test(test_bad_summary_stops_early),
		cmocka_unit_test(test_public_occurrence_labels),
	};
	return cmocka_run_group_tests_name("chart_data", tests, NULL, NULL);
}
