/* The raw input of a model: the scenario table and its cost tables, as
 * read, with their columns located; and patches that replace cells.
 *
 * Loading is split in two so that a batch sweep can build many models from
 * one reading of the files: model_source_load reads and checks the files'
 * shape (columns, cost-file paths), model_build checks every value and
 * builds the model, applying a sweep case's patches on the way.  A patched
 * cell is reported at the patch's own location (the sweep file's cell). */
#ifndef EDTCO_MODEL_SOURCE_H
#define EDTCO_MODEL_SOURCE_H

#include <stddef.h>

#include "io/csvin.h"
#include "model/model.h"
#include "util/diag.h"

enum scen_col { SC_PARAMETER, SC_VALUE, SC_LOW, SC_HIGH, SC_DIST, SC_SOURCE,
		SC_COUNT };

enum item_col {
	IC_OPTION, IC_ITEM, IC_CATEGORY, IC_QUANTITY, IC_DIST, IC_LOW,
	IC_LIKELY, IC_HIGH, IC_PER, IC_START, IC_END, IC_ESCALATION,
	IC_PROBABILITY, IC_PAYER, IC_AID, IC_GROUP, IC_SOURCE,
	/* contract terms (SPEC 10), all optional */
	IC_TIERS, IC_TIER_MODE, IC_MINIMUM, IC_DISCOUNT, IC_DISCOUNT_YEARS,
	IC_ESCALATE_FROM, IC_ESCALATION_CAP, IC_ESCALATION_FLOOR, IC_COUNT
};

/* Column names, indexed by enum scen_col and enum item_col. */
extern const char *const model_scen_cols[SC_COUNT];
extern const char *const model_item_cols[IC_COUNT];

/* The reserved settings a scenario's parameter column may name, NULL-
 * terminated; the families label.<option|parameter>, unit.<parameter>,
 * short.<option> and correlation.<group> aside. */
extern const char *const model_settings[];

struct model_table {
	struct csvin_table t;
	int col[IC_COUNT]; /* column index of each field, or -1 */
	int broken;        /* not read whole: a syntax error, no header or a
			    * missing required column (already reported) */
};

struct model_source {
	char *path;                /* the scenario file */
	struct model_table scen;   /* col[] indexed by enum scen_col */
	struct model_table *costs; /* one per `costs` row, in order */
	size_t ncosts;
	size_t nmissing;           /* `costs` rows whose file exists but could
				    * not be read (a missing one is invalid
				    * input) */
	size_t nabsent;            /* `costs` rows whose file does not exist */
	int incomplete;            /* a cost file missing or broken: names it
				    * would define cannot be checked */
};

/* A replacement for one cell: a scenario parameter's field (item == NULL,
 * field an enum scen_col other than SC_PARAMETER) or a cost item's field
 * (field an enum item_col). */
struct model_patch {
	const char *target; /* parameter name, or option id */
	const char *item;   /* item name, or NULL for a parameter */
	int field;
	const char *text;   /* the new cell text; "" keeps nothing */
	struct loc at;      /* where the new text was written */
	int fixes;          /* a parameter's value given alone (a sweep
			     * column named by the parameter): it fixes the
			     * parameter, its low, high and dist cleared
			     * unless patches of their own set them */
};

/* Reads the scenario at path and the cost files it names, and checks their
 * columns.  Returns 0; 1 with problems in diags (src->nmissing counts the
 * cost files that could not be read, an I/O failure for the caller); 3
 * when the scenario file cannot be read. */
int model_source_load(const char *path, struct model_source *src,
		      struct diags *diags);
void model_source_free(struct model_source *src);

/* Whether name is a parameter the scenario may set without defining it
 * first (students, aid_ratio, ...): the reserved numeric parameters. */
int model_is_reserved_number(const char *name);

/* Builds and validates a model from src with the given patches.  Returns 0,
 * or 1 with every problem in diags (and *m empty). */
int model_build(const struct model_source *src,
		const struct model_patch *patches, size_t npatches,
		struct model *m, struct diags *diags);

#endif
