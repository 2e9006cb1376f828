/* Checking every cell of a scenario and its cost tables, and building the
 * model from them (see source.h).  Each rule of the file specification that
 * a cell can break is checked here, and every broken rule is reported at
 * the cell that breaks it. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/file.h"
#include "model/number.h"
#include "model/source.h"
#include "util/mem.h"

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
	int tables_ok;      /* every cost table had its required columns */
};

#define ERR(b, at, ...) diag_error((b)->d, (at), __VA_ARGS__)


/* ---- names ---------------------------------------------------------- */

/* [a-z][a-z0-9_.]* for parameters, [a-z][a-z0-9_-]* for options,
 * [a-z][a-z0-9_]* for groups: extra lists the allowed punctuation. */
static int valid_name(const char *s, const char *extra)
{
	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      strchr(extra, *s)))
			return 0;
	return 1;
}

static int starts_with(const char *s, const char *prefix)
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

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int model_is_reserved_number(const char *name)
{
	return in_list(name, reserved_nums) || in_list(name, reserved_ints) ||
	       starts_with(name, "correlation.");
}

static int is_text_key(const char *name)
{
	return in_list(name, text_keys) || starts_with(name, "label.");
}

/* ---- cells ---------------------------------------------------------- */


static int blank(const struct cell *c)
{
	return !c->present || number_is_blank(c->text);
}

static const struct model_patch *find_patch(const struct builder *b,
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

static struct cell table_cell(const struct model_table *mt,
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

static void apply_patch(struct cell *c, const struct model_patch *p)
{
	if (!p)
		return;
	c->text = p->text;
	c->at = p->at;
	c->present = 1;
}

/* Where a message about a missing cell points: the cell itself when the
 * column exists, otherwise the row's first cell. */
static struct loc cell_or_row(const struct cell *c, struct loc row)
{
	return c->at.col ? c->at : row;
}

/* ---- numbers and distributions -------------------------------------- */

static int parse_num(struct builder *b, const struct cell *c,
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

/* The cells that define an uncertain number. */
struct dist_cells {
	const struct cell *dist, *low, *likely, *high;
	const char *likely_col; /* "value" or "likely" */
	struct loc row;         /* for messages about absent columns */
};

/* Parses a distribution from its cells.  Returns 0, or -1 after reporting
 * every problem found. */
static int parse_dist(struct builder *b, const struct dist_cells *dc,
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
		if (parts[i].wanted && blank(c)) {
			ERR(b, cell_or_row(c, dc->row),
			    "missing required cell: column '%s' is needed "
			    "for dist %s",
			    parts[i].col, dn);
			bad = 1;
		} else if (!parts[i].wanted && !blank(c)) {
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
			   parse_num(b, c, parts[i].col, kind, parts[i].v)) {
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
struct bounds {
	double lo, hi;
	int lo_open, hi_open;
	int bounded;
	const char *what; /* "an aid ratio", for messages */
};

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
static int check_bounds(struct builder *b, const struct dist_cells *dc,
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

/* ---- the scenario --------------------------------------------------- */

static struct prow *find_row(struct builder *b, const char *name)
{
	char buf[256];
	for (size_t i = 0; i < b->nrows; i++)
		if (strcmp(strbuf_trim_into(b->rows[i].f[SC_PARAMETER].text, buf,
				   sizeof(buf)),
			   name) == 0)
			return &b->rows[i];
	return NULL;
}

/* Gathers the scenario's rows, with patches applied; a patch on a reserved
 * number that the scenario does not set adds a row. */
static void gather_rows(struct builder *b)
{
	const struct model_table *st = &b->src->scen;
	char buf[256];
	for (size_t r = 0; r < st->t.nrows; r++) {
		const struct csvin_row *row = &st->t.rows[r];
		GROW(b->rows, b->rows_cap, b->nrows + 1);
		struct prow *p = &b->rows[b->nrows++];
		memset(p, 0, sizeof(*p));
		p->line = row->line;
		p->param = -1;
		for (int f = 0; f < SC_COUNT; f++)
			p->f[f] = table_cell(st, row, f);
		const char *name =
			strbuf_trim_into(p->f[SC_PARAMETER].text, buf, sizeof(buf));
		if (strcmp(name, "costs") == 0)
			continue;
		/* Patches replace the first definition only.  (Each earlier
		 * name is trimmed into its own buffer: name lives in buf.) */
		int first = 1;
		char other[256];
		for (size_t i = 0; i + 1 < b->nrows; i++)
			if (strcmp(strbuf_trim_into(b->rows[i].f[SC_PARAMETER].text,
					   other, sizeof(other)),
				   name) == 0)
				first = 0;
		for (int f = SC_VALUE; first && f < SC_COUNT; f++)
			apply_patch(&p->f[f], find_patch(b, name, NULL, f));
	}
	for (size_t i = 0; i < b->npatches; i++) {
		const struct model_patch *pt = &b->patches[i];
		if (pt->item || find_row(b, pt->target))
			continue;
		GROW(b->rows, b->rows_cap, b->nrows + 1);
		struct prow *p = &b->rows[b->nrows++];
		memset(p, 0, sizeof(*p));
		p->param = -1;
		p->line = 0;
		for (int f = 0; f < SC_COUNT; f++) {
			p->f[f].text = "";
			p->f[f].at = pt->at;
			p->f[f].present = 1;
		}
		p->f[SC_PARAMETER].text = pt->target;
		for (int f = SC_VALUE; f < SC_COUNT; f++)
			apply_patch(&p->f[f], find_patch(b, pt->target, NULL, f));
	}
}

static int add_param(struct model *m, const char *name, const struct dist *d,
		     const char *source, int is_default, unsigned line)
{
	m->params = xreallocarray(m->params, m->nparams + 1,
				  sizeof(*m->params));
	struct model_param *p = &m->params[m->nparams];
	p->name = xstrdup(name);
	p->dist = *d;
	p->source = xstrdup(source ? source : "");
	p->is_default = is_default;
	p->line = line;
	return (int)m->nparams++;
}

static struct dist_cells row_dist_cells(struct prow *p)
{
	struct dist_cells dc = {&p->f[SC_DIST], &p->f[SC_LOW], &p->f[SC_VALUE],
				&p->f[SC_HIGH], "value", p->f[SC_PARAMETER].at};
	return dc;
}

/* Text keys and integers take no range: low, high and dist stay blank. */
static int expect_no_range(struct builder *b, struct prow *p,
			   const char *name, const char *kind)
{
	int bad = 0;
	const int cols[] = {SC_LOW, SC_HIGH, SC_DIST};
	char buf[64];
	for (int i = 0; i < 3; i++) {
		const struct cell *c = &p->f[cols[i]];
		if (blank(c))
			continue;
		if (cols[i] == SC_DIST &&
		    strcasecmp(strbuf_trim_into(c->text, buf, sizeof(buf)), "fixed") == 0)
			continue;
		ERR(b, c->at, "column '%s' must be blank: '%s' is %s",
		    model_scen_cols[cols[i]], name, kind);
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int need_value(struct builder *b, struct prow *p, const char *name)
{
	if (!blank(&p->f[SC_VALUE]))
		return 0;
	ERR(b, cell_or_row(&p->f[SC_VALUE], p->f[SC_PARAMETER].at),
	    "missing required cell: '%s' needs a value", name);
	return -1;
}

static void text_key(struct builder *b, struct prow *p, const char *name)
{
	struct model *m = b->m;
	if (expect_no_range(b, p, name, "a text setting") ||
	    need_value(b, p, name))
		return;
	char buf[256];
	const char *v = strbuf_trim_into(p->f[SC_VALUE].text, buf, sizeof(buf));
	if (strcmp(name, "title") == 0) {
		free(m->title);
		m->title = xstrdup(v);
	} else if (strcmp(name, "year_labels") == 0) {
		if (strcasecmp(v, "calendar") == 0)
			m->school_years = 0;
		else if (strcasecmp(v, "school") == 0)
			m->school_years = 1;
		else
			ERR(b, p->f[SC_VALUE].at,
			    "year_labels must be 'calendar' or 'school', got "
			    "'%s'",
			    v);
	}
	/* baseline and label.<option> are resolved once options are known. */
}

struct int_rule {
	const char *name;
	long long lo, hi;
};

static const struct int_rule int_rules[] = {
	{"years", 1, 100},
	{"base_year", 1000, 9999},
	{"trials", 1, 10000000},
	{"aid_lag", 0, 10},
};

static void int_param(struct builder *b, struct prow *p, const char *name)
{
	struct model *m = b->m;
	if (expect_no_range(b, p, name, "a whole number") ||
	    need_value(b, p, name))
		return;
	if (strcmp(name, "seed") == 0) {
		const char *why;
		uint64_t s;
		if (number_parse_u64(p->f[SC_VALUE].text, &s, &why) != 0) {
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, p->f[SC_VALUE].text, 40);
			ERR(b, p->f[SC_VALUE].at, "seed: %s, got %s", why,
			    strbuf_str(&q));
			strbuf_free(&q);
			return;
		}
		m->seed = s;
		return;
	}
	double v;
	if (parse_num(b, &p->f[SC_VALUE], name, NUM_INTEGER, &v))
		return;
	for (size_t i = 0; i < sizeof(int_rules) / sizeof(*int_rules); i++) {
		const struct int_rule *r = &int_rules[i];
		if (strcmp(r->name, name) != 0)
			continue;
		if (v < (double)r->lo || v > (double)r->hi) {
			ERR(b, p->f[SC_VALUE].at,
			    "%s must be from %lld to %lld, got %.15g", name,
			    r->lo, r->hi, v);
			return;
		}
	}
	if (strcmp(name, "years") == 0)
		m->years = (int)v;
	else if (strcmp(name, "base_year") == 0) {
		m->base_year = (int)v;
		m->has_base_year = 1;
	} else if (strcmp(name, "trials") == 0)
		m->trials = (long)v;
	else if (strcmp(name, "aid_lag") == 0)
		m->aid_lag = (int)v;
}

/* Bounds of the reserved numbers that may be uncertain. */
static const struct bounds students_bounds = {0, INFINITY, 1, 1, 0,
					      "the number of students"};
static const struct bounds growth_bounds = {-1, INFINITY, 1, 1, 0,
					    "enrollment_growth"};
static const struct bounds discount_bounds = {-1, INFINITY, 1, 1, 0,
					      "discount_rate"};
static const struct bounds aid_ratio_bounds = {0, 1, 0, 0, 1, "aid_ratio"};
static const struct bounds rho_bounds = {0, 1, 0, 1, 1, "a correlation"};

static void number_param(struct builder *b, struct prow *p, const char *name)
{
	struct model *m = b->m;
	const struct bounds *r = NULL;
	enum num_kind kind = NUM_ANY;
	int *slot = NULL;
	if (strcmp(name, "students") == 0) {
		r = &students_bounds;
		kind = NUM_PLAIN;
		slot = &m->p_students;
	} else if (strcmp(name, "enrollment_growth") == 0) {
		r = &growth_bounds;
		kind = NUM_RATE;
		slot = &m->p_growth;
	} else if (strcmp(name, "discount_rate") == 0) {
		r = &discount_bounds;
		kind = NUM_RATE;
		slot = &m->p_discount;
	} else if (strcmp(name, "aid_ratio") == 0) {
		r = &aid_ratio_bounds;
		kind = NUM_RATE;
		slot = &m->p_aid_ratio;
	} else if (strcmp(name, "correlation") == 0 ||
		   starts_with(name, "correlation.")) {
		r = &rho_bounds;
		kind = NUM_RATE;
	}
	struct dist_cells dc = row_dist_cells(p);
	struct dist d;
	if (parse_dist(b, &dc, kind, &d) != 0)
		return;
	if (r == &rho_bounds && d.kind != DIST_FIXED) {
		ERR(b, p->f[SC_DIST].at,
		    "'%s' must be a fixed number (a correlation is not "
		    "drawn)",
		    name);
		return;
	}
	if (r && check_bounds(b, &dc, &d, r, "") != 0)
		return;
	if (r == &rho_bounds)
		return; /* applied to the groups later */
	int idx = add_param(m, name, &d, p->f[SC_SOURCE].text, 0, p->line);
	p->param = idx;
	if (slot)
		*slot = idx;
}

static void scenario_rows(struct builder *b)
{
	struct model *m = b->m;
	char buf[256];
	for (size_t i = 0; i < b->nrows; i++) {
		struct prow *p = &b->rows[i];
		const struct cell *nc = &p->f[SC_PARAMETER];
		const char *name = strbuf_trim_into(nc->text, buf, sizeof(buf));
		if (!*name) {
			ERR(b, nc->at, "missing required cell: the "
				       "parameter's name");
			continue;
		}
		if (!valid_name(name, "_.")) {
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, nc->text, 40);
			ERR(b, nc->at,
			    "invalid parameter name %s (lower-case letters, "
			    "digits, '_' and '.', starting with a letter)",
			    strbuf_str(&q));
			strbuf_free(&q);
			continue;
		}
		if (strcmp(name, "costs") == 0) {
			if (!expect_no_range(b, p, name, "a file name"))
				need_value(b, p, name);
			continue;
		}
		struct prow *first = find_row(b, name);
		if (first != p) {
			if (first->line)
				ERR(b, nc->at,
				    "parameter '%s' is defined twice (first "
				    "on line %u)",
				    name, first->line);
			else
				ERR(b, nc->at,
				    "parameter '%s' is defined twice", name);
			continue;
		}
		if (is_text_key(name))
			text_key(b, p, name);
		else if (strcmp(name, "years") == 0)
			continue; /* read first, by model_build */
		else if (in_list(name, reserved_ints))
			int_param(b, p, name);
		else
			number_param(b, p, name);
	}
	(void)m;
}

/* ---- the cost items ------------------------------------------------- */

/* Resolves a cell that holds a number or a parameter name.  Returns 0 and
 * fills *ref, or -1 after reporting. */
static int parse_ref(struct builder *b, const struct cell *c,
		     const char *col, enum num_kind kind,
		     struct model_ref *ref, struct prow **used)
{
	char buf[256];
	const char *s = strbuf_trim_into(c->text, buf, sizeof(buf));
	*used = NULL;
	ref->param = -1;
	ref->value = 0;
	if (isalpha((unsigned char)s[0]) && strcasecmp(s, "nan") != 0 &&
	    strcasecmp(s, "inf") != 0 && strcasecmp(s, "infinity") != 0) {
		if (!valid_name(s, "_.")) {
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, c->text, 40);
			ERR(b, c->at,
			    "%s: expected a number or a parameter name, got "
			    "%s",
			    col, strbuf_str(&q));
			strbuf_free(&q);
			return -1;
		}
		struct prow *p = find_row(b, s);
		if (!p || is_text_key(s) || strcmp(s, "costs") == 0) {
			ERR(b, c->at,
			    "%s: undefined parameter '%s' (define it in the "
			    "scenario file)",
			    col, s);
			return -1;
		}
		if (model_is_reserved_number(s)) {
			ERR(b, c->at,
			    "%s: '%s' is a reserved parameter and cannot be "
			    "used here (define a parameter of your own)",
			    col, s);
			return -1;
		}
		if (p->param < 0)
			return -1; /* its own definition was reported */
		ref->param = p->param;
		*used = p;
		return 0;
	}
	return parse_num(b, c, col, kind, &ref->value);
}

static void note_seen(struct builder *b, const char *kind, const char *name)
{
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s, "%s:%s", kind, name);
	GROW(b->seen, b->seen_cap, b->nseen + 1);
	b->seen[b->nseen++] = strbuf_take(&s);
}

static int was_seen(const struct builder *b, const char *kind,
		    const char *name)
{
	size_t k = strlen(kind);
	for (size_t i = 0; i < b->nseen; i++)
		if (strncmp(b->seen[i], kind, k) == 0 && b->seen[i][k] == ':' &&
		    strcmp(b->seen[i] + k + 1, name) == 0)
			return 1;
	return 0;
}

static int intern_category(struct model *m, const char *name)
{
	for (size_t i = 0; i < m->ncategories; i++)
		if (strcmp(m->categories[i], name) == 0)
			return (int)i;
	m->categories = xreallocarray(m->categories, m->ncategories + 1,
				      sizeof(*m->categories));
	m->categories[m->ncategories] = xstrdup(name);
	return (int)m->ncategories++;
}

static int intern_option(struct model *m, const char *id)
{
	int o = model_find_option(m, id);
	if (o >= 0)
		return o;
	m->options = xreallocarray(m->options, m->noptions + 1,
				   sizeof(*m->options));
	m->options[m->noptions].id = xstrdup(id);
	m->options[m->noptions].label = xstrdup(id);
	return (int)m->noptions++;
}

static int intern_group(struct model *m, const char *name)
{
	for (size_t i = 0; i < m->ngroups; i++)
		if (strcmp(m->groups[i].name, name) == 0)
			return (int)i;
	m->groups = xreallocarray(m->groups, m->ngroups + 1,
				  sizeof(*m->groups));
	m->groups[m->ngroups].name = xstrdup(name);
	m->groups[m->ngroups].rho = 0;
	return (int)m->ngroups++;
}

static int parse_year(struct builder *b, const struct cell *c,
		      const char *col, int dflt, int *out)
{
	if (blank(c)) {
		*out = dflt;
		return 0;
	}
	double v;
	if (parse_num(b, c, col, NUM_INTEGER, &v))
		return -1;
	if (v < 1 || v > b->m->years) {
		ERR(b, c->at, "%s must be a program year from 1 to %d, got %g",
		    col, b->m->years, v);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static void note_use(struct prow *p, int *flag, struct loc at)
{
	if (!p)
		return;
	if (!p->use.file)
		p->use = at;
	*flag = 1;
}

/* Checks one cost-item row and adds it to the model. */
static void item_row(struct builder *b, int file, const struct model_table *mt,
		     const struct csvin_row *row)
{
	struct model *m = b->m;
	struct cell f[IC_COUNT];
	char obuf[256], ibuf[1024], buf[256];
	for (int i = 0; i < IC_COUNT; i++)
		f[i] = table_cell(mt, row, i);
	const char *opt = strbuf_trim_into(f[IC_OPTION].text, obuf, sizeof(obuf));
	const char *name = strbuf_trim_into(f[IC_ITEM].text, ibuf, sizeof(ibuf));
	for (int i = IC_CATEGORY; i < IC_COUNT; i++)
		apply_patch(&f[i], find_patch(b, opt, name, i));
	struct loc rowloc = csvin_loc(&mt->t, row, 0);
	size_t before = b->d->nerrors;
	char seen_buf[256];
	note_seen(b, "option", opt);
	note_seen(b, "group",
		  strbuf_trim_into(f[IC_GROUP].text, seen_buf, sizeof(seen_buf)));

	if (!*opt) {
		ERR(b, f[IC_OPTION].at, "missing required cell: option");
	} else if (!valid_name(opt, "_-")) {
		struct strbuf q = STRBUF_INIT;
		diag_quote(&q, f[IC_OPTION].text, 40);
		ERR(b, f[IC_OPTION].at,
		    "invalid option id %s (lower-case letters, digits, '_' "
		    "and '-', starting with a letter)",
		    strbuf_str(&q));
		strbuf_free(&q);
	}
	if (!*name)
		ERR(b, f[IC_ITEM].at, "missing required cell: item");
	const char *cat = strbuf_trim_into(f[IC_CATEGORY].text, buf, sizeof(buf));
	if (!*cat)
		ERR(b, f[IC_CATEGORY].at, "missing required cell: category");
	if (b->d->nerrors > before)
		return;

	struct model_item it;
	memset(&it, 0, sizeof(it));
	it.group = -1;
	it.file = file;
	it.line = row->line;
	int bad = 0;

	/* quantity */
	struct prow *qp = NULL;
	char qbuf[64];
	const char *qs = strbuf_trim_into(f[IC_QUANTITY].text, qbuf, sizeof(qbuf));
	if (!*qs) {
		it.qty = QTY_NUMBER;
		it.quantity.param = -1;
		it.quantity.value = 1;
	} else if (strcmp(qs, "students") == 0) {
		it.qty = QTY_STUDENTS;
		it.quantity.param = -1;
		if (m->p_students < 0 && !find_row(b, "students")) {
			ERR(b, f[IC_QUANTITY].at,
			    "quantity 'students' needs the scenario parameter "
			    "'students' (enrollment in year 1)");
			bad = 1;
		}
	} else if (parse_ref(b, &f[IC_QUANTITY], "quantity", NUM_PLAIN,
			     &it.quantity, &qp) != 0) {
		bad = 1;
	} else {
		it.qty = qp ? QTY_PARAM : QTY_NUMBER;
		if (!qp && it.quantity.value < 0) {
			ERR(b, f[IC_QUANTITY].at,
			    "quantity must be 0 or more, got %g (use a "
			    "negative unit cost for a credit)",
			    it.quantity.value);
			bad = 1;
		}
		note_use(qp, qp ? &qp->as_quantity : NULL, f[IC_QUANTITY].at);
	}

	/* unit cost */
	struct dist_cells dc = {&f[IC_DIST], &f[IC_LOW], &f[IC_LIKELY],
				&f[IC_HIGH], "likely", rowloc};
	if (!f[IC_DIST].present)
		dc.row = f[IC_ITEM].at;
	if (parse_dist(b, &dc, NUM_MONEY, &it.cost) != 0)
		bad = 1;

	/* per, start, end */
	char perbuf[64];
	const char *per = strbuf_trim_into(f[IC_PER].text, perbuf, sizeof(perbuf));
	if (!*per || strcasecmp(per, "year") == 0) {
		it.once = 0;
	} else if (strcasecmp(per, "once") == 0) {
		it.once = 1;
	} else {
		ERR(b, f[IC_PER].at, "per must be 'year' or 'once', got '%s'",
		    per);
		bad = 1;
	}
	if (parse_year(b, &f[IC_START], "start", 1, &it.start) ||
	    parse_year(b, &f[IC_END], "end", m->years, &it.end)) {
		bad = 1;
	} else if (it.end < it.start) {
		ERR(b, f[IC_END].at, "end (%d) must not be before start (%d)",
		    it.end, it.start);
		bad = 1;
	}

	/* escalation and probability */
	struct prow *ep = NULL, *pp = NULL;
	if (blank(&f[IC_ESCALATION])) {
		it.escalation.param = -1;
	} else if (parse_ref(b, &f[IC_ESCALATION], "escalation", NUM_RATE,
			     &it.escalation, &ep) != 0) {
		bad = 1;
	} else if (!ep && !(it.escalation.value > -1)) {
		ERR(b, f[IC_ESCALATION].at,
		    "escalation must be greater than -1 (-100%%), got %g",
		    it.escalation.value);
		bad = 1;
	}
	note_use(ep, ep ? &ep->as_escalation : NULL, f[IC_ESCALATION].at);
	if (blank(&f[IC_PROBABILITY])) {
		it.probability.param = -1;
		it.probability.value = 1;
	} else if (parse_ref(b, &f[IC_PROBABILITY], "probability", NUM_RATE,
			     &it.probability, &pp) != 0) {
		bad = 1;
	} else if (!pp && (it.probability.value < 0 ||
			   it.probability.value > 1)) {
		ERR(b, f[IC_PROBABILITY].at,
		    "probability must be from 0 to 1, got %g",
		    it.probability.value);
		bad = 1;
	}
	note_use(pp, pp ? &pp->as_probability : NULL, f[IC_PROBABILITY].at);

	/* payer and aid */
	char pbuf[64];
	const char *payer = strbuf_trim_into(f[IC_PAYER].text, pbuf, sizeof(pbuf));
	it.payer = PAYER_DISTRICT;
	if (*payer) {
		int k = 0;
		while (k < PAYER_COUNT && strcasecmp(payer, payer_name((enum payer)k)))
			k++;
		if (k == PAYER_COUNT) {
			ERR(b, f[IC_PAYER].at,
			    "unknown payer '%s' (valid: district, state, "
			    "federal, other)",
			    payer);
			bad = 1;
		} else {
			it.payer = (enum payer)k;
		}
	}
	if (!blank(&f[IC_AID])) {
		if (parse_num(b, &f[IC_AID], "aid", NUM_RATE, &it.aid)) {
			bad = 1;
		} else if (it.aid < 0 || it.aid > 1) {
			ERR(b, f[IC_AID].at,
			    "aid (the aidable share) must be from 0 to 1, got "
			    "%g",
			    it.aid);
			bad = 1;
		} else if (it.aid > 0 && it.payer != PAYER_DISTRICT) {
			ERR(b, f[IC_AID].at,
			    "aid applies only to items the district pays "
			    "(payer is %s)",
			    payer_name(it.payer));
			bad = 1;
		}
	}

	/* group */
	char gbuf[256];
	const char *group = strbuf_trim_into(f[IC_GROUP].text, gbuf, sizeof(gbuf));
	if (*group && !valid_name(group, "_")) {
		ERR(b, f[IC_GROUP].at,
		    "invalid group name '%s' (lower-case letters, digits and "
		    "'_', starting with a letter)",
		    group);
		bad = 1;
	}

	int o = model_find_option(m, opt);
	if (o >= 0 && model_find_item(m, o, name) >= 0) {
		const struct model_item *prev =
			&m->items[model_find_item(m, o, name)];
		ERR(b, f[IC_ITEM].at,
		    "duplicate item '%s' in option '%s' (first in %s, line "
		    "%u)",
		    name, opt, m->files[prev->file].path, prev->line);
		return;
	}
	if (bad)
		return;
	it.option = intern_option(m, opt);
	it.name = xstrdup(name);
	it.category = intern_category(
		m, strbuf_trim_into(f[IC_CATEGORY].text, buf, sizeof(buf)));
	if (*group)
		it.group = intern_group(m, group);
	it.source = xstrdup(f[IC_SOURCE].text);
	m->items = xreallocarray(m->items, m->nitems + 1, sizeof(*m->items));
	m->items[m->nitems++] = it;
}

static void cost_tables(struct builder *b)
{
	struct model *m = b->m;
	for (size_t i = 0; i < b->src->ncosts; i++) {
		const struct model_table *mt = &b->src->costs[i];
		m->files = xreallocarray(m->files, m->nfiles + 1,
					 sizeof(*m->files));
		m->files[m->nfiles].path = xstrdup(mt->t.file.path);
		memcpy(m->files[m->nfiles].sha256, mt->t.file.sha256, 65);
		int file = (int)m->nfiles++;
		if (mt->col[IC_OPTION] < 0 || mt->col[IC_ITEM] < 0 ||
		    mt->col[IC_CATEGORY] < 0) {
			b->tables_ok = 0; /* reported with the header */
			continue;
		}
		b->rows_total += mt->t.nrows;
		for (size_t r = 0; r < mt->t.nrows; r++)
			item_row(b, file, mt, &mt->t.rows[r]);
	}
}

/* ---- after the items ------------------------------------------------ */

/* A user parameter takes the bounds of every use it is put to. */
static void check_uses(struct builder *b)
{
	static const struct bounds prob = {0, 1, 0, 0, 1,
					   "a parameter used as a probability"};
	static const struct bounds esc = {-1, INFINITY, 1, 1, 0,
					  "a parameter used as an escalation"};
	static const struct bounds qty = {0, INFINITY, 0, 1, 0,
					  "a parameter used as a quantity"};
	char buf[256];
	for (size_t i = 0; i < b->nrows; i++) {
		struct prow *p = &b->rows[i];
		if (p->param < 0)
			continue;
		const char *name =
			strbuf_trim_into(p->f[SC_PARAMETER].text, buf, sizeof(buf));
		if (model_is_reserved_number(name))
			continue;
		struct dist_cells dc = row_dist_cells(p);
		const struct dist *d = &b->m->params[p->param].dist;
		struct strbuf ctx = STRBUF_INIT;
		strbuf_printf(&ctx, " ('%s', used in %s:%u)", name,
			      p->use.file ? p->use.file : "?", p->use.line);
		if (p->as_probability)
			check_bounds(b, &dc, d, &prob, strbuf_str(&ctx));
		if (p->as_escalation)
			check_bounds(b, &dc, d, &esc, strbuf_str(&ctx));
		if (p->as_quantity)
			check_bounds(b, &dc, d, &qty, strbuf_str(&ctx));
		if (!p->use.file && p->line && b->d->nerrors == 0)
			diags_add(b->d, DIAG_WARNING, p->f[SC_PARAMETER].at,
				  "parameter '%s' is not used by any cost item",
				  name);
		strbuf_free(&ctx);
	}
}

/* baseline, label.<option> and correlation.<group> name things that only
 * exist once the cost items are read. */
static void resolve_names(struct builder *b)
{
	struct model *m = b->m;
	char buf[256], vbuf[1024];
	double global_rho = 0;
	b->label_rows = xcalloc(m->noptions + 1, sizeof(int));
	for (size_t o = 0; o < m->noptions; o++)
		b->label_rows[o] = -1;
	for (size_t i = 0; i < b->nrows; i++) {
		struct prow *p = &b->rows[i];
		if (find_row(b, strbuf_trim_into(p->f[SC_PARAMETER].text, buf,
					sizeof(buf))) != p)
			continue;
		const char *name =
			strbuf_trim_into(p->f[SC_PARAMETER].text, buf, sizeof(buf));
		const char *v = strbuf_trim_into(p->f[SC_VALUE].text, vbuf, sizeof(vbuf));
		const struct cell *vc = &p->f[SC_VALUE];
		if (strcmp(name, "baseline") == 0 && *v) {
			m->baseline = model_find_option(m, v);
			if (m->baseline < 0 &&
			    (was_seen(b, "option", v) || b->src->incomplete)) {
				m->baseline = 0; /* its rows have errors */
			} else if (m->baseline < 0) {
				ERR(b, vc->at,
				    "baseline '%s' is not an option of the "
				    "cost files",
				    v);
				m->baseline = 0;
			}
		} else if (starts_with(name, "label.") && *v) {
			int o = model_find_option(m, name + 6);
			if (o < 0 && (was_seen(b, "option", name + 6) ||
				      b->src->incomplete)) {
				continue;
			} else if (o < 0) {
				ERR(b, p->f[SC_PARAMETER].at,
				    "'%s' labels option '%s', which no cost "
				    "item uses",
				    name, name + 6);
			} else {
				free(m->options[o].label);
				m->options[o].label = xstrdup(v);
				b->label_rows[o] = (int)i;
			}
		} else if (strcmp(name, "correlation") == 0 ||
			   starts_with(name, "correlation.")) {
			double rho;
			const char *why;
			if (number_parse(v, NUM_RATE, &rho, &why) != 0)
				continue; /* reported already */
			if (strcmp(name, "correlation") == 0) {
				global_rho = rho;
				continue;
			}
			int found = 0;
			for (size_t g = 0; g < m->ngroups; g++)
				found |= strcmp(m->groups[g].name, name + 12) == 0;
			if (!found && !was_seen(b, "group", name + 12) &&
			    !b->src->incomplete)
				ERR(b, p->f[SC_PARAMETER].at,
				    "'%s' sets the correlation of group '%s', "
				    "but no cost item is in that group",
				    name, name + 12);
		}
	}
	for (size_t g = 0; g < m->ngroups; g++) {
		struct strbuf key = STRBUF_INIT;
		strbuf_printf(&key, "correlation.%s", m->groups[g].name);
		struct prow *p = find_row(b, strbuf_str(&key));
		double rho = global_rho;
		const char *why;
		if (p)
			number_parse(p->f[SC_VALUE].text, NUM_RATE, &rho, &why);
		m->groups[g].rho = rho;
		strbuf_free(&key);
	}
}

/* Options are listed in the order of their label.<option> rows when every
 * option has one (so reordering cost rows cannot reorder the results), and
 * otherwise in the order the cost files first name them. */
static void order_options(struct builder *b)
{
	struct model *m = b->m;
	size_t n = m->noptions;
	for (size_t o = 0; o < n; o++)
		if (b->label_rows[o] < 0)
			return;
	if (n == 0)
		return;
	int *perm = xmalloc(n * sizeof(int));
	for (size_t o = 0; o < n; o++)
		perm[o] = (int)o;
	for (size_t i = 1; i < n; i++) /* insertion sort by label row */
		for (size_t j = i; j > 0 && b->label_rows[perm[j]] <
						 b->label_rows[perm[j - 1]];
		     j--) {
			int t = perm[j];
			perm[j] = perm[j - 1];
			perm[j - 1] = t;
		}
	int *inv = xmalloc(n * sizeof(int));
	struct model_option *opts = xmalloc(n * sizeof(*opts));
	for (size_t k = 0; k < n; k++) {
		opts[k] = m->options[perm[k]];
		inv[perm[k]] = (int)k;
	}
	free(m->options);
	m->options = opts;
	for (size_t i = 0; i < m->nitems; i++)
		m->items[i].option = inv[m->items[i].option];
	m->baseline = inv[m->baseline];
	free(perm);
	free(inv);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Categories are kept in alphabetical order, the same in every exhibit. */
static void order_categories(struct model *m)
{
	if (m->ncategories == 0)
		return;
	char **old = xmalloc((m->ncategories + 1) * sizeof(char *));
	memcpy(old, m->categories, m->ncategories * sizeof(char *));
	qsort(m->categories, m->ncategories, sizeof(char *), cmp_str);
	for (size_t i = 0; i < m->nitems; i++) {
		const char *name = old[m->items[i].category];
		for (size_t c = 0; c < m->ncategories; c++)
			if (m->categories[c] == name)
				m->items[i].category = (int)c;
	}
	free(old);
}

static void defaults(struct model *m)
{
	const struct dist zero = {DIST_FIXED, NAN, 0, NAN};
	if (m->p_growth < 0)
		m->p_growth = add_param(m, "enrollment_growth", &zero, "", 1, 0);
	if (m->p_aid_ratio < 0)
		m->p_aid_ratio = add_param(m, "aid_ratio", &zero, "", 1, 0);
	if (m->p_discount < 0)
		m->p_discount = add_param(m, "discount_rate", &zero, "", 1, 0);
}

int model_build(const struct model_source *src,
		const struct model_patch *patches, size_t npatches,
		struct model *m, struct diags *diags)
{
	memset(m, 0, sizeof(*m));
	m->years = 5;
	m->trials = 10000;
	m->seed = 1;
	m->aid_lag = 1;
	m->p_students = m->p_growth = m->p_aid_ratio = m->p_discount = -1;
	struct builder b;
	memset(&b, 0, sizeof(b));
	b.src = src;
	b.patches = patches;
	b.npatches = npatches;
	b.m = m;
	b.d = diags;
	b.tables_ok = 1;
	for (size_t i = 0; i < src->ncosts; i++)
		if (src->costs[i].t.header.n == 0)
			b.tables_ok = 0; /* an empty file: reported already */
	size_t before = diags->nerrors;

	m->files = xmalloc(sizeof(*m->files));
	m->files[0].path = xstrdup(src->path);
	memcpy(m->files[0].sha256, src->scen.t.file.sha256, 65);
	m->nfiles = 1;

	if (src->scen.broken) {
		/* No parameter column, no value column or no header: every row
		 * would only repeat that (already reported). */
		model_free(m);
		return 1;
	}
	gather_rows(&b);
	/* years first: item years are checked against it. */
	struct prow *yp = find_row(&b, "years");
	if (yp)
		int_param(&b, yp, "years");
	scenario_rows(&b);
	if (!m->title)
		m->title = file_stem(src->path);
	defaults(m);
	cost_tables(&b);
	if (b.rows_total == 0 && !src->incomplete && src->ncosts > 0) {
		struct loc at = {src->path, 0, 0};
		diag_error(diags, at, "the cost files hold no cost items");
	} else if (src->ncosts == 0 && src->nmissing == 0) {
		struct loc at = {src->path, src->scen.t.header.line, 1};
		diag_error(diags, at,
			   "no cost files: add a row 'costs,<path of a cost "
			   "items CSV>'");
	}
	check_uses(&b);
	resolve_names(&b);
	order_options(&b);
	order_categories(m);
	free(b.rows);
	free(b.label_rows);
	for (size_t i = 0; i < b.nseen; i++)
		free(b.seen[i]);
	free(b.seen);
	if (diags->nerrors > before) {
		model_free(m);
		return 1;
	}
	return 0;
}
