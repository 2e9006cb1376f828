/* The builder's cell helpers: names, patched cells, numbers,
 * distributions and their bounds (see build.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/file.h"
#include "model/build.h"
#include "util/mem.h"
#include "util/suggest.h"

/* ---- names ---------------------------------------------------------- */

/* [a-z][a-z0-9_.]* for parameters, [a-z][a-z0-9_-]* for options,
 * [a-z][a-z0-9_]* for groups: extra lists the allowed punctuation. */
int build_valid_name(const char *s, const char *extra)
{
	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      strchr(extra, *s)))
			return 0;
	return 1;
}

int build_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *const reserved_ints[] = {"years", "base_year", "trials",
					    "seed", "aid_lag", NULL};
static const char *const reserved_nums[] = {"students", "enrollment_growth",
					    "aid_ratio", "discount_rate",
					    "correlation", "levy", "full_value",
					    "levy_growth", "exit_year", NULL};
static const char *const text_keys[] = {"title", "costs", "baseline",
					"year_labels", NULL};

int build_in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int build_is_reserved_int(const char *name)
{
	return build_in_list(name, reserved_ints);
}

int model_is_reserved_number(const char *name)
{
	return build_in_list(name, reserved_nums) || build_is_reserved_int(name) ||
	       build_starts_with(name, "correlation.") ||
	       build_starts_with(name, "students.");
}

/* The reserved names a scenario row may set, for "did you mean" (and for
 * the test that the manual documents each). */
const char *const model_settings[] = {
	"title", "costs", "baseline", "year_labels", "years", "base_year",
	"trials", "seed", "aid_lag", "students", "enrollment_growth",
	"aid_ratio", "discount_rate", "correlation", "levy", "full_value",
	"levy_growth", "exit_year", NULL};

const char *build_near_setting(const char *name)
{
	return suggest_nearest(name, model_settings,
			       sizeof(model_settings) /
				       sizeof(*model_settings) - 1);
}

int build_near_param(const struct builder *b, const char *name, char *out,
		     size_t size)
{
	const char **names = xcalloc(b->nrows + 1, sizeof(char *));
	char **owned = xcalloc(b->nrows + 1, sizeof(char *));
	char buf[256];
	for (size_t i = 0; i < b->nrows; i++) {
		const struct cell *c = &b->rows[i].f[SC_PARAMETER];
		const char *n = strbuf_trim_into(c->text, buf, sizeof(buf));
		if (!build_valid_name(n, "_.") || build_is_text_key(n) ||
		    model_is_reserved_number(n) || strcmp(n, "costs") == 0)
			continue;
		owned[i] = xstrdup(n);
		names[i] = owned[i];
	}
	const char *near = suggest_nearest(name, names, b->nrows);
	if (near)
		snprintf(out, size, "%s", near);
	for (size_t i = 0; i < b->nrows; i++)
		free(owned[i]);
	free(owned);
	free(names);
	return near != NULL;
}

int build_is_text_key(const char *name)
{
	return build_in_list(name, text_keys) ||
	       build_starts_with(name, "label.") ||
	       build_starts_with(name, "unit.") ||
	       build_starts_with(name, "short.");
}

/* ---- cells ---------------------------------------------------------- */


int build_blank(const struct cell *c)
{
	return !c->present || number_is_blank(c->text);
}

const struct model_patch *build_find_patch(const struct builder *b,
					    const char *target,
					    const char *item, int field)
{
	for (size_t i = 0; i < b->npatches; i++) {
		const struct model_patch *p = &b->patches[i];
		if (p->field == field && strcmp(p->target, target) == 0 &&
		    ((!item && !p->item) ||
		     (item && p->item && strcmp(p->item, item) == 0)))
			return p;
	}
	return NULL;
}

struct cell build_table_cell(const struct model_table *mt,
			      const struct csvin_row *row, int field)
{
	struct cell c;
	int col = mt->col[field];
	c.present = col >= 0;
	c.text = c.present ? csvin_text(row, col) : "";
	c.at = csvin_loc(&mt->t, row, col);
	if (!c.present)
		c.at.col = 0;
	return c;
}

void build_apply_patch(struct cell *c, const struct model_patch *p)
{
	if (!p)
		return;
	c->text = p->text;
	c->at = p->at;
	c->present = 1;
}

/* Where a message about a missing cell points: the cell itself when the
 * column exists, otherwise the row's first cell. */
struct loc build_cell_or_row(const struct cell *c, struct loc row)
{
	return c->at.col ? c->at : row;
}

/* ---- numbers and distributions -------------------------------------- */

const char *build_written(const struct cell *c, char *buf, size_t size)
{
	return strbuf_trim_into(c->text, buf, size);
}

int build_parse_num(struct builder *b, const struct cell *c,
		     const char *what, enum num_kind kind, double *out)
{
	const char *why;
	if (number_parse(c->text, kind, out, &why) == 0)
		return 0;
	struct strbuf q = STRBUF_INIT;
	diag_quote(&q, c->text, 40);
	ERR(b, c->at, "%s: %s, got %s", what, why, strbuf_str(&q));
	strbuf_free(&q);
	return -1;
}

static int parse_dist_kind(struct builder *b, const struct cell *c,
			   enum dist_kind *out)
{
	char buf[64];
	const char *s = strbuf_trim_into(c->text, buf, sizeof(buf));
	if (!c->present || !*s) {
		*out = DIST_FIXED;
		return 0;
	}
	for (int k = 0; k < DIST_COUNT; k++) {
		if (strcasecmp(s, dist_name((enum dist_kind)k)) == 0) {
			*out = (enum dist_kind)k;
			return 0;
		}
	}
	struct strbuf q = STRBUF_INIT;
	diag_quote(&q, c->text, 40);
	const char *names[DIST_COUNT];
	for (int k = 0; k < DIST_COUNT; k++)
		names[k] = dist_name((enum dist_kind)k);
	const char *near = suggest_nearest(s, names, DIST_COUNT);
	if (near)
		ERR(b, c->at, "unknown distribution %s: did you mean '%s'?",
		    strbuf_str(&q), near);
	else
		ERR(b, c->at, "unknown distribution %s (valid: fixed, uniform, "
			      "triangular, pert, normal, lognormal)",
		    strbuf_str(&q));
	strbuf_free(&q);
	return -1;
}


/* Parses a distribution from its cells.  Returns 0, or -1 after reporting
 * every problem found. */
int build_parse_dist(struct builder *b, const struct dist_cells *dc,
		      enum num_kind kind, struct dist *out)
{
	out->low = out->likely = out->high = NAN;
	if (parse_dist_kind(b, dc->dist, &out->kind) != 0)
		return -1;
	const char *dn = dist_name(out->kind);
	int bad = 0;
	int want_likely = out->kind == DIST_FIXED ||
			  out->kind == DIST_TRIANGULAR || out->kind == DIST_PERT;
	int want_range = out->kind != DIST_FIXED;
	struct {
		const struct cell *c;
		const char *col;
		int wanted;
		double *v;
	} parts[3] = {{dc->low, "low", want_range, &out->low},
		      {dc->likely, dc->likely_col, want_likely, &out->likely},
		      {dc->high, "high", want_range, &out->high}};
	for (int i = 0; i < 3; i++) {
		const struct cell *c = parts[i].c;
		if (parts[i].wanted && build_blank(c)) {
			ERR(b, build_cell_or_row(c, dc->row),
			    "missing required cell: column '%s' is needed "
			    "for dist %s",
			    parts[i].col, dn);
			bad = 1;
		} else if (!parts[i].wanted && !build_blank(c)) {
			if (out->kind == DIST_FIXED)
				ERR(b, c->at,
				    "column '%s' must be blank for a fixed "
				    "number (give a dist to use a range)",
				    parts[i].col);
			else
				ERR(b, c->at,
				    "column '%s' must be blank for dist %s "
				    "(its point value is its median)",
				    parts[i].col, dn);
			bad = 1;
		} else if (parts[i].wanted &&
			   build_parse_num(b, c, parts[i].col, kind, parts[i].v)) {
			bad = 1;
		}
	}
	if (bad)
		return -1;
	/* Values are quoted as written: 1.0000001 is not "1". */
	char lo[80], li[80], hi[80];
	build_written(dc->low, lo, sizeof(lo));
	build_written(dc->likely, li, sizeof(li));
	build_written(dc->high, hi, sizeof(hi));
	if (want_range && !(out->low < out->high)) {
		ERR(b, dc->high->at, "high (%s) must be greater than low (%s)",
		    hi, lo);
		return -1;
	}
	if (want_likely && want_range &&
	    !(out->low <= out->likely && out->likely <= out->high)) {
		ERR(b, dc->likely->at,
		    "%s (%s) must lie between low (%s) and high (%s)",
		    dc->likely_col, li, lo, hi);
		return -1;
	}
	if (out->kind == DIST_LOGNORMAL && !(out->low > 0)) {
		ERR(b, dc->low->at,
		    "a lognormal needs low > 0 (got %s); use normal for "
		    "numbers that can be zero or negative",
		    lo);
		return -1;
	}
	return 0;
}

/* The bounds a number must respect.  lo_open/hi_open: strict inequality;
 * bounded: normal and lognormal are refused (a quantity within 0..1). */

static int below(double v, const struct bounds *r)
{
	return r->lo_open ? !(v > r->lo) : !(v >= r->lo);
}

static int above(double v, const struct bounds *r)
{
	return r->hi_open ? !(v < r->hi) : !(v <= r->hi);
}

static void range_text(const struct bounds *r, struct strbuf *s)
{
	if (isinf(r->hi))
		strbuf_printf(s, "%s %g", r->lo_open ? ">" : ">=", r->lo);
	else
		strbuf_printf(s, "from %g%s to %g%s", r->lo,
			      r->lo_open ? " (excluded)" : "", r->hi,
			      r->hi_open ? " (excluded)" : "");
}

/* Checks a parsed distribution against bounds; reports at the cell that
 * breaks them.  Returns 0 or -1. */
int build_check_bounds(struct builder *b, const struct dist_cells *dc,
			const struct dist *d, const struct bounds *r,
			const char *context)
{
	struct strbuf s = STRBUF_INIT;
	range_text(r, &s);
	int bad = 0;
	char lo[80], li[80], hi[80];
	build_written(dc->low, lo, sizeof(lo));
	build_written(dc->likely, li, sizeof(li));
	build_written(dc->high, hi, sizeof(hi));
	if (r->bounded && !dist_is_bounded(d)) {
		ERR(b, dc->dist->at,
		    "%s%s must stay within %g..%g, but a %s distribution is "
		    "unbounded (use uniform, triangular or pert)",
		    r->what, context, r->lo, r->hi, dist_name(d->kind));
		bad = 1;
	} else if (d->kind == DIST_FIXED) {
		if (below(d->likely, r) || above(d->likely, r)) {
			ERR(b, dc->likely->at, "%s%s must be %s, got %s",
			    r->what, context, strbuf_str(&s), li);
			bad = 1;
		}
	} else {
		if (below(d->low, r) || above(d->low, r)) {
			ERR(b, dc->low->at, "%s%s must be %s, but low is %s",
			    r->what, context, strbuf_str(&s), lo);
			bad = 1;
		}
		if (dist_is_bounded(d) &&
		    (below(d->high, r) || above(d->high, r))) {
			ERR(b, dc->high->at, "%s%s must be %s, but high is %s",
			    r->what, context, strbuf_str(&s), hi);
			bad = 1;
		}
	}
	strbuf_free(&s);
	return bad ? -1 : 0;
}

/* ---- warnings: numbers that are valid but probably not meant -------- */

/* A rate of 1 or more (100% a year) written without '%' is nearly always
 * a percentage typed as a whole number ("3" for 3%); a probability above
 * 0.5 a year is rare enough to be worth a second look.  Writing the value
 * with '%' ("300%", "60%") says it is meant and silences the warning. */
/* The number written as text (digits with an optional point) times 100,
 * by moving the point: "0.035" gives "3.5" exactly, where 0.035 * 100 in
 * binary would not.  Anything else (an exponent) is formatted from v. */
static void percent_text(const char *t, double v, char *out, size_t size)
{
	size_t n = strspn(t, "0123456789."), dot = strcspn(t, ".");
	if (t[n] || n == 0 || n >= size - 4 || strchr(t + dot + 1, '.')) {
		snprintf(out, size, "%.15g", v * 100);
		return;
	}
	char digits[80];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (t[i] != '.')
			digits[k++] = t[i];
	size_t point = dot + 2; /* digits before the new point */
	while (k < point)
		digits[k++] = '0';
	size_t lead = 0; /* zeros before the first digit that matters */
	while (lead + 1 < point && digits[lead] == '0')
		lead++;
	size_t end = k; /* drop trailing zeros after the point */
	while (end > point && digits[end - 1] == '0')
		end--;
	snprintf(out, size, "%.*s%s%.*s", (int)(point - lead), digits + lead,
		 end > point ? "." : "", (int)(end - point), digits + point);
}

static int warn_cell(struct builder *b, const struct cell *c, double v,
		     int probability, const char *what, const char *context)
{
	if (!c->present || strchr(c->text, '%'))
		return 0;
	if (probability ? !(v > 0.5) : !(v >= 1))
		return 0;
	char buf[80];
	const char *t = strbuf_trim_into(c->text, buf, sizeof(buf));
	char pct[96];
	percent_text(t, v, pct, sizeof(pct));
	if (!probability)
		diags_add(b->d, DIAG_WARNING, c->at,
			  "%s %s means %s%% a year%s; write %s%% for %s "
			  "percent (or %s%% if that is meant)",
			  what, t, pct, context, t, t, pct);
	else if (v < 1)
		diags_add(b->d, DIAG_WARNING, c->at,
			  "%s %s is a %s%% chance each year it applies%s; "
			  "write %s%% for %s percent (or %s%% if that is "
			  "meant)",
			  what, t, pct, context, t, t, pct);
	else
		diags_add(b->d, DIAG_WARNING, c->at,
			  "%s %s is a 100%% chance each year it applies%s; "
			  "write %s%% for %s percent (or leave the cell "
			  "blank for a cost that always occurs)",
			  what, t, context, t, t);
	return 1;
}

void build_warn_rate(struct builder *b, const struct cell *c, double v,
		     const char *what, const char *context)
{
	warn_cell(b, c, v, 0, what, context);
}

void build_warn_probability(struct builder *b, const struct cell *c,
			    double v, const char *what, const char *context)
{
	warn_cell(b, c, v, 1, what, context);
}

void build_warn_dist(struct builder *b, const struct dist_cells *dc,
		     const struct dist *d, int probability, const char *what,
		     const char *context)
{
	const struct cell *cells[3] = {dc->low, dc->likely, dc->high};
	const double v[3] = {d->low, d->likely, d->high};
	for (int i = 0; i < 3; i++)
		if (!isnan(v[i]) &&
		    warn_cell(b, cells[i], v[i], probability, what, context))
			return; /* one warning per number */
}
