/* The numbers the exhibits draw, read from a result folder's CSV files.
 *
 * The chart layer never sees the model or the simulation: it reads the
 * files a run wrote (SPEC 8, README "Result files") into plain arrays and
 * labels, and checks them like any other input: a missing file, a missing
 * column, text where a number belongs or an unknown option is reported as
 * FILE:LINE:COL: error: ... through struct diags.  sensitivity.csv and
 * findings.csv are optional (no tornado without the first; titles computed
 * from the other files without the second). */
#ifndef EDTCO_CHART_DATA_H
#define EDTCO_CHART_DATA_H

#include <stddef.h>

#include "util/diag.h"

/* The measures of summary.csv and compare.csv. */
enum chart_measure {
	CM_GROSS_NOMINAL,
	CM_NET_NOMINAL,
	CM_GROSS_PV,
	CM_NET_PV,
	CM_PER_STUDENT, /* net_per_student_year; absent without students */
	CM_COUNT
};

/* The reported percentiles, in file order: p5 p10 p25 p50 p75 p80 p90 p95. */
enum { CQ_P5, CQ_P10, CQ_P25, CQ_P50, CQ_P75, CQ_P80, CQ_P90, CQ_P95, CQ_N };

extern const char *const chart_measure_names[CM_COUNT];
extern const char *const chart_q_names[CQ_N];
extern const int chart_q_levels[CQ_N]; /* 5, 10, 25, 50, 75, 80, 90, 95 */

/* One distribution: a row of summary.csv, years.csv or compare.csv. */
struct chart_stat {
	int present;
	double point; /* summary.csv only */
	double mean;  /* mean, or mean_diff in compare.csv */
	double sd;    /* summary.csv only */
	double q[CQ_N];
	double p_cheaper, p_cheaper_se; /* compare.csv only */
};

/* A bin of histogram.csv: [low, high) of the difference against the
 * baseline. */
struct chart_bin {
	double low, high;
	long count;
	double share;
};

/* A row of budget.csv: the operating budget (no risk event occurring) at
 * 50, 80 and 90% confidence, and the risk exposure (the risk events' mean
 * and 90th percentile), nominal dollars. */
enum { CB_P50, CB_P80, CB_P90 };
struct chart_budget {
	double op[3];
	double risk_mean, risk_p90;
	double aid; /* state aid received (mean), taken off op already */
};

struct chart_option {
	char *id, *label;
	char *short_label; /* summary.csv's short_label (short.<option>), or
			    * NULL: none given, or an older folder */
	struct chart_stat m[CM_COUNT];   /* summary.csv */
	struct chart_stat cmp[CM_COUNT]; /* compare.csv: minus the baseline */
	int has_cdf;
	double cdf[101]; /* distribution.csv: percentile 0..100 of net_pv */
	/* years.csv, index t-1 for year t = 1 .. nyears of struct chart_data
	 * (gross: 1 .. horizon only) */
	struct chart_stat *gross, *net, *cum;
	struct chart_bin *bins; /* histogram.csv, in order */
	size_t nbins;
	/* histogram.csv's rows of measure gross_pv (the public's cost): none
	 * when the run wrote none */
	struct chart_bin *pub_bins;
	size_t npub_bins;
	/* categories.csv, by category index; cat_present[c] = 0 when the
	 * option has no item in category c */
	int *cat_present;
	double *cat_net_mean, *cat_gross_mean, *cat_net_point,
		*cat_gross_point;
	/* budget.csv (when the folder has one): [t - 1] for each net year,
	 * then the total over every net year and the share of trials with
	 * at least one risk event */
	struct chart_budget *budget;
	struct chart_budget budget_total;
	double p_risk_event;
};

/* A row of sensitivity.csv. */
struct chart_sens {
	char *input;   /* parameter name, or option/item */
	int occurrence; /* kind = occurrence: in_p10 0 (never), in_p90 1 */
	char *year;     /* an occurrence's year label; "" otherwise */
	int option;    /* the output's option */
	int diff;      /* 1: the output is option minus baseline */
	double in_p10, in_p90, out_p10, out_p90, out_point, swing;
	int has_rho;
	double rho;
};

struct chart_kv {
	char *key, *value;
	unsigned line; /* in its file, for messages */
};

/* inputs.csv columns, in the order of the file (io/resultfile.h). */
enum {
	IN_KIND, IN_OPTION, IN_NAME, IN_CATEGORY, IN_QUANTITY, IN_DIST,
	IN_LOW, IN_LIKELY, IN_HIGH, IN_POINT, IN_PER, IN_START, IN_END,
	IN_ESCALATION, IN_PROBABILITY, IN_PAYER, IN_AID, IN_GROUP, IN_SOURCE,
	IN_LABEL, IN_UNIT, /* optional: "" when the file has no such column */
	IN_NCOLS
};

struct chart_input {
	char *cell[IN_NCOLS]; /* the text of each cell ("" when blank) */
};

struct chart_data {
	struct chart_option *opt; /* in the order of summary.csv */
	int nopt;
	int baseline;             /* index into opt */
	char **categories;        /* sorted (strcmp), as the engine sorts */
	int ncat;
	int horizon;              /* H: years with gross flows */
	int nyears;               /* H + L: years with net flows */
	char **year_labels;       /* [nyears] */
	int has_students;         /* net_per_student_year present */
	struct chart_input *inputs;
	size_t ninputs;
	struct chart_kv *prov;    /* provenance.csv, in order */
	size_t nprov;
	struct chart_kv *findings; /* findings.csv, in order */
	size_t nfindings;
	int has_findings;
	struct chart_sens *sens;  /* sensitivity.csv, in order */
	size_t nsens;
	int has_sens;
	long trials;              /* from provenance.csv */
	int has_budget;           /* budget.csv read, with every year */
	int has_risk;             /* some option has a risk exposure */
};

enum chart_status { CHART_OK = 0, CHART_EINPUT = 1, CHART_EIO = 3 };

/* Reads the result files of folder dir into *d.  Problems go to diags
 * with their file, line and column.  Returns CHART_OK, CHART_EINPUT (a
 * file's content is wrong) or CHART_EIO (a required file cannot be read);
 * *d is left empty on failure.  Free with chart_data_free. */
enum chart_status chart_data_load(struct chart_data *d, const char *dir,
				  struct diags *diags);

void chart_data_free(struct chart_data *d);

/* Option o's short name (short.<option>) when the scenario gives one,
 * else its label. */
const char *chart_name(const struct chart_data *d, int o);

/* The value of key in provenance.csv (the first one), or NULL. */
const char *chart_prov(const struct chart_data *d, const char *key);

/* The text of key in findings.csv, or NULL. */
const char *chart_finding(const struct chart_data *d, const char *key);

/* The name of parameter (or setting) name for people: its label in
 * inputs.csv, or name itself. */
const char *chart_param_label(const struct chart_data *d, const char *name);

/* The inputs.csv row of parameter name, or NULL. */
const struct chart_input *chart_param(const struct chart_data *d,
				      const char *name);

#endif
