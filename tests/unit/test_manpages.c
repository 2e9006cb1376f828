/* The manual documents what the program accepts: every option a command's
 * --help lists is in edtco(1), every column and setting the input readers
 * accept is in edtco-scenario(5) or edtco-costs(5), and every column of
 * every result file is in that file's section of edtco-results(5).
 *
 * "In the page" means set in bold (a name, not a word of prose that
 * happens to match, such as "end" or "low"): an argument of .B, the bold
 * arguments of .BR, .BI, .RB and .IB, or a \fB...\fR span.  The lists come
 * from the code (model_scen_cols, model_item_cols, model_settings, the
 * result schemas, the commands' help texts), so a column added there fails
 * here until the page has it.  That the pages render without warnings is
 * tested by tests/cli/cases/man-pages. */
#include "helpers.h"

#include <ctype.h>

#include "cli/common.h"
#include "io/resultfile.h"
#include "model/source.h"

struct words {
	char **v;
	size_t n, cap;
};

static void words_add(struct words *w, const char *s, size_t len)
{
	while (len && (s[len - 1] == ' '))
		len--;
	while (len && *s == ' ') {
		s++;
		len--;
	}
	if (!len)
		return;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->v = realloc(w->v, w->cap * sizeof(char *));
		assert_non_null(w->v);
	}
	char *c = malloc(len + 1);
	assert_non_null(c);
	memcpy(c, s, len);
	c[len] = '\0';
	w->v[w->n++] = c;
}

static void words_free(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

static int words_has(const struct words *w, const char *s)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->v[i], s) == 0)
			return 1;
	return 0;
}

/* Appends the text of roff input s[0..len) to out, escapes resolved: \-
 * is '-', \e '\', \& and \c nothing, \(xx and \[...] one '?', font
 * changes dropped.  When bold is not NULL, each \fB span (bold, starting
 * bold when *in_bold) is also added to bold. */
static void roff_text(const char *s, size_t len, char *out, size_t *n,
		      struct words *bold, int in_bold)
{
	size_t start = *n;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\\' || i + 1 >= len) {
			out[(*n)++] = s[i];
			continue;
		}
		char e = s[++i];
		if (e == '-' || e == 'e') {
			out[(*n)++] = e == '-' ? '-' : '\\';
		} else if (e == '&' || e == 'c') {
			/* nothing */
		} else if (e == '(') {
			out[(*n)++] = '?';
			i += 2;
		} else if (e == 'f' && i + 1 < len) {
			char f = s[++i];
			if (in_bold && bold)
				words_add(bold, out + start, *n - start);
			in_bold = f == 'B';
			start = *n;
		} else {
			out[(*n)++] = e;
		}
	}
	if (in_bold && bold)
		words_add(bold, out + start, *n - start);
}

/* Splits a macro line's arguments (after the macro name) into args. */
static size_t macro_args(const char *s, size_t len, const char *arg[16],
			 size_t arglen[16])
{
	size_t n = 0, i = 0;
	while (i < len && n < 16) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		if (s[i] == '"') {
			size_t b = ++i;
			while (i < len && s[i] != '"')
				i++;
			arg[n] = s + b;
			arglen[n++] = i - b;
			i++;
		} else {
			size_t b = i;
			while (i < len && s[i] != ' ')
				i++;
			arg[n] = s + b;
			arglen[n++] = i - b;
		}
	}
	return n;
}

/* The bold words of roff source text[0..len). */
static void bold_words(const char *text, size_t len, struct words *bold)
{
	char *buf = malloc(len + 1);
	assert_non_null(buf);
	const char *end = text + len;
	for (const char *line = text; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t ll = nl ? (size_t)(nl - line) : (size_t)(end - line);
		size_t n = 0;
		if (ll >= 2 && line[0] == '.' && isupper((unsigned char)line[1])) {
			size_t m = 1;
			while (m < ll && line[m] != ' ')
				m++;
			char mac[4] = "";
			if (m - 1 < sizeof(mac))
				memcpy(mac, line + 1, m - 1);
			mac[m - 1 < sizeof(mac) ? m - 1 : 0] = '\0';
			const char *arg[16];
			size_t arglen[16];
			size_t na = macro_args(line + m, ll - m, arg, arglen);
			int all = strcmp(mac, "B") == 0;
			int even = strcmp(mac, "BR") == 0 ||
				   strcmp(mac, "BI") == 0;
			int odd = strcmp(mac, "RB") == 0 ||
				  strcmp(mac, "IB") == 0;
			for (size_t a = 0; a < na; a++) {
				int b = all || (even && a % 2 == 0) ||
					(odd && a % 2 == 1);
				n = 0;
				roff_text(arg[a], arglen[a], buf, &n, bold, b);
			}
		} else if (!(ll >= 1 && line[0] == '.')) {
			roff_text(line, ll, buf, &n, bold, 0);
		}
		line += ll + 1;
	}
	free(buf);
}

static char *read_page(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/src/cli/man/%s", SOURCE_ROOT, name);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		fail_msg("cannot read %s", path);
	char *s = malloc(1 << 20);
	assert_non_null(s);
	*len = fread(s, 1, (1 << 20) - 1, fp);
	s[*len] = '\0';
	fclose(fp);
	return s;
}

static void page_bold_words(const char *name, struct words *w)
{
	size_t len;
	char *s = read_page(name, &len);
	bold_words(s, len, w);
	free(s);
}

static int missing(const struct words *w, const char *page, const char *what,
		   const char *name)
{
	if (words_has(w, name))
		return 0;
	print_error("%s: %s '%s' is not in the page (in bold)\n", page, what,
		    name);
	return 1;
}

static void add_option(struct words *opts, const char *s, size_t len)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.*s", (int)len, s);
	if (!words_has(opts, buf))
		words_add(opts, buf, strlen(buf));
}

/* The options a help text lists: --long and -x (after a space, '[' or
 * '|', and followed by a space, ',', ']' or the line's end). */
static void help_options(const char *help, struct words *opts)
{
	for (const char *p = help; *p; p++) {
		if (p[0] != '-' || (p > help && (p[-1] == '-' ||
						   isalnum((unsigned char)p[-1]))))
			continue;
		if (p[1] == '-' && islower((unsigned char)p[2])) {
			size_t n = 2;
			while (islower((unsigned char)p[n]) || p[n] == '-')
				n++;
			add_option(opts, p, n);
			p += n - 1;
		} else if (isalpha((unsigned char)p[1]) &&
			   (p[2] == ' ' || p[2] == ',' || p[2] == ']' ||
			    p[2] == '\n' || p[2] == '\0') &&
			   (p == help || p[-1] == ' ' || p[-1] == '[' ||
			    p[-1] == '|')) {
			add_option(opts, p, 2);
		}
	}
}

/* The text of the .SS section titled title, up to the next .SS or .SH. */
static const char *section(const char *s, const char *title, size_t *len)
{
	char want[128];
	snprintf(want, sizeof(want), "\n.SS %s\n", title);
	const char *p = strstr(s, want);
	if (!p)
		return NULL;
	p += strlen(want);
	const char *e = p;
	while ((e = strstr(e, "\n.S")) != NULL &&
	       !(e[3] == 'S' || e[3] == 'H'))
		e++;
	*len = e ? (size_t)(e - p) : strlen(p);
	return p;
}

static void test_every_option_in_edtco_1(void **state)
{
	(void)state;
	struct words bold = {0}, opts = {0};
	page_bold_words("edtco.1", &bold);
	const struct cli_command *cmds[] = {
		&cli_run_command, &cli_check_command, &cli_chart_command,
		&cli_batch_command, &cli_merge_command};
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		help_options(cmds[i]->help, &opts);
	/* edtco --help (printed by cli.c) */
	help_options("-h, --help -V, --version\n", &opts);
	assert_true(words_has(&opts, "--output"));
	assert_true(words_has(&opts, "-o"));
	assert_true(words_has(&opts, "--example"));
	assert_false(words_has(&opts, "-shard"));
	int bad = 0;
	for (size_t i = 0; i < opts.n; i++)
		bad += missing(&bold, "edtco.1", "option", opts.v[i]);
	/* Each command's options again, in its own subsection (.SS "edtco
	 * NAME"). */
	size_t len;
	char *page = read_page("edtco.1", &len);
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		char title[64];
		snprintf(title, sizeof(title), "\"edtco %s\"", cmds[i]->name);
		size_t sl;
		const char *sec = section(page, title, &sl);
		if (!sec) {
			print_error("edtco.1: no section .SS %s\n", title);
			bad++;
			continue;
		}
		struct words own = {0}, w = {0};
		help_options(cmds[i]->help, &own);
		bold_words(sec, sl, &w);
		for (size_t k = 0; k < own.n; k++)
			bad += missing(&w, title, "option", own.v[k]);
		words_free(&own);
		words_free(&w);
	}
	free(page);
	words_free(&bold);
	words_free(&opts);
	assert_int_equal(bad, 0);
}

static void test_every_input_column_in_the_file_pages(void **state)
{
	(void)state;
	struct words scen = {0}, costs = {0};
	page_bold_words("edtco-scenario.5", &scen);
	page_bold_words("edtco-costs.5", &costs);
	int bad = 0;
	for (int i = 0; i < SC_COUNT; i++)
		bad += missing(&scen, "edtco-scenario.5", "column",
			       model_scen_cols[i]);
	for (size_t i = 0; model_settings[i]; i++)
		bad += missing(&scen, "edtco-scenario.5", "setting",
			       model_settings[i]);
	static const char *const families[] = {"label.", "unit.", "short.",
					       "correlation."};
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		bad += missing(&scen, "edtco-scenario.5", "setting",
			       families[i]);
	/* the sweep file: its first column */
	bad += missing(&scen, "edtco-scenario.5", "sweep column", "case");
	for (int i = 0; i < IC_COUNT; i++)
		bad += missing(&costs, "edtco-costs.5", "column",
			       model_item_cols[i]);
	words_free(&scen);
	words_free(&costs);
	assert_int_equal(bad, 0);
}

static void test_every_result_column_in_edtco_results_5(void **state)
{
	(void)state;
	const struct resultfile_schema *schemas[] = {
		&resultfile_summary,      &resultfile_years,
		&resultfile_compare,      &resultfile_budget,
		&resultfile_distribution, &resultfile_histogram,
		&resultfile_categories,   &resultfile_inputs,
		&resultfile_provenance,   &resultfile_sensitivity,
		&resultfile_findings,     &resultfile_batch};
	/* manifest.csv's columns are written and read by io/outdir.c */
	static const struct resultfile_col manifest_cols[] = {
		{"file", 0, 0, NULL}, {"bytes", 0, 0, NULL},
		{"sha256", 0, 0, NULL}};
	static const struct resultfile_schema manifest = {
		"manifest.csv", manifest_cols, 3};
	size_t len;
	char *s = read_page("edtco-results.5", &len);
	int bad = 0;
	for (size_t i = 0; i <= sizeof(schemas) / sizeof(schemas[0]); i++) {
		const struct resultfile_schema *sc =
			i < sizeof(schemas) / sizeof(schemas[0]) ? schemas[i]
								 : &manifest;
		size_t sl;
		const char *sec = section(s, sc->file, &sl);
		if (!sec) {
			print_error("edtco-results.5: no section .SS %s\n",
				    sc->file);
			bad++;
			continue;
		}
		struct words w = {0};
		bold_words(sec, sl, &w);
		for (int c = 0; c < sc->ncols; c++)
			bad += missing(&w, sc->file, "column",
				       sc->cols[c].name);
		words_free(&w);
	}
	free(s);
	assert_int_equal(bad, 0);
}

/* The parser itself: what counts as bold. */
static void test_bold_words(void **state)
{
	(void)state;
	static const char src[] =
		".TP\n"
		".BR low \", \" likely \", \" high\n"
		"prose with end and \\fBstart\\fR and \\fIitalic\\fP\n"
		".RB [ \\-o\n"
		".BI label. option\n"
		".B \\-\\-no\\-charts\n"
		".IR not \" bold\"\n";
	struct words w = {0};
	bold_words(src, sizeof(src) - 1, &w);
	const char *yes[] = {"low", "likely", "high", "start", "-o",
			     "label.", "--no-charts"};
	const char *no[] = {"end", "italic", "[", "option", "not", ", "};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!words_has(&w, yes[i]))
			fail_msg("'%s' not found bold", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (words_has(&w, no[i]))
			fail_msg("'%s' found bold", no[i]);
	words_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bold_words),
		cmocka_unit_test(test_every_option_in_edtco_1),
		cmocka_unit_test(test_every_input_column_in_the_file_pages),
		cmocka_unit_test(test_every_result_column_in_edtco_results_5),
	};
	return cmocka_run_group_tests_name("manpages", tests, NULL, NULL);
}
