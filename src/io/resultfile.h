/* The result files' columns, in one place, for the code that writes them
 * (output/) and the code that reads them back (the exhibits of
 * `edtco chart`, `edtco merge`).
 *
 * Each CSV result file is described by a schema: its name and its columns
 * in order, each with the type of its cells.  Writers take their header
 * from the schema; readers check a file against it as strictly as input
 * files are checked: the header exactly, every row exactly as wide, every
 * cell of its type (numbers parsed strictly, finite), UTF-8 text, and a
 * line end at the end of the file (edtco always writes one; its absence
 * means a file cut short).  Which keys must be present (options, measures,
 * years, cases) is the reader's business. */
#ifndef EDTCO_IO_RESULTFILE_H
#define EDTCO_IO_RESULTFILE_H

#include "io/csvin.h"
#include "io/csvout.h"
#include "util/diag.h"

enum resultfile_type {
	RF_TEXT,   /* any text, or nothing */
	RF_NAME,   /* text that is not empty (an id, a key, a case) */
	RF_MONEY,  /* a number, written to cents */
	RF_NUMBER, /* a number, written in its shortest exact form */
	RF_WHOLE   /* a whole number */
};

struct resultfile_col {
	const char *name;
	enum resultfile_type type;
	int blank_ok;     /* a number column that may be left empty */
	const char *word; /* a word a number column may hold instead ("none",
			   * "total"), or NULL */
};

struct resultfile_schema {
	const char *file; /* "summary.csv" */
	const struct resultfile_col *cols;
	int ncols;
};

/* The run's files (SPEC 8, README "Result files"). */
extern const struct resultfile_schema resultfile_summary;
extern const struct resultfile_schema resultfile_years;
extern const struct resultfile_schema resultfile_compare;
extern const struct resultfile_schema resultfile_budget;
extern const struct resultfile_schema resultfile_distribution;
extern const struct resultfile_schema resultfile_histogram;
extern const struct resultfile_schema resultfile_categories;
extern const struct resultfile_schema resultfile_inputs;
extern const struct resultfile_schema resultfile_provenance; /* key, value */
extern const struct resultfile_schema resultfile_sensitivity;
extern const struct resultfile_schema resultfile_findings;   /* key, text */
/* A batch's batch.csv (its provenance.csv is resultfile_provenance). */
extern const struct resultfile_schema resultfile_batch;
/* batch.csv of a sweep with a levy (model/sweep.h sweep_has_levy): the
 * columns of resultfile_batch, then the P50, P80 and P90 of levy_share,
 * tax_rate_per_1000 and cap_room_share over the horizon (blank where they
 * do not apply). */
extern const struct resultfile_schema resultfile_batch_levy;
/* The schema of a batch.csv whose bytes (a byte-order mark allowed) are
 * text: resultfile_batch_levy when its header row names levy_share_p50,
 * else resultfile_batch. */
const struct resultfile_schema *resultfile_batch_of(const char *text,
						    size_t len);

/* Writes a UTF-8 byte-order mark (so that spreadsheets read the text as
 * UTF-8) and the header row of s. */
void resultfile_header(const struct resultfile_schema *s, struct csvout *w);

/* Parses a number as edtco writes one: an optional '-', digits, an
 * optional '.' and digits, an optional exponent; finite.  No blanks, '+',
 * thousands separators, hexadecimal, "inf" or "nan".  Returns 0 with *out
 * set, or -1. */
int resultfile_number(const char *s, double *out);

/* Reads path as a file of schema s into *out: CSV syntax and UTF-8 (as
 * csvin_load), then the header (exactly s's names, in order), the width of
 * every row and the type of every cell.  Every problem goes to diags with
 * its location; rows with a problem are dropped from *out (all of them when
 * the header is wrong), so that the caller can check the others without
 * reporting a cell twice.  Returns 0 (content problems in diags; *ok says
 * whether there were none), or an error of file_read when the file cannot
 * be read.  The caller frees *out with csvin_free in every case. */
int resultfile_read(const char *path, const struct resultfile_schema *s,
		    struct csvin_table *out, int *ok, struct diags *diags);

/* resultfile_read of bytes already read: file's ownership passes to *out
 * (as csvin_parse). */
void resultfile_parse(struct file_data *file,
		      const struct resultfile_schema *s,
		      struct csvin_table *out, int *ok, struct diags *diags);

/* Writes row (a row of a table read with resultfile_read against s) again:
 * text through csvout_text, numbers as they were read (they are already in
 * edtco's own form), so that a file edtco wrote is written back byte for
 * byte. */
void resultfile_write_row(const struct resultfile_schema *s,
			  const struct csvin_row *row, struct csvout *w);

#endif
