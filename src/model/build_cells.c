/* The builder's cell helpers: names, patched cells, numbers,
 * distributions and their bounds (see build.h). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/file.h"
#include "model/build.h"
#include "util/mem.h"

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
					    "correlation", NULL};
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
	       build_starts_with(name, "correlation.");
}

int build_is_text_key(const char *name)
{
	return build_in_list(name, text_keys) || build_starts_with(name, "label.") ||
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
	if (want_range && !(out->low < out->high)) {
		ERR(b, dc->high->at, "high (%g) must be greater than low (%g)",
		    out->high, out->low);
		return -1;
	}
	if (want_likely && want_range &&
	    !(out->low <= out->likely && out->likely <= out->high)) {
		ERR(b, dc->likely->at,
		    "%s (%g) must lie between low (%g) and high (%g)",
		    dc->likely_col, out->likely, out->low, out->high);
		return -1;
	}
	if (out->kind == DIST_LOGNORMAL && !(out->low > 0)) {
		ERR(b, dc->low->at,
		    "a lognormal needs low > 0 (got %g); use normal for "
		    "numbers that can be zero or negative",
		    out->low);
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
	if (r->bounded && !dist_is_bounded(d)) {
		ERR(b, dc->dist->at,
		    "%s%s must stay within %g..%g, but a %s distribution is "
		    "unbounded (use uniform, triangular or pert)",
		    r->what, context, r->lo, r->hi, dist_name(d->kind));
		bad = 1;
	} else if (d->kind == DIST_FIXED) {
		if (below(d->likely, r) || above(d->likely, r)) {
			ERR(b, dc->likely->at, "%s%s must be %s, got %g",
			    r->what, context, strbuf_str(&s), d->likely);
			bad = 1;
		}
	} else {
		if (below(d->low, r) || above(d->low, r)) {
			ERR(b, dc->low->at, "%s%s must be %s, but low is %g",
			    r->what, context, strbuf_str(&s), d->low);
			bad = 1;
		}
		if (dist_is_bounded(d) &&
		    (below(d->high, r) || above(d->high, r))) {
			ERR(b, dc->high->at, "%s%s must be %s, but high is %g",
			    r->what, context, strbuf_str(&s), d->high);
			bad = 1;
		}
	}
	strbuf_free(&s);
	return bad ? -1 : 0;
}
