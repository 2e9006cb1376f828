/* Reading a result folder: the helpers shared by the readers of its
 * files (data.c, data_files.c).  Internal to chart/. */
#ifndef EDTCO_CHART_DATA_LOAD_H
#define EDTCO_CHART_DATA_LOAD_H

#include <stddef.h>

#include "chart/data.h"
#include "io/csvin.h"
#include "io/resultfile.h"

/* The state of one load: the folder, the diagnostics, and whether a
 * required file could not be read. */
struct loader {
	const char *dir;
	struct diags *d;
	int io_error;
	char *prov_path; /* dir/provenance.csv, for its messages */
};

#define DATA_MAX_COLS 24

/* A table being read, with the column index of each wanted name (the
 * schema's columns, in order). */
struct tab {
	struct csvin_table t;
	int col[DATA_MAX_COLS];
	int ok; /* loaded, and every row as its schema says */
};

/* A location with no line or column: the file as a whole. */
struct loc data_file_loc(const char *path);

/* Reads dir/<schema's file> into t, strictly (io/resultfile.h: header,
 * row widths, cell types; rows with a problem reported and dropped, so
 * that the caller checks the others; t->ok when there was none, for the
 * checks of the file as a whole).  A missing optional file is no error.
 * Returns whether the file was read. */
int data_tab_open(struct loader *L, struct tab *t,
		  const struct resultfile_schema *schema, int required);

/* The text and location of row r's wanted column c. */
const char *data_cell(const struct tab *t, size_t r, int c);
struct loc data_cell_loc(const struct tab *t, size_t r, int c);

/* A finite number (or a whole number in lo..hi) from cell (r, c).
 * Returns 0, or -1 with an error reported. */
int data_num(struct loader *L, const struct tab *t, size_t r, int c,
	     double *out);
int data_whole(struct loader *L, const struct tab *t, size_t r, int c,
	       long lo, long hi, long *out);

/* The index of option id, or -1; data_option_at reports an unknown one. */
int data_find_option(const struct chart_data *d, const char *id);
int data_option_at(struct loader *L, const struct chart_data *d,
		   const struct tab *t, size_t r, int c);

/* The measure named in cell (r, c), or -1 (reported). */
int data_measure_at(struct loader *L, const struct tab *t, size_t r, int c);

/* Reports row r as a duplicate. */
void data_duplicate(struct loader *L, const struct tab *t, size_t r);

/* Reads the eight percentile columns starting at wanted column first. */
int data_quantiles(struct loader *L, const struct tab *t, size_t r,
		   int first, double q[CQ_N]);

/* The readers of data_files.c: distribution.csv, histogram.csv,
 * categories.csv, inputs.csv, sensitivity.csv (optional), and the key-value
 * files provenance.csv and findings.csv (*present: whether read). */
void data_load_distribution(struct loader *L, struct chart_data *d);
void data_load_histogram(struct loader *L, struct chart_data *d);
void data_load_categories(struct loader *L, struct chart_data *d);
void data_load_inputs(struct loader *L, struct chart_data *d);
void data_load_sensitivity(struct loader *L, struct chart_data *d);
/* budget.csv (optional: folders of older versions have none). */
void data_load_budget(struct loader *L, struct chart_data *d);
void data_load_kv(struct loader *L, const char *name, int required,
		  struct chart_kv **out, size_t *n, int *present);

#endif
