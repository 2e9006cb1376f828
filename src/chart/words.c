/* The words several exhibits and the packet share (see exhibit.h): the
 * horizon, the dollar basis, the trial count, the provenance footer, the
 * labels and values of inputs, the tornado's rows.  Each chart's own
 * words (title rule, subtitle, notes, how to read it) are in its file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

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
