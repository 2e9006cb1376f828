/* Checking the rows of the cost-items files (see build.h). */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/file.h"
#include "model/build.h"
#include "util/mem.h"
#include "util/suggest.h"

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
		if (!build_valid_name(s, "_.")) {
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, c->text, 40);
			ERR(b, c->at,
			    "%s: expected a number or a parameter name, got "
			    "%s",
			    col, strbuf_str(&q));
			strbuf_free(&q);
			return -1;
		}
		struct prow *p = build_find_row(b, s);
		if (!p || build_is_text_key(s) || strcmp(s, "costs") == 0) {
			char near[256];
			static const char *const students[] = {"students"};
			const char *st = strcmp(col, "quantity") == 0
						 ? suggest_nearest(s, students, 1)
						 : NULL;
			if (st)
				snprintf(near, sizeof(near), "%s", st);
			if (st || build_near_param(b, s, near, sizeof(near)))
				ERR(b, c->at,
				    "%s: undefined parameter '%s': did you "
				    "mean '%s'?",
				    col, s, near);
			else
				ERR(b, c->at,
				    "%s: undefined parameter '%s' (define it "
				    "in the scenario file)",
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
	return build_parse_num(b, c, col, kind, &ref->value);
}

static void note_seen(struct builder *b, const char *kind, const char *name)
{
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s, "%s:%s", kind, name);
	GROW(b->seen, b->seen_cap, b->nseen + 1);
	b->seen[b->nseen++] = strbuf_take(&s);
}

int build_was_seen(const struct builder *b, const char *kind,
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
	m->options[m->noptions].short_label = NULL;
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
	if (build_blank(c)) {
		*out = dflt;
		return 0;
	}
	double v;
	if (build_parse_num(b, c, col, NUM_INTEGER, &v))
		return -1;
	if (v < 1 || v > b->m->years) {
		char w[80];
		ERR(b, c->at, "%s must be a program year from 1 to %d, got %s",
		    col, b->m->years, build_written(c, w, sizeof(w)));
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

/* ---- contract terms (SPEC 10) ----------------------------------------- */

/* Parses a number from text[0..len) (a piece of a cell). */
static int piece_num(const char *text, size_t len, enum num_kind kind,
		     double *out)
{
	char buf[64];
	const char *why;
	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, text, len);
	buf[len] = 0;
	return number_parse(buf, kind, out, &why);
}

/* tiers: "a-b:rate;b-c:rate;c-:rate", from 0, each tier starting where the
 * one before ends, the last open.  Returns 0 or -1 after reporting. */
static int parse_tiers(struct builder *b, const struct cell *c,
		       struct model_terms *tm)
{
	const char *s = c->text;
	struct model_tier *v = NULL;
	int n = 0;
	const char *why = NULL;
	double prev = 0;
	int open = 0;
	while (*s && !why) {
		const char *end = strchr(s, ';');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		const char *colon = memchr(s, ':', len);
		const char *dash = colon ? memchr(s, '-', (size_t)(colon - s))
					 : NULL;
		struct model_tier t;
		if (open) {
			why = "only the last tier may be open-ended ('c-')";
			break;
		}
		while (len > 0 && s[0] == ' ') {
			s++;
			len--;
		}
		if (!colon || !dash) {
			why = "each tier is 'from-to:rate' (the last "
			      "'from-:rate')";
			break;
		}
		if (piece_num(s, (size_t)(dash - s), NUM_PLAIN, &t.from) != 0 ||
		    piece_num(colon + 1, len - (size_t)(colon + 1 - s),
			      NUM_MONEY, &t.rate) != 0) {
			why = "each tier is 'from-to:rate' with numbers";
			break;
		}
		const char *to = dash + 1;
		while (to < colon && *to == ' ')
			to++;
		if (to == colon) {
			t.to = INFINITY;
			open = 1;
		} else if (piece_num(to, (size_t)(colon - to), NUM_PLAIN,
				     &t.to) != 0) {
			why = "each tier is 'from-to:rate' with numbers";
			break;
		}
		if (t.from != prev)
			why = n == 0 ? "the first tier must start at 0"
				     : "each tier must start where the one "
				       "before ends";
		else if (!(t.to > t.from))
			why = "a tier must end above where it starts";
		v = xreallocarray(v, (size_t)n + 1, sizeof(*v));
		v[n++] = t;
		prev = t.to;
		s = end ? end + 1 : s + len;
	}
	if (!why && n == 0)
		why = "no tiers";
	if (!why && !open)
		why = "the last tier must be open-ended ('c-:rate') so that "
		      "every quantity has a price";
	if (why) {
		struct strbuf q = STRBUF_INIT;
		diag_quote(&q, c->text, 60);
		ERR(b, c->at,
		    "tiers: %s, e.g. '0-1000:8;1000-5000:6;5000-:4.5'; got %s",
		    why, strbuf_str(&q));
		strbuf_free(&q);
		free(v);
		return -1;
	}
	tm->tiers = v;
	tm->ntiers = n;
	return 0;
}

/* discount_years: "1", "1-2", "1,3" (program years 1..H).  Returns 0 or
 * -1 after reporting. */
static int parse_years_list(struct builder *b, const struct cell *c,
			    unsigned char *years)
{
	int H = b->m->years;
	const char *s = c->text;
	for (;;) {
		char *e;
		while (*s == ' ')
			s++;
		long a = isdigit((unsigned char)*s) ? strtol(s, &e, 10) : -1;
		long z = a;
		if (a >= 0) {
			s = e;
			while (*s == ' ')
				s++;
			if (*s == '-') {
				s++;
				while (*s == ' ')
					s++;
				z = isdigit((unsigned char)*s) ? strtol(s, &e, 10)
							       : -1;
				if (z >= 0)
					s = e;
			}
			while (*s == ' ')
				s++;
		}
		if (a < 0 || z < 0 || (*s && *s != ',')) {
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, c->text, 40);
			ERR(b, c->at,
			    "discount_years: expected program years such as "
			    "'1', '1-2' or '1,3', got %s",
			    strbuf_str(&q));
			strbuf_free(&q);
			return -1;
		}
		if (a < 1 || z > H || z < a) {
			ERR(b, c->at,
			    "discount_years: %ld-%ld is not a range of "
			    "program years from 1 to %d",
			    a, z, H);
			return -1;
		}
		for (long t = a; t <= z; t++)
			years[t] = 1;
		if (!*s)
			return 0;
		s++;
	}
}

/* Reads the contract-term cells of an item (its quantity, start and end
 * already in it).  Returns 1 when one is bad (reported). */
static int parse_terms(struct builder *b, struct cell *f,
		       struct model_item *it, int tiers_ok)
{
	struct model_terms *tm = &it->terms;
	char w[80];
	int bad = 0;
	tm->esc_from = 1;
	if (!tiers_ok)
		bad = 1;
	/* minimum */
	if (!build_blank(&f[IC_MINIMUM])) {
		if (build_parse_num(b, &f[IC_MINIMUM], "minimum", NUM_MONEY,
				    &tm->minimum))
			bad = 1;
		else if (tm->minimum < 0) {
			ERR(b, f[IC_MINIMUM].at,
			    "minimum must be 0 or more, got %s",
			    build_written(&f[IC_MINIMUM], w, sizeof(w)));
			bad = 1;
		} else
			tm->has_terms = tm->has_minimum = 1;
	}
	/* discount and its years */
	int has_d = !build_blank(&f[IC_DISCOUNT]);
	int has_dy = !build_blank(&f[IC_DISCOUNT_YEARS]);
	if (has_d) {
		if (build_parse_num(b, &f[IC_DISCOUNT], "discount", NUM_RATE,
				    &tm->discount))
			bad = 1;
		else if (tm->discount < 0 || tm->discount > 1) {
			ERR(b, f[IC_DISCOUNT].at,
			    "discount must be from 0 to 1 (0%% to 100%%), got %s",
			    build_written(&f[IC_DISCOUNT], w, sizeof(w)));
			bad = 1;
		} else if (!has_dy) {
			ERR(b, f[IC_DISCOUNT].at,
			    "discount needs discount_years, the program years "
			    "it applies to (e.g. '1' or '1-%d')",
			    b->m->years);
			bad = 1;
		}
		tm->has_terms = 1;
	}
	if (has_dy) {
		if (parse_years_list(b, &f[IC_DISCOUNT_YEARS],
				     tm->discount_year))
			bad = 1;
		else if (!has_d) {
			ERR(b, f[IC_DISCOUNT_YEARS].at,
			    "discount_years needs a discount (the share off "
			    "in those years, e.g. 100%%)");
			bad = 1;
		}
		tm->has_terms = 1;
	}
	/* escalate_from: year1, start, paid or a program year */
	if (!build_blank(&f[IC_ESCALATE_FROM])) {
		char buf[64];
		const char *s = strbuf_trim_into(f[IC_ESCALATE_FROM].text, buf,
						 sizeof(buf));
		double v;
		const char *why;
		tm->has_terms = 1;
		if (strcasecmp(s, "year1") == 0) {
			tm->esc_from = 1;
		} else if (strcasecmp(s, "start") == 0) {
			tm->esc_from = it->start;
		} else if (strcasecmp(s, "paid") == 0) {
			/* the first active year not entirely free */
			int last = it->once ? it->start : it->end;
			tm->esc_from = it->start;
			for (int t = it->start; t <= last; t++) {
				tm->esc_from = t;
				if (!(tm->discount_year[t] && tm->discount >= 1))
					break;
			}
		} else if (number_parse(s, NUM_INTEGER, &v, &why) == 0 &&
			   v >= 1 && v <= b->m->years) {
			tm->esc_from = (int)v;
		} else {
			static const char *const words[] = {"year1", "start",
							    "paid"};
			const char *near = isalpha((unsigned char)s[0])
						   ? suggest_nearest(s, words, 3)
						   : NULL;
			struct strbuf q = STRBUF_INIT;
			diag_quote(&q, f[IC_ESCALATE_FROM].text, 40);
			ERR(b, f[IC_ESCALATE_FROM].at,
			    "escalate_from must be 'year1', 'start', 'paid' or "
			    "a program year from 1 to %d, got %s%s%s%s",
			    b->m->years, strbuf_str(&q),
			    near ? ": did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
			strbuf_free(&q);
			bad = 1;
		}
	}
	/* escalation_cap, escalation_floor: a rate or a parameter */
	static const int cols[2] = {IC_ESCALATION_CAP, IC_ESCALATION_FLOOR};
	static const char *const names[2] = {"escalation_cap",
					     "escalation_floor"};
	struct model_ref *refs[2] = {&tm->cap, &tm->floor};
	int *has[2] = {&tm->has_cap, &tm->has_floor};
	for (int k = 0; k < 2; k++) {
		struct cell *c = &f[cols[k]];
		struct prow *rp = NULL;
		refs[k]->param = -1;
		if (build_blank(c))
			continue;
		tm->has_terms = 1;
		if (parse_ref(b, c, names[k], NUM_RATE, refs[k], &rp) != 0) {
			bad = 1;
			continue;
		}
		if (!rp && !(refs[k]->value > -1)) {
			ERR(b, c->at, "%s must be greater than -1 (-100%%), got %s",
			    names[k], build_written(c, w, sizeof(w)));
			bad = 1;
			continue;
		}
		if (!rp)
			build_warn_rate(b, c, refs[k]->value, names[k], "");
		note_use(rp, rp ? &rp->as_escalation : NULL, c->at);
		*has[k] = 1;
	}
	if (tm->has_cap && tm->has_floor && tm->cap.param < 0 &&
	    tm->floor.param < 0 && tm->floor.value > tm->cap.value) {
		ERR(b, f[IC_ESCALATION_FLOOR].at,
		    "escalation_floor (%s) must not be above escalation_cap",
		    build_written(&f[IC_ESCALATION_FLOOR], w, sizeof(w)));
		bad = 1;
	}
	if (tm->tiers)
		tm->has_terms = 1;
	if (it->terms.on_exit)
		tm->has_terms = 1;
	return bad;
}

/* Checks one cost-item row and adds it to the model. */
/* ---- items by (option, name) ---- */

static size_t item_hash(int option, const char *name)
{
	uint64_t h = 14695981039346656037u ^ (uint64_t)(unsigned)option;
	h *= 1099511628211u;
	for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
		h ^= *s;
		h *= 1099511628211u;
	}
	return (size_t)(h ^ h >> 29);
}

/* The slot of (option, name) in b->item_slots: the item's, or the empty
 * one where it would go. */
static size_t *item_slot(struct builder *b, int option, const char *name)
{
	static size_t none = 0;
	if (!b->item_slots_cap)
		return &none;
	size_t mask = b->item_slots_cap - 1;
	for (size_t i = item_hash(option, name) & mask;; i = (i + 1) & mask) {
		size_t *s = &b->item_slots[i];
		if (!*s)
			return s;
		const struct model_item *it = &b->m->items[*s - 1];
		if (it->option == option && strcmp(it->name, name) == 0)
			return s;
	}
}

/* Indexes item k of the model (kept at most half full). */
static void add_item_slot(struct builder *b, size_t k)
{
	if (2 * (k + 1) > b->item_slots_cap) {
		size_t *old = b->item_slots, cap = b->item_slots_cap;
		b->item_slots_cap = cap ? 2 * cap : 64;
		b->item_slots = xcalloc(b->item_slots_cap, sizeof(size_t));
		for (size_t i = 0; i < cap; i++)
			if (old[i]) {
				const struct model_item *it =
					&b->m->items[old[i] - 1];
				*item_slot(b, it->option, it->name) = old[i];
			}
		free(old);
	}
	const struct model_item *it = &b->m->items[k];
	*item_slot(b, it->option, it->name) = k + 1;
}

static void item_row(struct builder *b, int file, const struct model_table *mt,
		     const struct csvin_row *row)
{
	struct model *m = b->m;
	struct cell f[IC_COUNT];
	char obuf[256], ibuf[1024], buf[256], wbuf[80];
	for (int i = 0; i < IC_COUNT; i++)
		f[i] = build_table_cell(mt, row, i);
	const char *opt = strbuf_trim_into(f[IC_OPTION].text, obuf, sizeof(obuf));
	const char *name = strbuf_trim_into(f[IC_ITEM].text, ibuf, sizeof(ibuf));
	for (int i = IC_CATEGORY; i < IC_COUNT; i++)
		build_apply_patch(&f[i], build_find_patch(b, opt, name, i));
	struct loc rowloc = csvin_loc(&mt->t, row, 0);
	size_t before = b->d->nerrors;
	char seen_buf[256];
	note_seen(b, "option", opt);
	note_seen(b, "group",
		  strbuf_trim_into(f[IC_GROUP].text, seen_buf, sizeof(seen_buf)));

	if (!*opt) {
		ERR(b, f[IC_OPTION].at, "missing required cell: option");
	} else if (!build_valid_name(opt, "_-")) {
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
	/* Where a run points when the item's cost overflows: its range in
	 * this file (a cell a sweep replaced is elsewhere: then the item). */
	const struct cell *wide = &f[IC_ITEM];
	if (f[IC_HIGH].present && *f[IC_HIGH].text)
		wide = &f[IC_HIGH];
	else if (f[IC_LIKELY].present && *f[IC_LIKELY].text)
		wide = &f[IC_LIKELY];
	if (wide->at.file != rowloc.file)
		wide = &f[IC_ITEM];
	it.col = wide->at.col;
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
		if (m->p_students < 0 && !build_find_row(b, "students") &&
		    !m->p_students_year) {
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
			    "quantity must be 0 or more, got %s (use a "
			    "negative unit cost for a credit)",
			    build_written(&f[IC_QUANTITY], wbuf, sizeof(wbuf)));
			bad = 1;
		}
		note_use(qp, qp ? &qp->as_quantity : NULL, f[IC_QUANTITY].at);
	}

	/* unit cost, or tiers in its place (SPEC 10) */
	int tiers_ok = 1;
	if (!build_blank(&f[IC_TIERS])) {
		static const int unit[4] = {IC_DIST, IC_LOW, IC_LIKELY, IC_HIGH};
		for (int k = 0; k < 4 && tiers_ok; k++)
			if (!build_blank(&f[unit[k]])) {
				ERR(b, f[unit[k]].at,
				    "%s must be blank when the item has tiers "
				    "(the tiers give its price)",
				    model_item_cols[unit[k]]);
				tiers_ok = 0;
			}
		if (tiers_ok && parse_tiers(b, &f[IC_TIERS], &it.terms) != 0)
			tiers_ok = 0;
		it.cost = (struct dist){DIST_FIXED, NAN, 1, NAN};
		it.col = f[IC_TIERS].at.col;
	} else {
		struct dist_cells dc = {&f[IC_DIST], &f[IC_LOW], &f[IC_LIKELY],
					&f[IC_HIGH], "likely", rowloc};
		if (!f[IC_DIST].present)
			dc.row = f[IC_ITEM].at;
		if (build_parse_dist(b, &dc, NUM_MONEY, &it.cost) != 0)
			bad = 1;
	}
	if (!build_blank(&f[IC_TIER_MODE])) {
		char tbuf[64];
		const char *tmode = strbuf_trim_into(f[IC_TIER_MODE].text, tbuf,
						     sizeof(tbuf));
		if (build_blank(&f[IC_TIERS])) {
			ERR(b, f[IC_TIER_MODE].at,
			    "tier_mode needs tiers (e.g. "
			    "'0-1000:8;1000-5000:6;5000-:4.5')");
			tiers_ok = 0;
		} else if (strcasecmp(tmode, "whole") == 0) {
			it.terms.tier_whole = 1;
		} else if (strcasecmp(tmode, "marginal") != 0) {
			ERR(b, f[IC_TIER_MODE].at,
			    "tier_mode must be 'marginal' or 'whole', got '%s'",
			    tmode);
			tiers_ok = 0;
		}
	}

	/* per, start, end */
	char perbuf[64];
	const char *per = strbuf_trim_into(f[IC_PER].text, perbuf, sizeof(perbuf));
	if (!*per || strcasecmp(per, "year") == 0) {
		it.once = 0;
	} else if (strcasecmp(per, "once") == 0) {
		it.once = 1;
	} else if (strcasecmp(per, "exit") == 0) {
		it.once = 0; /* start..end: the exit years with a fee */
		it.terms.on_exit = 1;
	} else {
		static const char *const pers[] = {"year", "once", "exit"};
		const char *near = suggest_nearest(per, pers, 3);
		ERR(b, f[IC_PER].at,
		    "per must be 'year', 'once' or 'exit', got '%s'%s%s%s", per, near ? ": did you mean '" : "", near ? near : "",
		    near ? "'?" : "");
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

	if (parse_terms(b, f, &it, tiers_ok))
		bad = 1;

	/* escalation and probability */
	struct prow *ep = NULL, *pp = NULL;
	if (build_blank(&f[IC_ESCALATION])) {
		it.escalation.param = -1;
	} else if (parse_ref(b, &f[IC_ESCALATION], "escalation", NUM_RATE,
			     &it.escalation, &ep) != 0) {
		bad = 1;
	} else if (!ep && !(it.escalation.value > -1)) {
		ERR(b, f[IC_ESCALATION].at,
		    "escalation must be greater than -1 (-100%%), got %s",
		    build_written(&f[IC_ESCALATION], wbuf, sizeof(wbuf)));
		bad = 1;
	} else if (!ep) {
		build_warn_rate(b, &f[IC_ESCALATION], it.escalation.value,
				"escalation", "");
	}
	note_use(ep, ep ? &ep->as_escalation : NULL, f[IC_ESCALATION].at);
	if (build_blank(&f[IC_PROBABILITY])) {
		it.probability.param = -1;
		it.probability.value = 1;
	} else if (parse_ref(b, &f[IC_PROBABILITY], "probability", NUM_RATE,
			     &it.probability, &pp) != 0) {
		bad = 1;
	} else if (!pp && (it.probability.value < 0 ||
			   it.probability.value > 1)) {
		ERR(b, f[IC_PROBABILITY].at,
		    "probability must be from 0 to 1, got %s",
		    build_written(&f[IC_PROBABILITY], wbuf, sizeof(wbuf)));
		bad = 1;
	} else if (!pp) {
		build_warn_probability(b, &f[IC_PROBABILITY],
				       it.probability.value, "probability",
				       "");
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
			const char *names[PAYER_COUNT];
			for (int j = 0; j < PAYER_COUNT; j++)
				names[j] = payer_name((enum payer)j);
			const char *near = suggest_nearest(payer, names,
							   PAYER_COUNT);
			if (near)
				ERR(b, f[IC_PAYER].at,
				    "unknown payer '%s': did you mean '%s'?",
				    payer, near);
			else
				ERR(b, f[IC_PAYER].at,
				    "unknown payer '%s' (valid: district, "
				    "state, federal, other)",
				    payer);
			bad = 1;
		} else {
			it.payer = (enum payer)k;
		}
	}
	if (!build_blank(&f[IC_AID])) {
		if (build_parse_num(b, &f[IC_AID], "aid", NUM_RATE, &it.aid)) {
			bad = 1;
		} else if (it.aid < 0 || it.aid > 1) {
			ERR(b, f[IC_AID].at,
			    "aid (the aidable share) must be from 0 to 1, got "
			    "%s",
			    build_written(&f[IC_AID], wbuf, sizeof(wbuf)));
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
	if (*group && !build_valid_name(group, "_")) {
		ERR(b, f[IC_GROUP].at,
		    "invalid group name '%s' (lower-case letters, digits and "
		    "'_', starting with a letter)",
		    group);
		bad = 1;
	}

	int o = model_find_option(m, opt);
	size_t *slot = o >= 0 ? item_slot(b, o, name) : NULL;
	if (slot && *slot) {
		const struct model_item *prev = &m->items[*slot - 1];
		ERR(b, f[IC_ITEM].at,
		    "duplicate item '%s' in option '%s' (first in %s, line "
		    "%u)",
		    name, opt, m->files[prev->file].path, prev->line);
		free(it.terms.tiers);
		return;
	}
	if (bad) {
		free(it.terms.tiers);
		return;
	}
	it.option = intern_option(m, opt);
	it.name = xstrdup(name);
	it.category = intern_category(
		m, strbuf_trim_into(f[IC_CATEGORY].text, buf, sizeof(buf)));
	if (*group)
		it.group = intern_group(m, group);
	it.source = xstrdup(f[IC_SOURCE].text);
	m->items = xreallocarray(m->items, m->nitems + 1, sizeof(*m->items));
	m->items[m->nitems++] = it;
	add_item_slot(b, m->nitems - 1);
}

void build_cost_tables(struct builder *b)
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
		for (size_t r = 0; r < mt->t.nrows; r++) {
			const struct csvin_row *row = &mt->t.rows[r];
			if (row->too_wide) { /* its width was reported */
				char buf[256];
				struct cell c = build_table_cell(mt, row,
								 IC_OPTION);
				note_seen(b, "option",
					  strbuf_trim_into(c.text, buf,
							   sizeof(buf)));
				continue;
			}
			item_row(b, file, mt, row);
		}
	}
	free(b->item_slots);
	b->item_slots = NULL;
	b->item_slots_cap = 0;
}
