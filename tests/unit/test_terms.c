/* Contract terms (SPEC 10) against cash flows worked out by hand: a free
 * or discounted period, when escalation starts, its cap and floor, a
 * minimum charge, tiered prices (marginal and whole), leaving the
 * contract (exit_year, a termination fee); and enrollment year by year
 * (SPEC 11).  Every distribution is fixed,
 * so each year is exact to the cent, in the point estimate and in every
 * trial. */
#include "helpers.h"
#include "model_fixture.h"

#include <gsl/gsl_errno.h>

#include "model/model.h"
#include "sim/rng.h"
#include "sim/sim.h"
#include "util/numfmt.h"

struct fixture {
	char *dir;
	struct model m;
	sim_plan *plan;
	struct sim_result res;
};

static void load(struct fixture *f, const char *scenario, const char *costs)
{
	f->dir = test_load_model(scenario, costs, &f->m);
	struct strbuf err = STRBUF_INIT;
	f->plan = sim_plan_new(&f->m, &err);
	assert_non_null(f->plan);
	assert_int_equal(sim_run(f->plan, 2, NULL, &f->res, NULL, &err), 0);
	strbuf_free(&err);
}

static void unload(struct fixture *f)
{
	sim_result_free(&f->res);
	sim_plan_free(f->plan);
	model_free(&f->m);
	test_rmdir(f->dir);
	free(f->dir);
}

/* Option opt's gross flow in years 1..H is want[t - 1] to the cent, in the
 * point estimate and in every trial. */
static void expect_flows(const struct fixture *f, const char *opt,
			 const char *const *want)
{
	int o = model_find_option(&f->m, opt);
	assert_true(o >= 0);
	int H = f->res.years;
	char b[NUMFMT_MAX];
	for (int t = 1; t <= H; t++) {
		double pt = f->res.point.gross[o * H + t - 1];
		if (strcmp(numfmt_cents(pt, b), want[t - 1]) != 0)
			print_error("%s year %d: %s, want %s\n", opt, t, b,
				    want[t - 1]);
		assert_string_equal(numfmt_cents(pt, b), want[t - 1]);
		const double *g = sim_gross(&f->res, o, t);
		for (long i = 0; i < f->res.trials; i++)
			assert_string_equal(numfmt_cents(g[i], b), want[t - 1]);
	}
}

static const char *const scen4 = "parameter,value,low,high,dist\n"
				 "costs,costs.csv,,,\n"
				 "years,4,,,\n"
				 "students,1000,,,\n"
				 "trials,16,,,\n";

/* 1,000 students at $8 a year with a 3% escalator.  By hand:
 * - a: the first year free, escalation from the first paid year (year 2):
 *   0; 8,000; 8,000 x 1.03 = 8,240; 8,240 x 1.03 = 8,487.20;
 * - b: the first year free, escalation from year 1 (SPEC 5): year 2 is
 *   already escalated once: 0; 8,240; 8,487.20; 8,741.816;
 * - c: starting in year 2, escalation from the start: as a from year 2;
 * - d: a price lock until year 3: 8,000 in years 1-3, then 8,240;
 * - e: 50% off in years 1 and 3: 4,000; 8,240; 4,243.60; 8,741.82;
 * - f: every year free but year 4, escalate_from paid: 0, 0, 0, 8,000;
 * - g: a 100% discount in years 1-2 of a once item in year 3: 8,487.20
 *   (the discount years do not include it);
 * - h: a price lock until the last year: 8,000 every year;
 * - i: a 0% discount: nothing off, and year 1 is already paid. */
static void test_discount_and_escalate_from(void **state)
{
	(void)state;
	static const char *const costs =
		"option,item,category,quantity,dist,likely,per,start,end,"
		"escalation,discount,discount_years,escalate_from\n"
		"a,Fee,Licensing,students,fixed,8,year,,,3%,100%,1,paid\n"
		"b,Fee,Licensing,students,fixed,8,year,,,3%,100%,1,\n"
		"c,Fee,Licensing,students,fixed,8,year,2,,3%,,,start\n"
		"d,Fee,Licensing,students,fixed,8,year,,,3%,,,3\n"
		"e,Fee,Licensing,students,fixed,8,year,,,3%,50%,\"1,3\",year1\n"
		"f,Fee,Licensing,students,fixed,8,year,,,3%,100%,1-3,paid\n"
		"g,Fee,Licensing,students,fixed,8,once,3,,3%,100%,1-2,\n"
		"h,Fee,Licensing,students,fixed,8,year,,,3%,,,4\n"
		"i,Fee,Licensing,students,fixed,8,year,,,3%,0%,1-4,paid\n";
	struct fixture f;
	load(&f, scen4, costs);
	expect_flows(&f, "a",
		     (const char *[]){"0.00", "8000.00", "8240.00", "8487.20"});
	expect_flows(&f, "b",
		     (const char *[]){"0.00", "8240.00", "8487.20", "8741.82"});
	expect_flows(&f, "c",
		     (const char *[]){"0.00", "8000.00", "8240.00", "8487.20"});
	expect_flows(&f, "d",
		     (const char *[]){"8000.00", "8000.00", "8000.00", "8240.00"});
	expect_flows(&f, "e",
		     (const char *[]){"4000.00", "8240.00", "4243.60", "8741.82"});
	expect_flows(&f, "f",
		     (const char *[]){"0.00", "0.00", "0.00", "8000.00"});
	expect_flows(&f, "g",
		     (const char *[]){"0.00", "0.00", "8487.20", "0.00"});
	expect_flows(&f, "h",
		     (const char *[]){"8000.00", "8000.00", "8000.00", "8000.00"});
	expect_flows(&f, "i",
		     (const char *[]){"8000.00", "8240.00", "8487.20", "8741.82"});
	unload(&f);
}

/* The escalator's cap and floor.  A 5% escalator capped at 3% grows by 3%
 * (the cap binds); a 2% one capped at 3% by 2% (it does not); 3% exactly
 * at a 3% cap by 3% (the boundary); 0% with a 1% floor by 1%.  $10,000 a
 * year: 10,000; 10,300; 10,609; 10,927.27 and 10,000; 10,200; 10,404;
 * 10,612.08 and 10,000; 10,100; 10,201; 10,303.01.  A cap given as a
 * parameter drawn from U(1%, 4%) binds in the trials whose draw is below
 * the 2.5% escalator and not in the others: each trial's year 4 is
 * 10,000 x (1 + min(2.5%, cap))^3. */
static void test_cap_and_floor(void **state)
{
	(void)state;
	static const char *const scen =
		"parameter,value,low,high,dist\n"
		"costs,costs.csv,,,\n"
		"years,4,,,\n"
		"cpi,,1%,4%,uniform\n"
		"trials,400,,,\n";
	static const char *const costs =
		"option,item,category,dist,likely,escalation,escalation_cap,"
		"escalation_floor\n"
		"a,Fee,Licensing,fixed,10000,5%,3%,\n"
		"b,Fee,Licensing,fixed,10000,2%,3%,\n"
		"c,Fee,Licensing,fixed,10000,3%,3%,\n"
		"d,Fee,Licensing,fixed,10000,,,1%\n"
		"e,Fee,Licensing,fixed,10000,2.5%,cpi,0%\n";
	struct fixture f;
	load(&f, scen, costs);
	expect_flows(&f, "a", (const char *[]){"10000.00", "10300.00",
					       "10609.00", "10927.27"});
	expect_flows(&f, "b", (const char *[]){"10000.00", "10200.00",
					       "10404.00", "10612.08"});
	expect_flows(&f, "c", (const char *[]){"10000.00", "10300.00",
					       "10609.00", "10927.27"});
	expect_flows(&f, "d", (const char *[]){"10000.00", "10100.00",
					       "10201.00", "10303.01"});
	int o = model_find_option(&f.m, "e");
	int cpi = model_find_param(&f.m, "cpi");
	const double *g4 = sim_gross(&f.res, o, 4);
	gsl_rng *r = gsl_rng_alloc(rng_type);
	long bound = 0, free_ = 0;
	for (long i = 0; i < f.res.trials; i++) {
		double cap = sim_input_draw(f.plan, cpi, -1, (uint32_t)i, r);
		double e = cap < 0.025 ? cap : 0.025;
		bound += cap < 0.025;
		free_ += cap >= 0.025;
		assert_double_near(g4[i], 10000 * (1 + e) * (1 + e) * (1 + e),
				   1e-9);
	}
	assert_true(bound > 0 && free_ > 0);
	/* The point estimate: the cap at its median, 2.5%: the boundary. */
	assert_double_near(f.res.point.gross[o * 4 + 3],
			   10000 * 1.025 * 1.025 * 1.025, 1e-9);
	gsl_rng_free(r);
	unload(&f);
}

/* A minimum charge: 1,000 students at $4.90 escalating 2% with a $5,000
 * minimum cost 4,900 -> 5,000 and 4,998 -> 5,000 (the minimum binds), then
 * 5,097.96 and 5,199.92 (it does not).  The minimum is not escalated and
 * comes before the discount: 50% off in year 1 is 2,500.  A minimum equal
 * to the cost changes nothing (b: exactly $8,000).  Without a minimum a
 * credit with terms stays a credit (d: -$1,000 a year, half of it in
 * year 2), and a minimum of 0 floors it at 0 (e). */
static void test_minimum(void **state)
{
	(void)state;
	static const char *const costs =
		"option,item,category,quantity,dist,likely,escalation,minimum,"
		"discount,discount_years\n"
		"a,Fee,Licensing,students,fixed,4.90,2%,\"$5,000\",,\n"
		"b,Fee,Licensing,students,fixed,8,,8000,,\n"
		"c,Fee,Licensing,students,fixed,4.90,2%,5000,50%,1\n"
		"d,Credit,Other,1,fixed,-1000,,,50%,2\n"
		"e,Credit,Other,1,fixed,-1000,,0,50%,2\n";
	struct fixture f;
	load(&f, scen4, costs);
	expect_flows(&f, "a", (const char *[]){"5000.00", "5000.00",
					       "5097.96", "5199.92"});
	expect_flows(&f, "b", (const char *[]){"8000.00", "8000.00",
					       "8000.00", "8000.00"});
	expect_flows(&f, "c", (const char *[]){"2500.00", "5000.00",
					       "5097.96", "5199.92"});
	expect_flows(&f, "d", (const char *[]){"-1000.00", "-500.00",
					       "-1000.00", "-1000.00"});
	expect_flows(&f, "e",
		     (const char *[]){"0.00", "0.00", "0.00", "0.00"});
	unload(&f);
}

/* Tiers 0-1000:8; 1000-2500:6; 2500-:4.5 on 2,000 students growing 10%
 * (2,000; 2,200; 2,420; 2,662).  Marginal: 8,000 + 6 x (S - 1,000) up to
 * 2,500, then + 4.5 x (S - 2,500): 14,000; 15,200; 16,520; 17,729.
 * Whole: every student at the rate of the tier holding S: 12,000; 13,200;
 * 14,520; 2,662 x 4.5 = 11,979.  At a tier's upper bound (2,500, 1,000) a
 * quantity belongs to that tier: 15,000 and 8,000 whole, 17,000 and 8,000
 * marginal; just above it (2,501) the next: 11,254.50 whole. */
static void test_tiers(void **state)
{
	(void)state;
	static const char *const scen = "parameter,value,low,high,dist\n"
					"costs,costs.csv,,,\n"
					"years,4,,,\n"
					"students,2000,,,\n"
					"enrollment_growth,10%,,,\n"
					"trials,16,,,\n";
	static const char *const costs =
		"option,item,category,quantity,tiers,tier_mode\n"
		"m,Fee,Licensing,students,0-1000:8;1000-2500:6;2500-:4.5,\n"
		"w,Fee,Licensing,students,0-1000:8;1000-2500:6;2500-:4.5,whole\n"
		"b1,Fee,Licensing,2500,0-1000:8;1000-2500:6;2500-:4.5,whole\n"
		"b2,Fee,Licensing,1000,0-1000:8;1000-2500:6;2500-:4.5,whole\n"
		"b3,Fee,Licensing,2500,0-1000:8;1000-2500:6;2500-:4.5,marginal\n"
		"b4,Fee,Licensing,1000,\"0-1,000:$8;1,000-2500:6;2500-:4.5\",\n"
		"b5,Fee,Licensing,2501,0-1000:8;1000-2500:6;2500-:4.5,whole\n";
	struct fixture f;
	load(&f, scen, costs);
	expect_flows(&f, "m", (const char *[]){"14000.00", "15200.00",
					       "16520.00", "17729.00"});
	expect_flows(&f, "w", (const char *[]){"12000.00", "13200.00",
					       "14520.00", "11979.00"});
	expect_flows(&f, "b1", (const char *[]){"15000.00", "15000.00",
						"15000.00", "15000.00"});
	expect_flows(&f, "b2", (const char *[]){"8000.00", "8000.00",
						"8000.00", "8000.00"});
	expect_flows(&f, "b3", (const char *[]){"17000.00", "17000.00",
						"17000.00", "17000.00"});
	expect_flows(&f, "b4", (const char *[]){"8000.00", "8000.00",
						"8000.00", "8000.00"});
	expect_flows(&f, "b5", (const char *[]){"11254.50", "11254.50",
						"11254.50", "11254.50"});
	unload(&f);
}

/* Exit in year 2: the cloud's $10,000 fee stops after year 2, its
 * termination fee of $5,000 (per = exit) is paid in year 2, and its
 * once item of year 3 never comes; BOCES, with no exit item, stays.
 * 10,000; 15,000; 0; 0 and 20,000 a year.  Leaving in the last year (4)
 * is staying to the horizon: no fee.  A fee limited to exits in years
 * 1-1 is not paid on leaving in year 2. */
static const char *const exit_costs =
	"option,item,category,dist,likely,per,start,end\n"
	"cloud,Fee,Licensing,fixed,10000,year,,\n"
	"cloud,Termination,Exit,fixed,5000,exit,,\n"
	"cloud,Early termination,Exit,fixed,7000,exit,1,1\n"
	"cloud,Upgrade,Migration,fixed,3000,once,3,\n"
	"boces,Service,Licensing,fixed,20000,year,,\n";

static void test_exit(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,4,,,\n"
		 "exit_year,2,,,\n"
		 "trials,16,,,\n",
	     exit_costs);
	expect_flows(&f, "cloud",
		     (const char *[]){"10000.00", "15000.00", "0.00", "0.00"});
	expect_flows(&f, "boces", (const char *[]){"20000.00", "20000.00",
						   "20000.00", "20000.00"});
	/* The years in which each item occurs, as the sensitivity analysis
	 * counts them: the fee in years 1-2, the termination fee once, the
	 * early one and the upgrade never; BOCES every year. */
	gsl_rng *r = gsl_rng_alloc(rng_type);
	int oc = model_find_option(&f.m, "cloud"), ob = model_find_option(&f.m, "boces");
	static const struct {
		const char *item;
		int count;
	} occ[] = {{"Fee", 2},
		   {"Termination", 1},
		   {"Early termination", 0},
		   {"Upgrade", 0}};
	for (size_t k = 0; k < sizeof(occ) / sizeof(occ[0]); k++)
		assert_int_equal(sim_occurrences(f.plan,
						 model_find_item(&f.m, oc,
								 occ[k].item),
						 0, r),
				 occ[k].count);
	assert_int_equal(sim_occurrences(f.plan,
					 model_find_item(&f.m, ob, "Service"),
					 0, r),
			 4);
	gsl_rng_free(r);
	unload(&f);
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,4,,,\n"
		 "exit_year,4,,,\n"
		 "trials,16,,,\n",
	     exit_costs);
	expect_flows(&f, "cloud", (const char *[]){"10000.00", "10000.00",
						   "13000.00", "10000.00"});
	unload(&f);
	/* exit_year none (or no row): the district stays. */
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,4,,,\n"
		 "exit_year,none,,,\n"
		 "trials,16,,,\n",
	     exit_costs);
	assert_int_equal(f.m.p_exit, -1);
	expect_flows(&f, "cloud", (const char *[]){"10000.00", "10000.00",
						   "13000.00", "10000.00"});
	unload(&f);
	/* A fractional exit year rounds to the nearest, halves up: 2.5
	 * leaves in year 3, 2.49 in year 2. */
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,4,,,\n"
		 "exit_year,2.5,,,\n"
		 "trials,16,,,\n",
	     exit_costs);
	expect_flows(&f, "cloud", (const char *[]){"10000.00", "10000.00",
						   "18000.00", "0.00"});
	unload(&f);
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,4,,,\n"
		 "exit_year,2.49,,,\n"
		 "trials,16,,,\n",
	     exit_costs);
	expect_flows(&f, "cloud",
		     (const char *[]){"10000.00", "15000.00", "0.00", "0.00"});
	unload(&f);
	/* In year 1: the early fee too. */
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,4,,,\n"
		 "exit_year,1,,,\n"
		 "trials,16,,,\n",
	     exit_costs);
	expect_flows(&f, "cloud",
		     (const char *[]){"22000.00", "0.00", "0.00", "0.00"});
	unload(&f);
}

/* An uncertain exit year: each trial leaves in its draw rounded to the
 * nearest year (2.5 rounds up to 3), and pays the fee only before the
 * horizon. */
static void test_exit_drawn(void **state)
{
	(void)state;
	struct fixture f;
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,4,,,\n"
		 "exit_year,,1,5,uniform\n"
		 "trials,500,,,\n",
	     exit_costs);
	int o = model_find_option(&f.m, "cloud");
	int px = model_find_param(&f.m, "exit_year");
	gsl_rng *r = gsl_rng_alloc(rng_type);
	int seen[6] = {0};
	for (long i = 0; i < f.res.trials; i++) {
		double x = sim_input_draw(f.plan, px, -1, (uint32_t)i, r);
		int X = (int)floor(x + 0.5);
		seen[X]++;
		for (int t = 1; t <= 4; t++) {
			double want = t <= X ? 10000 : 0;
			if (t == X && X < 4)
				want += 5000 + (X == 1 ? 7000 : 0);
			if (t == 3 && X >= 3)
				want += 3000;
			assert_double_near(sim_gross(&f.res, o, t)[i], want,
					   1e-9);
		}
	}
	for (int X = 1; X <= 5; X++)
		assert_true(seen[X] > 0);
	/* The point estimate leaves in year 3 (the median): fee, no more. */
	expect_flows(&f, "boces", (const char *[]){"20000.00", "20000.00",
						   "20000.00", "20000.00"});
	double *pg = f.res.point.gross + o * 4;
	assert_double_near(pg[2], 10000 + 5000 + 3000, 1e-9);
	assert_double_near(pg[3], 0, 1e-9);
	gsl_rng_free(r);
	unload(&f);
}

/* Enrollment year by year (SPEC 11): 1,000 students growing 10%, with
 * students.3 = 1,500 and students.2018-19 (program year 4 of a school-year
 * scenario from 2015) = 2,000: 1,000; 1,100; 1,500; 2,000; 2,200.  A
 * $10-per-student fee costs ten times that, and the per-student measure
 * divides by their sum (7,800): exactly $10.  Year 2 before the first
 * given year grows from students; year 5 grows from year 4. */
static void test_students_by_year(void **state)
{
	(void)state;
	static const char *const costs =
		"option,item,category,quantity,dist,likely\n"
		"a,Fee,Licensing,students,fixed,10\n";
	struct fixture f;
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,5,,,\n"
		 "base_year,2015,,,\n"
		 "year_labels,school,,,\n"
		 "students,1000,,,\n"
		 "enrollment_growth,10%,,,\n"
		 "students.3,1500,,,\n"
		 "students.2018-19,2000,,,\n"
		 "trials,16,,,\n",
	     costs);
	expect_flows(&f, "a", (const char *[]){"10000.00", "11000.00",
					       "15000.00", "20000.00",
					       "22000.00"});
	assert_double_near(f.res.point.measure[M_NET_PER_STUDENT_YEAR], 10,
			   1e-12);
	assert_double_near(f.res.point.students_sum, 7800, 1e-9);
	unload(&f);
	/* Without students: program year 1 given; an uncertain year 4:
	 * each trial's years 4 and 5 are its draw and 1.1 times it. */
	load(&f, "parameter,value,low,high,dist\n"
		 "costs,costs.csv,,,\n"
		 "years,5,,,\n"
		 "enrollment_growth,10%,,,\n"
		 "students.1,1000,,,\n"
		 "students.4,,1900,2100,uniform\n"
		 "trials,200,,,\n",
	     costs);
	int p4 = model_find_param(&f.m, "students.4");
	assert_true(p4 >= 0);
	gsl_rng *r = gsl_rng_alloc(rng_type);
	for (long i = 0; i < f.res.trials; i++) {
		double s4 = sim_input_draw(f.plan, p4, -1, (uint32_t)i, r);
		assert_double_near(sim_gross(&f.res, 0, 3)[i], 10 * 1210, 1e-9);
		assert_double_near(sim_gross(&f.res, 0, 4)[i], 10 * s4, 1e-9);
		assert_double_near(sim_gross(&f.res, 0, 5)[i], 10 * s4 * 1.1,
				   1e-9);
	}
	/* The point estimate: year 4 at the median, 2,000. */
	static const double pt[5] = {10000, 11000, 12100, 20000, 22000};
	for (int t = 1; t <= 5; t++)
		assert_double_near(f.res.point.gross[t - 1], pt[t - 1], 1e-9);
	gsl_rng_free(r);
	unload(&f);
}

int main(void)
{
	gsl_set_error_handler_off();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_discount_and_escalate_from),
		cmocka_unit_test(test_cap_and_floor),
		cmocka_unit_test(test_minimum),
		cmocka_unit_test(test_tiers),
		cmocka_unit_test(test_exit),
		cmocka_unit_test(test_exit_drawn),
		cmocka_unit_test(test_students_by_year),
	};
	return cmocka_run_group_tests_name("terms", tests, NULL, NULL);
}
