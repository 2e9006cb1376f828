/* The exhibits: one description per chart (struct exhibit_kind: its file
 * stem, the data it needs, its title rule, words, layout and data table),
 * the exhibits a result folder supports, the frame every exhibit shares,
 * the words several share, and the tables of the data pages.
 *
 * Internal to chart/.  Everything here is layout (no cairo): text widths
 * come from a struct text_measure. */
#ifndef EDTCO_CHART_EXHIBIT_H
#define EDTCO_CHART_EXHIBIT_H

#include <stddef.h>

#include "chart/data.h"
#include "chart/dlist.h"
#include "chart/layout.h"
#include "chart/style.h"
#include "util/numfmt.h"

struct exhibit;
struct exhibit_ctx;
struct table;

/* The plot box left inside a frame. */
struct box {
	double x, y, w, h;
};

/* One description per chart: everything that makes one kind of exhibit.
 * Each chart's file (fan.c, scurve.c, ...) holds all of its code and
 * defines its description at its end; exhibit.c lists the descriptions
 * in packet order.  Adding a chart is one new file and one row in that
 * list (with its declaration below).
 *
 * Every function gets the exhibit e it is for (e->kind is this
 * description, e->option the option it compares, or -1); functions that
 * return text return a string the caller frees. */
struct exhibit_kind {
	const char *stem;      /* file stem: "fan"; per option, "tornado"
				* gives "tornado-cloud" */
	const char *title_key; /* findings.csv's key of its title:
				* "title.fan"; per option + ".ID" (the
				* findings write every title) */
	int per_option;        /* one exhibit per option but the baseline
				* (else one exhibit, e->option -1) */
	int variant;           /* a number of the kind's own (the public
				* difference histogram: 1) */
	/* Whether d holds what it needs (for option o, or -1); NULL:
	 * always drawn. */
	int (*wanted)(const struct chart_data *d, int o);
	/* What it shows, for bookmarks and the contents; also its title
	 * when findings.csv has none. */
	char *(*caption)(const struct chart_data *d, const struct exhibit *e);
	/* Measure, dollar basis, horizon, perspective. */
	char *(*subtitle)(const struct chart_data *d, const struct exhibit *e);
	/* The notes under the plot: how to read it, N, conventions. */
	char *(*notes)(const struct chart_data *d, const struct exhibit *e);
	/* The packet's "How to read this exhibit" paragraph. */
	char *(*howto)(const struct chart_data *d, const struct exhibit *e);
	/* The layout of the plot into box b, inside the frame. */
	void (*draw)(const struct exhibit_ctx *c, struct box b,
		     struct dlist *dl);
	/* The data page: its table, and a paragraph above it (NULL, or
	 * returning NULL: none). */
	void (*table)(const struct exhibit_ctx *c, struct table *t);
	char *(*data_note)(const struct chart_data *d,
			   const struct exhibit *e);
};

/* The descriptions, one per chart file. */
extern const struct exhibit_kind exhibit_fan;            /* fan.c */
extern const struct exhibit_kind exhibit_scurve;         /* scurve.c */
extern const struct exhibit_kind exhibit_budget;         /* budget.c */
extern const struct exhibit_kind exhibit_tornado;        /* tornado.c */
extern const struct exhibit_kind exhibit_histogram;      /* histogram.c */
extern const struct exhibit_kind exhibit_histogram_public; /* histogram.c */
extern const struct exhibit_kind exhibit_breakdown;      /* breakdown.c */
extern const struct exhibit_kind exhibit_per_student;    /* perstudent.c */

struct exhibit {
	const struct exhibit_kind *kind;
	int option;     /* per-option kinds: the option compared with the
			 * baseline; -1 otherwise */
	int number;     /* 1-based, as in the packet */
	char *name;     /* file stem: "fan", "tornado-cloud" */
	char *caption;  /* what it shows, for bookmarks and the contents */
	char *title;    /* the finding (findings.csv), else the caption */
	char *subtitle; /* measure, dollar basis, horizon, perspective */
	char *notes;    /* how to read it, N, conventions */
	char *howto;    /* a longer "how to read this exhibit" paragraph */
};

/* The exhibits d supports, numbered in packet order: for each
 * description in the list (the fan chart, the S-curve, the budget by
 * year, the tornadoes, the difference histograms of the district's and
 * of the public's cost, the breakdown, the cost per student), one exhibit
 * or one per option but the baseline, where its data is present.
 * Returns the count; free with exhibit_list_free. */
size_t exhibit_list(const struct chart_data *d, struct exhibit **out);
void exhibit_list_free(struct exhibit *v, size_t n);

/* The text alternative of exhibit e in a tagged PDF: its finding (the
 * title) and what it measures (the subtitle), "Title. Subtitle.".
 * Caller frees. */
char *exhibit_alt(const struct exhibit *e);

/* Everything an exhibit's layout needs. */
struct exhibit_ctx {
	const struct chart_data *d;
	const struct text_measure *tm;
	const struct exhibit *ex;
};

/* Lays out exhibit ex as a standalone chart of STYLE_CHART_W x
 * STYLE_CHART_H points into dl (initialised here). */
void exhibit_draw(const struct exhibit_ctx *c, struct dlist *dl);

/* The words of an exhibit of kind k for option (or -1), as exhibit_list
 * gives them.  The title is findings.csv's title.<key>: the findings
 * (analysis/findings_titles.c) are the one place that words a chart's
 * finding.  A folder without it (edtco writes findings.csv into every
 * result folder) gets the caption, which says what the chart shows and
 * claims nothing.  Caller frees. */
char *words_title(const struct chart_data *d, const struct exhibit_kind *k,
		  int option);
char *words_subtitle(const struct chart_data *d,
		     const struct exhibit_kind *k, int option);
char *words_notes(const struct chart_data *d, const struct exhibit_kind *k,
		  int option);
char *words_howto(const struct chart_data *d, const struct exhibit_kind *k,
		  int option);

/* ---- Words several exhibits share (words.c) ---- */

/* "edtco 0.1.0 · seed 1 · 10,000 trials · tiny.csv 0123456789ab · ..." */
char *words_source(const struct chart_data *d);

/* The horizon, "2015-16 to 2019-20" or "years 1 to 5": through year H,
 * or with through_aid through the last year of net flows (aid paid after
 * the horizon).  Caller frees. */
char *words_span(const struct chart_data *d, int through_aid);

/* "present value at 3%" / "nominal dollars" etc. */
char *words_pv_basis(const struct chart_data *d);

/* ", net of state aid" when the scenario has aid, else "". */
const char *words_aid(const struct chart_data *d);

/* The trial count with grouping: "10,000". */
char *words_trials(const struct chart_data *d);

/* The label of a sensitivity input: "enrollment_growth", or
 * "Per-student fee [portal]" for option/item. Caller frees. */
char *words_input_label(const char *input);

/* An input value for labels, to three significant figures with trailing
 * zeros kept (so that "$16.0" stands beside "$7.09" and "1.90%" beside
 * "6.06%"): money for cost items; for a parameter by its unit.<parameter>
 * ("$": money, "%": a percentage, else the number and the unit:
 * "0.300 FTE"), else a percentage for rates and a number otherwise.
 * Returns buf. */
char *words_input_value(const struct chart_data *d, const char *input,
			double v, char buf[LAYOUT_LABEL_MAX]);

/* An input as the scenario gives it, for the assumptions page: a rate as
 * its percentage (numfmt_rate), another number in full with grouping. */
char *words_input_exact(const struct chart_data *d, const char *input,
			double v, char buf[LAYOUT_LABEL_MAX]);

/* ---- The frame (frame.c) ---- */

/* Lays out the title, subtitle, notes and footer of exhibit c->ex on a
 * STYLE_CHART_W x STYLE_CHART_H canvas, and returns the box left for the
 * plot. */
struct box frame_draw(const struct exhibit_ctx *c, struct dlist *dl);

/* The size of an exhibit's title: STYLE_TITLE, or the largest size down
 * to STYLE_TITLE_MIN (in half points) at which it wraps to two lines of
 * width; at STYLE_TITLE_MIN it may take more. */
double frame_title_size(const struct exhibit_ctx *c, const char *title,
			double width);

/* Writes text wrapped to width at (x, y = first baseline); returns the y
 * of the baseline after the last line (y + lines x leading). */
double frame_text(const struct exhibit_ctx *c, struct dlist *dl, double x,
		  double y, double width, const char *text, enum dl_font font,
		  double size, uint32_t colour, double leading);

/* Horizontal gridlines and money labels for ticks t on a y scale s, the
 * labels right-aligned at x_label; gridlines from x0 to x1. */
void frame_y_money(const struct exhibit_ctx *c, struct dlist *dl,
		   const struct ticks *t, const struct scale *s, double x_label,
		   double x0, double x1, int plus);

/* Vertical gridlines from y0 to y1 and money labels centred below y1 for
 * ticks t on an x scale s. */
void frame_x_money(const struct exhibit_ctx *c, struct dlist *dl,
		   const struct ticks *t, const struct scale *s, double y0,
		   double y1, int plus);

/* Money ticks for [lo, hi] (flags as layout_ticks) on an axis len points
 * long: the most intervals, up to max, whose widest label still leaves
 * 8 points between neighbours (a coarser step rather than overlapping
 * labels). */
void frame_money_ticks(const struct exhibit_ctx *c, double lo, double hi,
		       double len, int max, int flags, int plus,
		       struct ticks *t);

/* The widest money tick label of t. */
double frame_money_label_width(const struct exhibit_ctx *c,
			       const struct ticks *t, int plus);

/* Option o's name where max_lines lines of width points are free for it
 * in font at size: its label when it wraps to that many, else its short
 * name (short.<option>) when the scenario gives one, else its label (for
 * the caller to wrap and, as a last resort, shorten). */
const char *frame_option_name(const struct exhibit_ctx *c, int o,
			      enum dl_font font, double size, double width,
			      size_t max_lines);

/* text with every "%s" replaced by the names of options a and b (b < 0:
 * only a), fitted into width in font at size: with the labels when that
 * fits, else with the short names, else with each name shortened by an
 * ellipsis (the words around them are kept whole).  Caller frees. */
char *frame_fit_names(const struct exhibit_ctx *c, const char *fmt, int a,
		      int b, enum dl_font font, double size, double width);

/* Draws text in at most max_lines lines of width (the last one shortened
 * with an ellipsis only when the words do not fit in max_lines), anchored
 * at x with the first baseline at y; returns the number of lines. */
size_t frame_lines(const struct exhibit_ctx *c, struct dlist *dl, double x,
		   double y, double width, const char *text, enum dl_font font,
		   double size, uint32_t colour, enum dl_anchor anchor,
		   double leading, size_t max_lines);

/* A line in an option's style (with a dark edge under light colours). */
void frame_option_line(struct dlist *dl, const double *xy, size_t n,
		       int option, double lw);

/* ---- What the charts share with the tests ---- */

/* How many of the bins bins[0..nb) of histogram.csv (an option's net_pv
 * or gross_pv bins) one bar of its histogram holds (1, 2, 5, 10...), and
 * in *width the bar's width in dollars: the drawing, its note and its data
 * table all use these bars. */
size_t histogram_factor(const struct chart_bin *bins, size_t nb,
			double *width);
/* perstudent.c: the money style of the per-student chart and its title,
 * from the largest of the options' 10th, 50th and 90th percentiles. */
void per_student_style(const struct chart_data *d, struct numfmt_style *st);

/* tornado.c: the label of a tornado row's input: a parameter's label
 * (inputs.csv) or name; words_input_label of an item, with " occurs"
 * after an occurrence's item ("Privacy breach occurs [cloud]").  Caller
 * frees. */
char *tornado_label(const struct chart_data *d, const struct chart_sens *s);

/* The value of a tornado row's input at its low (high = 0) or high end,
 * for labels: words_input_value of its P10 or P90, or for an occurrence
 * "never" and "once, in 2015-16".  Returns buf. */
char *tornado_value(const struct chart_data *d, const struct chart_sens *s,
		    int high, char buf[LAYOUT_LABEL_MAX]);

/* scurve.c: the percentile (0..100) at which the point estimate of option
 * o sits on its distribution table, by linear interpolation between the
 * table's whole percentiles. */
double scurve_point_percentile(const struct chart_data *d, int o);

/* The sensitivity rows of option o's difference against the baseline,
 * sorted by swing (largest first; ties by input name).  Returns the count;
 * *rows is malloc'ed (pointers into d). */
size_t tornado_rows(const struct chart_data *d, int o,
		    const struct chart_sens ***rows);

/* Option o's risk exposure in words (budget.c), or NULL without one.
 * Caller frees. */
char *budget_risk_line(const struct chart_data *d, int o);

/* ---- Tables (table.c) ---- */

enum table_align { TA_LEFT, TA_RIGHT };

/* A table of text cells: a header row and body rows. */
struct table {
	size_t ncols, nrows;
	char **head;             /* ncols */
	enum table_align *align; /* ncols */
	int *wrap;               /* ncols: may wrap (else kept on one line) */
	char **cells;            /* nrows x ncols, row-major */
	int *rule;               /* nrows: draw a rule above this row */
	int *bold;               /* nrows: bold row */
};

void table_init(struct table *t, size_t ncols, const char *const *head,
		const enum table_align *align);
/* Appends a row of ncols cells (copied); returns its index. */
size_t table_row(struct table *t, const char *const *cells);
/* Sets a column that may wrap. */
void table_wrap(struct table *t, size_t col);
void table_free(struct table *t);

/* Lays out rows from *next of t into dl between y and y_max within
 * [x, x + width], header first; advances *next past the rows placed and
 * returns the y below the last row. */
double table_layout(const struct exhibit_ctx *c, const struct table *t,
		    struct dlist *dl, double x, double y, double width,
		    double y_max, size_t *next);
/* The column widths table_layout gives t within width (ncols doubles, to
 * free), measured from every row: a table that flows over many pages
 * measures them once, not once a page (which took O(rows^2)). */
double *table_widths(const struct exhibit_ctx *c, const struct table *t,
		     double width);
/* table_layout with the widths w from table_widths. */
double table_layout_widths(const struct exhibit_ctx *c, const struct table *t,
			   const double *w, struct dlist *dl, double x,
			   double y, double y_max, size_t *next);

/* Money in data tables: exact to the dollar ("$1,234", no sign for
 * positive amounts).  Returns buf. */
const char *table_money(double x, char buf[LAYOUT_LABEL_MAX]);

/* The data table of exhibit c->ex (its kind's table). */
void exhibit_table(const struct exhibit_ctx *c, struct table *t);

#endif
