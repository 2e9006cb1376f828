/* "Did you mean": the edit distance, its threshold at each boundary, and
 * the choice of the nearest name. */
#include "helpers.h"

#include <stdint.h>
#include <string.h>

#include "util/suggest.h"

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("", ""), 0);
	assert_int_equal(suggest_distance("", "abc"), 3);
	assert_int_equal(suggest_distance("abc", ""), 3);
	assert_int_equal(suggest_distance("quantity", "quantity"), 0);
	assert_int_equal(suggest_distance("quantitty", "quantity"), 1);
	assert_int_equal(suggest_distance("probabilty", "probability"), 1);
	assert_int_equal(suggest_distance("tringular", "triangular"), 1);
	/* A swap of neighbours is one edit, not two. */
	assert_int_equal(suggest_distance("trails", "trials"), 1);
	assert_int_equal(suggest_distance("ab", "ba"), 1);
	/* Letters compare without case. */
	assert_int_equal(suggest_distance("PERT", "pert"), 0);
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	/* Symmetric. */
	assert_int_equal(suggest_distance("sitting", "kitten"), 3);
}

static void test_distance_length_limit(void **state)
{
	(void)state;
	char a[SUGGEST_MAX_LEN + 2];
	memset(a, 'x', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	assert_true(suggest_distance(a, "x") == SIZE_MAX);
	a[SUGGEST_MAX_LEN] = '\0'; /* exactly the limit: measured */
	assert_int_equal(suggest_distance(a, a), 0);
}

static void test_threshold_boundaries(void **state)
{
	(void)state;
	assert_int_equal(suggest_threshold(1, 1), 0);
	assert_int_equal(suggest_threshold(2, 1), 1);
	assert_int_equal(suggest_threshold(5, 5), 1);
	assert_int_equal(suggest_threshold(6, 5), 2);
	assert_int_equal(suggest_threshold(9, 9), 2);
	assert_int_equal(suggest_threshold(10, 9), 3);
}

static void test_nearest(void **state)
{
	(void)state;
	static const char *const cols[] = {"option", "item", "quantity",
					   "probability", "low", "high"};
	assert_string_equal(suggest_nearest("quantitty", cols, 6), "quantity");
	assert_string_equal(suggest_nearest("probabilty", cols, 6),
			    "probability");
	assert_string_equal(suggest_nearest("Hihg", cols, 6), "high");
	assert_null(suggest_nearest("category", cols, 6));
	/* An exact match is not a suggestion. */
	assert_null(suggest_nearest("low", cols, 6));
	/* Two equally near: no guess. */
	static const char *const two[] = {"cat", "car"};
	assert_null(suggest_nearest("caz", two, 2));
	/* NULL entries are skipped. */
	static const char *const holes[] = {NULL, "pert", NULL};
	assert_string_equal(suggest_nearest("prt", holes, 3), "pert");
}

static void test_nearest_at_threshold(void **state)
{
	(void)state;
	/* 6 letters allow 2 edits: 2 is in, 3 is out. */
	static const char *const w[] = {"abcdef"};
	assert_string_equal(suggest_nearest("abcdxy", w, 1), "abcdef");
	assert_null(suggest_nearest("abcxyz", w, 1));
	/* 5 letters allow 1 edit: 1 in, 2 out. */
	static const char *const v[] = {"years"};
	assert_string_equal(suggest_nearest("yeats", v, 1), "years");
	assert_null(suggest_nearest("yeaxx", v, 1));
	/* One letter is never another. */
	static const char *const one[] = {"a"};
	assert_null(suggest_nearest("b", one, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_distance_length_limit),
		cmocka_unit_test(test_threshold_boundaries),
		cmocka_unit_test(test_nearest),
		cmocka_unit_test(test_nearest_at_threshold),
	};
	return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
