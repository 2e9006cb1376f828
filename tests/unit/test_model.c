/* The model's settings and parameter labels (issue 9, items 7 and 8):
 * every reserved setting as used, written or defaulted; label.<parameter>
 * and unit.<parameter>; a label or unit for no parameter and an unknown
 * unit are errors at their row and column. */
#include "helpers.h"
#include "model_fixture.h"

#include "model/model.h"

static const char *const costs =
	"option,item,category,dist,low,likely,high,per,aid,group\n"
	"a,Fee,Licensing,uniform,90,,110,year,0.5,g\n"
	"a,Staff,Staff,uniform,90,,110,year,0,h\n"
	"b,Fee,Licensing,fixed,,100,,year,0,g\n";

static const struct model_setting *setting(const struct model *m,
					   const char *name)
{
	for (size_t i = 0; i < m->nsettings; i++)
		if (strcmp(m->settings[i].name, name) == 0)
			return &m->settings[i];
	return NULL;
}

/* Every reserved setting written: each appears once, with its value as
 * used and its source and line. */
static void test_settings_written(void **state)
{
	(void)state;
	static const char *const scen =
		"parameter,value,source\n"
		"costs,costs.csv,\n"
		"years,4,horizon source\n"
		"base_year,2021,\n"
		"year_labels,school,labels source\n"
		"baseline,b,\n"
		"trials,300,\n"
		"seed,18446744073709551615,seed source\n"
		"aid_ratio,0.4,\n"
		"aid_lag,2,lag source\n"
		"correlation,25%,rho source\n"
		"correlation.g,0.7,group source\n";
	struct model m;
	char *dir = test_load_model(scen, costs, &m);
	static const char *const order[] = {
		"years",   "base_year",   "year_labels",   "baseline",
		"trials",  "seed",        "aid_lag",       "correlation",
		"correlation.g"};
	/* correlation.h has no row: it is not listed on its own (the
	 * correlation row covers it). */
	assert_int_equal(m.nsettings, 9);
	for (size_t i = 0; i < m.nsettings; i++)
		assert_string_equal(m.settings[i].name, order[i]);
	const struct model_setting *s = setting(&m, "years");
	assert_string_equal(s->text, "4");
	assert_double_near(s->value, 4, 0);
	assert_string_equal(s->source, "horizon source");
	assert_int_equal(s->line, 3);
	assert_false(s->is_default);
	assert_string_equal(setting(&m, "base_year")->text, "2021");
	assert_string_equal(setting(&m, "year_labels")->text, "school");
	assert_string_equal(setting(&m, "baseline")->text, "b");
	assert_false(setting(&m, "baseline")->is_default);
	assert_string_equal(setting(&m, "trials")->text, "300");
	/* A seed past 2^53 keeps every digit. */
	assert_string_equal(setting(&m, "seed")->text,
			    "18446744073709551615");
	assert_string_equal(setting(&m, "aid_lag")->text, "2");
	assert_string_equal(setting(&m, "aid_lag")->source, "lag source");
	s = setting(&m, "correlation");
	assert_null(s->text);
	assert_double_near(s->value, 0.25, 1e-15);
	assert_double_near(setting(&m, "correlation.g")->value, 0.7, 1e-15);
	assert_null(setting(&m, "correlation.h"));
	model_free(&m);
	test_rmdir(dir);
	free(dir);
}

/* Nothing written: the defaults that change the numbers (years,
 * baseline, trials, seed; aid_lag with aid; correlation with groups),
 * marked as defaults; no base_year or year_labels. */
static void test_settings_defaults(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value\n"
					"costs,costs.csv\n"
					"aid_ratio,0.4\n";
	struct model m;
	char *dir = test_load_model(scen, costs, &m);
	assert_int_equal(m.nsettings, 6);
	/* The baseline by default: the first option met. */
	const char *want[][2] = {{"years", "5"},
				 {"baseline", "a"},
				 {"trials", "10000"},
				 {"seed", "1"},
				 {"aid_lag", "1"}};
	for (int i = 0; i < 5; i++) {
		const struct model_setting *s = setting(&m, want[i][0]);
		assert_non_null(s);
		assert_string_equal(s->text, want[i][1]);
		assert_true(s->is_default);
		assert_int_equal(s->line, 0);
	}
	assert_true(setting(&m, "correlation")->is_default);
	assert_double_near(setting(&m, "correlation")->value, 0, 0);
	assert_null(setting(&m, "base_year"));
	assert_null(setting(&m, "year_labels"));
	model_free(&m);
	test_rmdir(dir);
	free(dir);
}

/* Without aid, aid_lag changes no number and is not listed (unless
 * written); without groups, neither is correlation. */
static void test_settings_boundaries(void **state)
{
	(void)state;
	static const char *const plain =
		"option,item,category,dist,likely,per\n"
		"a,Fee,Licensing,fixed,100,year\n";
	struct model m;
	char *dir = test_load_model("parameter,value\ncosts,costs.csv\n",
				    plain, &m);
	assert_null(setting(&m, "aid_lag"));
	assert_null(setting(&m, "correlation"));
	assert_int_equal(m.nsettings, 4);
	model_free(&m);
	test_rmdir(dir);
	free(dir);
	dir = test_load_model("parameter,value\ncosts,costs.csv\naid_lag,3\n",
			      plain, &m);
	assert_string_equal(setting(&m, "aid_lag")->text, "3");
	model_free(&m);
	test_rmdir(dir);
	free(dir);
}

/* label.<parameter> and unit.<parameter>, for a user parameter and a
 * reserved one; an option's label still labels the option. */
static void test_param_labels_and_units(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value\n"
					"costs,costs.csv\n"
					"staff_fte,0.3\n"
					"label.staff_fte,Staff time\n"
					"unit.staff_fte,FTE\n"
					"label.aid_ratio,State aid ratio\n"
					"unit.aid_ratio,%\n"
					"label.a,Option A\n"
					"aid_ratio,0.4\n";
	static const char *const c =
		"option,item,category,quantity,dist,likely,per\n"
		"a,Staff,Staff,staff_fte,fixed,100,year\n"
		"b,Fee,Licensing,1,fixed,100,year\n";
	struct model m;
	char *dir = test_load_model(scen, c, &m);
	int k = model_find_param(&m, "staff_fte");
	assert_string_equal(model_param_label(&m, k), "Staff time");
	assert_string_equal(m.params[k].unit, "FTE");
	k = model_find_param(&m, "aid_ratio");
	assert_string_equal(model_param_label(&m, k), "State aid ratio");
	assert_string_equal(m.params[k].unit, "%");
	k = model_find_param(&m, "discount_rate");
	assert_string_equal(model_param_label(&m, k), "discount_rate");
	assert_null(m.params[k].unit);
	assert_string_equal(m.options[model_find_option(&m, "a")].label,
			    "Option A");
	model_free(&m);
	test_rmdir(dir);
	free(dir);
}

/* Loads scenario (with costs) expecting one error: its line, column and
 * a part of its message. */
static void expect_error(const char *scen, unsigned line, unsigned col,
			 const char *msg)
{
	char *dir = test_tmpdir();
	free(test_write(dir, "costs.csv", costs));
	char *path = test_write(dir, "scenario.csv", scen);
	struct diags d = DIAGS_INIT;
	struct model m;
	assert_int_equal(model_load(path, &m, &d), 1);
	assert_int_equal(d.nerrors, 1);
	size_t e = 0;
	while (e < d.n && d.v[e].level != DIAG_ERROR)
		e++;
	assert_true(e < d.n);
	assert_int_equal(d.v[e].line, line);
	assert_int_equal(d.v[e].col, col);
	if (!strstr(d.v[e].msg, msg))
		fail_msg("message '%s' lacks '%s'", d.v[e].msg, msg);
	diags_free(&d);
	free(path);
	test_rmdir(dir);
	free(dir);
}

static void test_label_and_unit_errors(void **state)
{
	(void)state;
	expect_error("parameter,value\ncosts,costs.csv\nlabel.nope,Nope\n", 3,
		     1, "neither an option of the cost files nor a parameter");
	expect_error("parameter,value\ncosts,costs.csv\nunit.nope,FTE\n", 3, 1,
		     "'unit.nope' gives a unit to 'nope', which is not a "
		     "parameter");
	expect_error("parameter,value\ncosts,costs.csv\nx,2\nunit.x,fte\n", 4,
		     2, "unknown unit 'fte' for 'x'");
	/* Units are compared exactly: every listed unit is accepted. */
	for (int i = 0; model_units[i]; i++) {
		char scen[128];
		snprintf(scen, sizeof(scen),
			 "parameter,value\ncosts,costs.csv\nx,2\nunit.x,%s\n",
			 model_units[i]);
		struct model m;
		char *dir = test_load_model(scen, costs, &m);
		assert_string_equal(m.params[model_find_param(&m, "x")].unit,
				    model_units[i]);
		model_free(&m);
		test_rmdir(dir);
		free(dir);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings_written),
		cmocka_unit_test(test_settings_defaults),
		cmocka_unit_test(test_settings_boundaries),
		cmocka_unit_test(test_param_labels_and_units),
		cmocka_unit_test(test_label_and_unit_errors),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
