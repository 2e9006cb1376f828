/* Model helpers: loading, freeing, names, year labels (see model.h). */
#include "model/model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/source.h"

static const char *const dist_names[DIST_COUNT] = {
	"fixed", "uniform", "triangular", "pert", "normal", "lognormal"};
static const char *const payer_names[PAYER_COUNT] = {"district", "state",
						     "federal", "other"};

const char *dist_name(enum dist_kind kind)
{
	return (unsigned)kind < DIST_COUNT ? dist_names[kind] : NULL;
}

const char *payer_name(enum payer p)
{
	return (unsigned)p < PAYER_COUNT ? payer_names[p] : NULL;
}

double dist_point(const struct dist *d)
{
	switch (d->kind) {
	case DIST_FIXED:
	case DIST_TRIANGULAR:
	case DIST_PERT:
		return d->likely;
	case DIST_UNIFORM:
	case DIST_NORMAL:
		return (d->low + d->high) / 2;
	case DIST_LOGNORMAL:
		return sqrt(d->low * d->high);
	}
	return NAN;
}

int dist_is_bounded(const struct dist *d)
{
	return d->kind != DIST_NORMAL && d->kind != DIST_LOGNORMAL;
}

int model_load(const char *path, struct model *m, struct diags *diags)
{
	struct model_source src;
	memset(m, 0, sizeof(*m));
	int rc = model_source_load(path, &src, diags);
	if (rc == 3)
		return 3;
	size_t before = diags->nerrors;
	int brc = model_build(&src, NULL, 0, m, diags);
	/* A cost file that could not be read is an I/O failure (3), reported
	 * with every other problem of the scenario. */
	int unreadable = src.nmissing > 0;
	model_source_free(&src);
	if (rc != 0 || brc != 0 || diags->nerrors > before) {
		model_free(m);
		return unreadable ? 3 : 1;
	}
	return 0;
}

void model_free(struct model *m)
{
	free(m->title);
	for (size_t i = 0; i < m->nparams; i++) {
		free(m->params[i].name);
		free(m->params[i].source);
		free(m->params[i].label);
		free(m->params[i].unit);
	}
	for (size_t i = 0; i < m->nsettings; i++) {
		free(m->settings[i].name);
		free(m->settings[i].text);
		free(m->settings[i].source);
	}
	free(m->settings);
	for (size_t i = 0; i < m->noptions; i++) {
		free(m->options[i].id);
		free(m->options[i].label);
		free(m->options[i].short_label);
	}
	for (size_t i = 0; i < m->nitems; i++) {
		free(m->items[i].name);
		free(m->items[i].source);
		free(m->items[i].terms.tiers);
	}
	free(m->exits);
	free(m->p_students_year);
	for (size_t i = 0; i < m->ngroups; i++)
		free(m->groups[i].name);
	for (size_t i = 0; i < m->ncategories; i++)
		free(m->categories[i]);
	for (size_t i = 0; i < m->nfiles; i++)
		free(m->files[i].path);
	free(m->params);
	free(m->options);
	free(m->items);
	free(m->groups);
	free(m->categories);
	free(m->files);
	memset(m, 0, sizeof(*m));
}

int model_has_aid(const struct model *m)
{
	const struct dist *a = &m->params[m->p_aid_ratio].dist;
	int ratio = a->kind == DIST_FIXED ? a->likely > 0 : a->high > 0;
	if (!ratio)
		return 0;
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].aid > 0)
			return 1;
	return 0;
}

const char *const model_units[] = {"%", "FTE", "$", "students", "hours",
				   NULL};

const char *model_param_label(const struct model *m, int p)
{
	return m->params[p].label ? m->params[p].label : m->params[p].name;
}

int model_public_differs(const struct model *m)
{
	if (model_has_aid(m))
		return 1;
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].payer != PAYER_DISTRICT)
			return 1;
	return 0;
}

int model_net_years(const struct model *m)
{
	return m->years + (model_has_aid(m) ? m->aid_lag : 0);
}

const char *model_year_label(const struct model *m, int t, char *buf,
			     size_t size)
{
	if (!m->has_base_year)
		snprintf(buf, size, "%d", t);
	else if (m->school_years)
		snprintf(buf, size, "%d-%02d", m->base_year + t - 1,
			 (m->base_year + t) % 100);
	else
		snprintf(buf, size, "%d", m->base_year + t - 1);
	return buf;
}

int model_param_uncertain(const struct model *m, int p)
{
	return p >= 0 && m->params[p].dist.kind != DIST_FIXED;
}

size_t model_count_uncertain(const struct model *m)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nparams; i++)
		n += m->params[i].dist.kind != DIST_FIXED;
	for (size_t i = 0; i < m->nitems; i++)
		n += m->items[i].cost.kind != DIST_FIXED;
	return n;
}

int model_find_option(const struct model *m, const char *id)
{
	for (size_t i = 0; i < m->noptions; i++)
		if (strcmp(m->options[i].id, id) == 0)
			return (int)i;
	return -1;
}

int model_find_param(const struct model *m, const char *name)
{
	for (size_t i = 0; i < m->nparams; i++)
		if (strcmp(m->params[i].name, name) == 0)
			return (int)i;
	return -1;
}

int model_find_item(const struct model *m, int option, const char *name)
{
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].option == option &&
		    strcmp(m->items[i].name, name) == 0)
			return (int)i;
	return -1;
}
