/* Reading and checking sweep files (see sweep.h). */
#include "model/sweep.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/number.h"
#include "util/mem.h"
#include "util/suggest.h"

/* ---- the scenario's names -------------------------------------------- */

static int is_text_key(const char *name)
{
	return strcmp(name, "title") == 0 || strcmp(name, "baseline") == 0 ||
	       strcmp(name, "year_labels") == 0 ||
	       strncmp(name, "label.", 6) == 0 || strncmp(name, "short.", 6) == 0;
}

/* Whether the scenario has a row for parameter (or text key) name. */
static int scenario_defines(const struct model_source *src, const char *name)
{
	const struct model_table *st = &src->scen;
	int pc = st->col[SC_PARAMETER];
	char buf[256];
	for (size_t r = 0; pc >= 0 && r < st->t.nrows; r++)
		if (strcmp(strbuf_trim_into(csvin_text(&st->t.rows[r], pc), buf,
				sizeof(buf)),
			   name) == 0)
			return 1;
	return 0;
}

int sweep_has_levy(const struct model_source *src, const struct sweep *sw)
{
	if (scenario_defines(src, "levy") || scenario_defines(src, "full_value"))
		return 1;
	for (size_t i = 1; sw && i < sw->ncols; i++)
		if (sw->cols[i].field >= 0 && !sw->cols[i].item &&
		    (strcmp(sw->cols[i].target, "levy") == 0 ||
		     strcmp(sw->cols[i].target, "full_value") == 0))
			return 1;
	return 0;
}

/* Whether a sweep column may set parameter name (the whole name, before
 * any field suffix is looked for). */
static int known_param(const struct model_source *src, const char *name)
{
	if (strcmp(name, "costs") == 0)
		return 0;
	/* students.<year> only as the scenario writes it (SPEC 11):
	 * "students.high" is a field of students. */
	if (strncmp(name, "students.", 9) == 0)
		return scenario_defines(src, name);
	return model_is_reserved_number(name) || is_text_key(name) ||
	       scenario_defines(src, name);
}

/* The parameter (of the scenario, or reserved) nearest to name, the part
 * before a field suffix included ("studnets.high"), or NULL. */
static const char *near_param(const struct model_source *src,
			      const char *name, char *out, size_t size)
{
	static const char *const reserved[] = {
		"years", "base_year", "students", "enrollment_growth",
		"aid_ratio", "aid_lag", "discount_rate", "correlation",
		"title", "baseline", "year_labels", "levy", "full_value",
		"levy_growth"};
	const struct model_table *st = &src->scen;
	int pc = st->col[SC_PARAMETER];
	size_t nres = sizeof(reserved) / sizeof(*reserved);
	size_t n = nres + (pc >= 0 ? st->t.nrows : 0);
	char **names = xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < nres; i++)
		names[i] = xstrdup(reserved[i]);
	char buf[256];
	for (size_t r = 0; pc >= 0 && r < st->t.nrows; r++) {
		strbuf_trim_into(csvin_text(&st->t.rows[r], pc), buf,
				 sizeof(buf));
		if (strcmp(buf, "costs") != 0 && strcmp(buf, "seed") != 0 &&
		    strcmp(buf, "trials") != 0)
			names[nres + r] = xstrdup(buf);
	}
	const char *near = suggest_nearest(name, (const char *const *)names,
					   n);
	if (near)
		snprintf(out, size, "%s", near);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return near ? out : NULL;
}

/* The names of column col (option or item) in the cost tables, trimmed,
 * each once; those of option only, when option is not NULL.  The caller
 * frees each name and the array. */
static char **cost_names(const struct model_source *src, int col,
			 const char *option, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	*n = 0;
	char buf[1024], obuf[256];
	for (size_t f = 0; f < src->ncosts; f++) {
		const struct model_table *mt = &src->costs[f];
		int c = mt->col[col], oc = mt->col[IC_OPTION];
		for (size_t r = 0; c >= 0 && oc >= 0 && r < mt->t.nrows; r++) {
			const struct csvin_row *row = &mt->t.rows[r];
			strbuf_trim_into(csvin_text(row, oc), obuf, sizeof(obuf));
			if (option && strcmp(obuf, option) != 0)
				continue;
			strbuf_trim_into(csvin_text(row, c), buf, sizeof(buf));
			size_t i = 0;
			while (i < *n && strcmp(v[i], buf) != 0)
				i++;
			if (i < *n || !*buf)
				continue;
			GROW(v, cap, *n + 1);
			v[(*n)++] = xstrdup(buf);
		}
	}
	return v;
}

/* The nearest of names to word, copied into a static-free buffer owned by
 * the caller (out), or NULL. */
static const char *nearest_of(char **names, size_t n, const char *word,
			      char *out, size_t size)
{
	const char *near = suggest_nearest(word, (const char *const *)names, n);
	if (near)
		snprintf(out, size, "%s", near);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return near ? out : NULL;
}

/* The item of option nearest to item (for "did you mean"), or NULL.  The
 * result lives until the next call. */
static const char *near_item(const struct model_source *src,
			     const char *option, const char *item)
{
	static _Thread_local char out[1024];
	size_t n;
	char **names = cost_names(src, IC_ITEM, option, &n);
	return nearest_of(names, n, item, out, sizeof(out));
}

/* Looks option/item up in the cost tables: 2 when the item exists, 1 when
 * only the option does, 0 when neither.  near receives an item of the
 * option with the same name but for letter case, if any. */
static int find_item(const struct model_source *src, const char *option,
		     const char *item, const char **near)
{
	int found = 0;
	char obuf[256], ibuf[1024];
	*near = NULL;
	for (size_t f = 0; f < src->ncosts; f++) {
		const struct model_table *mt = &src->costs[f];
		int oc = mt->col[IC_OPTION], ic = mt->col[IC_ITEM];
		for (size_t r = 0; oc >= 0 && ic >= 0 && r < mt->t.nrows; r++) {
			const struct csvin_row *row = &mt->t.rows[r];
			strbuf_trim_into(csvin_text(row, oc), obuf, sizeof(obuf));
			if (strcmp(obuf, option) != 0)
				continue;
			found = found ? found : 1;
			const char *name = csvin_text(row, ic);
			strbuf_trim_into(name, ibuf, sizeof(ibuf));
			if (strcmp(ibuf, item) == 0)
				return 2;
			if (strcasecmp(ibuf, item) == 0 && !*near)
				*near = name;
		}
	}
	if (found && !*near)
		*near = near_item(src, option, item);
	return found;
}

/* The options of the cost tables, for messages: "cloud, boces". */
static void list_options(const struct model_source *src, struct strbuf *b)
{
	char **seen = NULL;
	size_t n = 0, cap = 0;
	char buf[256];
	for (size_t f = 0; f < src->ncosts; f++) {
		const struct model_table *mt = &src->costs[f];
		int oc = mt->col[IC_OPTION];
		for (size_t r = 0; oc >= 0 && r < mt->t.nrows; r++) {
			strbuf_trim_into(csvin_text(&mt->t.rows[r], oc), buf, sizeof(buf));
			size_t i = 0;
			while (i < n && strcmp(seen[i], buf) != 0)
				i++;
			if (!*buf || i < n)
				continue;
			GROW(seen, cap, n + 1);
			seen[n++] = xstrdup(buf);
			strbuf_printf(b, "%s%s", n > 1 ? ", " : "", buf);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(seen[i]);
	free(seen);
}

static void list_fields(struct strbuf *b, const char *const *names,
			size_t first, size_t n)
{
	for (size_t i = first; i < n; i++)
		strbuf_printf(b, "%s%s", i > first ? ", " : "", names[i]);
}

/* ---- the header ------------------------------------------------------ */

/* Index of name in names[first..n), ASCII case-insensitive, or -1. */
static int field_index(const char *name, const char *const *names,
		       size_t first, size_t n)
{
	for (size_t i = first; i < n; i++)
		if (strcasecmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

/* A column OPTION/ITEM.FIELD. */
static int item_column(const struct model_source *src, const char *h,
		       struct loc at, struct sweep_column *c,
		       struct diags *d)
{
	const char *slash = strchr(h, '/');
	const char *dot = strrchr(slash, '.');
	struct strbuf q = STRBUF_INIT;
	diag_quote(&q, h, 80);
	int bad = 0;
	if (!dot) {
		diag_error(d, at,
			   "column %s names a cost item but no field: add "
			   "one, as in '.likely' (fields: %s)",
			   strbuf_str(&q), "category, quantity, dist, low, "
			   "likely, high, per, start, end, escalation, "
			   "probability, payer, aid, group, source");
		bad = 1;
		goto out;
	}
	char *option = xstrndup(h, (size_t)(slash - h));
	char *item = xstrndup(slash + 1, (size_t)(dot - slash - 1));
	char ibuf[1024];
	strbuf_trim_into(item, ibuf, sizeof(ibuf));
	free(item);
	item = xstrdup(ibuf);
	strbuf_trim_into(option, ibuf, sizeof(ibuf));
	free(option);
	option = xstrdup(ibuf);
	int field = field_index(dot + 1, model_item_cols, 0, IC_COUNT);
	const char *near;
	int found = find_item(src, option, item, &near);
	if (src->incomplete)
		found = 2; /* a cost file is unreadable: cannot tell */
	if (field == IC_OPTION || field == IC_ITEM) {
		diag_error(d, at,
			   "column %s: a sweep cannot change the option or "
			   "the name of a cost item",
			   strbuf_str(&q));
		bad = 1;
	} else if (field < 0 && !src->incomplete &&
		   find_item(src, option, slash + 1, &near) == 2) {
		diag_error(d, at,
			   "column %s names a cost item but no field: add "
			   "one, as in '.likely'",
			   strbuf_str(&q));
		bad = 1;
	} else if (field < 0) {
		struct strbuf f = STRBUF_INIT;
		const char *nf = suggest_nearest(dot + 1,
						 model_item_cols + IC_CATEGORY,
						 IC_COUNT - IC_CATEGORY);
		if (nf)
			strbuf_printf(&f, "did you mean '.%s'?", nf);
		else
			list_fields(&f, model_item_cols, IC_CATEGORY,
				    IC_COUNT);
		struct strbuf fq = STRBUF_INIT;
		diag_quote(&fq, dot + 1, 40);
		diag_error(d, at,
			   nf ? "column %s: unknown field %s of a cost item: %s"
			      : "column %s: unknown field %s of a cost item "
				"(valid: %s)",
			   strbuf_str(&q), strbuf_str(&fq), strbuf_str(&f));
		strbuf_free(&f);
		strbuf_free(&fq);
		bad = 1;
	} else if (found == 0) {
		struct strbuf o = STRBUF_INIT;
		size_t n;
		char **names = cost_names(src, IC_OPTION, NULL, &n);
		char obuf[256];
		const char *nopt = nearest_of(names, n, option, obuf,
					      sizeof(obuf));
		if (nopt)
			strbuf_printf(&o, "did you mean '%s'?", nopt);
		else
			list_options(src, &o);
		diag_error(d, at,
			   nopt ? "column %s: unknown option '%s': %s"
				: "column %s: unknown option '%s' (options: %s)",
			   strbuf_str(&q), option, strbuf_str(&o));
		strbuf_free(&o);
		bad = 1;
	} else if (found == 1) {
		struct strbuf iq = STRBUF_INIT, nq = STRBUF_INIT;
		diag_quote(&iq, item, 60);
		if (near) {
			strbuf_puts(&nq, " (did you mean ");
			diag_quote(&nq, near, 60);
			strbuf_puts(&nq, "?)");
		}
		diag_error(d, at,
			   "column %s: unknown cost item %s: option '%s' has "
			   "no item of that name%s",
			   strbuf_str(&q), strbuf_str(&iq), option,
			   strbuf_str(&nq));
		strbuf_free(&iq);
		strbuf_free(&nq);
		bad = 1;
	}
	if (bad) {
		free(option);
		free(item);
	} else {
		c->target = option;
		c->item = item;
		c->field = field;
	}
out:
	strbuf_free(&q);
	return bad ? -1 : 0;
}

/* A column naming a parameter, or one of its fields. */
static int param_column(const struct model_source *src, const char *h,
			struct loc at, struct sweep_column *c,
			struct diags *d)
{
	struct strbuf q = STRBUF_INIT;
	diag_quote(&q, h, 80);
	char *name = NULL;
	int field = SC_VALUE;
	const char *dot = strrchr(h, '.');
	if (known_param(src, h)) {
		name = xstrdup(h);
	} else if (dot) {
		char *prefix = xstrndup(h, (size_t)(dot - h));
		int f = field_index(dot + 1, model_scen_cols, SC_VALUE,
				    SC_COUNT);
		if (known_param(src, prefix) && f >= 0) {
			name = prefix;
			field = f;
		} else if (known_param(src, prefix)) {
			struct strbuf fl = STRBUF_INIT, fq = STRBUF_INIT;
			const char *nf = suggest_nearest(
				dot + 1, model_scen_cols + SC_VALUE,
				SC_COUNT - SC_VALUE);
			if (nf)
				strbuf_printf(&fl, "did you mean '.%s'?", nf);
			else
				list_fields(&fl, model_scen_cols, SC_VALUE,
					    SC_COUNT);
			diag_quote(&fq, dot + 1, 40);
			diag_error(d, at,
				   nf ? "column %s: unknown field %s of "
					"parameter '%s': %s"
				      : "column %s: unknown field %s of "
					"parameter '%s' (valid: %s)",
				   strbuf_str(&q), strbuf_str(&fq), prefix,
				   strbuf_str(&fl));
			strbuf_free(&fl);
			strbuf_free(&fq);
			free(prefix);
			strbuf_free(&q);
			return -1;
		} else {
			free(prefix);
		}
	}
	int rc = 0;
	if (!name) {
		char *lower = xstrdup(h);
		for (char *p = lower; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		char nbuf[256];
		const char *np = known_param(src, lower)
					 ? NULL
					 : near_param(src, h, nbuf, sizeof(nbuf));
		diag_error(d, at,
			   "unknown column %s: neither a parameter of the "
			   "scenario nor OPTION/ITEM.FIELD of a cost item%s%s%s",
			   strbuf_str(&q),
			   known_param(src, lower)
				   ? " (parameter names are lower case)"
				   : np ? ": did you mean '" : "",
			   np ? np : "", np ? "'?" : "");
		free(lower);
		rc = -1;
	} else if (strcmp(name, "seed") == 0) {
		diag_error(d, at,
			   "column %s: the seed cannot vary between cases, "
			   "which share the scenario's random streams (use "
			   "-s to change it for all)",
			   strbuf_str(&q));
		rc = -1;
	} else if (strcmp(name, "trials") == 0) {
		diag_error(d, at,
			   "column %s: the number of trials cannot vary "
			   "between cases (use -n to change it for all)",
			   strbuf_str(&q));
		rc = -1;
	} else if (is_text_key(name) && field != SC_VALUE) {
		diag_error(d, at,
			   "column %s: '%s' is text, so only its value can "
			   "be set",
			   strbuf_str(&q), name);
		rc = -1;
	}
	if (rc == 0) {
		c->target = name;
		c->item = NULL;
		c->field = field;
		c->fixes = strcmp(name, h) == 0 && !is_text_key(name);
	} else {
		free(name);
	}
	strbuf_free(&q);
	return rc;
}

static int column_blank(const struct csvin_table *t, size_t c)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (!number_is_blank(csvin_text(&t->rows[r], (int)c)))
			return 0;
	return 1;
}

static int same_column(const struct sweep_column *a,
		       const struct sweep_column *b)
{
	return a->field == b->field && strcmp(a->target, b->target) == 0 &&
	       ((!a->item && !b->item) ||
		(a->item && b->item && strcmp(a->item, b->item) == 0));
}

/* Reads the header into sw->cols.  Returns 0, -1 (problems reported), or
 * -2 when the file is not a sweep at all (reported). */
static int read_header(const struct model_source *src, struct sweep *sw,
		       struct diags *d)
{
	const struct csvin_table *t = &sw->t;
	const struct csvin_row *hr = &t->header;
	if (hr->n == 0) {
		struct loc at = {t->file.path, 1, 1};
		diag_error(d, at, "the file is empty: expected a header row "
				  "('case', then the cells each case sets)");
		return -1;
	}
	/* Not a sweep: say what was expected without echoing any of its
	 * content (it may be any file the user can read), and read no
	 * further. */
	char first[16];
	if (strcasecmp(strbuf_trim_into(hr->cells[0].text, first,
					 sizeof(first)),
		       "case") != 0) {
		struct loc at = {t->file.path, hr->line, 1};
		diag_error(d, at, "not a sweep file: the first column must be "
				  "'case' (the name of each case), then the "
				  "cells each case sets");
		return -2;
	}
	sw->ncols = hr->n;
	sw->cols = xcalloc(hr->n, sizeof(*sw->cols));
	int bad = 0;
	char buf[1024];
	for (size_t c = 0; c < hr->n; c++) {
		struct sweep_column *col = &sw->cols[c];
		struct loc at = csvin_loc(t, hr, (int)c);
		const char *h = strbuf_trim_into(hr->cells[c].text, buf, sizeof(buf));
		col->field = -1;
		if (c == 0)
			continue;
		if (!*h) {
			if (!column_blank(t, c)) {
				diag_error(d, at, "column %zu has values but "
						  "no name in the header",
					   c + 1);
				bad = 1;
			}
			continue;
		}
		int rc = strchr(h, '/') ? item_column(src, h, at, col, d)
					: param_column(src, h, at, col, d);
		if (rc != 0) {
			bad = 1;
			continue;
		}
		for (size_t e = 1; e < c; e++) {
			if (sw->cols[e].field >= 0 &&
			    same_column(&sw->cols[e], col)) {
				struct strbuf q = STRBUF_INIT;
				diag_quote(&q, h, 80);
				diag_error(d, at,
					   "duplicate column %s: column %zu "
					   "sets the same cell",
					   strbuf_str(&q), e + 1);
				strbuf_free(&q);
				bad = 1;
				break;
			}
		}
	}
	return bad ? -1 : 0;
}

/* ---- the cases ------------------------------------------------------- */

int sweep_name_ok(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > SWEEP_MAX_NAME || !isalnum((unsigned char)name[0]))
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (!(ch < 0x80 && (isalnum(ch) || ch == '_' || ch == '.' ||
				    ch == '-')))
			return 0;
	}
	return 1;
}

/* The files a batch writes beside the case folders. */
static const char *const taken_names[] = {"batch.csv", "provenance.csv",
					  NULL};

/* Checks the name of case i; j: the first case whose name equals it but
 * for letter case (i itself when none comes before it). */
static void check_name(const struct sweep *sw, size_t i, size_t j,
		       struct diags *d)
{
	const struct sweep_case *k = &sw->cases[i];
	const struct csvin_row *row = &sw->t.rows[i];
	struct loc at = csvin_loc(&sw->t, row, 0);
	struct strbuf q = STRBUF_INIT;
	diag_quote(&q, k->name, 40);
	if (!*k->name) {
		diag_error(d, at, "missing case name");
	} else if (!sweep_name_ok(k->name)) {
		diag_error(d, at,
			   "unsafe case name %s: it becomes a folder name, "
			   "so it may hold only letters, digits, '_', '.' "
			   "and '-', start with a letter or a digit, and "
			   "have at most %d characters",
			   strbuf_str(&q), SWEEP_MAX_NAME);
	} else {
		for (const char *const *t = taken_names; *t; t++)
			if (strcasecmp(k->name, *t) == 0)
				diag_error(d, at,
					   "case name %s is taken by a file "
					   "the batch writes",
					   strbuf_str(&q));
		if (j < i && strcmp(sw->cases[j].name, k->name) == 0) {
			diag_error(d, at, "duplicate case %s (also line %u)",
				   strbuf_str(&q), sw->cases[j].line);
		} else if (j < i) {
			const char *o = sw->cases[j].name;
			struct strbuf oq = STRBUF_INIT;
			diag_quote(&oq, o, 40);
			diag_error(d, at,
				   "duplicate case %s: line %u has %s, and "
				   "names that differ only in letter case "
				   "share a folder on some systems",
				   strbuf_str(&q), sw->cases[j].line,
				   strbuf_str(&oq));
			strbuf_free(&oq);
		}
	}
	strbuf_free(&q);
}

struct named {
	const char *name;
	size_t i;
};

static int cmp_named(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;
	int c = strcasecmp(a->name, b->name);
	if (c)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* first[i]: the first case whose name equals case i's but for letter case,
 * by one sort of the names (comparing every pair took 122 s for 100,000
 * cases). */
static size_t *first_of_names(const struct sweep *sw)
{
	size_t n = sw->ncases;
	struct named *v = xcalloc(n + 1, sizeof(*v));
	size_t *first = xcalloc(n + 1, sizeof(*first));
	for (size_t i = 0; i < n; i++)
		v[i] = (struct named){sw->cases[i].name, i};
	qsort(v, n, sizeof(*v), cmp_named);
	for (size_t a = 0; a < n;) {
		size_t b = a + 1;
		while (b < n && strcasecmp(v[b].name, v[a].name) == 0)
			b++;
		for (size_t x = a; x < b; x++)
			first[v[x].i] = v[a].i;
		a = b;
	}
	free(v);
	return first;
}

/* The cases: names, and a patch per non-blank cell. */
static void read_cases(struct sweep *sw, struct diags *d)
{
	struct csvin_table *t = &sw->t;
	sw->ncases = t->nrows;
	sw->cases = xcalloc(t->nrows + 1, sizeof(*sw->cases));
	csvin_check_widths(t, d);
	for (size_t r = 0; r < t->nrows; r++) {
		sw->cases[r].line = t->rows[r].line;
		sw->cases[r].name = t->rows[r].n ? t->rows[r].cells[0].text : "";
	}
	size_t *first = first_of_names(sw);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct csvin_row *row = &t->rows[r];
		struct sweep_case *k = &sw->cases[r];
		check_name(sw, r, first[r], d);
		k->patches = xcalloc(sw->ncols + 1, sizeof(*k->patches));
		/* A row too wide has shifted cells: reported as such. */
		for (size_t c = 1; c < sw->ncols && c < row->n && !row->too_wide;
		     c++) {
			const struct sweep_column *col = &sw->cols[c];
			const char *text = row->cells[c].text;
			if (col->field < 0 || number_is_blank(text))
				continue;
			char buf[4];
			if (strcmp(strbuf_trim_into(text, buf, sizeof(buf)), "-") == 0)
				text = "";
			struct model_patch *p = &k->patches[k->npatches++];
			p->target = col->target;
			p->item = col->item;
			p->field = col->field;
			p->fixes = col->fixes;
			p->text = text;
			p->at = csvin_loc(t, row, (int)c);
		}
	}
	free(first);
	if (t->nrows == 0) {
		struct loc at = {t->file.path, t->header.line, 1};
		diag_error(d, at, "the sweep has no cases: add one row per "
				  "case after the header");
	}
}

int sweep_load(const char *path, const struct model_source *src,
	       struct sweep *sw, struct diags *diags)
{
	memset(sw, 0, sizeof(*sw));
	size_t before = diags->nerrors;
	diags_note_file(diags, path);
	int err = csvin_load(path, &sw->t, diags);
	if (err) {
		struct loc at = {path, 0, 0};
		diag_error(diags, at, "cannot read the sweep file: %s",
			   file_strerror(err));
		return 3;
	}
	/* The rows are checked even when some columns are bad: every
	 * problem of the file at once. */
	if (csvin_check_separator(&sw->t, diags))
		return 1;
	if (read_header(src, sw, diags) != -2 && sw->t.header.n)
		read_cases(sw, diags);
	return diags->nerrors > before ? 1 : 0;
}

void sweep_free(struct sweep *sw)
{
	for (size_t c = 0; c < sw->ncols; c++) {
		free(sw->cols[c].target);
		free(sw->cols[c].item);
	}
	free(sw->cols);
	for (size_t i = 0; i < sw->ncases; i++)
		free(sw->cases[i].patches);
	free(sw->cases);
	csvin_free(&sw->t);
	memset(sw, 0, sizeof(*sw));
}

/* ---- building the cases ---------------------------------------------- */

int sweep_build(const struct model_source *src, const struct sweep *sw,
		size_t i, struct model *m, struct diags *diags)
{
	const struct sweep_case *k = &sw->cases[i];
	return model_build(src, k->patches, k->npatches, m, diags);
}

/* A problem met while checking, with the cases that met it. */
struct seen {
	const struct diag *g; /* in the case's own list (first case) */
	size_t first_case;
	size_t ncases;
};

static int same_diag(const struct diag *a, const struct diag *b)
{
	return a->level == b->level && a->line == b->line &&
	       a->col == b->col &&
	       ((!a->file && !b->file) ||
		(a->file && b->file && strcmp(a->file, b->file) == 0)) &&
	       strcmp(a->msg, b->msg) == 0;
}

int sweep_check(const struct model_source *src, const struct sweep *sw,
		struct diags *diags)
{
	/* Each case's problems go to its own list; the distinct ones are
	 * kept (with the lists they point into) until all are known. */
	struct diags *lists = xcalloc(sw->ncases + 1, sizeof(*lists));
	struct seen *seen = NULL;
	size_t nseen = 0, cap = 0, bad_cases = 0;
	for (size_t i = 0; i < sw->ncases; i++) {
		struct model m;
		struct diags *d = &lists[i];
		if (sweep_build(src, sw, i, &m, d) == 0)
			model_free(&m);
		else
			bad_cases++;
		size_t kept = 0;
		for (size_t j = 0; j < d->n; j++) {
			size_t s = 0;
			while (s < nseen && !same_diag(seen[s].g, &d->v[j]))
				s++;
			if (s < nseen) {
				seen[s].ncases++;
				continue;
			}
			if (nseen >= 4 * DIAG_MAX_ERRORS)
				continue; /* more than can be shown */
			GROW(seen, cap, nseen + 1);
			seen[nseen++] = (struct seen){&d->v[j], i, 1};
			kept++;
		}
		if (!kept)
			diags_free(d);
		/* A hopeless sweep: the first errors are what the user
		 * needs. */
		if (bad_cases && nseen >= 4 * DIAG_MAX_ERRORS)
			break;
	}
	for (size_t s = 0; s < nseen; s++) {
		const struct diag *g = seen[s].g;
		const struct sweep_case *k = &sw->cases[seen[s].first_case];
		struct loc at = {g->file, g->line, g->col};
		int in_sweep = g->file && strcmp(g->file, sw->t.file.path) == 0;
		/* A warning is about the scenario, whichever case met it. */
		if (in_sweep || seen[s].ncases == sw->ncases ||
		    g->level == DIAG_WARNING)
			diags_add(diags, g->level, at, "%s", g->msg);
		else if (seen[s].ncases == 1)
			diags_add(diags, g->level, at,
				  "%s (with case '%s', sweep line %u)", g->msg,
				  k->name, k->line);
		else
			diags_add(diags, g->level, at,
				  "%s (with case '%s', sweep line %u, and %zu "
				  "more)",
				  g->msg, k->name, k->line,
				  seen[s].ncases - 1);
	}
	for (size_t i = 0; i < sw->ncases; i++)
		diags_free(&lists[i]);
	free(lists);
	free(seen);
	return bad_cases ? 1 : 0;
}

void sweep_shard(size_t ncases, unsigned long k, unsigned long n,
		 size_t *first, size_t *end)
{
	unsigned long long c = ncases;
	*first = (size_t)(c * (k - 1) / n);
	*end = (size_t)(c * k / n);
}
