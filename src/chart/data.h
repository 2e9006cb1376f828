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
	/* categories.csv, by category index; cat_present[c] = 0 when the
	 * option has no item in category c */
	int *cat_present;
	double *cat_net_mean, *cat_gross_mean, *cat_net_point,
		*cat_gross_point;
};

/* A row of sensitivity.csv. */
struct chart_sens {
	char *input;   /* parameter name, or option/item */
	int option;    /* the output's option */
	int diff;      /* 1: the output is option minus baseline */
	double in_p10, in_p90, out_p10, out_p90, out_point, swing;
	int has_rho;
	double rho;
};

struct chart_kv {
	char *key, *value;
};

/* inputs.csv columns, in the order of the file (SPEC 8). */
enum {
	IN_KIND, IN_OPTION, IN_NAME, IN_CATEGORY, IN_QUANTITY, IN_DIST,
	IN_LOW, IN_LIKELY, IN_HIGH, IN_POINT, IN_PER, IN_START, IN_END,
	IN_ESCALATION, IN_PROBABILITY, IN_PAYER, IN_AID, IN_GROUP, IN_SOURCE,
	IN_NCOLS
};
extern const char *const chart_input_columns[IN_NCOLS];

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

/* The inputs.csv row of parameter name, or NULL. */
const struct chart_input *chart_param(const struct chart_data *d,
				      const char *name);

#endif
