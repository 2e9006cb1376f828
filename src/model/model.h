/* The validated cost model: options, cost items, parameters, horizon.
 *
 * A model is built from a scenario file and its cost-items files
 * (model_load) and, once built, is known to satisfy every rule of the file
 * specification: later layers never re-check it.  The model is plain data:
 * no random numbers, no arithmetic beyond the rules, no I/O after loading. */
#ifndef EDTCO_MODEL_MODEL_H
#define EDTCO_MODEL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "util/diag.h"

enum dist_kind {
	DIST_FIXED,
	DIST_UNIFORM,
	DIST_TRIANGULAR,
	DIST_PERT,
	DIST_NORMAL,
	DIST_LOGNORMAL
};
#define DIST_COUNT 6

/* An uncertain (or fixed) number.  For fixed, triangular and pert, likely is
 * the given value; for uniform, normal and lognormal it is NAN and the point
 * value is the median.  low and high are NAN for fixed.  For normal and
 * lognormal, low and high are the 5th and 95th percentiles. */
struct dist {
	enum dist_kind kind;
	double low, likely, high;
};

/* The name of a distribution ("pert"); NULL for an invalid kind. */
const char *dist_name(enum dist_kind kind);
/* The point value: likely, or the median for uniform, normal and lognormal
 * (SPEC 5.8). */
double dist_point(const struct dist *d);
/* Whether draws stay within [low, high] (every kind but normal, lognormal). */
int dist_is_bounded(const struct dist *d);

enum payer { PAYER_DISTRICT, PAYER_STATE, PAYER_FEDERAL, PAYER_OTHER };
#define PAYER_COUNT 4
const char *payer_name(enum payer p);

/* A number given either as a literal or as a parameter's name. */
struct model_ref {
	int param;    /* index into model.params, or -1 for a literal */
	double value; /* the literal (when param < 0) */
};

/* A named number shared by all options. */
struct model_param {
	char *name;
	struct dist dist;
	char *source;    /* may be "" */
	int is_default;  /* not written in the scenario: a default value */
	unsigned line;   /* line in the scenario file (0 for a default) */
	char *label;     /* label.<name>: its name for people; NULL: none */
	char *unit;      /* unit.<name>: one of model_units; NULL: none */
};

/* The units a parameter may be given (unit.<name>), NULL-terminated:
 * "%", "FTE", "$", "students", "hours". */
extern const char *const model_units[];

/* A scenario setting that is not a parameter but changes the numbers or
 * their labels (years, base_year, year_labels, baseline, trials, seed,
 * aid_lag, correlation, correlation.<group>, levy, levy_growth,
 * full_value), as used: written in the
 * scenario, or its default when one applies (years, baseline, trials and
 * seed always; aid_lag when the model has aid; correlation when it has
 * correlated groups; levy_growth when it has a levy). */
struct model_setting {
	char *name;
	char *text;     /* year_labels' or baseline's value, or a whole
			 * number in decimal
			 * (exact: a seed may pass 2^53); NULL for a
			 * correlation */
	double value;   /* the number (NAN for year_labels) */
	char *source;   /* may be "" */
	int is_default; /* not written in the scenario */
	unsigned line;  /* line in the scenario file (0 for a default) */
};

enum qty_kind { QTY_NUMBER, QTY_STUDENTS, QTY_PARAM };

/* The most program years (the largest horizon). */
#define MODEL_MAX_YEARS 100

/* One tier of a tiered price (SPEC 10): the units above `from` up to `to`
 * (INFINITY for the last tier) at `rate` each. */
struct model_tier {
	double from, to, rate;
};

/* The contract terms of a cost item (SPEC 10).  An item without any has
 * has_terms 0 and is computed as SPEC 5 alone (the same bits as before the
 * terms existed). */
struct model_terms {
	int has_terms;
	struct model_tier *tiers; /* NULL: quantity times unit cost */
	int ntiers;
	int tier_whole;           /* tier_mode whole (else marginal) */
	int has_minimum;
	double minimum;           /* with has_minimum: the least a year costs */
	double discount;          /* share off in the discount years */
	unsigned char discount_year[MODEL_MAX_YEARS + 1]; /* [t]: 1 or 0 */
	int esc_from;             /* E: the factor is (1 + e')^(t - E), t > E */
	int has_cap, has_floor;
	struct model_ref cap, floor; /* escalation_cap, escalation_floor */
	int on_exit;              /* per = exit: a fee paid on leaving */
};

struct model_item {
	int option;                /* index into model.options */
	char *name;                /* unique within the option */
	int category;              /* index into model.categories */
	enum qty_kind qty;
	struct model_ref quantity; /* QTY_NUMBER: value; QTY_PARAM: param */
	struct dist cost;          /* unit cost in year-1 dollars */
	int once;                  /* per=once: in year start only */
	int start, end;            /* program years, 1 <= start <= end <= H */
	struct model_ref escalation;
	struct model_ref probability;
	enum payer payer;
	double aid;                /* aidable share, 0..1 */
	int group;                 /* index into model.groups, or -1 */
	char *source;              /* may be "" */
	int file;                  /* index into model.files */
	unsigned line;             /* line in that file */
	unsigned col;              /* column of its cost's high (or item) */
	struct model_terms terms;  /* contract terms (SPEC 10) */
};

struct model_option {
	char *id;
	char *label; /* label.<id>, or the id */
	char *short_label; /* short.<id>: a short name for titles, bars and
			    * legends; NULL when the scenario gives none */
};

/* A correlation group of cost items. */
struct model_group {
	char *name;
	double rho; /* correlation.<name>, else correlation, else 0 */
};

/* An input file and its fingerprint, for the provenance record. */
struct model_file {
	char *path;
	char sha256[65];
};

struct model {
	char *title;
	int years;        /* horizon H, 1..100 */
	int has_base_year;
	int base_year;
	int school_years; /* year_labels = school */
	long trials;      /* 1..10,000,000 */
	unsigned trials_line, trials_col; /* the scenario's `trials` cell, or
					   * 0 when not written */
	uint64_t seed;
	int aid_lag;      /* L, 0..10 */
	int baseline;     /* index into options */

	/* Indices into params of the reserved numbers.  discount_rate,
	 * enrollment_growth and aid_ratio always exist (a default when not
	 * written); students is -1 when the scenario has none. */
	int p_students, p_growth, p_aid_ratio, p_discount;
	/* exit_year (SPEC 10): the parameter, or -1 when the district stays.
	 * It applies to the options that have an item with per = exit
	 * (exits[o] = 1). */
	int p_exit;
	/* students.<year> (SPEC 11): [t] the parameter of program year t's
	 * enrollment, or -1 (t = 1..H); NULL when none is given. */
	int *p_students_year;
	unsigned char *exits; /* [o] */

	/* The levy settings (SPEC 12; fixed numbers, never drawn): the
	 * district's tax levy in program year 1 and its allowed yearly
	 * growth (has_levy 0: not given, levy_growth then unused), and the
	 * taxable full value (has_full_value 0: not given). */
	int has_levy, has_full_value;
	double levy, levy_growth, full_value;

	struct model_param *params;
	size_t nparams;
	struct model_option *options;
	size_t noptions;
	struct model_item *items; /* in file order */
	size_t nitems;
	struct model_group *groups;
	size_t ngroups;
	char **categories; /* in alphabetical order */
	size_t ncategories;
	struct model_file *files; /* the scenario first, then cost files */
	size_t nfiles;
	struct model_setting *settings; /* in the order listed above */
	size_t nsettings;
};

/* The most diagnostics a load reports before it stops. */
#define MODEL_MAX_ERRORS DIAG_MAX_ERRORS

/* Loads and validates the scenario at path and every cost file it names.
 * Returns 0 on success; 1 when the input is invalid (every problem is in
 * diags, with its location); 3 when the scenario file itself cannot be read
 * (message in diags, without a line) or one of its cost files cannot (every
 * problem in diags, as for 1).  On failure *m is empty. */
int model_load(const char *path, struct model *m, struct diags *diags);

void model_free(struct model *m);

/* Whether the model has any aid at all: an aid ratio that can be above 0
 * and an item with an aidable share. */
int model_has_aid(const struct model *m);

/* Whether the public's cost (gross: every payer, before state aid) can
 * differ from the district's (net): the model has aid, or an item that
 * another payer pays. */
int model_public_differs(const struct model *m);

/* The number of net-cost years: H, plus L when the model has aid. */
int model_net_years(const struct model *m);

/* The label of program year t (1-based, may exceed H): "2015", "2015-16",
 * or "3" without a base year.  Writes into buf (at least 16 bytes). */
const char *model_year_label(const struct model *m, int t, char *buf,
			     size_t size);

/* Whether a parameter's value changes from trial to trial. */
int model_param_uncertain(const struct model *m, int p);

/* The number of uncertain inputs: uncertain parameters plus items whose
 * cost is not fixed. */
size_t model_count_uncertain(const struct model *m);

/* Index of the option with this id, or -1. */
int model_find_option(const struct model *m, const char *id);
/* Index of the parameter with this name, or -1. */
int model_find_param(const struct model *m, const char *name);
/* The name of parameter p for people: its label, or its name. */
const char *model_param_label(const struct model *m, int p);
/* Index of the item (option, name), or -1. */
int model_find_item(const struct model *m, int option, const char *name);

#endif
