/* Drawing every exhibit of a result folder (see chart.h). */
#include "chart/chart.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "chart/exhibit.h"
#include "chart/render.h"
#include "chart/report.h"
#include "io/file.h"
#include "io/resultfile.h"
#include "util/mem.h"
#include "util/parallel.h"

void chart_opts_default(struct chart_opts *o)
{
	o->formats = CHART_DEFAULT_FORMATS;
	o->dpi = CHART_DEFAULT_DPI;
	o->date = -1;
	o->font_dir = NULL;
	o->threads = 1;
}

int chart_parse_formats(const char *list, unsigned *formats,
			const char **bad)
{
	static const struct {
		const char *name;
		unsigned bit;
	} words[] = {{"png", CHART_PNG},
		     {"pdf", CHART_PDF},
		     {"svg", CHART_SVG},
		     {"report", CHART_REPORT},
		     {"all", CHART_ALL}};
	unsigned f = 0;
	const char *s = list;
	for (;;) {
		size_t n = strcspn(s, ",");
		unsigned bit = 0;
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strlen(words[i].name) == n &&
			    strncmp(s, words[i].name, n) == 0)
				bit = words[i].bit;
		if (!bit) {
			*bad = s;
			return -1;
		}
		f |= bit;
		if (s[n] == '\0')
			break;
		s += n + 1;
	}
	*formats = f;
	return 0;
}

/* The newest modification time of the files named in provenance.csv
 * (the run's inputs, as given on its command line, so relative to the
 * current folder), or -1 when none can be found. */
static long long newest_input(const struct chart_data *d)
{
	long long t = -1;
	for (size_t i = 0; i < d->nprov; i++) {
		struct stat st;
		if (strcmp(d->prov[i].key, "input_file") == 0 &&
		    stat(d->prov[i].value, &st) == 0 && S_ISREG(st.st_mode) &&
		    (long long)st.st_mtime > t)
			t = (long long)st.st_mtime;
	}
	return t;
}

/* The newest modification time of the result files in folder dir that a
 * drawing reads (never manifest.csv, which every writing renews, nor a
 * user's own file), or of dir itself when it has none. */
static long long newest_result(const char *dir)
{
	static const struct resultfile_schema *const read[] = {
		&resultfile_summary,	 &resultfile_years,
		&resultfile_compare,	 &resultfile_budget,
		&resultfile_distribution, &resultfile_histogram,
		&resultfile_categories,	 &resultfile_inputs,
		&resultfile_provenance,	 &resultfile_sensitivity,
		&resultfile_findings};
	struct stat st;
	long long t = stat(dir, &st) == 0 ? (long long)st.st_mtime : 0;
	long long newest = -1;
	for (size_t i = 0; i < sizeof(read) / sizeof(read[0]); i++) {
		struct strbuf p = STRBUF_INIT;
		strbuf_printf(&p, "%s/%s", dir, read[i]->file);
		if (stat(strbuf_str(&p), &st) == 0 &&
		    (long long)st.st_mtime > newest)
			newest = (long long)st.st_mtime;
		strbuf_free(&p);
	}
	return newest >= 0 ? newest : t;
}

void chart_pdf_date(const struct chart_data *d, const char *src,
		    const struct chart_opts *o, char buf[32])
{
	long long v = o->date;
	if (v < 0)
		v = newest_input(d);
	if (v < 0)
		v = newest_result(src);
	if (v < 0 || v >= 253402300800LL) /* not before 10000 */
		v = 0;
	time_t t = (time_t)v;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* One file to render: an exhibit in one format, or the packet. */
struct job {
	const struct dlist *dl;            /* an exhibit (NULL: the packet) */
	unsigned fmt;                      /* CHART_PNG, _PDF, _SVG, _REPORT */
	struct render_meta meta;           /* PDF document information */
	char *path, *shown;                /* staging path; name in messages */
	int rc;                            /* 0 or -1 (message in err) */
	struct strbuf err;
};

/* Rendering jobs shared by worker threads: each thread takes the next
 * job in order and renders it with its own fonts (FreeType faces are not
 * shared between threads); every file depends only on its own job, so
 * the bytes are the same for any number of threads. */
struct pool {
	struct job *jobs;
	size_t n;
	atomic_size_t next;
	const struct chart_opts *o;
	const char *font_dir;
	const struct render_page *pages; /* the packet's pages */
	size_t npages;
};

static void run_job(struct pool *p, struct render_fonts *f, struct job *j)
{
	if (j->fmt == CHART_PNG)
		j->rc = render_png(f, j->dl, p->o->dpi, j->path, j->shown,
				   &j->err);
	else if (j->fmt == CHART_SVG)
		j->rc = render_svg(f, j->dl, j->path, j->shown, &j->err);
	else if (j->fmt == CHART_PDF) {
		struct render_page pg = {j->dl, NULL, NULL, 0};
		j->rc = render_pdf(f, &pg, 1, &j->meta, j->path, j->shown,
				   &j->err);
	} else {
		j->rc = render_pdf(f, p->pages, p->npages, &j->meta, j->path,
				   j->shown, &j->err);
	}
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	struct render_fonts *f = NULL;
	struct strbuf ferr = STRBUF_INIT;
	int fonts_ok = render_fonts_open(p->font_dir, &f, &ferr) == 0;
	for (;;) {
		size_t i = atomic_fetch_add(&p->next, 1);
		if (i >= p->n)
			break;
		struct job *j = &p->jobs[i];
		if (fonts_ok) {
			run_job(p, f, j);
		} else {
			j->rc = -1;
			strbuf_puts(&j->err, strbuf_str(&ferr));
		}
	}
	render_fonts_close(f);
	strbuf_free(&ferr);
	return NULL;
}

/* Runs every job on up to threads threads.  Returns 0, or -1 with the
 * message of the first failed job (in job order) in err. */
static int run_pool(struct pool *p, int threads, struct strbuf *err)
{
	atomic_init(&p->next, 0);
	parallel_run(threads, p->n, worker, p);
	for (size_t i = 0; i < p->n; i++)
		if (p->jobs[i].rc != 0) {
			strbuf_puts(err, strbuf_str(&p->jobs[i].err));
			return -1;
		}
	return 0;
}

/* Adds a job writing prefix + stem + ext. */
static struct job *add_job(struct job *jobs, size_t *n, struct outdir *od,
			   const char *prefix, const char *stem,
			   const char *ext, unsigned fmt,
			   const struct dlist *dl)
{
	struct job *j = &jobs[(*n)++];
	memset(j, 0, sizeof(*j));
	struct strbuf name = STRBUF_INIT;
	strbuf_printf(&name, "%s%s%s", prefix, stem, ext);
	j->path = outdir_path(od, strbuf_str(&name));
	j->shown = strbuf_take(&name);
	j->fmt = fmt;
	j->dl = dl;
	return j;
}

enum chart_status chart_draw(const char *src, struct outdir *od,
			     const char *prefix, const struct chart_opts *o,
			     struct diags *diags, struct strbuf *err)
{
	struct chart_data d;
	enum chart_status st = chart_data_load(&d, src, diags);
	if (st != CHART_OK)
		return st;
	const char *font_dir = o->font_dir ? o->font_dir : RENDER_FONT_DIR;
	struct render_fonts *fonts;
	if (render_fonts_open(font_dir, &fonts, err) != 0) {
		chart_data_free(&d);
		return CHART_EIO;
	}
	/* Layout on this thread: every exhibit, and the packet. */
	struct text_measure tm = render_measure(fonts);
	struct exhibit *ex;
	size_t nex = exhibit_list(&d, &ex);
	struct dlist *charts = xcalloc(nex + 1, sizeof(*charts));
	for (size_t i = 0; i < nex; i++) {
		struct exhibit_ctx c = {&d, &tm, &ex[i]};
		exhibit_draw(&c, &charts[i]);
	}
	/* The standalone PDFs: tagged, the chart a Figure with its text
	 * alternative, like its page in the packet. */
	struct dlist *tagged = xcalloc(nex + 1, sizeof(*tagged));
	for (size_t i = 0; i < nex && (o->formats & CHART_PDF); i++) {
		dlist_init(&tagged[i], charts[i].width, charts[i].height);
		char *alt = exhibit_alt(&ex[i]);
		dl_tag_begin(&tagged[i], "Figure", alt);
		free(alt);
		dlist_append(&tagged[i], &charts[i], 0, 0);
		dl_tag_end(&tagged[i], "Figure");
	}
	struct report_page *pages = NULL;
	size_t npages = 0;
	struct render_page *rp = NULL;
	if (o->formats & CHART_REPORT) {
		npages = report_build(&d, &tm, ex, charts, nex, &pages);
		rp = xcalloc(npages, sizeof(*rp));
		for (size_t i = 0; i < npages; i++)
			rp[i] = (struct render_page){&pages[i].dl,
						     pages[i].label,
						     pages[i].outline,
						     pages[i].outline_child};
	}
	render_fonts_close(fonts);

	char date[32];
	chart_pdf_date(&d, src, o, date);
	struct strbuf creator = STRBUF_INIT, subject = STRBUF_INIT;
	strbuf_printf(&creator, "edtco %s", chart_prov(&d, "version"));
	char *span = words_span(&d, 0), *pv = words_pv_basis(&d);
	/* One option is no comparison. */
	strbuf_printf(&subject, "%s: total cost to the district over %s%s, %s",
		      d.nopt > 1 ? "Cost comparison exhibits" : "Cost exhibits",
		      span, words_aid(&d), pv);
	free(span);
	free(pv);
	struct job *jobs = xcalloc(3 * nex + 2, sizeof(*jobs));
	size_t n = 0;
	/* The packet first: the longest job starts at once. */
	if (o->formats & CHART_REPORT) {
		struct job *j = add_job(jobs, &n, od, prefix, "report", ".pdf",
					CHART_REPORT, NULL);
		j->meta = (struct render_meta){chart_prov(&d, "title"),
					       strbuf_str(&subject),
					       strbuf_str(&creator), date,
					       CHART_LANG};
	}
	static const unsigned fmts[] = {CHART_PNG, CHART_PDF, CHART_SVG};
	static const char *const exts[] = {".png", ".pdf", ".svg"};
	for (size_t i = 0; i < nex; i++)
		for (int k = 0; k < 3; k++) {
			if (!(o->formats & fmts[k]))
				continue;
			struct job *j = add_job(
				jobs, &n, od, prefix, ex[i].name, exts[k],
				fmts[k],
				fmts[k] == CHART_PDF ? &tagged[i] : &charts[i]);
			j->meta = (struct render_meta){ex[i].title,
						       ex[i].subtitle,
						       strbuf_str(&creator),
						       date, CHART_LANG};
		}
	struct pool pool = {jobs, n, 0, o, font_dir, rp, npages};
	int rc = run_pool(&pool, o->threads, err);
	for (size_t i = 0; i < n; i++) {
		free(jobs[i].path);
		free(jobs[i].shown);
		strbuf_free(&jobs[i].err);
	}
	free(jobs);
	strbuf_free(&creator);
	strbuf_free(&subject);
	free(rp);
	report_free(pages, npages);
	for (size_t i = 0; i < nex; i++) {
		dlist_free(&charts[i]);
		dlist_free(&tagged[i]);
	}
	free(charts);
	free(tagged);
	exhibit_list_free(ex, nex);
	chart_data_free(&d);
	return rc == 0 ? CHART_OK : CHART_EIO;
}
