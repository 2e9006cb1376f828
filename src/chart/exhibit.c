/* The list of charts, one description each (see exhibit.h), and what is
 * the same for every exhibit: which exhibits a result folder supports,
 * each drawn in its frame, its title from the findings, its data table.
 * Each chart's own code is in its file (fan.c, scurve.c, ...). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/strbuf.h"

/* The charts in packet order: one row per description. */
static const struct exhibit_kind *const kinds[] = {
	&exhibit_fan,	    &exhibit_scurve,
	&exhibit_budget,    &exhibit_tornado,
	&exhibit_histogram, &exhibit_histogram_public,
	&exhibit_breakdown, &exhibit_per_student,
};

/* An exhibit of kind k for option o, its words unset. */
static struct exhibit bare(const struct exhibit_kind *k, int o)
{
	struct exhibit e;
	memset(&e, 0, sizeof(e));
	e.kind = k;
	e.option = o;
	return e;
}

char *words_title(const struct chart_data *d, const struct exhibit_kind *k,
		  int option)
{
	struct strbuf key = STRBUF_INIT;
	strbuf_puts(&key, k->title_key);
	if (k->per_option)
		strbuf_printf(&key, ".%s", d->opt[option].id);
	const char *f = chart_finding(d, strbuf_str(&key));
	strbuf_free(&key);
	if (f)
		return xstrdup(f);
	struct exhibit e = bare(k, option);
	return k->caption(d, &e);
}

char *words_subtitle(const struct chart_data *d,
		     const struct exhibit_kind *k, int option)
{
	struct exhibit e = bare(k, option);
	return k->subtitle(d, &e);
}

char *words_notes(const struct chart_data *d, const struct exhibit_kind *k,
		  int option)
{
	struct exhibit e = bare(k, option);
	return k->notes(d, &e);
}

char *words_howto(const struct chart_data *d, const struct exhibit_kind *k,
		  int option)
{
	struct exhibit e = bare(k, option);
	return k->howto(d, &e);
}

static void add(const struct chart_data *d, struct exhibit **v, size_t *n,
		const struct exhibit_kind *k, int option)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	struct exhibit *e = &(*v)[(*n)++];
	*e = bare(k, option);
	e->number = (int)*n;
	struct strbuf name = STRBUF_INIT;
	strbuf_puts(&name, k->stem);
	if (k->per_option)
		strbuf_printf(&name, "-%s", d->opt[option].id);
	e->name = strbuf_take(&name);
	e->caption = k->caption(d, e);
	e->title = words_title(d, k, option);
	e->subtitle = k->subtitle(d, e);
	e->notes = k->notes(d, e);
	e->howto = k->howto(d, e);
}

size_t exhibit_list(const struct chart_data *d, struct exhibit **out)
{
	struct exhibit *v = NULL;
	size_t n = 0;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const struct exhibit_kind *k = kinds[i];
		if (!k->per_option) {
			if (!k->wanted || k->wanted(d, -1))
				add(d, &v, &n, k, -1);
			continue;
		}
		for (int o = 0; o < d->nopt; o++)
			if (o != d->baseline && (!k->wanted || k->wanted(d, o)))
				add(d, &v, &n, k, o);
	}
	*out = v;
	return n;
}

char *exhibit_alt(const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "%s. %s.", e->title, e->subtitle);
	return strbuf_take(&b);
}

void exhibit_list_free(struct exhibit *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].caption);
		free(v[i].title);
		free(v[i].subtitle);
		free(v[i].notes);
		free(v[i].howto);
	}
	free(v);
}

void exhibit_draw(const struct exhibit_ctx *c, struct dlist *dl)
{
	struct box b = frame_draw(c, dl);
	c->ex->kind->draw(c, b, dl);
}

void exhibit_table(const struct exhibit_ctx *c, struct table *t)
{
	c->ex->kind->table(c, t);
}

char **chart_exhibit_stems(const char *const *ids, size_t n)
{
	size_t nk = sizeof(kinds) / sizeof(kinds[0]), k = 0;
	char **v = xcalloc(nk * (n + 1) + 1, sizeof(*v));
	for (size_t i = 0; i < nk; i++) {
		if (!kinds[i]->per_option) {
			v[k++] = xstrdup(kinds[i]->stem);
			continue;
		}
		for (size_t o = 0; o < n; o++) {
			struct strbuf s = STRBUF_INIT;
			strbuf_printf(&s, "%s-%s", kinds[i]->stem, ids[o]);
			v[k++] = strbuf_take(&s);
		}
	}
	return v;
}

void chart_stems_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}
