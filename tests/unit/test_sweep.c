/* Sweep files: how columns name the cells they change (parameters, their
 * fields, cost-item fields with '/' and '.' in the item's name), blank and
 * '-' cells, every rule of SPEC 9 with its exact line and column (unknown
 * column, item, option or field; bad values found when the case is built;
 * duplicate or unsafe case names; duplicate columns; ragged rows), the
 * notes on problems that only some cases meet, and the split into shards. */
#include "helpers.h"

#include <math.h>

#include "model/model.h"
#include "model/source.h"
#include "model/sweep.h"

/* A scenario whose cost file has item names holding '.', '/' and spaces,
 * a user parameter and an unused reserved number. */
static const char *const scenario =
	"parameter,value,low,high,dist,source\n"
	"costs,costs.csv,,,,\n"
	"years,3,,,,\n"
	"students,1000,,,,\n"
	"aid_ratio,0.5,0.4,0.6,triangular,\n"
	"fte,0.5,0.25,1,pert,\n"
	"spare,1,,,,\n";

static const char *const costs =
	"option,item,category,quantity,dist,low,likely,high,aid,start\n"
	"portal,Fee v2.1,Licensing,students,triangular,2,3.5,5,,\n"
	"portal,Setup/migration,Migration,1,fixed,,20000,,,3\n"
	"boces,Service,Licensing,students,fixed,,11,,1,\n"
	"boces,Coordinator,Staff,fte,fixed,,90000,,,\n";

struct fx {
	char *dir;
	char *sweep_path;
	struct model_source src;
	struct sweep sw;
	struct diags d;
	int rc;
};

/* Loads the scenario above and a sweep with the given text. */
static void load(struct fx *f, const char *sweep_text)
{
	memset(f, 0, sizeof(*f));
	f->dir = test_tmpdir();
	free(test_write(f->dir, "costs.csv", costs));
	char *path = test_write(f->dir, "scenario.csv", scenario);
	struct diags d0 = DIAGS_INIT;
	assert_int_equal(model_source_load(path, &f->src, &d0), 0);
	assert_int_equal(d0.nerrors, 0);
	diags_free(&d0);
	free(path);
	f->sweep_path = test_write(f->dir, "sweep.csv", sweep_text);
	struct diags d = DIAGS_INIT;
	f->d = d;
	f->rc = sweep_load(f->sweep_path, &f->src, &f->sw, &f->d);
}

static void unload(struct fx *f)
{
	sweep_free(&f->sw);
	model_source_free(&f->src);
	diags_free(&f->d);
	test_rmdir(f->dir);
	free(f->dir);
	free(f->sweep_path);
}

static void show(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  %s:%u:%u: %s\n", d->v[i].file, d->v[i].line,
			      d->v[i].col, d->v[i].msg);
}

/* Asserts that d holds an error at line:col in the sweep file whose
 * message contains text. */
static void assert_error_at(const struct fx *f, const struct diags *d,
			    unsigned line, unsigned col, const char *text)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (g->level == DIAG_ERROR && g->file &&
		    strcmp(g->file, f->sweep_path) == 0 && g->line == line &&
		    g->col == col && strstr(g->msg, text))
			return;
	}
	show(d);
	fail_msg("no error at %u:%u containing \"%s\"", line, col, text);
}

/* The patch of case i that sets (target, item, field), or NULL. */
static const struct model_patch *patch(const struct sweep *sw, size_t i,
				       const char *target, const char *item,
				       int field)
{
	const struct sweep_case *k = &sw->cases[i];
	for (size_t j = 0; j < k->npatches; j++) {
		const struct model_patch *p = &k->patches[j];
		if (p->field == field && strcmp(p->target, target) == 0 &&
		    ((!item && !p->item) ||
		     (item && p->item && strcmp(item, p->item) == 0)))
			return p;
	}
	return NULL;
}

/* ---- columns and cells ----------------------------------------------- */

static void test_sweep_columns_name_params_fields_and_items(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,students,aid_ratio.high,portal/Fee v2.1.likely,"
		 "portal/Setup/migration.likely,fte.LOW,boces/Service.DIST\n"
		 "a,1200,0.7,4,25000,0.3,fixed\n");
	show(&f.d);
	assert_int_equal(f.rc, 0);
	assert_int_equal(f.sw.ncases, 1);
	assert_string_equal(f.sw.cases[0].name, "a");
	assert_int_equal(f.sw.cases[0].line, 2);
	assert_int_equal(f.sw.cases[0].npatches, 6);
	const struct model_patch *p = patch(&f.sw, 0, "students", NULL,
					    SC_VALUE);
	assert_non_null(p);
	assert_string_equal(p->text, "1200");
	assert_int_equal(p->at.line, 2);
	assert_int_equal(p->at.col, 2);
	p = patch(&f.sw, 0, "aid_ratio", NULL, SC_HIGH);
	assert_non_null(p);
	assert_string_equal(p->text, "0.7");
	/* Split at the first '/' and the last '.'. */
	p = patch(&f.sw, 0, "portal", "Fee v2.1", IC_LIKELY);
	assert_non_null(p);
	assert_string_equal(p->text, "4");
	p = patch(&f.sw, 0, "portal", "Setup/migration", IC_LIKELY);
	assert_non_null(p);
	assert_int_equal(p->at.col, 5);
	/* A field name in any letter case; parameter names are not. */
	assert_non_null(patch(&f.sw, 0, "boces", "Service", IC_DIST));
	unload(&f);

	load(&f, "case,fte.low\nA.b-c_9,0.3\n");
	assert_int_equal(f.rc, 0);
	assert_non_null(patch(&f.sw, 0, "fte", NULL, SC_LOW));
	unload(&f);
}

static void test_sweep_blank_keeps_and_dash_clears(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,students,portal/Fee v2.1.low,portal/Fee v2.1.high,"
		 "portal/Fee v2.1.dist,portal/Fee v2.1.likely\n"
		 "keep,,,,,\n"
		 "fixed,900, - ,-,fixed,4.25\n");
	assert_int_equal(f.rc, 0);
	assert_int_equal(f.sw.cases[0].npatches, 0);
	assert_int_equal(f.sw.cases[1].npatches, 5);
	assert_string_equal(patch(&f.sw, 1, "portal", "Fee v2.1", IC_LOW)->text,
			    "");
	assert_string_equal(
		patch(&f.sw, 1, "portal", "Fee v2.1", IC_HIGH)->text, "");
	/* Both cases build: the first is the scenario itself, the second
	 * makes the fee a fixed $4.25 for 900 students. */
	struct diags d = DIAGS_INIT;
	struct model m;
	assert_int_equal(sweep_check(&f.src, &f.sw, &d), 0);
	assert_int_equal(sweep_build(&f.src, &f.sw, 0, &m, &d), 0);
	int fee = model_find_item(&m, model_find_option(&m, "portal"),
				  "Fee v2.1");
	assert_int_equal(m.items[fee].cost.kind, DIST_TRIANGULAR);
	assert_double_near(m.params[m.p_students].dist.likely, 1000, 0);
	model_free(&m);
	assert_int_equal(sweep_build(&f.src, &f.sw, 1, &m, &d), 0);
	fee = model_find_item(&m, model_find_option(&m, "portal"), "Fee v2.1");
	assert_int_equal(m.items[fee].cost.kind, DIST_FIXED);
	assert_double_near(m.items[fee].cost.likely, 4.25, 0);
	assert_true(isnan(m.items[fee].cost.low));
	assert_double_near(m.params[m.p_students].dist.likely, 900, 0);
	model_free(&m);
	assert_int_equal(d.nerrors, 0);
	diags_free(&d);
	unload(&f);
}

/* A reserved number the scenario leaves out may be set; a patched user
 * parameter and aid ratio reach the model. */
static void test_sweep_sets_params_into_the_model(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,enrollment_growth,aid_ratio,aid_ratio.low,fte,"
		 "discount_rate\n"
		 "x,2%,0.55,0.5,0.75,3%\n");
	assert_int_equal(f.rc, 0);
	struct diags d = DIAGS_INIT;
	struct model m;
	int rc = sweep_build(&f.src, &f.sw, 0, &m, &d);
	show(&d);
	assert_int_equal(rc, 0);
	assert_double_near(m.params[m.p_growth].dist.likely, 0.02, 1e-15);
	assert_double_near(m.params[m.p_aid_ratio].dist.likely, 0.55, 1e-15);
	assert_double_near(m.params[m.p_aid_ratio].dist.low, 0.5, 1e-15);
	assert_double_near(m.params[m.p_aid_ratio].dist.high, 0.6, 1e-15);
	assert_double_near(m.params[m.p_discount].dist.likely, 0.03, 1e-15);
	assert_double_near(m.params[model_find_param(&m, "fte")].dist.likely,
			   0.75, 1e-15);
	model_free(&m);
	diags_free(&d);
	unload(&f);
}

/* A column that sets a ranged parameter to one value fixes it (dist
 * fixed), even outside the scenario's range (aid_ratio triangular 0.4 to
 * 0.6, set to 0.9; fte pert, set to its lower end, 0.25); a case that also
 * sets one of its low, high or dist keeps the range with the new value. */
static void test_sweep_value_fixes_a_ranged_parameter(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,aid_ratio,fte,fte.high\n"
		 "fix,0.9,0.25,\n"
		 "keep,0.9,0.5,0.8\n");
	assert_int_equal(f.rc, 0);
	struct diags d = DIAGS_INIT;
	struct model m;
	int rc = sweep_build(&f.src, &f.sw, 0, &m, &d);
	show(&d);
	assert_int_equal(rc, 0);
	const struct dist *a = &m.params[m.p_aid_ratio].dist;
	assert_int_equal(a->kind, DIST_FIXED);
	assert_double_near(a->likely, 0.9, 1e-15);
	assert_true(isnan(a->low) && isnan(a->high));
	const struct dist *e = &m.params[model_find_param(&m, "fte")].dist;
	assert_int_equal(e->kind, DIST_FIXED);
	assert_double_near(e->likely, 0.25, 1e-15);
	assert_false(model_param_uncertain(&m, m.p_aid_ratio));
	model_free(&m);
	rc = sweep_build(&f.src, &f.sw, 1, &m, &d);
	show(&d);
	assert_int_equal(rc, 0);
	e = &m.params[model_find_param(&m, "fte")].dist;
	assert_int_equal(e->kind, DIST_PERT);
	assert_double_near(e->low, 0.25, 1e-15);
	assert_double_near(e->likely, 0.5, 1e-15);
	assert_double_near(e->high, 0.8, 1e-15);
	assert_int_equal(m.params[m.p_aid_ratio].dist.kind, DIST_FIXED);
	model_free(&m);
	diags_free(&d);
	unload(&f);
}

/* ---- the file's own errors, at their cells --------------------------- */

static void test_sweep_unknown_column_item_option_field(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,enrolment,portal/Fee v2.2.likely,cloud/Fee.low,"
		 "portal/Fee v2.1.price,students.mode,portal/Fee v2.1,"
		 "portal/fee V2.1.high,Students\n"
		 "a,1,2,3,4,5,6,7,8\n");
	assert_int_equal(f.rc, 1);
	assert_error_at(&f, &f.d, 1, 2, "unknown column \"enrolment\"");
	assert_error_at(&f, &f.d, 1, 3, "unknown cost item \"Fee v2.2\"");
	assert_error_at(&f, &f.d, 1, 4, "unknown option 'cloud' (options: "
					"portal, boces)");
	assert_error_at(&f, &f.d, 1, 5, "unknown field \"price\" of a cost "
					"item");
	assert_error_at(&f, &f.d, 1, 6, "unknown field \"mode\" of parameter "
					"'students'");
	assert_error_at(&f, &f.d, 1, 7, "names a cost item but no field");
	assert_error_at(&f, &f.d, 1, 8, "did you mean \"Fee v2.1\"?");
	assert_error_at(&f, &f.d, 1, 9, "parameter names are lower case");
	assert_int_equal(f.d.nerrors, 8);
	unload(&f);
}

static void test_sweep_refuses_seed_trials_costs_and_text_fields(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,seed,trials,costs,title.low,portal/Fee v2.1.item\n"
		 "a,1,2,x.csv,4,5\n");
	assert_int_equal(f.rc, 1);
	assert_error_at(&f, &f.d, 1, 2, "the seed cannot vary between cases");
	assert_error_at(&f, &f.d, 1, 3, "use -n");
	assert_error_at(&f, &f.d, 1, 4, "unknown column \"costs\"");
	assert_error_at(&f, &f.d, 1, 5, "'title' is text");
	assert_error_at(&f, &f.d, 1, 6, "cannot change the option or the name");
	unload(&f);
	/* The text keys themselves may vary. */
	load(&f, "case,title,label.portal,baseline\na,Town A,Web,portal\n");
	assert_int_equal(f.rc, 0);
	unload(&f);
}

static void test_sweep_duplicate_columns_and_ragged_rows(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,students,students.value,aid_ratio.LOW,aid_ratio.low,"
		 "\n"
		 "a,1,2,0.3,0.3,\n"
		 "b,1,2,0.3,0.3,,x\n"
		 "c,1,2,0.3,0.3,9\n");
	assert_int_equal(f.rc, 1);
	assert_error_at(&f, &f.d, 1, 3, "duplicate column \"students.value\": "
					"column 2 sets the same cell");
	assert_error_at(&f, &f.d, 1, 5, "column 4 sets the same cell");
	assert_error_at(&f, &f.d, 1, 6, "column 6 has values but no name");
	unload(&f);
	load(&f, "case,students\na,1\nb,2,,3\n");
	assert_int_equal(f.rc, 1);
	assert_error_at(&f, &f.d, 3, 4, "this row has 4 fields but the header "
					"has 2");
	unload(&f);
}

static void test_sweep_case_names(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,students\n"
		 "ok-1.b_c,1\n"
		 "../x,1\n"
		 "a/b,1\n"
		 ".,1\n"
		 "..,1\n"
		 "-x,1\n"
		 "caf\xc3\xa9,1\n"
		 "\"a b\",1\n"
		 ",1\n"
		 "ok-1.b_c,2\n"
		 "OK-1.B_C,3\n"
		 "Batch.csv,4\n"
		 "# a comment row is not a case\n"
		 "last,5\n");
	assert_int_equal(f.rc, 1);
	const char *unsafe = "unsafe case name";
	assert_error_at(&f, &f.d, 3, 1, unsafe);
	assert_error_at(&f, &f.d, 4, 1, unsafe);
	assert_error_at(&f, &f.d, 5, 1, unsafe);
	assert_error_at(&f, &f.d, 6, 1, unsafe);
	assert_error_at(&f, &f.d, 7, 1, unsafe);
	assert_error_at(&f, &f.d, 8, 1, unsafe);
	assert_error_at(&f, &f.d, 9, 1, unsafe);
	assert_error_at(&f, &f.d, 10, 1, "missing case name");
	assert_error_at(&f, &f.d, 11, 1, "duplicate case \"ok-1.b_c\" (also "
					 "line 2)");
	assert_error_at(&f, &f.d, 12, 1, "differ only in letter case");
	assert_error_at(&f, &f.d, 13, 1, "taken by a file the batch writes");
	assert_int_equal(f.d.nerrors, 11);
	assert_int_equal(f.sw.ncases, 13);
	assert_string_equal(f.sw.cases[12].name, "last");
	assert_int_equal(f.sw.cases[12].line, 15);
	unload(&f);

	char name[SWEEP_MAX_NAME + 2];
	memset(name, 'a', sizeof(name));
	name[SWEEP_MAX_NAME] = '\0';
	assert_true(sweep_name_ok(name));
	name[SWEEP_MAX_NAME] = 'a';
	name[SWEEP_MAX_NAME + 1] = '\0';
	assert_false(sweep_name_ok(name));
	assert_true(sweep_name_ok("9"));
	assert_false(sweep_name_ok(""));
	assert_false(sweep_name_ok("a\\b"));
}

/* A large sweep: 100,000 cases (names sorted neither way), one duplicate
 * in the middle and one that differs in letter case at the end, each
 * reported at its own line and naming the first. */
static void test_sweep_duplicates_among_many_cases(void **state)
{
	(void)state;
	struct strbuf b = STRBUF_INIT;
	strbuf_puts(&b, "case,students\n");
	for (unsigned i = 0; i < 100000; i++) {
		strbuf_printf(&b, "c%u-x,1\n", (i * 7919u) % 100000u);
		if (i == 50000)
			strbuf_puts(&b, "c0-x,2\n"); /* case 0's name */
	}
	strbuf_puts(&b, "C7919-X,3\n"); /* case 1's, in capitals */
	struct fx f;
	load(&f, strbuf_str(&b));
	strbuf_free(&b);
	assert_int_equal(f.rc, 1);
	assert_int_equal(f.sw.ncases, 100002);
	assert_error_at(&f, &f.d, 50003, 1,
			"duplicate case \"c0-x\" (also line 2)");
	assert_error_at(&f, &f.d, 100003, 1,
			"duplicate case \"C7919-X\": line 3 has \"c7919-x\"");
	assert_int_equal(f.d.nerrors, 2);
	unload(&f);
}

static void test_sweep_first_column_and_empty_files(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "name,students\na,1\n");
	assert_int_equal(f.rc, 1);
	assert_error_at(&f, &f.d, 1, 1, "the first column must be 'case'");
	unload(&f);
	load(&f, "case,students\n# only a comment\n");
	assert_int_equal(f.rc, 1);
	assert_error_at(&f, &f.d, 1, 1, "the sweep has no cases");
	unload(&f);
	load(&f, "");
	assert_int_equal(f.rc, 1);
	assert_error_at(&f, &f.d, 1, 1, "the file is empty");
	unload(&f);
	/* BOM, CRLF and blank lines, as in every input. */
	load(&f, "\xef\xbb\xbf" "case,students\r\n\r\na,1\r\n");
	assert_int_equal(f.rc, 0);
	assert_int_equal(f.sw.cases[0].line, 3);
	unload(&f);
}

/* ---- errors found by building the cases ------------------------------ */

static void test_sweep_check_reports_bad_values_at_sweep_cells(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,students,aid_ratio,portal/Fee v2.1.likely,"
		 "portal/Fee v2.1.dist,fte.high\n"
		 "good,1000,0.5,3,,0.9\n"
		 "text,many,0.5,3,,0.9\n"
		 "range,1000,1.5,3,,0.9\n"
		 "order,1000,0.5,7,,0.9\n"
		 "dist,1000,0.5,3,weibull,0.9\n"
		 "also,-5,0.5,3,,0.2\n");
	assert_int_equal(f.rc, 0);
	struct diags d = DIAGS_INIT;
	assert_int_equal(sweep_check(&f.src, &f.sw, &d), 1);
	assert_error_at(&f, &d, 3, 2, "expected a number");
	/* A value alone fixes the parameter: its own bounds still hold. */
	assert_error_at(&f, &d, 4, 3, "aid_ratio must be from 0 to 1, got 1.5");
	assert_error_at(&f, &d, 5, 4, "must lie between low");
	assert_error_at(&f, &d, 6, 5, "unknown distribution \"weibull\" "
				      "(valid: fixed, uniform, triangular, "
				      "pert, normal, lognormal)");
	assert_error_at(&f, &d, 7, 2, "students");
	/* fte.high below its likely value: at the sweep's cell. */
	assert_error_at(&f, &d, 7, 6, "");
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].level == DIAG_ERROR)
			assert_string_equal(d.v[i].file, f.sweep_path);
	diags_free(&d);
	unload(&f);
}

/* A problem in the scenario's own cells that only some cases meet names
 * the first of them; one that every case meets is reported once. */
static void test_sweep_check_names_cases_of_scenario_problems(void **state)
{
	(void)state;
	struct fx f;
	load(&f, "case,years\n"
		 "ok,3\n"
		 "short,2\n"
		 "also-short,2\n"
		 "shortest,1\n");
	assert_int_equal(f.rc, 0);
	struct diags d = DIAGS_INIT;
	assert_int_equal(sweep_check(&f.src, &f.sw, &d), 1);
	show(&d);
	/* costs.csv line 3, column 10: Setup/migration starts in year 3. */
	size_t found = 0, warnings = 0;
	for (size_t i = 0; i < d.n; i++) {
		const struct diag *g = &d.v[i];
		if (g->level == DIAG_WARNING) {
			warnings++;
			assert_non_null(strstr(g->msg, "'spare' is not used"));
			assert_null(strstr(g->msg, "with case"));
			continue;
		}
		assert_non_null(strstr(g->file, "costs.csv"));
		assert_int_equal(g->line, 3);
		assert_int_equal(g->col, 10);
		if (strstr(g->msg, "from 1 to 2")) {
			assert_non_null(strstr(g->msg, "(with case 'short', "
						       "sweep line 3, and 1 "
						       "more)"));
			found++;
		} else {
			assert_non_null(strstr(g->msg, "from 1 to 1"));
			assert_non_null(strstr(g->msg, "(with case "
						       "'shortest', sweep "
						       "line 5)"));
			found++;
		}
	}
	assert_int_equal(found, 2);
	assert_int_equal(warnings, 1);
	assert_int_equal(d.nerrors, 2);
	diags_free(&d);
	unload(&f);
}

/* ---- shards ---------------------------------------------------------- */

static void test_sweep_shards_are_contiguous_and_even(void **state)
{
	(void)state;
	for (size_t n = 0; n <= 40; n++) {
		for (unsigned long k = 1; k <= 13; k++) {
			size_t prev_end = 0, lo = SIZE_MAX, hi = 0;
			for (unsigned long s = 1; s <= k; s++) {
				size_t a, b;
				sweep_shard(n, s, k, &a, &b);
				assert_int_equal(a, prev_end);
				assert_true(b >= a);
				lo = b - a < lo ? b - a : lo;
				hi = b - a > hi ? b - a : hi;
				prev_end = b;
			}
			assert_int_equal(prev_end, n);
			assert_true(hi - lo <= 1);
		}
	}
	size_t a, b;
	sweep_shard(700, 3, 3, &a, &b);
	assert_int_equal(a, 466);
	assert_int_equal(b, 700);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_sweep_columns_name_params_fields_and_items),
		cmocka_unit_test(test_sweep_blank_keeps_and_dash_clears),
		cmocka_unit_test(test_sweep_sets_params_into_the_model),
		cmocka_unit_test(test_sweep_value_fixes_a_ranged_parameter),
		cmocka_unit_test(test_sweep_unknown_column_item_option_field),
		cmocka_unit_test(
			test_sweep_refuses_seed_trials_costs_and_text_fields),
		cmocka_unit_test(test_sweep_duplicate_columns_and_ragged_rows),
		cmocka_unit_test(test_sweep_duplicates_among_many_cases),
		cmocka_unit_test(test_sweep_case_names),
		cmocka_unit_test(test_sweep_first_column_and_empty_files),
		cmocka_unit_test(
			test_sweep_check_reports_bad_values_at_sweep_cells),
		cmocka_unit_test(
			test_sweep_check_names_cases_of_scenario_problems),
		cmocka_unit_test(test_sweep_shards_are_contiguous_and_even),
	};
	return cmocka_run_group_tests_name("sweep", tests, NULL, NULL);
}
