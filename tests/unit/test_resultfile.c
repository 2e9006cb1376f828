/* The result files' schemas: numbers read strictly; every file a run and a
 * batch write reads back clean against its schema, and is written back
 * byte for byte from what was read (what `edtco merge` relies on). */
#include "run_fixture.h"

#include "chart/data.h"
#include "io/resultfile.h"
#include "output/batch.h"
#include "output/decision_out.h"
#include "output/results.h"

static void test_numbers_as_edtco_writes_them(void **state)
{
	(void)state;
	static const char *const good[] = {
		"0", "-0", "12", "-1234.50", "0.011291589790636214", "1e-05",
		"1.5e+20", "2E3", "1e308"};
	static const char *const bad[] = {
		"",      " 1",   "1 ",   "+1",   "1,234.00", "1.",  ".5",
		"-",     "1e",   "1e+",  "0x10", "inf",      "nan", "1e309",
		"-1e400", "$5", "5%",   "1_000", "\xE2\x88\x92" "5"};
	double v;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (resultfile_number(good[i], &v) != 0)
			fail_msg("'%s' refused", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (resultfile_number(bad[i], &v) == 0)
			fail_msg("'%s' accepted", bad[i]);
	assert_int_equal(resultfile_number("-1234.50", &v), 0);
	assert_double_near(v, -1234.5, 0);
}

/* Writes w's text as dir/s->file, reads it back against s and writes
 * every row again: no problem, and the same bytes. */
static void round_trip(const char *dir, const struct resultfile_schema *s,
		       const struct csvout *w, size_t min_rows)
{
	char *path = test_write(dir, s->file, w->text.s ? w->text.s : "");
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	int ok = 0;
	assert_int_equal(resultfile_read(path, s, &t, &ok, &d), 0);
	for (size_t i = 0; i < d.n; i++)
		print_error("%s:%u:%u: %s\n", d.v[i].file, d.v[i].line,
			    d.v[i].col, d.v[i].msg);
	assert_int_equal(d.n, 0);
	assert_true(ok);
	if (t.nrows < min_rows)
		fail_msg("%s: %zu rows", s->file, t.nrows);
	struct csvout again = CSVOUT_INIT;
	resultfile_header(s, &again);
	for (size_t r = 0; r < t.nrows; r++)
		resultfile_write_row(s, &t.rows[r], &again);
	assert_int_equal(again.text.len, w->text.len);
	assert_memory_equal(again.text.s, w->text.s, w->text.len);
	csvout_free(&again);
	csvin_free(&t);
	diags_free(&d);
	free(path);
}

static void test_run_files_read_back(void **state)
{
	(void)state;
	/* Students, aid after the horizon, a break-even year, a parameter
	 * and an item with a comma and a quote in its name. */
	static const char *const scen =
		"parameter,value,low,high,dist,source\n"
		"title,\"Round trip, \"\"quoted\"\"\",,,,\n"
		"costs,costs.csv,,,,\n"
		"baseline,b,,,,\n"
		"years,4,,,,\n"
		"base_year,2015,,,,\n"
		"year_labels,school,,,,\n"
		"students,1000,,,,\n"
		"aid_ratio,0.5,,,,\n"
		"fee,,2,5,uniform,a guess\n"
		"trials,1000,,,,\n";
	static const char *const costs =
		"option,item,category,quantity,dist,low,likely,high,per,aid,"
		"source\n"
		"a,\"Setup, once\",Migration,1,fixed,,1000,,once,1,\n"
		"a,Annual,Licensing,fee,uniform,50,,150,year,,\"x \"\"y\"\"\"\n"
		"b,Service,Licensing,students,triangular,0.3,0.4,0.6,year,,\n";
	struct fixture f;
	run(&f, scen, costs);
	const struct resultfile_schema *const schemas[] = {
		&resultfile_summary,      &resultfile_years,
		&resultfile_compare,      &resultfile_budget,
		&resultfile_distribution, &resultfile_histogram,
		&resultfile_categories,   &resultfile_inputs,
		&resultfile_provenance,   &resultfile_sensitivity,
		&resultfile_findings};
	struct run_info info = {"9.9.9", "edtco run scenario.csv", "gen", NULL,
			       NULL, NULL};
	for (size_t i = 0; i < sizeof(schemas) / sizeof(schemas[0]); i++) {
		struct csvout w = CSVOUT_INIT;
		switch (i) {
		case 0: results_summary(&f.m, &f.s, &w); break;
		case 1: results_years(&f.m, &f.s, &w); break;
		case 2: results_compare(&f.m, &f.s, &w); break;
		case 3: results_budget(&f.m, &f.s, &w); break;
		case 4: results_distribution(&f.m, &f.s, &w); break;
		case 5: results_histogram(&f.m, &f.s, &w); break;
		case 6: results_categories(&f.m, &f.res, &w); break;
		case 7: results_inputs(&f.m, &w); break;
		case 8: results_provenance(&f.m, &info, &w); break;
		case 9: decision_out_sensitivity(&f.d, &w); break;
		default: decision_out_findings_csv(&f.d, &w); break;
		}
		round_trip(f.dir, schemas[i], &w, 1);
		csvout_free(&w);
	}
	/* batch.csv: a row per option, the baseline's with blanks. */
	struct csvout w = CSVOUT_INIT;
	batch_header(&w, 0);
	batch_rows("case-1", &f.m, &f.s, 0, &w);
	batch_rows("case, \"2\"", &f.m, &f.s, 0, &w);
	round_trip(f.dir, &resultfile_batch, &w, 4);
	csvout_free(&w);
	finish(&f);
}

/* The chart's inputs.csv columns are those of the schema. */
static void test_chart_input_columns_match(void **state)
{
	(void)state;
	assert_int_equal(resultfile_inputs.ncols, IN_NCOLS);
	assert_string_equal(resultfile_inputs.cols[IN_SOURCE].name, "source");
	assert_string_equal(resultfile_inputs.cols[IN_AID].name, "aid");
}

/* Problems are located and the rows with them dropped; the others kept. */
static void test_bad_rows_located_and_dropped(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	char *path = test_write(dir, "findings.csv",
				"key,text\r\n"
				"a,one\r\n"
				"b,two,three\r\n"
				",four\r\n"
				"c\r\n"
				"d,\"five, six\"\r\n");
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	int ok = 1;
	assert_int_equal(resultfile_read(path, &resultfile_findings, &t, &ok,
					 &d),
			 0);
	assert_false(ok);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].col, 3);
	assert_non_null(strstr(d.v[0].msg, "3 fields but the header has 2"));
	assert_int_equal(d.v[1].line, 4);
	assert_int_equal(d.v[1].col, 1);
	assert_non_null(strstr(d.v[1].msg, "key: missing value"));
	assert_int_equal(d.v[2].line, 5);
	assert_int_equal(d.v[2].col, 2);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(t.rows[1].cells[1].text, "five, six");
	csvin_free(&t);
	diags_free(&d);
	/* Without a line end at the end: cut short. */
	free(path);
	path = test_write(dir, "findings.csv", "key,text\r\na,one");
	d = (struct diags)DIAGS_INIT;
	assert_int_equal(resultfile_read(path, &resultfile_findings, &t, &ok,
					 &d),
			 0);
	assert_false(ok);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_non_null(strstr(d.v[0].msg, "does not end with a line end"));
	csvin_free(&t);
	diags_free(&d);
	free(path);
	/* A number that is not UTF-8: reported once, by the CSV reader. */
	path = test_write(dir, "distribution.csv",
			  "option,measure,percentile,value\r\n"
			  "portal,net_pv,5,12\xE9\r\n");
	d = (struct diags)DIAGS_INIT;
	assert_int_equal(resultfile_read(path, &resultfile_distribution, &t,
					 &ok, &d),
			 0);
	assert_false(ok);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].col, 4);
	assert_non_null(strstr(d.v[0].msg, "invalid UTF-8"));
	assert_int_equal(t.nrows, 0);
	csvin_free(&t);
	diags_free(&d);
	free(path);
	test_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_as_edtco_writes_them),
		cmocka_unit_test(test_run_files_read_back),
		cmocka_unit_test(test_chart_input_columns_match),
		cmocka_unit_test(test_bad_rows_located_and_dropped),
	};
	return cmocka_run_group_tests_name("resultfile", tests, NULL, NULL);
}
