/* A sweep file: many cases of one scenario, each changing a few of its
 * cells (edtco batch).
 *
 * The file is a CSV table.  Its first column, `case`, names each case; the
 * name becomes a folder name, so it must be safe as one.  Every other
 * column names a cell of the scenario that the case replaces:
 *   - a parameter: `students` (its value), or one of its fields
 *     `students.value`, `.low`, `.high`, `.dist`, `.source`; a parameter
 *     the scenario defines, or a reserved number (students, aid_ratio, ...)
 *     that it may leave out; the text keys `title`, `baseline`,
 *     `year_labels` and `label.<option>` are accepted too (value only);
 *   - a cost item's field: `<option>/<item>.<field>`, split at the first
 *     '/' and at the last '.', so that item names may hold both
 *     (`cloud/Per-student portal fee.likely`).
 * A blank cell keeps the scenario's cell; a cell holding just `-` makes
 * it blank (for example low and high, when a case makes a cost fixed).
 * `seed` and `trials` cannot be swept: every case shares the scenario's
 * random streams (or -s), and -n sets the trials of all.
 *
 * sweep_load checks the file's own shape (columns, case names, row widths);
 * sweep_check builds every case's model and reports every problem of every
 * case, a patched cell at its place in the sweep file.  Both report in the
 * FILE:LINE:COLUMN form of the other inputs. */
#ifndef EDTCO_MODEL_SWEEP_H
#define EDTCO_MODEL_SWEEP_H

#include <stddef.h>

#include "io/csvin.h"
#include "model/model.h"
#include "model/source.h"
#include "util/diag.h"

/* The longest case name, in bytes. */
#define SWEEP_MAX_NAME 100

/* One case: its name and the cells it replaces. */
struct sweep_case {
	const char *name;            /* borrowed from the table */
	unsigned line;               /* its row in the sweep file */
	struct model_patch *patches; /* owned; texts borrowed from the table */
	size_t npatches;
};

/* What a sweep column replaces (the patch without its text). */
struct sweep_column {
	char *target; /* parameter name or option id; owned */
	char *item;   /* item name, or NULL for a parameter; owned */
	int field;    /* enum scen_col or enum item_col; -1: ignored column */
	int fixes;    /* the parameter named alone: its value fixes it */
};

struct sweep {
	struct csvin_table t;        /* the file as read */
	struct sweep_column *cols;   /* one per header cell; cols[0] = case */
	size_t ncols;
	struct sweep_case *cases;    /* in file order */
	size_t ncases;
};

/* Reads the sweep at path and checks its columns against src (the
 * scenario and cost tables, model_source_load) and its case names.
 * Returns 0; 1 with every problem in diags; 3 when the file cannot be read
 * (message in diags, without a line).  Free *sw with sweep_free in every
 * case. */
int sweep_load(const char *path, const struct model_source *src,
	       struct sweep *sw, struct diags *diags);

/* Builds case i (0-based) of sw from src into *m (model_build with the
 * case's patches).  Returns 0, or 1 with the problems in diags. */
int sweep_build(const struct model_source *src, const struct sweep *sw,
		size_t i, struct model *m, struct diags *diags);

/* Builds every case and reports every problem once: a problem found in
 * the scenario or cost files by only some cases names the first of them
 * ("with case 'x' (sweep line 4) and 2 more").  Warnings are reported once.
 * Returns 0, or 1 when any case is invalid. */
int sweep_check(const struct model_source *src, const struct sweep *sw,
		struct diags *diags);

void sweep_free(struct sweep *sw);

/* Whether any case may have a levy setting (SPEC 12): the scenario has a
 * `levy` or `full_value` row, or the sweep a column that sets one.  Decides
 * batch.csv's columns before any case is run, the same in every shard. */
int sweep_has_levy(const struct model_source *src, const struct sweep *sw);

/* Whether name is a safe case name: 1 to SWEEP_MAX_NAME characters of
 * [A-Za-z0-9_.-], the first a letter or a digit (so never "." or ".."). */
int sweep_name_ok(const char *name);

/* The half-open range [*first, *end) of case indices in the k-th (1-based)
 * of n contiguous blocks of ncases cases; block sizes differ by at most
 * one, larger blocks last. */
void sweep_shard(size_t ncases, unsigned long k, unsigned long n,
		 size_t *first, size_t *end);

#endif
