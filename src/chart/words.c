/* The words of the exhibits: titles that state a finding, subtitles with
 * the measure and dollar basis, notes, and the provenance footer (see
 * exhibit.h).  Titles come from findings.csv when the folder has one;
 * otherwise they are picked from the numbers (a comparison of values the
 * files already hold, never a new statistic). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

static const char *olabel(const struct chart_data *d, int o)
{
	return d->opt[o].label;
}

char *words_trials(const struct chart_data *d)
{
	char buf[NUMFMT_MAX];
	snprintf(buf, sizeof(buf), "%ld", d->trials);
	numfmt_group(buf);
	return xstrdup(buf);
}

char *words_span(const struct chart_data *d, int through_aid)
{
	int last = through_aid ? d->nyears : d->horizon;
	struct strbuf b = STRBUF_INIT;
	if (last <= 0)
		return xstrdup("");
	const char *a = d->year_labels[0], *z = d->year_labels[last - 1];
	int numeric = strspn(a, "0123456789") == strlen(a) && strlen(a) < 4;
	if (last == 1)
		strbuf_printf(&b, numeric ? "year %s" : "%s", a);
	else
		strbuf_printf(&b, numeric ? "years %s to %s" : "%s to %s", a,
			      z);
	return strbuf_take(&b);
}

/* The point value of a parameter, or NAN; *fixed tells whether it is
 * certain. */
static double param_point(const struct chart_data *d, const char *name,
			  int *fixed)
{
	const struct chart_input *in = chart_param(d, name);
	*fixed = 1;
	if (!in)
		return NAN;
	*fixed = strcmp(in->cell[IN_DIST], "fixed") == 0 ||
		 in->cell[IN_DIST][0] == '\0';
	char *end;
	double v = strtod(in->cell[IN_POINT], &end);
	return *end || end == in->cell[IN_POINT] ? NAN : v;
}

char *words_pv_basis(const struct chart_data *d)
{
	int fixed;
	double r = param_point(d, "discount_rate", &fixed);
	char num[NUMFMT_MAX];
	struct strbuf b = STRBUF_INIT;
	if (!fixed)
		strbuf_puts(&b, "present value at an uncertain discount rate");
	else if (isnan(r))
		strbuf_puts(&b, "present value");
	else if (r == 0)
		strbuf_puts(&b, "nominal dollars (not discounted)");
	else
		strbuf_printf(&b, "present value at %s", numfmt_rate(r, num));
	return strbuf_take(&b);
}

const char *words_aid(const struct chart_data *d)
{
	int fixed;
	double a = param_point(d, "aid_ratio", &fixed);
	return (!fixed || (!isnan(a) && a > 0)) ? ", net of state aid" : "";
}

/* The file name of a path. */
static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

char *words_source(const struct chart_data *d)
{
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	const char *v = chart_prov(d, "version");
	strbuf_printf(&b,
		      "Source: edtco %s \xC2\xB7 seed %s \xC2\xB7 %s trials",
		      v ? v : "?", chart_prov(d, "seed"), n);
	free(n);
	const char *file = NULL;
	for (size_t i = 0; i < d->nprov; i++) {
		const struct chart_kv *kv = &d->prov[i];
		if (strcmp(kv->key, "input_file") == 0)
			file = kv->value;
		else if (strcmp(kv->key, "input_sha256") == 0 && file) {
			strbuf_printf(&b, " \xC2\xB7 %s %.12s", base_name(file),
				      kv->value);
			file = NULL;
		}
	}
	const char *cmd = chart_prov(d, "command");
	if (cmd && *cmd)
		strbuf_printf(&b, " \xC2\xB7 %s", cmd);
	return strbuf_take(&b);
}

char *words_input_label(const char *input)
{
	const char *slash = strchr(input, '/');
	if (!slash)
		return xstrdup(input);
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "%s [%.*s]", slash + 1, (int)(slash - input), input);
	return strbuf_take(&b);
}

/* Whether parameter name is a rate: a reserved rate, or a parameter that
 * some item uses as its escalation or probability. */
static int is_rate(const struct chart_data *d, const char *name)
{
	static const char *const rates[] = {"enrollment_growth", "aid_ratio",
					    "discount_rate", "correlation",
					    NULL};
	for (int i = 0; rates[i]; i++)
		if (strcmp(name, rates[i]) == 0)
			return 1;
	if (strncmp(name, "correlation.", 12) == 0)
		return 1;
	for (size_t i = 0; i < d->ninputs; i++) {
		const struct chart_input *in = &d->inputs[i];
		if (strcmp(in->cell[IN_KIND], "item") == 0 &&
		    (strcmp(in->cell[IN_ESCALATION], name) == 0 ||
		     strcmp(in->cell[IN_PROBABILITY], name) == 0))
			return 1;
	}
	return 0;
}

/* The unit.<parameter> of a parameter (inputs.csv), or "". */
static const char *param_unit(const struct chart_data *d, const char *name)
{
	const struct chart_input *in = chart_param(d, name);
	return in ? in->cell[IN_UNIT] : "";
}

/* num with "$" after any minus sign, or "%" after it, into buf. */
static char *unit_join(const char *num, int money, int percent,
		       char buf[LAYOUT_LABEL_MAX])
{
	size_t m = strlen(NUMFMT_MINUS);
	int neg = strncmp(num, NUMFMT_MINUS, m) == 0;
	snprintf(buf, LAYOUT_LABEL_MAX, "%s%s%.*s%s", neg ? NUMFMT_MINUS : "",
		 money ? "$" : "", LAYOUT_LABEL_MAX - 16, num + (neg ? m : 0),
		 percent ? "%" : "");
	return buf;
}

/* A number with a unit of words after it ("0.300 FTE", "26 hours"). */
static char *unit_words(const char *num, const char *unit,
			char buf[LAYOUT_LABEL_MAX])
{
	snprintf(buf, LAYOUT_LABEL_MAX, "%.*s %.*s", LAYOUT_LABEL_MAX / 2,
		 num, LAYOUT_LABEL_MAX / 2 - 2, unit);
	return buf;
}

/* The unit of input: "$" for a cost item, else the parameter's
 * unit.<parameter> ("" when none). */
static const char *input_unit(const struct chart_data *d, const char *input)
{
	return strchr(input, '/') ? "$" : param_unit(d, input);
}

char *words_input_value(const struct chart_data *d, const char *input,
			double v, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	const char *unit = input_unit(d, input);
	int money = strcmp(unit, "$") == 0;
	int percent = strcmp(unit, "%") == 0;
	if (*unit && !money && !percent) {
		numfmt_sig(v, 3, 1, num);
		return unit_words(num, unit, buf);
	}
	int rate = percent || (!money && is_rate(d, input));
	numfmt_sig(rate ? v * 100 : v, 3, 1, num);
	return unit_join(num, money, rate, buf);
}

char *words_input_exact(const struct chart_data *d, const char *input,
			double v, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	const char *unit = input_unit(d, input);
	int money = strcmp(unit, "$") == 0;
	if (strcmp(unit, "%") == 0 || (!money && is_rate(d, input)))
		return unit_join(numfmt_rate(v, num), 0, 0, buf);
	numfmt_shortest(fabs(v), num);
	numfmt_group(num);
	char full[NUMFMT_MAX + 8];
	snprintf(full, sizeof(full), "%s%s", v < 0 ? NUMFMT_MINUS : "", num);
	if (*unit && !money)
		return unit_words(full, unit, buf);
	return unit_join(full, money, 0, buf);
}

void words_per_student_style(const struct chart_data *d,
			     struct numfmt_style *st)
{
	double largest = 0;
	for (int o = 0; o < d->nopt; o++) {
		const struct chart_stat *s = &d->opt[o].m[CM_PER_STUDENT];
		largest = fmax(largest, fmax(fabs(s->q[CQ_P50]),
					     fmax(fabs(s->q[CQ_P10]),
						  fabs(s->q[CQ_P90]))));
	}
	numfmt_money_style(largest, st);
}

char *words_sens_label(const struct chart_data *d, const struct chart_sens *s)
{
	const char *slash = strchr(s->input, '/');
	if (!slash)
		return xstrdup(chart_param_label(d, s->input));
	if (!s->occurrence)
		return words_input_label(s->input);
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "%s occurs [%.*s]", slash + 1,
		      (int)(slash - s->input), s->input);
	return strbuf_take(&b);
}

char *words_sens_value(const struct chart_data *d, const struct chart_sens *s,
		       int high, char buf[LAYOUT_LABEL_MAX])
{
	if (!s->occurrence)
		return words_input_value(
			d, s->input, high ? s->in_p90 : s->in_p10, buf);
	if (!high)
		snprintf(buf, LAYOUT_LABEL_MAX, "never");
	else if (*s->year)
		snprintf(buf, LAYOUT_LABEL_MAX, "once, in %s", s->year);
	else
		snprintf(buf, LAYOUT_LABEL_MAX, "once");
	return buf;
}

double words_point_percentile(const struct chart_data *d, int o)
{
	const double *q = d->opt[o].cdf;
	double x = d->opt[o].m[CM_NET_PV].point;
	int first = -1, last = -1;
	for (int i = 0; i <= 100; i++)
		if (q[i] == x) {
			if (first < 0)
				first = i;
			last = i;
		}
	/* A value the table holds several times: the middle of its run. */
	if (first >= 0)
		return (first + last) / 2.0;
	if (x < q[0])
		return 0;
	if (x > q[100])
		return 100;
	int i = 0;
	while (i < 99 && q[i + 1] < x)
		i++;
	return i + (x - q[i]) / (q[i + 1] - q[i]);
}

static int cmp_swing(const void *a, const void *b)
{
	const struct chart_sens *x = *(const struct chart_sens *const *)a;
	const struct chart_sens *y = *(const struct chart_sens *const *)b;
	if (x->swing != y->swing)
		return x->swing > y->swing ? -1 : 1;
	return strcmp(x->input, y->input);
}

size_t words_tornado_rows(const struct chart_data *d, int o,
			  const struct chart_sens ***rows)
{
	const struct chart_sens **v =
		xmalloc((d->nsens + 1) * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < d->nsens; i++)
		if (d->sens[i].option == o && d->sens[i].diff)
			v[n++] = &d->sens[i];
	qsort(v, n, sizeof(*v), cmp_swing);
	*rows = v;
	return n;
}

/* ---- Titles computed from the numbers ---- */

static char *fan_title(const struct chart_data *d)
{
	struct strbuf b = STRBUF_INIT;
	int y = d->horizon - 1, best = 0;
	double width = -1;
	for (int o = 0; o < d->nopt; o++) {
		const struct chart_stat *s = &d->opt[o].net[y];
		if (s->q[CQ_P95] - s->q[CQ_P5] > width) {
			width = s->q[CQ_P95] - s->q[CQ_P5];
			best = o;
		}
	}
	if (d->nopt == 1)
		strbuf_printf(&b, "Yearly cost of %s, with its uncertainty",
			      olabel(d, 0));
	else
		strbuf_printf(&b, "%s has the widest range of yearly costs by "
				  "%s",
			      olabel(d, best), d->year_labels[y]);
	return strbuf_take(&b);
}

static char *scurve_title(const struct chart_data *d)
{
	struct strbuf b = STRBUF_INIT;
	char m[LAYOUT_LABEL_MAX];
	int best = 0;
	for (int o = 1; o < d->nopt; o++)
		if (d->opt[o].m[CM_NET_PV].q[CQ_P80] <
		    d->opt[best].m[CM_NET_PV].q[CQ_P80])
			best = o;
	layout_money_short(d->opt[best].m[CM_NET_PV].q[CQ_P80], 0, m);
	if (d->nopt == 1)
		strbuf_printf(&b, "At 80%% confidence, %s costs at most %s",
			      olabel(d, 0), m);
	else
		strbuf_printf(&b, "At 80%% confidence, %s costs least: %s",
			      olabel(d, best), m);
	return strbuf_take(&b);
}

static char *tornado_title(const struct chart_data *d, int o)
{
	const struct chart_sens **rows;
	size_t n = words_tornado_rows(d, o, &rows);
	struct strbuf b = STRBUF_INIT;
	if (n == 0 || rows[0]->swing == 0) {
		strbuf_puts(&b, "No single uncertain input moves this "
				"difference");
	} else {
		char *l = words_sens_label(d, rows[0]);
		strbuf_printf(&b, "%s moves the difference most", l);
		free(l);
	}
	free(rows);
	return strbuf_take(&b);
}

static char *histogram_title(const struct chart_data *d, int o, int pub)
{
	const struct chart_stat *c =
		&d->opt[o].cmp[pub ? CM_GROSS_PV : CM_NET_PV];
	char pc[LAYOUT_LABEL_MAX];
	struct strbuf b = STRBUF_INIT;
	int first = c->p_cheaper >= 0.5;
	layout_percent(first ? c->p_cheaper : 1 - c->p_cheaper, pc);
	/* 1 - p_cheaper holds the trials where the two cost the same: they
	 * fall in the bin that starts at $0.  When it has any, a tie is
	 * nobody's win, and the title says so. */
	int maybe_tied = 0;
	const struct chart_option *p = &d->opt[o];
	const struct chart_bin *bins = pub ? p->pub_bins : p->bins;
	size_t nbins = pub ? p->npub_bins : p->nbins;
	for (size_t i = 0; i < nbins; i++)
		if (bins[i].low == 0 && bins[i].count > 0)
			maybe_tied = 1;
	strbuf_printf(&b, "%s%s is cheaper than %s in %s of simulations",
		      pub ? "For the public, " : "",
		      olabel(d, first ? o : d->baseline),
		      olabel(d, first ? d->baseline : o), pc);
	if (!first && maybe_tied) {
		strbuf_reset(&b);
		strbuf_printf(&b,
			      "%s%s costs no more than %s in %s of simulations",
			      pub ? "For the public, " : "",
			      olabel(d, d->baseline), olabel(d, o), pc);
	}
	return strbuf_take(&b);
}

/* The category with the largest expected net cost for option o, or -1. */
static int top_category(const struct chart_data *d, int o)
{
	int best = -1;
	for (int c = 0; c < d->ncat; c++)
		if (d->opt[o].cat_present[c] &&
		    (best < 0 || d->opt[o].cat_net_mean[c] >
					 d->opt[o].cat_net_mean[best]))
			best = c;
	return best;
}

static char *breakdown_title(const struct chart_data *d)
{
	struct strbuf b = STRBUF_INIT;
	int *count = xcalloc((size_t)d->ncat + 1, sizeof(int));
	int best = -1;
	for (int o = 0; o < d->nopt; o++) {
		int c = top_category(d, o);
		if (c >= 0 && ++count[c] > (best >= 0 ? count[best] : 0))
			best = c;
	}
	if (best < 0)
		strbuf_puts(&b, "Expected cost by category");
	else if (d->nopt == 1)
		strbuf_printf(&b, "%s is the largest expected cost",
			      d->categories[best]);
	else if (count[best] == d->nopt)
		strbuf_printf(&b, "%s is the largest expected cost of every "
				  "option",
			      d->categories[best]);
	else
		strbuf_printf(&b, "%s is the largest expected cost for %d of "
				  "%d options",
			      d->categories[best], count[best], d->nopt);
	free(count);
	return strbuf_take(&b);
}

static char *per_student_title(const struct chart_data *d)
{
	struct strbuf b = STRBUF_INIT;
	int best = 0;
	for (int o = 1; o < d->nopt; o++)
		if (d->opt[o].m[CM_PER_STUDENT].q[CQ_P50] <
		    d->opt[best].m[CM_PER_STUDENT].q[CQ_P50])
			best = o;
	char m[NUMFMT_MAX];
	struct numfmt_style money;
	words_per_student_style(d, &money);
	numfmt_money_in(d->opt[best].m[CM_PER_STUDENT].q[CQ_P50], &money, 0, m);
	if (d->nopt == 1)
		strbuf_printf(&b, "%s costs a median %s per student a year",
			      olabel(d, 0), m);
	else
		strbuf_printf(&b, "%s costs least per student: a median %s a "
				  "year",
			      olabel(d, best), m);
	return strbuf_take(&b);
}

/* The option with the smallest operating budget at 80% confidence over
 * the contract (budget.csv's total rows). */
static char *budget_title(const struct chart_data *d)
{
	struct strbuf b = STRBUF_INIT;
	int best = 0;
	for (int o = 1; o < d->nopt; o++)
		if (d->opt[o].budget_total.op[CB_P80] <
		    d->opt[best].budget_total.op[CB_P80])
			best = o;
	char m[LAYOUT_LABEL_MAX];
	layout_money_short(d->opt[best].budget_total.op[CB_P80], 0, m);
	if (d->nopt == 1)
		strbuf_printf(&b, "Operating budget of %s at 80%% confidence: "
				  "%s in all",
			      olabel(d, 0), m);
	else
		strbuf_printf(&b, "At 80%% confidence, %s needs the smallest "
				  "operating budget: %s in all",
			      olabel(d, best), m);
	return strbuf_take(&b);
}

char *words_title(const struct chart_data *d, enum exhibit_kind kind,
		  int option)
{
	static const char *const keys[] = {
		"title.fan",	   "title.scurve",    "title.tornado",
		"title.histogram", "title.breakdown", "title.per_student",
		"title.histogram_public", "title.budget"};
	struct strbuf key = STRBUF_INIT;
	strbuf_puts(&key, keys[kind]);
	if (kind == EX_TORNADO || kind == EX_HISTOGRAM ||
	    kind == EX_HISTOGRAM_PUBLIC)
		strbuf_printf(&key, ".%s", d->opt[option].id);
	const char *f = chart_finding(d, strbuf_str(&key));
	strbuf_free(&key);
	if (f)
		return xstrdup(f);
	switch (kind) {
	case EX_FAN: return fan_title(d);
	case EX_SCURVE: return scurve_title(d);
	case EX_TORNADO: return tornado_title(d, option);
	case EX_HISTOGRAM: return histogram_title(d, option, 0);
	case EX_HISTOGRAM_PUBLIC: return histogram_title(d, option, 1);
	case EX_BREAKDOWN: return breakdown_title(d);
	case EX_BUDGET: return budget_title(d);
	default: return per_student_title(d);
	}
}

char *words_subtitle(const struct chart_data *d, enum exhibit_kind kind,
		     int option)
{
	struct strbuf b = STRBUF_INIT;
	char *span = words_span(d, 0);
	char *pv = words_pv_basis(d);
	const char *aid = words_aid(d);
	switch (kind) {
	case EX_FAN: {
		char *all = words_span(d, 1);
		strbuf_printf(&b, "Cost to the district each year%s, nominal "
				  "dollars, %s",
			      aid, all);
		free(all);
		break;
	}
	case EX_SCURVE:
		strbuf_printf(&b, "Total cost to the district over %s%s, %s",
			      span, aid, pv);
		break;
	case EX_TORNADO:
	case EX_HISTOGRAM:
		strbuf_printf(&b, "Difference in total cost to the district, "
				  "%s minus %s, over %s%s, %s",
			      olabel(d, option), olabel(d, d->baseline), span,
			      aid, pv);
		break;
	case EX_HISTOGRAM_PUBLIC:
		strbuf_printf(&b, "Difference in total cost to the public "
				  "(every payer, before state aid), %s minus "
				  "%s, over %s, %s",
			      olabel(d, option), olabel(d, d->baseline), span,
			      pv);
		break;
	case EX_BREAKDOWN:
		strbuf_printf(&b, "Expected (mean) total cost to the district "
				  "by category over %s%s, %s",
			      span, aid, pv);
		break;
	case EX_BUDGET: {
		char *all = words_span(d, 1);
		strbuf_printf(&b, "Operating budget of each school year (no "
				  "risk event occurring)%s, nominal dollars, "
				  "%s",
			      aid, all);
		free(all);
		break;
	}
	default:
		strbuf_printf(&b, "Cost to the district per student per year "
				  "over %s%s, nominal dollars",
			      span, aid);
		break;
	}
	free(span);
	free(pv);
	return strbuf_take(&b);
}

char *words_notes(const struct chart_data *d, enum exhibit_kind kind,
		  int option)
{
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	switch (kind) {
	case EX_FAN:
		strbuf_printf(&b, "Notes: bands hold the middle 50%%, 80%% and "
				  "90%% of %s simulated outcomes of each year, "
				  "computed year by year (they are not paths); "
				  "line: median. Percentiles: Hyndman-Fan type "
				  "7.",
			      n);
		if (d->nyears > d->horizon) {
			/* "2020-21 holds", "Years 5 to 6 hold" */
			const char *a = d->year_labels[d->horizon];
			const char *z = d->year_labels[d->nyears - 1];
			int one = d->nyears - d->horizon == 1;
			int num = strspn(a, "0123456789") == strlen(a) &&
				  strlen(a) < 4;
			strbuf_puts(&b, num ? (one ? " Year " : " Years ") : " ");
			strbuf_printf(&b, one ? "%s holds" : "%s to %s hold", a, z);
			strbuf_puts(&b, " only state aid paid for earlier "
					"years.");
		}
		break;
	case EX_SCURVE: {
		double top = -INFINITY;
		for (int o = 0; o < d->nopt; o++)
			top = fmax(top, d->opt[o].cdf[100]);
		char m[LAYOUT_LABEL_MAX];
		strbuf_printf(&b, "Notes: each curve orders %s simulated "
				  "totals. Hollow markers: the point estimate "
				  "(likely values; medians for uniform, normal "
				  "and lognormal inputs; risk items at "
				  "probability \xC3\x97 cost) and its "
				  "percentile, rounded to a whole number. "
				  "The axis stops near the 99th percentile; "
				  "the largest total is %s.",
			      n, layout_money_short(top, 0, m));
		break;
	}
	case EX_TORNADO: {
		const struct chart_sens **rows;
		size_t k = words_tornado_rows(d, option, &rows);
		int occ = 0;
		for (size_t i = 0; i < k && i < 10; i++)
			occ |= rows[i]->occurrence;
		free(rows);
		strbuf_printf(&b, "Notes: each bar moves one input from its "
				  "10th to its 90th percentile%s with every "
				  "other input at its point value (one at a "
				  "time: interactions are not shown). Labels: "
				  "input value: resulting difference.",
			      occ ? " (a risk: from never occurring to "
				    "occurring once, at its point cost, in its "
				    "first possible year)"
				  : "");
		if (k > 10)
			strbuf_printf(&b, " %zu more input%s move%s it less; "
					  "the data table lists them all with "
					  "their rank correlations.",
				      k - 10, k - 10 == 1 ? "" : "s",
				      k - 10 == 1 ? "s" : "");
		else
			strbuf_puts(&b, " Rank correlations: data table.");
		break;
	}
	case EX_HISTOGRAM:
	case EX_HISTOGRAM_PUBLIC: {
		char w[LAYOUT_LABEL_MAX] = "";
		const struct chart_option *p = &d->opt[option];
		int pub = kind == EX_HISTOGRAM_PUBLIC;
		double drawn;
		histogram_factor(pub ? p->pub_bins : p->bins,
				 pub ? p->npub_bins : p->nbins, &drawn);
		layout_money_full(drawn, 0, w);
		strbuf_printf(&b, "Notes: difference = %s minus %s in each of "
				  "%s simulations, both on the same simulated "
				  "inputs; positive: %s costs more%s. Bars %s "
				  "wide, with an edge at $0.",
			      olabel(d, option), olabel(d, d->baseline), n,
			      olabel(d, option),
			      pub ? " (every payer's cost, before state aid)"
				  : "",
			      w);
		break;
	}
	case EX_BUDGET:
		strbuf_printf(&b, "Notes: percentiles of each year's operating "
				  "cost over %s simulations (the net cost less "
				  "the risk events that occurred and the aid on "
				  "them), computed year by year: they do not "
				  "add up to the total's. ",
			      n);
		if (d->nyears > d->horizon)
			strbuf_puts(&b, "Years marked aid only hold the state "
					"aid received for the contract's last "
					"years (negative: money back). ");
		strbuf_puts(&b, "The aid received each year is in the data "
				"table. Data: budget.csv.");
		break;
	case EX_BREAKDOWN:
		strbuf_puts(&b, "Notes: means add up, so the segments of a bar "
				"sum to the option's expected total; "
				"percentiles do not add, so no range is shown "
				"per category.");
		break;
	default:
		strbuf_printf(&b, "Notes: bar from the 10th to the 90th "
				  "percentile of %s simulations; marker: "
				  "median. Total cost divided by the "
				  "student-years enrolled over the horizon.",
			      n);
		break;
	}
	free(n);
	return strbuf_take(&b);
}

char *words_howto(const struct chart_data *d, enum exhibit_kind kind,
		  int option)
{
	struct strbuf b = STRBUF_INIT;
	switch (kind) {
	case EX_FAN:
		strbuf_puts(&b, "Each panel shows one option. The line is the "
				"median cost of each year: half of the "
				"simulated futures cost more, half less. The "
				"darkest band holds the middle half of the "
				"simulated outcomes, and 9 in 10 fall inside "
				"the whole fan. A fan that widens says the "
				"later years are less certain.");
		if (d->nopt > 1)
			strbuf_puts(&b, " All panels share one scale, so their "
					"heights can be compared.");
		break;
	case EX_SCURVE:
		strbuf_puts(&b, "Pick an amount on the horizontal axis and "
				"read up to a curve: the height is the chance "
				"that the option's total cost stays at or "
				"below that amount. ");
		if (d->nopt > 1)
			strbuf_puts(&b, "A curve further left is cheaper. ");
		strbuf_puts(&b, "The dots on the dashed lines give "
				"the budget needed for a 50% and an 80% "
				"chance of staying within it. The hollow "
				"marker on each curve is the point estimate, "
				"the cost with every input at its point value "
				"and each risk counted at its probability "
				"times its cost, with the share of simulations "
				"that cost less than it.");
		break;
	case EX_TORNADO:
		strbuf_printf(&b, "Each bar is one uncertain input. The "
				  "vertical line is the point-estimate difference "
				  "between %s and %s. Moving the input from a "
				  "low value (its 10th percentile, light half) "
				  "to a high value (its 90th percentile, dark "
				  "half) moves the difference to the ends of "
				  "the bar. The inputs at the top matter most; "
				  "a bar that crosses $0 can change which "
				  "option is cheaper on its own.",
			      olabel(d, option), olabel(d, d->baseline));
		break;
	case EX_HISTOGRAM:
	case EX_HISTOGRAM_PUBLIC:
		strbuf_printf(&b, "Each simulated future gives one difference "
				  "between the two options' total costs%s. "
				  "Bars left of $0 are futures in which %s is "
				  "cheaper; bars right of $0, futures in which "
				  "%s is cheaper. The shares of the two sides "
				  "are printed above them. The bracket spans "
				  "the middle 90%% of differences.",
			      kind == EX_HISTOGRAM_PUBLIC
				      ? " to the public: every payer's cost "
					"(the district's, the state's and any "
					"other's), before state aid, which "
					"only moves money from one public "
					"payer to another"
				      : "",
			      olabel(d, option), olabel(d, d->baseline));
		break;
	case EX_BUDGET:
		strbuf_puts(&b, "Each bar is what one option needs in that "
				"school year for an 80% chance of staying "
				"within budget, if no risk event (such as a "
				"data breach) occurs; the line spans the "
				"budgets for a 50% and a 90% chance. State aid "
				"is taken off in the year it is received. The "
				"risk events are not in the bars: the lines "
				"below the chart give their expected cost, "
				"the chance that at least one occurs over the "
				"contract, and the cost that 9 in 10 "
				"simulations stay within, which is what to "
				"insure or hold in reserve.");
		break;
	case EX_BREAKDOWN:
		strbuf_puts(&b, "Each bar is one option's expected total cost, "
				"split into its cost categories. Categories "
				"keep the same colour and order in every bar. "
				"The data table gives every amount.");
		break;
	default:
		strbuf_puts(&b, "Each row is one option's cost per student per "
				"year. The marker is the median of the "
				"simulations; the bar spans the 10th to the "
				"90th percentile, so 8 in 10 simulated futures "
				"fall inside it.");
		break;
	}
	return strbuf_take(&b);
}
