/* Checking the rows of a scenario file (see build.h). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/file.h"
#include "model/build.h"
#include "util/mem.h"
#include "util/suggest.h"

/* ---- the scenario --------------------------------------------------- */

struct prow *build_find_row(struct builder *b, const char *name)
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
void build_gather_rows(struct builder *b)
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
		p->too_wide = row->too_wide;
		for (int f = 0; f < SC_COUNT; f++)
			p->f[f] = build_table_cell(st, row, f);
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
			build_apply_patch(&p->f[f], build_find_patch(b, name, NULL, f));
		/* A sweep's value for a ranged parameter fixes it. */
		const struct model_patch *vp =
			first ? build_find_patch(b, name, NULL, SC_VALUE) : NULL;
		static const int range[3] = {SC_LOW, SC_HIGH, SC_DIST};
		for (int k = 0; vp && k < 3; k++)
			if (build_find_patch(b, name, NULL, range[k]))
				vp = NULL; /* the case sets the range too */
		for (int k = 0; vp && vp->fixes && *vp->text && k < 3; k++) {
			p->f[range[k]].text = "";
			p->f[range[k]].at = vp->at;
		}
	}
	for (size_t i = 0; i < b->npatches; i++) {
		const struct model_patch *pt = &b->patches[i];
		if (pt->item || build_find_row(b, pt->target))
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
			build_apply_patch(&p->f[f], build_find_patch(b, pt->target, NULL, f));
	}
}

int build_add_param(struct model *m, const char *name, const struct dist *d,
		     const char *source, int is_default, unsigned line)
{
	m->params = xreallocarray(m->params, m->nparams + 1,
				  sizeof(*m->params));
	struct model_param *p = &m->params[m->nparams];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	p->dist = *d;
	p->source = xstrdup(source ? source : "");
	p->is_default = is_default;
	p->line = line;
	return (int)m->nparams++;
}

struct dist_cells build_row_dist_cells(struct prow *p)
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
		if (build_blank(c))
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
	if (!build_blank(&p->f[SC_VALUE]))
		return 0;
	ERR(b, build_cell_or_row(&p->f[SC_VALUE], p->f[SC_PARAMETER].at),
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
		else {
			static const char *const kinds[] = {"calendar",
							    "school"};
			const char *near = suggest_nearest(v, kinds, 2);
			ERR(b, p->f[SC_VALUE].at,
			    "year_labels must be 'calendar' or 'school', got "
			    "'%s'%s%s%s",
			    v, near ? ": did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
		}
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

void build_int_param(struct builder *b, struct prow *p, const char *name)
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
	if (build_parse_num(b, &p->f[SC_VALUE], name, NUM_INTEGER, &v))
		return;
	for (size_t i = 0; i < sizeof(int_rules) / sizeof(*int_rules); i++) {
		const struct int_rule *r = &int_rules[i];
		if (strcmp(r->name, name) != 0)
			continue;
		if (v < (double)r->lo || v > (double)r->hi) {
			char w[80];
			ERR(b, p->f[SC_VALUE].at,
			    "%s must be from %lld to %lld, got %s", name,
			    r->lo, r->hi,
			    build_written(&p->f[SC_VALUE], w, sizeof(w)));
			return;
		}
	}
	if (strcmp(name, "years") == 0)
		m->years = (int)v;
	else if (strcmp(name, "base_year") == 0) {
		m->base_year = (int)v;
		m->has_base_year = 1;
	} else if (strcmp(name, "trials") == 0) {
		m->trials = (long)v;
		m->trials_line = p->f[SC_VALUE].at.line;
		m->trials_col = p->f[SC_VALUE].at.col;
	} else if (strcmp(name, "aid_lag") == 0)
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
static const struct bounds exit_bounds = {1, INFINITY, 0, 1, 1,
					  "exit_year (a program year)"};

static const struct bounds levy_bounds = {0, INFINITY, 1, 1, 0, "levy"};
static const struct bounds full_value_bounds = {0, INFINITY, 1, 1, 0,
						"full_value"};
static const struct bounds levy_growth_bounds = {0, 1, 1, 1, 1,
						 "levy_growth"};

/* levy, full_value and levy_growth (SPEC 12): fixed numbers, read into the
 * model, not parameters (nothing draws them). */
static void levy_setting(struct builder *b, struct prow *p, const char *name)
{
	struct model *m = b->m;
	int growth = strcmp(name, "levy_growth") == 0;
	const struct bounds *r = growth ? &levy_growth_bounds
				 : strcmp(name, "levy") == 0 ? &levy_bounds
							     : &full_value_bounds;
	if (need_value(b, p, name))
		return;
	struct dist_cells dc = build_row_dist_cells(p);
	struct dist d;
	if (build_parse_dist(b, &dc, growth ? NUM_RATE : NUM_ANY, &d) != 0)
		return;
	if (d.kind != DIST_FIXED) {
		ERR(b, p->f[SC_DIST].at,
		    "'%s' must be a fixed number (the levy settings are not "
		    "drawn)",
		    name);
		return;
	}
	if (build_check_bounds(b, &dc, &d, r, "") != 0)
		return;
	if (growth) {
		m->levy_growth = d.likely;
	} else if (r == &levy_bounds) {
		m->levy = d.likely;
		m->has_levy = 1;
	} else {
		m->full_value = d.likely;
		m->has_full_value = 1;
	}
}

static void number_param(struct builder *b, struct prow *p, const char *name)
{
	struct model *m = b->m;
	const struct bounds *r = NULL;
	enum num_kind kind = NUM_ANY;
	int *slot = NULL;
	if (strcmp(name, "students") == 0 ||
	    build_starts_with(name, "students.")) {
		r = &students_bounds;
		kind = NUM_PLAIN;
		if (name[8] == 0)
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
	} else if (strcmp(name, "levy") == 0 ||
		   strcmp(name, "full_value") == 0 ||
		   strcmp(name, "levy_growth") == 0) {
		levy_setting(b, p, name);
		return;
	} else if (strcmp(name, "correlation") == 0 ||
		   build_starts_with(name, "correlation.")) {
		r = &rho_bounds;
		kind = NUM_RATE;
	} else if (strcmp(name, "exit_year") == 0) {
		/* SPEC 10: blank or 'none' (and no range): the district
		 * stays. */
		char vb[64];
		const char *v = strbuf_trim_into(p->f[SC_VALUE].text, vb,
						 sizeof(vb));
		if ((!*v || strcasecmp(v, "none") == 0) &&
		    build_blank(&p->f[SC_LOW]) && build_blank(&p->f[SC_HIGH]) &&
		    build_blank(&p->f[SC_DIST]))
			return;
		r = &exit_bounds;
		kind = NUM_PLAIN;
		slot = &m->p_exit;
	}
	struct dist_cells dc = build_row_dist_cells(p);
	struct dist d;
	const char *near = r ? NULL : build_near_setting(name);
	double v;
	const char *why;
	if (near && !build_blank(&p->f[SC_VALUE]) &&
	    number_parse(p->f[SC_VALUE].text, NUM_ANY, &v, &why) != 0) {
		/* "tilte,My title": a setting misspelt, not a number. */
		ERR(b, p->f[SC_PARAMETER].at,
		    "unknown setting '%s': did you mean '%s'?", name, near);
		return;
	}
	if (build_parse_dist(b, &dc, kind, &d) != 0)
		return;
	if (r == &rho_bounds && d.kind != DIST_FIXED) {
		ERR(b, p->f[SC_DIST].at,
		    "'%s' must be a fixed number (a correlation is not "
		    "drawn)",
		    name);
		return;
	}
	if (r && build_check_bounds(b, &dc, &d, r, "") != 0)
		return;
	if (r == &growth_bounds || r == &discount_bounds)
		build_warn_dist(b, &dc, &d, 0, name, "");
	if (r == &rho_bounds)
		return; /* applied to the groups later */
	int idx = build_add_param(m, name, &d, p->f[SC_SOURCE].text, 0, p->line);
	p->param = idx;
	if (slot)
		*slot = idx;
}

void build_scenario_rows(struct builder *b)
{
	struct model *m = b->m;
	char buf[256];
	for (size_t i = 0; i < b->nrows; i++) {
		struct prow *p = &b->rows[i];
		const struct cell *nc = &p->f[SC_PARAMETER];
		const char *name = strbuf_trim_into(nc->text, buf, sizeof(buf));
		if (p->too_wide)
			continue; /* its width was reported */
		if (!*name) {
			ERR(b, nc->at, "missing required cell: the "
				       "parameter's name");
			continue;
		}
		/* students.2017-18 (SPEC 11): a year label may hold '-'. */
		int year_row = build_starts_with(name, "students.") &&
			       name[9] != 0;
		for (const char *c = name + 9; year_row && *c; c++)
			year_row = isalnum((unsigned char)*c) || *c == '-';
		if (!year_row && !build_valid_name(name, "_.")) {
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
		struct prow *first = build_find_row(b, name);
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
		if (build_is_text_key(name))
			text_key(b, p, name);
		else if (strcmp(name, "years") == 0)
			continue; /* read first, by model_build */
		else if (build_is_reserved_int(name))
			build_int_param(b, p, name);
		else
			number_param(b, p, name);
	}
	(void)m;
}

/* The program year a students.<year> row names: a program year 1..H, or a
 * year label ("2017-18", "2017"); 0 for none. */
static int students_year(const struct model *m, const char *suffix)
{
	char *end;
	long v = strtol(suffix, &end, 10);
	if (isdigit((unsigned char)suffix[0]) && !*end && v >= 1 &&
	    v <= m->years)
		return (int)v;
	char buf[16];
	for (int t = 1; m->has_base_year && t <= m->years; t++)
		if (strcmp(model_year_label(m, t, buf, sizeof(buf)), suffix) == 0)
			return t;
	return 0;
}

void build_students_years(struct builder *b)
{
	struct model *m = b->m;
	char buf[256], l1[16], lh[16];
	struct prow *first = NULL;
	for (size_t i = 0; i < b->nrows; i++) {
		struct prow *p = &b->rows[i];
		const char *name = strbuf_trim_into(p->f[SC_PARAMETER].text,
						    buf, sizeof(buf));
		if (!build_starts_with(name, "students.") || p->param < 0 ||
		    build_find_row(b, name) != p)
			continue;
		int t = students_year(m, name + 9);
		if (t == 0) {
			if (m->has_base_year)
				ERR(b, p->f[SC_PARAMETER].at,
				    "'%s': no program year or year label "
				    "'%s' (program years 1 to %d, labels %s "
				    "to %s)",
				    name, name + 9, m->years,
				    model_year_label(m, 1, l1, sizeof(l1)),
				    model_year_label(m, m->years, lh,
						     sizeof(lh)));
			else
				ERR(b, p->f[SC_PARAMETER].at,
				    "'%s': no program year '%s' (program "
				    "years 1 to %d; a year label needs "
				    "base_year)",
				    name, name + 9, m->years);
			continue;
		}
		if (!m->p_students_year) {
			m->p_students_year = xmalloc(
				(size_t)(m->years + 1) * sizeof(int));
			for (int k = 0; k <= m->years; k++)
				m->p_students_year[k] = -1;
		}
		int prev = m->p_students_year[t];
		if (prev >= 0) {
			ERR(b, p->f[SC_PARAMETER].at,
			    "'%s' sets the enrollment of program year %d, as "
			    "'%s' does (line %u)",
			    name, t, m->params[prev].name, m->params[prev].line);
			continue;
		}
		m->p_students_year[t] = p->param;
		if (!first)
			first = p;
	}
	if (m->p_students_year && m->p_students < 0) {
		if (m->p_students_year[1] >= 0)
			m->p_students = m->p_students_year[1];
		else
			ERR(b, first->f[SC_PARAMETER].at,
			    "enrollment by year needs 'students' (the "
			    "enrollment of the years before the first one "
			    "given) or a row for program year 1");
	}
}
