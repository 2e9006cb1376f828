/* The builder of a model (internal to model/): the state shared by the
 * files that check a scenario (build_scenario.c), its cost items
 * (build_items.c) and what they name (build.c), and the cell helpers they
 * share (build_cells.c). */
#ifndef EDTCO_MODEL_BUILD_H
#define EDTCO_MODEL_BUILD_H

#include "model/number.h"
#include "model/source.h"
#include "util/strbuf.h"

/* One cell as the builder sees it: the text (after patches) and where it
 * came from.  present is 0 when the file has no such column. */
struct cell {
	const char *text;
	struct loc at;
	int present;
};

/* A parameter row of the scenario, gathered before it is checked. */
struct prow {
	struct cell f[SC_COUNT];
	unsigned line;
	int param;          /* index into model params once built, or -1 */
	int as_probability; /* referenced as a probability */
	int as_escalation;
	int as_quantity;
	struct loc use;     /* first reference, for messages */
	int too_wide;       /* more fields than the header: its cells are
			     * shifted, and only that was reported */
};

struct builder {
	const struct model_source *src;
	const struct model_patch *patches;
	size_t npatches;
	struct model *m;
	struct diags *d;
	struct prow *rows;
	size_t nrows, rows_cap;
	int *label_rows; /* prow index of label.<option> per option, or -1 */
	/* Option ids and group names of every row, valid or not: a name that
	 * only rows with errors use is not reported again as unknown. */
	char **seen;
	size_t nseen, seen_cap;
	size_t rows_total;  /* data rows of the cost tables */
	/* The items so far by (option, name), for the duplicate check:
	 * open addressing, item index + 1 per slot (0: empty); a search of
	 * every item per row took O(items^2). */
	size_t *item_slots;
	size_t item_slots_cap; /* a power of two, or 0 */
	int tables_ok;      /* every cost table had its required columns */
};

#define ERR(b, at, ...) diag_error((b)->d, (at), __VA_ARGS__)

/* The cells that define an uncertain number. */
struct dist_cells {
	const struct cell *dist, *low, *likely, *high;
	const char *likely_col; /* "value" or "likely" */
	struct loc row;         /* for messages about absent columns */
};

struct bounds {
	double lo, hi;
	int lo_open, hi_open;
	int bounded;
	const char *what; /* "an aid ratio", for messages */
};


/* build_cells.c */
/* Replaces c by the patch's text and location (no-op for NULL). */
void build_apply_patch(struct cell *c, const struct model_patch *p);
/* Whether a cell is absent or holds only blanks. */
int build_blank(const struct cell *c);
/* Where to report a missing cell: the cell, or its row when the column
 * does not exist. */
struct loc build_cell_or_row(const struct cell *c, struct loc row);
/* Checks a parsed distribution against bounds, reporting at the cell
 * that breaks them.  Returns 0 or -1. */
int build_check_bounds(struct builder *b, const struct dist_cells *dc,
			const struct dist *d, const struct bounds *r,
			const char *context);
/* The patch of a scenario parameter (item NULL) or a cost item's field,
 * or NULL. */
const struct model_patch *build_find_patch(const struct builder *b,
					    const char *target,
					    const char *item, int field);
/* Whether s is in the NULL-terminated list. */
int build_in_list(const char *s, const char *const *list);
/* The reserved setting (title, years, discount_rate ...) nearest to name,
 * for "did you mean", or NULL. */
const char *build_near_setting(const char *name);
/* Writes into out the user parameter of the scenario nearest to name, for
 * "did you mean"; returns 0 when none is near. */
int build_near_param(const struct builder *b, const char *name, char *out,
		     size_t size);
/* Whether name is a text setting (title, costs, label.<option> ...). */
int build_is_text_key(const char *name);
/* Parses a distribution from its cells, reporting every problem.
 * Returns 0 or -1. */
int build_parse_dist(struct builder *b, const struct dist_cells *dc,
		      enum num_kind kind, struct dist *out);
/* The text of c as written (trimmed) in buf, for messages: a value is
 * quoted as the user wrote it, not as %g rounds it (1.0000001 is not 1). */
const char *build_written(const struct cell *c, char *buf, size_t size);
/* Parses a number cell of the given kind, reporting a bad one under the
 * column name what.  Returns 0 or -1. */
int build_parse_num(struct builder *b, const struct cell *c,
		     const char *what, enum num_kind kind, double *out);
/* Whether s begins with prefix. */
int build_starts_with(const char *s, const char *prefix);
/* The cell of field in row (present 0 when the table lacks the column). */
struct cell build_table_cell(const struct model_table *mt,
			      const struct csvin_row *row, int field);
/* Whether s is [a-z] followed by [a-z0-9] and the characters of extra. */
int build_valid_name(const char *s, const char *extra);
/* Warnings about valid numbers that are probably not meant (each silenced
 * by writing the value with '%'): a rate of 1 or more a year ("3" read as
 * 300%), and a probability above 0.5 a year.  what names the number
 * ("escalation"), context follows it in the message (may be "").  The
 * cell c holds the value v as written.  build_warn_dist checks the low,
 * likely (value) and high cells of a distribution in turn, and warns at
 * the first that crosses the line (probability: 1 for the probability
 * rule, 0 for the rate rule). */
void build_warn_rate(struct builder *b, const struct cell *c, double v,
		     const char *what, const char *context);
void build_warn_probability(struct builder *b, const struct cell *c,
			    double v, const char *what, const char *context);
void build_warn_dist(struct builder *b, const struct dist_cells *dc,
		     const struct dist *d, int probability, const char *what,
		     const char *context);

/* build_scenario.c */
/* Adds a parameter to the model; returns its index. */
int build_add_param(struct model *m, const char *name, const struct dist *d,
		     const char *source, int is_default, unsigned line);
/* The first scenario row defining name, or NULL. */
struct prow *build_find_row(struct builder *b, const char *name);

/* label.<parameter> and unit.<parameter> (build_settings.c): a label or
 * unit for a name that is no parameter (nor, for a label, an option), or
 * an unknown unit, is an error at its row. */
void build_param_labels(struct builder *b);

/* The settings of the model (struct model_setting), from the rows and the
 * defaults (build_settings.c). */
void build_settings(struct builder *b);
/* Collects the scenario's rows with their patches applied. */
void build_gather_rows(struct builder *b);
/* Checks and stores a whole-number setting (years, trials ...). */
void build_int_param(struct builder *b, struct prow *p, const char *name);
/* The cells that define a parameter's distribution. */
struct dist_cells build_row_dist_cells(struct prow *p);
/* Checks every scenario row and stores parameters and settings. */
void build_scenario_rows(struct builder *b);
/* Resolves the students.<year> rows (SPEC 11) to program years, once the
 * years and their labels are known. */
void build_students_years(struct builder *b);

/* build_items.c */
/* Checks every cost-item row of every cost file and adds the items. */
void build_cost_tables(struct builder *b);
/* Whether any cost row, valid or not, named this option or group
 * (kind "option" or "group"). */
int build_was_seen(const struct builder *b, const char *kind,
		    const char *name);
/* Whether name is a reserved whole-number setting (years, seed ...). */
int build_is_reserved_int(const char *name);

#endif
