/* The labels and units of parameters, and the settings of a scenario that
 * are not parameters (see build.h and model.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "util/mem.h"

/* ---- label.<parameter>, unit.<parameter> ----------------------------- */

static void param_label(struct builder *b, struct prow *p, const char *name,
			const char *v)
{
	struct model *m = b->m;
	int k = model_find_param(m, name + 6);
	if (k < 0)
		return; /* an option's, or reported by resolve_names */
	if (model_find_option(m, name + 6) >= 0)
		return; /* an option's label first */
	(void)p;
	free(m->params[k].label);
	m->params[k].label = xstrdup(v);
}

static void param_unit(struct builder *b, struct prow *p, const char *name,
		       const char *v)
{
	struct model *m = b->m;
	int k = model_find_param(m, name + 5);
	if (k < 0) {
		if (!b->src->incomplete)
			ERR(b, p->f[SC_PARAMETER].at,
			    "'%s' gives a unit to '%s', which is not a "
			    "parameter",
			    name, name + 5);
		return;
	}
	for (int i = 0; model_units[i]; i++)
		if (strcmp(v, model_units[i]) == 0) {
			free(m->params[k].unit);
			m->params[k].unit = xstrdup(v);
			return;
		}
	ERR(b, p->f[SC_VALUE].at,
	    "unknown unit '%s' for '%s' (expected %%, FTE, $, students or "
	    "hours)",
	    v, name + 5);
}

void build_param_labels(struct builder *b)
{
	char buf[256], vbuf[1024];
	for (size_t i = 0; i < b->nrows; i++) {
		struct prow *p = &b->rows[i];
		const char *name = strbuf_trim_into(
			p->f[SC_PARAMETER].text, buf, sizeof(buf));
		if (build_find_row(b, name) != p)
			continue; /* defined twice: reported already */
		const char *v = strbuf_trim_into(p->f[SC_VALUE].text, vbuf,
						 sizeof(vbuf));
		if (!*v)
			continue; /* a missing value: reported already */
		if (build_starts_with(name, "label."))
			param_label(b, p, name, v);
		else if (build_starts_with(name, "unit."))
			param_unit(b, p, name, v);
	}
}

/* ---- settings -------------------------------------------------------- */

/* Adds setting name: from its row when the scenario has one, else (when
 * deflt) its default value (a number, or text). */
static void add_setting(struct builder *b, const char *name, int deflt,
			double value, const char *text)
{
	struct model *m = b->m;
	struct prow *p = build_find_row(b, name);
	if (!p && !deflt)
		return;
	m->settings = xreallocarray(m->settings, m->nsettings + 1,
				    sizeof(*m->settings));
	struct model_setting *s = &m->settings[m->nsettings++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->value = value;
	s->text = text ? xstrdup(text) : NULL;
	s->source = xstrdup(p ? p->f[SC_SOURCE].text : "");
	s->is_default = !p;
	s->line = p ? p->line : 0;
}

/* The value of correlation.<group> or correlation as used. */
static double group_rho(const struct model *m, const char *group)
{
	for (size_t g = 0; g < m->ngroups; g++)
		if (strcmp(m->groups[g].name, group) == 0)
			return m->groups[g].rho;
	return NAN;
}

/* A whole-number setting, its text exact. */
static void add_whole(struct builder *b, const char *name, int deflt,
		      unsigned long long v)
{
	char t[32];
	snprintf(t, sizeof(t), "%llu", v);
	add_setting(b, name, deflt, (double)v, t);
}

void build_settings(struct builder *b)
{
	struct model *m = b->m;
	add_whole(b, "years", 1, (unsigned long long)m->years);
	if (m->has_base_year)
		add_whole(b, "base_year", 1, (unsigned long long)m->base_year);
	add_setting(b, "year_labels", 0, NAN,
		    m->school_years ? "school" : "calendar");
	/* The baseline decides which differences are computed. */
	if (m->noptions > 0)
		add_setting(b, "baseline", 1, NAN,
			    m->options[m->baseline].id);
	add_whole(b, "trials", 1, (unsigned long long)m->trials);
	add_whole(b, "seed", 1, (unsigned long long)m->seed);
	add_whole(b, "aid_lag", model_has_aid(m),
		  (unsigned long long)m->aid_lag);
	/* correlation: the rho of a group without its own row. */
	double rho = 0;
	struct strbuf key = STRBUF_INIT;
	for (size_t g = 0; g < m->ngroups; g++) {
		strbuf_reset(&key);
		strbuf_printf(&key, "correlation.%s", m->groups[g].name);
		if (!build_find_row(b, strbuf_str(&key)))
			rho = m->groups[g].rho;
	}
	add_setting(b, "correlation", m->ngroups > 0, rho, NULL);
	for (size_t g = 0; g < m->ngroups; g++) {
		strbuf_reset(&key);
		strbuf_printf(&key, "correlation.%s", m->groups[g].name);
		add_setting(b, strbuf_str(&key), 0,
			    group_rho(m, m->groups[g].name), NULL);
	}
	strbuf_free(&key);
	/* The levy settings, when given (levy_growth's default with levy). */
	add_setting(b, "levy", 0, m->levy, NULL);
	add_setting(b, "levy_growth", m->has_levy, m->levy_growth, NULL);
	add_setting(b, "full_value", 0, m->full_value, NULL);
	struct prow *g = build_find_row(b, "levy_growth");
	if (g && !m->has_levy && b->d->nerrors == 0)
		diags_add(b->d, DIAG_WARNING, g->f[SC_PARAMETER].at,
			  "levy_growth has no effect without 'levy' (the "
			  "district's tax levy in program year 1)");
}
