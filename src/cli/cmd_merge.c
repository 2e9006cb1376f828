/* edtco merge: join the folders of the shards of a batch (edtco batch
 * --shard K/N) into the folder the whole batch would have written.
 *
 * Each shard's provenance.csv names its shard, K/N, and otherwise matches
 * the whole batch's: merge checks that every shard 1..N is there once and
 * that all were run from the same inputs, seed, trials and program version.
 * Every shard's batch.csv is read as strictly as an input file
 * (io/resultfile.h), and must hold each case of its block of the sweep
 * exactly once, with a row per option: as many cases as its provenance's
 * `cases` and K/N give it (sweep_shard), no case in two shards.  Then
 * merge writes batch.csv (the header, then every shard's rows in shard
 * order, each parsed and written again) and provenance.csv (shard 1's,
 * without its `shard` row).  Both are then byte for byte those of the
 * batch run on one machine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/signals.h"
#include "io/csvin.h"
#include "io/csvout.h"
#include "io/file.h"
#include "io/outdir.h"
#include "io/resultfile.h"
#include "model/sweep.h"
#include "util/mem.h"

static const char help[] =
	"Usage: edtco merge [-o DIR] [-q] [--force] SHARD-DIR...\n"
	"Join the output folders of the shards of a batch (edtco batch --shard "
	"K/N) into\none folder: batch.csv and provenance.csv, byte for byte "
	"those of the batch run\non one machine.  The folders may come in any "
	"order; every shard 1..N must be\nthere once, run from the same "
	"inputs, seed, trials and version.\n"
	"\n"
	"  -o, --output DIR   where to write (default: the shards' folder name "
	"without\n"
	"                     its -shard-K-of-N ending)\n"
	"  -q, --quiet        print nothing but errors\n"
	"      --force        overwrite files in DIR that edtco did not write "
	"(or that\n"
	"                     were changed since) whose names a result needs\n"
	"  -h, --help         show this help\n"
	"\n"
	"Case folders written by --charts are not moved; copy them with "
	"cp -R.\n"
	"\nExit status: 0 success, 1 invalid input, 2 wrong usage, 3 a file "
	"could not be\nread or written, 130/143/129 stopped by INT/TERM/HUP "
	"(DIR left as it was).\n"
	"\nManual: man edtco; the files: man 5 edtco-results.\n";

/* One shard's folder. */
struct shard {
	const char *dir;
	char *prov_path, *batch_path;
	struct csvin_table prov;
	struct csvin_table batch;
	const struct resultfile_schema *schema; /* of its batch.csv */
	unsigned long k, n;
	int shard_row;     /* row of `shard` in prov, or -1 */
	size_t ncases;     /* of the whole batch (provenance's `cases`) */
};

/* Parses "K/N". */
static int parse_kn(const char *s, unsigned long *k, unsigned long *n)
{
	char *end;
	if (*s < '0' || *s > '9')
		return -1;
	*k = strtoul(s, &end, 10);
	if (*end != '/' || end[1] < '0' || end[1] > '9')
		return -1;
	*n = strtoul(end + 1, &end, 10);
	return *end || *k < 1 || *k > *n ? -1 : 0;
}

static char *join(const char *dir, const char *name)
{
	struct strbuf b = STRBUF_INIT;
	char *d = file_folder_name(dir);
	strbuf_printf(&b, "%s/%s", d, name);
	free(d);
	return strbuf_take(&b);
}

/* The row of key in a provenance table, or -1. */
static int prov_row(const struct csvin_table *p, const char *key)
{
	for (size_t r = 0; r < p->nrows; r++)
		if (strcmp(csvin_text(&p->rows[r], 0), key) == 0)
			return (int)r;
	return -1;
}

/* Reads one shard's files.  Returns 0, or an exit status (problems in
 * d or printed). */
static int read_shard(struct shard *s, struct diags *d)
{
	s->prov_path = join(s->dir, "provenance.csv");
	s->batch_path = join(s->dir, "batch.csv");
	s->shard_row = -1;
	static const char *const files[] = {"batch.csv", "provenance.csv",
					    NULL};
	struct strbuf changed = STRBUF_INIT;
	char *dir = file_folder_name(s->dir);
	int bad = outdir_verify(dir, files, &changed);
	free(dir);
	if (bad >= 0) {
		diag_error(d, (struct loc){bad ? s->prov_path : s->batch_path,
					   0, 0},
			   "%s", strbuf_str(&changed));
		strbuf_free(&changed);
		return EXIT_INPUT;
	}
	strbuf_free(&changed);
	size_t before = d->nerrors;
	diags_note_file(d, s->prov_path);
	diags_note_file(d, s->batch_path);
	int ok;
	int e = resultfile_read(s->prov_path, &resultfile_provenance, &s->prov,
				&ok, d);
	if (e) {
		struct loc at = {s->prov_path, 0, 0};
		diag_error(d, at, "cannot read: %s (is '%s' the folder of a "
				  "batch shard?)",
			   file_strerror(e), s->dir);
		return EXIT_IO;
	}
	/* With or without the levy columns, as its header says (the same
	 * in every shard of one batch: check_same compares the inputs). */
	struct file_data bf;
	e = file_read(s->batch_path, &bf);
	if (e) {
		struct loc at = {s->batch_path, 0, 0};
		diag_error(d, at, "cannot read: %s", file_strerror(e));
		return EXIT_IO;
	}
	s->schema = resultfile_batch_of((const char *)bf.bytes, bf.len);
	resultfile_parse(&bf, s->schema, &s->batch, &ok, d);
	if (d->nerrors > before)
		return EXIT_INPUT;
	s->shard_row = prov_row(&s->prov, "shard");
	if (s->shard_row < 0) {
		struct loc at = {s->prov_path, 0, 0};
		diag_error(d, at, "no 'shard' row: '%s' holds a whole batch, "
				  "not a shard of one",
			   s->dir);
		return EXIT_INPUT;
	}
	const struct csvin_row *row = &s->prov.rows[s->shard_row];
	if (parse_kn(csvin_text(row, 1), &s->k, &s->n) != 0) {
		diag_error(d, csvin_loc(&s->prov, row, 1),
			   "expected the shard as K/N");
		return EXIT_INPUT;
	}
	int cr = prov_row(&s->prov, "cases");
	if (cr < 0) {
		struct loc at = {s->prov_path, 0, 0};
		diag_error(d, at, "no 'cases' row: the number of cases of the "
				  "batch is not known");
		return EXIT_INPUT;
	}
	row = &s->prov.rows[cr];
	const char *c = csvin_text(row, 1);
	size_t len = strspn(c, "0123456789");
	if (len == 0 || len > 15 || c[len] != '\0') {
		diag_error(d, csvin_loc(&s->prov, row, 1),
			   "cases: expected a whole number");
		return EXIT_INPUT;
	}
	s->ncases = (size_t)strtoull(c, NULL, 10);
	return EXIT_OK;
}

/* Rows whose values may differ between shards of one batch: where the
 * files were (paths may differ from host to host), how the command was
 * written, and the shard itself. */
static int may_differ(const char *key)
{
	return strcmp(key, "shard") == 0 || strcmp(key, "command") == 0 ||
	       strcmp(key, "input_file") == 0;
}

/* Checks that shard s was run like shard a (the first).  Problems go to
 * d. */
static void check_same(const struct shard *a, const struct shard *s,
		       struct diags *d)
{
	if (s->n != a->n) {
		const struct csvin_row *row = &s->prov.rows[s->shard_row];
		diag_error(d, csvin_loc(&s->prov, row, 1),
			   "shard %lu/%lu belongs to a split into %lu, not "
			   "%lu like '%s'",
			   s->k, s->n, s->n, a->n, a->dir);
		return;
	}
	if (s->prov.nrows != a->prov.nrows) {
		struct loc at = {s->prov_path, 0, 0};
		diag_error(d, at, "%zu rows, but '%s' has %zu: not shards of "
				  "one batch",
			   s->prov.nrows, a->prov_path, a->prov.nrows);
		return;
	}
	for (size_t r = 0; r < s->prov.nrows; r++) {
		const struct csvin_row *x = &a->prov.rows[r];
		const struct csvin_row *y = &s->prov.rows[r];
		const char *key = csvin_text(y, 0);
		if (strcmp(csvin_text(x, 0), key) != 0) {
			diag_error(d, csvin_loc(&s->prov, y, 0),
				   "row '%s', but %s:%u has '%s': not shards "
				   "of one batch",
				   key, a->prov_path, x->line,
				   csvin_text(x, 0));
			return;
		}
		if (!may_differ(key) &&
		    strcmp(csvin_text(x, 1), csvin_text(y, 1)) != 0)
			diag_error(d, csvin_loc(&s->prov, y, 1),
				   "%s differs from shard %lu (%s:%u): the "
				   "shards were not run from the same inputs "
				   "and options",
				   key, a->k, a->prov_path, x->line);
	}
}

static int cmp_shard(const void *x, const void *y)
{
	const struct shard *a = x, *b = y;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* A case of a shard: its name and where its rows begin. */
struct case_at {
	const char *name;
	const struct shard *s;
	size_t row;
};

static int cmp_case(const void *x, const void *y)
{
	const struct case_at *a = x, *b = y;
	int c = strcmp(a->name, b->name);
	if (c)
		return c;
	if (a->s->k != b->s->k)
		return a->s->k < b->s->k ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

/* The options of the case whose rows begin at row r of s, checked against
 * ref (the options of the first case, in order; nref of them; NULL for the
 * first case itself).  Returns the row after the case. */
static size_t check_case(const struct shard *s, size_t r,
			 const struct csvin_row *ref, size_t nref,
			 struct diags *d)
{
	const struct csvin_table *t = &s->batch;
	const char *name = csvin_text(&t->rows[r], 0);
	size_t end = r;
	while (end < t->nrows &&
	       strcmp(csvin_text(&t->rows[end], 0), name) == 0)
		end++;
	for (size_t i = 0; ref && i < end - r; i++) {
		const struct csvin_row *row = &t->rows[r + i];
		if (i < nref &&
		    strcmp(csvin_text(row, 1), csvin_text(&ref[i], 1)) == 0)
			continue;
		diag_error(d, csvin_loc(t, row, 1),
			   i < nref ? "expected the row of option '%s' here "
				      "(every case has a row per option, in "
				      "the order of the first case)"
				    : "one row too many for case '%s' (every "
				      "case has a row per option, in the "
				      "order of the first case)",
			   i < nref ? csvin_text(&ref[i], 1) : name);
		return end;
	}
	if (ref && end - r < nref)
		diag_error(d, csvin_loc(t, &t->rows[end - 1], 0),
			   "case '%s' lacks the row of option '%s' (every "
			   "case has a row per option)",
			   name, csvin_text(&ref[end - r], 1));
	return end;
}

/* Checks that the shards' batch.csv files hold each case of the batch
 * exactly once, each with a row per option, each shard as many as its
 * block of the sweep.  Problems go to d. */
static void check_cases(struct shard *sh, size_t n, struct diags *d)
{
	const struct csvin_row *ref = NULL;
	size_t nref = 0;
	struct case_at *all = NULL;
	size_t nall = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		const struct csvin_table *t = &sh[i].batch;
		size_t ncases = 0;
		for (size_t r = 0; r < t->nrows;) {
			if (!ref) {
				ref = &t->rows[r];
				nref = check_case(&sh[i], r, NULL, 0, d) - r;
			}
			GROW(all, cap, nall + 1);
			all[nall++] = (struct case_at){
				csvin_text(&t->rows[r], 0), &sh[i], r};
			r = check_case(&sh[i], r, ref, nref, d);
			ncases++;
		}
		size_t first, end;
		sweep_shard(sh[i].ncases, sh[i].k, sh[i].n, &first, &end);
		if (ncases != end - first) {
			struct loc at = {sh[i].batch_path, 0, 0};
			diag_error(d, at,
				   "%zu case%s, but shard %lu/%lu of a batch "
				   "of %zu cases (its provenance.csv) has "
				   "%zu%s",
				   ncases, ncases == 1 ? "" : "s", sh[i].k,
				   sh[i].n, sh[i].ncases, end - first,
				   ncases < end - first
					   ? ": was the file cut short?"
					   : "");
		}
	}
	if (nall > 1)
		qsort(all, nall, sizeof(*all), cmp_case);
	for (size_t i = 1; i < nall; i++) {
		if (strcmp(all[i].name, all[i - 1].name) != 0)
			continue;
		const struct csvin_table *t = &all[i].s->batch;
		diag_error(d, csvin_loc(t, &t->rows[all[i].row], 0),
			   "case '%s' is given twice (also %s:%u)",
			   all[i].name, all[i - 1].s->batch_path,
			   all[i - 1].s->batch.rows[all[i - 1].row].line);
	}
	free(all);
}

/* The merged files into dir. */
static int write_merged(struct shard *sh, size_t n, const char *dir,
			int force, struct strbuf *err)
{
	struct outdir od;
	if (outdir_open(&od, dir, force ? OUTDIR_FORCE : 0, err) != 0)
		return EXIT_IO;
	for (size_t i = 0; i < n; i++) {
		outdir_protect(&od, sh[i].prov_path);
		outdir_protect(&od, sh[i].batch_path);
	}
	/* Rows parsed and written again: never a row glued to another or
	 * cut short, and the same bytes for files edtco wrote. */
	struct csvout b = CSVOUT_INIT;
	resultfile_header(sh[0].schema, &b);
	for (size_t i = 0; i < n; i++)
		for (size_t r = 0; r < sh[i].batch.nrows; r++)
			resultfile_write_row(sh[0].schema,
					     &sh[i].batch.rows[r], &b);
	int e = outdir_write(&od, "batch.csv", b.text.s, b.text.len, err);
	csvout_free(&b);
	struct csvout w = CSVOUT_INIT;
	const struct csvin_table *p = &sh[0].prov;
	csvout_bom(&w);
	csvout_text(&w, csvin_text(&p->header, 0));
	csvout_text(&w, csvin_text(&p->header, 1));
	csvout_end_row(&w);
	for (size_t r = 0; r < p->nrows; r++) {
		if ((int)r == sh[0].shard_row)
			continue;
		/* As written, not guarded twice against formulas. */
		csvout_text(&w, csv_unguard(csvin_text(&p->rows[r], 0)));
		csvout_text(&w, csv_unguard(csvin_text(&p->rows[r], 1)));
		csvout_end_row(&w);
	}
	if (!e)
		e = outdir_write(&od, "provenance.csv", w.text.s, w.text.len,
				 err);
	csvout_free(&w);
	if (e || cli_cancelled()) {
		outdir_abort(&od);
		return e ? EXIT_IO : cli_cancel_exit(dir);
	}
	return outdir_commit(&od, err) ? EXIT_IO : EXIT_OK;
}

/* The folder name without "-shard-K-of-N", or NULL. */
static char *whole_dir(const char *dir)
{
	char *d = file_folder_name(dir);
	char *p = NULL;
	for (char *q = strstr(d, "-shard-"); q; q = strstr(q + 1, "-shard-"))
		p = q;
	unsigned long k, m;
	char tail[2];
	if (!p || sscanf(p, "-shard-%lu-of-%lu%1s", &k, &m, tail) != 2 ||
	    p == d || p[-1] == '/') {
		free(d);
		return NULL;
	}
	*p = '\0';
	return d;
}

static int merge_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"force", no_argument, NULL, 256},
		{NULL, 0, NULL, 0}};
	const char *out = NULL;
	int quiet = 0, force = 0;
	args_reset();
	int c;
	while ((c = args_next("merge", argc, argv, "o:qh", longopts)) != -1) {
		if (c == 'o') {
			out = optarg;
		} else if (c == 'q') {
			quiet = 1;
			cli_diag_mode(1, 0);
		} else if (c == 256) {
			force = 1;
		} else if (c == 'h') {
			fputs(help, stdout);
			return EXIT_OK;
		} else {
			return EXIT_USAGE;
		}
	}
	size_t n = (size_t)(argc - optind);
	if (n == 0)
		return cli_usage_error("merge", "missing SHARD-DIR...");
	if (out && !*out)
		return cli_usage_error("merge", "empty output folder name");
	struct shard *sh = xcalloc(n, sizeof(*sh));
	struct diags d = DIAGS_INIT;
	int rc = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		sh[i].dir = argv[optind + (int)i];
		int r = read_shard(&sh[i], &d);
		if (r != EXIT_OK && (rc == EXIT_OK || r == EXIT_IO))
			rc = r;
	}
	if (rc == EXIT_OK) {
		qsort(sh, n, sizeof(*sh), cmp_shard);
		for (size_t i = 1; i < n; i++)
			check_same(&sh[0], &sh[i], &d);
		for (size_t i = 1; i < n && !d.nerrors; i++)
			if (sh[i].k == sh[i - 1].k) {
				struct loc at = {sh[i].prov_path, 0, 0};
				diag_error(&d, at, "shard %lu/%lu is given "
						   "twice (also '%s')",
					   sh[i].k, sh[i].n, sh[i - 1].dir);
			}
		if (!d.nerrors && n != sh[0].n) {
			struct strbuf miss = STRBUF_INIT;
			size_t j = 0;
			for (unsigned long k = 1; k <= sh[0].n; k++) {
				while (j < n && sh[j].k < k)
					j++;
				if (j < n && sh[j].k == k)
					continue;
				if (miss.len > 60) {
					strbuf_puts(&miss, ", ...");
					break;
				}
				strbuf_printf(&miss, "%s%lu",
					      miss.len ? ", " : "", k);
			}
			diag_error(&d, (struct loc){NULL, 0, 0},
				   "%zu of %lu shards given; missing: %s", n,
				   sh[0].n, strbuf_str(&miss));
			strbuf_free(&miss);
		}
		if (!d.nerrors)
			check_cases(sh, n, &d);
		if (d.nerrors)
			rc = EXIT_INPUT;
	}
	cli_print_diags(&d);
	diags_free(&d);
	char *dir = NULL;
	if (rc == EXIT_OK) {
		dir = out ? xstrdup(out) : whole_dir(sh[0].dir);
		if (!dir)
			rc = cli_usage_error("merge",
					     "cannot name the merged folder "
					     "after '%s': give -o DIR",
					     sh[0].dir);
	}
	if (rc == EXIT_OK) {
		struct strbuf err = STRBUF_INIT;
		rc = write_merged(sh, n, dir, force, &err);
		if (rc != EXIT_OK && err.len)
			cli_fail(rc, "%s", strbuf_str(&err));
		else if (!quiet)
			cli_printf(stdout, "Merged %zu shards into %s/batch.csv\n", n, dir);
		strbuf_free(&err);
	}
	free(dir);
	for (size_t i = 0; i < n; i++) {
		free(sh[i].prov_path);
		free(sh[i].batch_path);
		csvin_free(&sh[i].prov);
		csvin_free(&sh[i].batch);
	}
	free(sh);
	return rc;
}

const struct cli_command cli_merge_command = {
	"merge", "join the output folders of a sharded batch", help,
	merge_main};
