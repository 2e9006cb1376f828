/* Checking every cell of a scenario and its cost tables, and building the
 * model from them (see source.h).  Each rule of the file specification that
 * a cell can break is checked where the cell is read, and every broken rule
 * is reported at the cell that breaks it.  This file ties the steps
 * together and checks the names that only exist once every row is read. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/file.h"
#include "model/build.h"
#include "util/mem.h"
#include "util/suggest.h"

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
		struct dist_cells dc = build_row_dist_cells(p);
		const struct dist *d = &b->m->params[p->param].dist;
		struct strbuf ctx = STRBUF_INIT;
		strbuf_printf(&ctx, " ('%s', used in %s:%u)", name,
			      p->use.file ? p->use.file : "?", p->use.line);
		struct strbuf wctx = STRBUF_INIT;
		strbuf_printf(&wctx, " (%s, first used in %s:%u)",
			      p->as_probability ? "a probability"
						: "an escalation",
			      p->use.file ? p->use.file : "?", p->use.line);
		if (p->as_probability &&
		    build_check_bounds(b, &dc, d, &prob, strbuf_str(&ctx)) == 0)
			build_warn_dist(b, &dc, d, 1, name, strbuf_str(&wctx));
		int esc_ok = p->as_escalation &&
			     build_check_bounds(b, &dc, d, &esc,
						strbuf_str(&ctx)) == 0;
		if (esc_ok && !p->as_probability)
			build_warn_dist(b, &dc, d, 0, name, strbuf_str(&wctx));
		strbuf_free(&wctx);
		if (p->as_quantity)
			build_check_bounds(b, &dc, d, &qty, strbuf_str(&ctx));
		const char *near = build_near_setting(name);
		if (!p->use.file && p->line && b->d->nerrors == 0 && near)
			diags_add(b->d, DIAG_WARNING, p->f[SC_PARAMETER].at,
				  "parameter '%s' is not used by any cost "
				  "item: did you mean the setting '%s'?",
				  name, near);
		else if (!p->use.file && p->line && b->d->nerrors == 0)
			diags_add(b->d, DIAG_WARNING, p->f[SC_PARAMETER].at,
				  "parameter '%s' is not used by any cost item",
				  name);
		strbuf_free(&ctx);
	}
}

/* The option id nearest to id among those of every cost row (valid or
 * not), for "did you mean", or NULL.  Points into b->seen. */
static const char *near_option(const struct builder *b, const char *id)
{
	const char **ids = xcalloc(b->nseen + 1, sizeof(char *));
	for (size_t i = 0; i < b->nseen; i++)
		if (build_starts_with(b->seen[i], "option:"))
			ids[i] = b->seen[i] + 7;
	const char *near = suggest_nearest(id, ids, b->nseen);
	free(ids);
	return near;
}

/* baseline, label.<option>, short.<option> and correlation.<group> name
 * things that only exist once the cost items are read. */
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
		if (build_find_row(b, strbuf_trim_into(p->f[SC_PARAMETER].text, buf,
					sizeof(buf))) != p)
			continue;
		const char *name =
			strbuf_trim_into(p->f[SC_PARAMETER].text, buf, sizeof(buf));
		const char *v = strbuf_trim_into(p->f[SC_VALUE].text, vbuf, sizeof(vbuf));
		const struct cell *vc = &p->f[SC_VALUE];
		if (p->too_wide)
			continue; /* its width was reported */
		if (strcmp(name, "baseline") == 0 && *v) {
			m->baseline = model_find_option(m, v);
			if (m->baseline < 0 &&
			    (build_was_seen(b, "option", v) || b->src->incomplete)) {
				m->baseline = 0; /* its rows have errors */
			} else if (m->baseline < 0) {
				const char *near = near_option(b, v);
				ERR(b, vc->at,
				    "baseline '%s' is not an option of the "
				    "cost files%s%s%s",
				    v, near ? ": did you mean '" : "",
				    near ? near : "", near ? "'?" : "");
				m->baseline = 0;
			}
		} else if (build_starts_with(name, "label.") && *v) {
			int o = model_find_option(m, name + 6);
			if (o < 0 && (build_was_seen(b, "option", name + 6) ||
				      b->src->incomplete ||
				      model_find_param(m, name + 6) >= 0)) {
				continue; /* see build_param_labels */
			} else if (o < 0) {
				const char *near = near_option(b, name + 6);
				ERR(b, p->f[SC_PARAMETER].at,
				    "'%s' labels '%s', which is neither an "
				    "option of the cost files nor a "
				    "parameter%s%s%s",
				    name, name + 6,
				    near ? ": did you mean 'label." : "",
				    near ? near : "", near ? "'?" : "");
			} else {
				free(m->options[o].label);
				m->options[o].label = xstrdup(v);
				b->label_rows[o] = (int)i;
			}
		} else if (build_starts_with(name, "short.") && *v) {
			int o = model_find_option(m, name + 6);
			if (o < 0 && (build_was_seen(b, "option", name + 6) ||
				      b->src->incomplete)) {
				continue;
			} else if (o < 0) {
				ERR(b, p->f[SC_PARAMETER].at,
				    "'%s' names option '%s', which no cost "
				    "item uses",
				    name, name + 6);
			} else {
				free(m->options[o].short_label);
				m->options[o].short_label = xstrdup(v);
			}
		} else if (strcmp(name, "correlation") == 0 ||
			   build_starts_with(name, "correlation.")) {
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
			if (!found && !build_was_seen(b, "group", name + 12) &&
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
		struct prow *p = build_find_row(b, strbuf_str(&key));
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
		m->p_growth = build_add_param(m, "enrollment_growth", &zero, "", 1, 0);
	if (m->p_aid_ratio < 0)
		m->p_aid_ratio = build_add_param(m, "aid_ratio", &zero, "", 1, 0);
	if (m->p_discount < 0)
		m->p_discount = build_add_param(m, "discount_rate", &zero, "", 1, 0);
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
	m->levy_growth = 0.02; /* the NY tax cap's nominal limit (SPEC 12) */
	m->p_students = m->p_growth = m->p_aid_ratio = m->p_discount = -1;
	m->p_exit = -1;
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
	build_gather_rows(&b);
	/* years first: item years are checked against it. */
	struct prow *yp = build_find_row(&b, "years");
	if (yp && !yp->too_wide)
		build_int_param(&b, yp, "years");
	build_scenario_rows(&b);
	build_students_years(&b);
	if (!m->title)
		m->title = file_stem(src->path);
	defaults(m);
	build_cost_tables(&b);
	if (b.rows_total == 0 && !src->incomplete && src->ncosts > 0) {
		struct loc at = {src->path, 0, 0};
		diag_error(diags, at, "the cost files hold no cost items");
	} else if (src->ncosts == 0 && src->nmissing == 0 &&
		   src->nabsent == 0) {
		struct loc at = {src->path, src->scen.t.header.line, 1};
		diag_error(diags, at,
			   "no cost files: add a row 'costs,<path of a cost "
			   "items CSV>'");
	}
	check_uses(&b);
	resolve_names(&b);
	build_param_labels(&b);
	order_options(&b);
	m->exits = xcalloc(m->noptions + 1, 1);
	int any_exit = 0;
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].terms.on_exit)
			any_exit = m->exits[m->items[i].option] = 1;
	struct prow *xp = build_find_row(&b, "exit_year");
	if (m->p_exit >= 0 && !any_exit && xp && diags->nerrors == before)
		diags_add(diags, DIAG_WARNING, xp->f[SC_PARAMETER].at,
			  "exit_year: no option has an item with per = 'exit', "
			  "so no option is left (give the option the district "
			  "may leave one, even at $0)");
	build_settings(&b);
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
