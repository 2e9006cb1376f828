/* Loading a model written inline in a test. */
#ifndef EDTCO_TESTS_MODEL_FIXTURE_H
#define EDTCO_TESTS_MODEL_FIXTURE_H

#include "helpers.h"

#include "model/model.h"

/* Writes scenario (as scenario.csv) and costs (as costs.csv) into a fresh
 * folder and loads the model, failing the test with every diagnostic when
 * it does not load.  Returns the folder; the caller removes it with
 * test_rmdir and frees it. */
static inline char *test_load_model(const char *scenario, const char *costs,
				    struct model *m)
{
	char *dir = test_tmpdir();
	free(test_write(dir, "costs.csv", costs));
	char *path = test_write(dir, "scenario.csv", scenario);
	struct diags d = DIAGS_INIT;
	int rc = model_load(path, m, &d);
	for (size_t i = 0; rc != 0 && i < d.n; i++)
		print_error("%s:%u:%u: %s\n", d.v[i].file, d.v[i].line,
			    d.v[i].col, d.v[i].msg);
	assert_int_equal(rc, 0);
	diags_free(&d);
	free(path);
	return dir;
}

#endif
