/* Reading a scenario and its cost files, and checking their columns (see
 * source.h). */
#include "model/source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/file.h"
#include "model/number.h"
#include "util/mem.h"
#include "util/suggest.h"

const char *const model_scen_cols[SC_COUNT] = {
	"parameter", "value", "low", "high", "dist", "source"};

const char *const model_item_cols[IC_COUNT] = {
	"option", "item",     "category",    "quantity", "dist",  "low",
	"likely", "high",     "per",         "start",    "end",   "escalation",
	"probability", "payer", "aid",       "group",    "source",
	"tiers", "tier_mode", "minimum", "discount", "discount_years",
	"escalate_from", "escalation_cap", "escalation_floor"};

static void list_names(struct strbuf *b, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_printf(b, "%s%s", i ? ", " : "", names[i]);
}

/* Whether every data row leaves column c blank. */
static int column_unused(const struct csvin_table *t, size_t c)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (!number_is_blank(csvin_text(&t->rows[r], (int)c)))
			return 0;
	return 1;
}

/* Whether t's header names none of the columns names[0..n). */
static int no_known_column(const struct csvin_table *t,
			   const char *const *names, size_t n)
{
	for (size_t c = 0; c < t->header.n; c++)
		for (size_t k = 0; k < n; k++)
			if (strcasecmp(t->header.cells[c].text, names[k]) == 0)
				return 0;
	return 1;
}

/* Locates the known columns of t's header; reports unknown, duplicate and
 * missing required columns, and rows wider than the header.  required is the
 * number of leading names that must be present.  A header that names none
 * of the columns is not one of ours: kind ("cost-items") names what was
 * expected, and none of the file's content is echoed (it may be any file
 * the user can read). */
static void locate_columns(struct model_table *mt, const char *kind,
			   const char *const *names, size_t nnames,
			   size_t required, struct diags *d)
{
	struct csvin_table *t = &mt->t;
	for (size_t i = 0; i < IC_COUNT; i++)
		mt->col[i] = -1;
	if (t->header.n == 0) {
		struct loc at = {t->file.path, 1, 1};
		diag_error(d, at, "the file is empty: expected a header row "
				  "naming the columns");
		return;
	}
	if (csvin_check_separator(t, d)) {
		mt->broken = 1;
		return;
	}
	if (no_known_column(t, names, nnames)) {
		struct loc at = {t->file.path, t->header.line, 1};
		struct strbuf b = STRBUF_INIT;
		list_names(&b, names, nnames);
		diag_error(d, at, "not a %s file: its first row names none of "
				  "the expected columns (%s)",
			   kind, strbuf_str(&b));
		strbuf_free(&b);
		return;
	}
	for (size_t c = 0; c < t->header.n; c++) {
		const char *h = t->header.cells[c].text;
		struct loc at = csvin_loc(t, &t->header, (int)c);
		if (number_is_blank(h)) {
			if (!column_unused(t, c))
				diag_error(d, at, "column %zu has values but "
						  "no name in the header",
					   c + 1);
			continue;
		}
		size_t k = 0;
		while (k < nnames && strcasecmp(h, names[k]) != 0)
			k++;
		if (k == nnames) {
			struct strbuf b = STRBUF_INIT;
			diag_quote(&b, h, 40);
			const char *near = suggest_nearest(h, names, nnames);
			if (near) {
				strbuf_printf(&b, ": did you mean '%s'?", near);
			} else {
				strbuf_puts(&b, " (valid columns: ");
				list_names(&b, names, nnames);
				strbuf_puts(&b, ")");
			}
			diag_error(d, at, "unknown column %s", strbuf_str(&b));
			strbuf_free(&b);
		} else if (mt->col[k] >= 0) {
			diag_error(d, at, "duplicate column '%s' (also column "
					  "%d)",
				   names[k], mt->col[k] + 1);
		} else {
			mt->col[k] = (int)c;
		}
	}
	for (size_t k = 0; k < required; k++) {
		if (mt->col[k] < 0) {
			struct loc at = {t->file.path, t->header.line,
					 (unsigned)t->header.n + 1};
			diag_error(d, at, "missing required column '%s'",
				   names[k]);
		}
	}
	csvin_check_widths(t, d);
}

static int load_table(const char *path, struct model_table *mt,
		      const char *kind, const char *const *names,
		      size_t nnames, size_t required, struct diags *d)
{
	size_t before = d->nerrors;
	int err = csvin_load(path, &mt->t, d);
	if (err)
		return err;
	mt->broken = d->nerrors > before;
	before = d->nerrors;
	locate_columns(mt, kind, names, nnames, required, d);
	for (size_t k = 0; k < required; k++)
		mt->broken |= mt->col[k] < 0;
	mt->broken |= mt->t.header.n == 0;
	return 0;
}

int model_source_load(const char *path, struct model_source *src,
		      struct diags *diags)
{
	memset(src, 0, sizeof(*src));
	src->path = xstrdup(path);
	diags_note_file(diags, path);
	size_t before = diags->nerrors;
	int err = load_table(path, &src->scen, "scenario", model_scen_cols,
			     SC_COUNT, 2, diags);
	if (err) {
		struct loc at = {path, 0, 0};
		diag_error(diags, at, "cannot read the scenario file: %s",
			   file_strerror(err));
		model_source_free(src);
		return 3;
	}
	const struct csvin_table *st = &src->scen.t;
	int pc = src->scen.col[SC_PARAMETER], vc = src->scen.col[SC_VALUE];
	for (size_t r = 0; pc >= 0 && r < st->nrows; r++) {
		const struct csvin_row *row = &st->rows[r];
		if (strcmp(csvin_text(row, pc), "costs") != 0)
			continue;
		const char *rel = csvin_text(row, vc);
		struct loc at = csvin_loc(st, row, vc);
		if (number_is_blank(rel))
			continue; /* reported by model_build */
		char *p = file_path_relative_to(path, rel);
		int dup = 0;
		for (size_t i = 0; i < src->ncosts; i++)
			dup |= strcmp(src->costs[i].t.file.path, p) == 0;
		if (dup) {
			diag_error(diags, at, "cost file '%s' is listed twice",
				   p);
			free(p);
			continue;
		}
		diags_note_file(diags, p);
		src->costs = xreallocarray(src->costs, src->ncosts + 1,
					   sizeof(*src->costs));
		struct model_table *mt = &src->costs[src->ncosts];
		memset(mt, 0, sizeof(*mt));
		err = load_table(p, mt, "cost-items", model_item_cols,
				 IC_COUNT, 3, diags);
		if (err) {
			diag_error(diags, at, "cannot read cost file '%s': %s",
				   p, file_strerror(err));
			csvin_free(&mt->t);
			/* A cost file that is not there is a wrong name in the
			 * scenario, invalid input (SPEC 9: exit 1); one that is
			 * there but cannot be read is an I/O failure (3). */
			if (err != ENOENT)
				src->nmissing++;
			else
				src->nabsent++;
			src->incomplete = 1;
		} else {
			src->incomplete |= mt->broken;
			src->ncosts++;
		}
		free(p);
	}
	return diags->nerrors > before ? 1 : 0;
}

void model_source_free(struct model_source *src)
{
	csvin_free(&src->scen.t);
	for (size_t i = 0; i < src->ncosts; i++)
		csvin_free(&src->costs[i].t);
	free(src->costs);
	free(src->path);
	memset(src, 0, sizeof(*src));
}
