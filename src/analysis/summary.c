/* Distributions, paired comparisons and budget figures of a run (see
 * summary.h). */
#include "analysis/summary.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/stats.h"
#include "util/mem.h"
#include "util/parallel.h"
#include "util/numfmt.h"

const double summary_probs[SUMMARY_NQ] = {0.05, 0.10, 0.25, 0.50,
					  0.75, 0.80, 0.90, 0.95};
const char *const summary_qnames[SUMMARY_NQ] = {"p5",  "p10", "p25", "p50",
						"p75", "p80", "p90", "p95"};

/* One array to summarise.  The work is split into such jobs, run on any
 * thread; each job writes only its own outputs. */
enum job_kind {
	JOB_MEASURE,
	JOB_GROSS,
	JOB_NET,
	JOB_CUM,
	JOB_DIFF,
	JOB_OPER, /* net minus risk of year k, or (k = 0) of every net year */
	JOB_RISK, /* risk of year k, or (k = 0) of every net year */
	JOB_LEVY  /* levy measure v of year k, or (k = 0) over the horizon */
};

struct job {
	enum job_kind kind;
	int o, k; /* option; measure (MEASURE, DIFF) or year (GROSS ...) */
	int v;    /* JOB_LEVY: the levy measure */
};

const char *const summary_levy_names[LV_COUNT] = {
	"levy_share", "tax_rate_per_1000", "cap_room_share"};

int summary_levy_applies(const struct model *m, enum levy_measure k)
{
	return k == LV_RATE ? m->has_full_value : m->has_levy;
}

double summary_levy_of_year(const struct model *m, int t)
{
	return m->levy * pow(1 + m->levy_growth, t - 1);
}

/* The room under the cap in year t: the levy's allowed growth into it,
 * g L_t / (1 + g). */
static double room_of_year(const struct model *m, int t)
{
	return m->levy_growth * summary_levy_of_year(m, t) /
	       (1 + m->levy_growth);
}

/* What levy measure k divides by: in year t, or (t = 0) over the horizon
 * (the sum over years 1..H, or H years of full value). */
static double levy_divisor(const struct model *m, enum levy_measure k,
			   int t)
{
	if (k == LV_RATE)
		return (t ? 1 : m->years) * (m->full_value / 1000);
	double d = 0;
	for (int y = t ? t : 1; y <= (t ? t : m->years); y++)
		d += k == LV_SHARE ? summary_levy_of_year(m, y)
				   : room_of_year(m, y);
	return d;
}

/* Levy measure k of option o in year t (0: over the horizon) from the
 * option's and the baseline's net cost (that year's, or net_nominal). */
static double levy_value(const struct model *m, enum levy_measure k, int t,
			 double net, double base)
{
	return (k == LV_ROOM ? net - base : net) / levy_divisor(m, k, t);
}

struct ctx {
	const struct model *m;
	const struct sim_result *res;
	struct summary *s;
	struct job *jobs;
	size_t njobs;
	atomic_size_t next;
	int full; /* 0: the headline only */
};

/* The array a job summarises: the run's own array when there is one,
 * otherwise computed into buf (n doubles). */
static const double *job_data(const struct ctx *c, const struct job *j,
			      double *buf)
{
	const struct sim_result *r = c->res;
	size_t n = (size_t)r->trials;
	switch (j->kind) {
	case JOB_MEASURE:
		return sim_measure(r, j->o, (enum measure)j->k);
	case JOB_GROSS:
		return sim_gross(r, j->o, j->k);
	case JOB_NET:
		return sim_net(r, j->o, j->k);
	case JOB_CUM:
		/* Cumulative net cost to year k, trial by trial, summed in
		 * year order. */
		memcpy(buf, sim_net(r, j->o, 1), n * sizeof(double));
		for (int t = 2; t <= j->k; t++) {
			const double *y = sim_net(r, j->o, t);
			for (size_t i = 0; i < n; i++)
				buf[i] += y[i];
		}
		return buf;
	case JOB_OPER:
	case JOB_RISK: {
		/* Year by year, or summed over the net years in year order. */
		int t0 = j->k ? j->k : 1, t1 = j->k ? j->k : r->net_years;
		memset(buf, 0, n * sizeof(double));
		for (int t = t0; t <= t1; t++) {
			const double *rk = sim_risk(r, j->o, t);
			const double *nt = sim_net(r, j->o, t);
			if (j->kind == JOB_RISK)
				for (size_t i = 0; i < n; i++)
					buf[i] += rk[i];
			else
				for (size_t i = 0; i < n; i++)
					buf[i] += nt[i] - rk[i];
		}
		return buf;
	}
	case JOB_DIFF: {
		const double *a = sim_measure(r, j->o, (enum measure)j->k);
		const double *b = sim_measure(r, c->s->baseline,
					      (enum measure)j->k);
		for (size_t i = 0; i < n; i++)
			buf[i] = a[i] - b[i];
		return buf;
	}
	case JOB_LEVY: {
		const double *a = j->k ? sim_net(r, j->o, j->k)
				       : sim_measure(r, j->o, M_NET_NOMINAL);
		int b = c->s->baseline;
		const double *z = j->k ? sim_net(r, b, j->k)
				       : sim_measure(r, b, M_NET_NOMINAL);
		for (size_t i = 0; i < n; i++)
			buf[i] = levy_value(c->m, (enum levy_measure)j->v, j->k,
					    a[i], z[i]);
		return buf;
	}
	}
	return buf;
}

static void describe(const double *x, size_t n, double *scratch,
		     struct summary_stat *st)
{
	stats_describe(x, n, summary_probs, SUMMARY_NQ, st->q, scratch,
		       &st->mean, &st->sd);
}

static void histogram(const double *x, size_t n, const struct summary_stat *st,
		      struct summary_hist *h)
{
	double lo = x[0], hi = x[0];
	long below = 0, above = 0;
	for (size_t i = 0; i < n; i++) {
		lo = x[i] < lo ? x[i] : lo;
		hi = x[i] > hi ? x[i] : hi;
		below += x[i] < 0;
		above += x[i] > 0;
	}
	h->below = below;
	h->above = above;
	double iqr = st->q[Q75] - st->q[Q25];
	double w = 2 * iqr * pow((double)n, -1.0 / 3.0);
	if (!(w > 0))
		w = (hi - lo) / 20;
	if (!(w > 0))
		w = fabs(hi) > 0 ? fabs(hi) / 10 : 1;
	w = numfmt_nice_ceil(w);
	double start = floor(lo / w) * w;
	while (ceil((hi - start) / w) + 1 > SUMMARY_MAX_BINS) {
		w = numfmt_nice_ceil(w * 1.000001);
		start = floor(lo / w) * w;
	}
	size_t nb = (size_t)floor((hi - start) / w) + 1;
	h->start = start;
	h->width = w;
	h->nbins = nb;
	h->counts = xcalloc(nb, sizeof(long));
	/* The bin whose lower edge is 0: rounding must not move a value
	 * across 0, so the sign decides the side. */
	double zero = round(-start / w);
	for (size_t i = 0; i < n; i++) {
		double pos = floor((x[i] - start) / w);
		if (x[i] < 0 && pos > zero - 1)
			pos = zero - 1;
		if (x[i] >= 0 && pos < zero)
			pos = zero;
		size_t b = pos < 0 ? 0 : (size_t)pos;
		h->counts[b < nb ? b : nb - 1]++;
	}
}

static void run_job(const struct ctx *c, const struct job *j, double *buf)
{
	struct summary *s = c->s;
	size_t n = (size_t)c->res->trials;
	const double *x = job_data(c, j, buf);
	switch (j->kind) {
	case JOB_MEASURE: {
		size_t idx = (size_t)j->o * M_COUNT + (size_t)j->k;
		if (j->k != M_NET_PV || !c->full) {
			describe(x, n, buf, &s->measure[idx]);
			break;
		}
		/* The headline's whole distribution (the S-curve): its 101
		 * percentiles and the summary's eight in one selection. */
		struct summary_stat *st = &s->measure[idx];
		struct summary_cdf *cdf = &s->cdf[j->o];
		cdf->point_rank = stats_share_at_or_below(x, n, s->point[idx]);
		double p[SUMMARY_NQ + SUMMARY_CDF_N], q[SUMMARY_NQ + SUMMARY_CDF_N];
		memcpy(p, summary_probs, sizeof(summary_probs));
		for (int i = 0; i < SUMMARY_CDF_N; i++)
			p[SUMMARY_NQ + i] = i / 100.0;
		stats_describe(x, n, p, SUMMARY_NQ + SUMMARY_CDF_N, q, buf,
			       &st->mean, &st->sd);
		memcpy(st->q, q, sizeof(st->q));
		memcpy(cdf->q, q + SUMMARY_NQ, sizeof(cdf->q));
		break;
	}
	case JOB_GROSS:
		describe(x, n, buf, &s->gross[j->o * s->years + j->k - 1]);
		break;
	case JOB_NET:
		describe(x, n, buf, &s->net[j->o * s->net_years + j->k - 1]);
		break;
	case JOB_CUM:
		describe(x, n, buf, &s->cum_net[j->o * s->net_years + j->k - 1]);
		break;
	case JOB_LEVY: {
		size_t ov = (size_t)j->o * LV_COUNT + (size_t)j->v;
		describe(x, n, buf,
			 j->k ? &s->levy_year[ov * (size_t)s->net_years +
					      (size_t)j->k - 1]
			      : &s->levy_total[ov]);
		break;
	}
	case JOB_OPER:
		describe(x, n, buf,
			 j->k ? &s->operating[j->o * s->net_years + j->k - 1]
			      : &s->operating_total[j->o]);
		break;
	case JOB_RISK:
		if (j->k == 0) {
			const double *ev = sim_events(c->res, j->o);
			long any = 0;
			for (size_t i = 0; i < n; i++)
				any += ev[i] > 0;
			s->p_risk_event[j->o] = (double)any / (double)n;
		}
		describe(x, n, buf,
			 j->k ? &s->risk[j->o * s->net_years + j->k - 1]
			      : &s->risk_total[j->o]);
		break;
	case JOB_DIFF: {
		struct summary_cmp *cmp = &s->cmp[j->o * M_COUNT + j->k];
		double p = stats_share_below(x, n, 0.0);
		cmp->p_cheaper = p;
		cmp->p_cheaper_se = sqrt(p * (1 - p) / (double)n);
		describe(x, n, buf, &cmp->diff);
		if (j->k == M_NET_PV && c->full)
			histogram(x, n, &cmp->diff, &s->hist[j->o]);
		if (j->k == M_GROSS_PV && c->full)
			histogram(x, n, &cmp->diff, &s->hist_public[j->o]);
		break;
	}
	}
}

static void *worker(void *arg)
{
	struct ctx *c = arg;
	double *buf = xmalloc((size_t)c->res->trials * sizeof(double));
	for (;;) {
		size_t i = atomic_fetch_add(&c->next, 1);
		if (i >= c->njobs)
			break;
		run_job(c, &c->jobs[i], buf);
	}
	free(buf);
	return NULL;
}

static void add_job(struct ctx *c, size_t *cap, enum job_kind kind, int o,
		    int k)
{
	GROW(c->jobs, *cap, c->njobs + 1);
	c->jobs[c->njobs++] = (struct job){kind, o, k, 0};
}

/* The levy measures' arrays, their point values and their jobs: over
 * the horizon always, by year in a full summary. */
static void levy_setup(struct ctx *c, size_t *cap)
{
	struct summary *s = c->s;
	const struct model *m = c->m;
	if (!m->has_levy && !m->has_full_value)
		return;
	size_t no = (size_t)s->noptions, ny = (size_t)s->net_years;
	s->levy_year = xcalloc(no * LV_COUNT * ny, sizeof(*s->levy_year));
	s->levy_total = xcalloc(no * LV_COUNT, sizeof(*s->levy_total));
	s->point_levy_year = xcalloc(no * LV_COUNT * ny, sizeof(double));
	s->point_levy_total = xcalloc(no * LV_COUNT, sizeof(double));
	int b = s->baseline;
	for (int o = 0; o < s->noptions; o++)
		for (int v = 0; v < LV_COUNT; v++) {
			if (!summary_levy_applies(m, (enum levy_measure)v) ||
			    (v == LV_ROOM && o == b))
				continue;
			size_t ov = (size_t)o * LV_COUNT + (size_t)v;
			s->point_levy_total[ov] = levy_value(
				m, (enum levy_measure)v, 0,
				s->point[o * M_COUNT + M_NET_NOMINAL],
				s->point[b * M_COUNT + M_NET_NOMINAL]);
			GROW(c->jobs, *cap, c->njobs + 1);
			c->jobs[c->njobs++] = (struct job){JOB_LEVY, o, 0, v};
			for (int t = 1; c->full && t <= s->net_years; t++) {
				s->point_levy_year[ov * ny + (size_t)t - 1] =
					levy_value(m, (enum levy_measure)v, t,
						   s->point_net[o * s->net_years +
								t - 1],
						   s->point_net[b * s->net_years +
								t - 1]);
				GROW(c->jobs, *cap, c->njobs + 1);
				c->jobs[c->njobs++] =
					(struct job){JOB_LEVY, o, t, v};
			}
		}
}

static void point_values(struct summary *s, const struct sim_result *res)
{
	const struct sim_flows *pt = &res->point;
	int no = s->noptions;
	for (int o = 0; o < no; o++) {
		for (int k = 0; k < M_COUNT; k++)
			s->point[o * M_COUNT + k] = pt->measure[o * M_COUNT + k];
		for (int t = 1; t <= s->years; t++)
			s->point_gross[o * s->years + t - 1] =
				pt->gross[o * s->years + t - 1];
		double cum = 0, op = 0, rt = 0;
		for (int t = 1; t <= s->net_years; t++) {
			double v = pt->net[o * s->net_years + t - 1];
			double r = pt->risk[o * s->net_years + t - 1];
			cum += v;
			s->point_net[o * s->net_years + t - 1] = v;
			s->point_cum_net[o * s->net_years + t - 1] = cum;
			s->point_operating[o * s->net_years + t - 1] = v - r;
			s->point_risk[o * s->net_years + t - 1] = r;
			op += v - r;
			rt += r;
		}
		s->point_operating_total[o] = op;
		s->point_risk_total[o] = rt;
		s->point_events[o] = pt->events[o];
	}
}

/* Net flows equal to gross flows, then zero after the horizon. */
static void copy_mirrored(struct summary *s, const struct sim_result *res)
{
	for (int o = 0; o < s->noptions; o++) {
		if (res->net_slot[o] >= 0)
			continue;
		for (int t = 1; t <= s->net_years; t++) {
			struct summary_stat *st = &s->net[o * s->net_years + t - 1];
			if (t <= s->years)
				*st = s->gross[o * s->years + t - 1];
			else
				memset(st, 0, sizeof(*st));
			if (t > s->years)
				s->cum_net[o * s->net_years + t - 1] =
					s->cum_net[o * s->net_years + s->years - 1];
		}
	}
}

void summary_best_shares(const struct sim_result *res, enum measure k,
			 double *share, size_t stride, double *tied)
{
	size_t n = (size_t)res->trials, no = (size_t)res->noptions;
	long *wins = xcalloc(no + 1, sizeof(long));
	long ties = 0;
	const double *first = sim_measure(res, 0, k);
	for (size_t i = 0; i < n; i++) {
		size_t best = 0;
		double v = first[i];
		int shared = 0;
		for (size_t o = 1; o < no; o++) {
			double w = sim_measure(res, (int)o, k)[i];
			if (w < v) {
				v = w;
				best = o;
				shared = 0;
			} else if (w == v) {
				shared = 1;
			}
		}
		/* A tie for the lowest value is nobody's win. */
		if (shared)
			ties++;
		else
			wins[best]++;
	}
	for (size_t o = 0; o < no; o++)
		share[o * stride] = (double)wins[o] / (double)n;
	if (tied)
		*tied = (double)ties / (double)n;
	free(wins);
}

/* full = 0: the headline only (see summary_compute_headline). */
static void compute(const struct model *m, const struct sim_result *res,
		    int nthreads, int full, struct summary *s)
{
	memset(s, 0, sizeof(*s));
	s->m = m;
	s->trials = res->trials;
	s->noptions = res->noptions;
	s->years = res->years;
	s->net_years = res->net_years;
	s->baseline = m->baseline;
	s->has_students = res->has_students;
	size_t no = (size_t)s->noptions;
	s->measure = xcalloc(no * M_COUNT, sizeof(*s->measure));
	s->point = xcalloc(no * M_COUNT, sizeof(double));
	s->gross = xcalloc(no * (size_t)s->years, sizeof(*s->gross));
	s->net = xcalloc(no * (size_t)s->net_years, sizeof(*s->net));
	s->cum_net = xcalloc(no * (size_t)s->net_years, sizeof(*s->cum_net));
	s->point_gross = xcalloc(no * (size_t)s->years, sizeof(double));
	s->point_net = xcalloc(no * (size_t)s->net_years, sizeof(double));
	s->point_cum_net = xcalloc(no * (size_t)s->net_years, sizeof(double));
	s->cmp = xcalloc(no * M_COUNT, sizeof(*s->cmp));
	s->cdf = xcalloc(no, sizeof(*s->cdf));
	s->p_best = xcalloc(no, sizeof(double));
	s->hist = xcalloc(no, sizeof(*s->hist));
	s->hist_public = xcalloc(no, sizeof(*s->hist_public));
	size_t nny = no * (size_t)s->net_years;
	s->has_risk = xcalloc(no, sizeof(int));
	s->operating = xcalloc(nny, sizeof(*s->operating));
	s->risk = xcalloc(nny, sizeof(*s->risk));
	s->operating_total = xcalloc(no, sizeof(*s->operating_total));
	s->risk_total = xcalloc(no, sizeof(*s->risk_total));
	s->point_operating = xcalloc(nny, sizeof(double));
	s->point_risk = xcalloc(nny, sizeof(double));
	s->point_operating_total = xcalloc(no, sizeof(double));
	s->point_risk_total = xcalloc(no, sizeof(double));
	s->point_events = xcalloc(no, sizeof(double));
	s->p_risk_event = xcalloc(no, sizeof(double));
	s->aid_mean = xcalloc(nny + 1, sizeof(double));
	if (res->aid_mean)
		memcpy(s->aid_mean, res->aid_mean, nny * sizeof(double));
	for (int o = 0; o < s->noptions; o++)
		s->has_risk[o] = res->risk_slot[o] >= 0;
	point_values(s, res);

	struct ctx c = {m, res, s, NULL, 0, 0, full};
	size_t cap = 0;
	int nk = s->has_students ? M_COUNT : M_COUNT - 1;
	/* The headline: gross_pv, net_pv, net_per_student_year, and the
	 * comparison on net_pv. */
	unsigned want = full ? ~0u
			     : 1u << M_GROSS_PV | 1u << M_NET_PV |
				       1u << M_NET_PER_STUDENT_YEAR;
	for (int o = 0; o < s->noptions; o++) {
		for (int k = 0; k < nk; k++)
			if (want >> k & 1)
				add_job(&c, &cap, JOB_MEASURE, o, k);
		for (int t = 1; full && t <= s->years; t++)
			add_job(&c, &cap, JOB_GROSS, o, t);
		/* An option whose net flows are its gross flows needs no
		 * separate work: they are copied below. */
		int mirror = res->net_slot[o] < 0;
		for (int t = 1; full && t <= s->net_years; t++) {
			if (!mirror)
				add_job(&c, &cap, JOB_NET, o, t);
			/* The first year's cumulative flow is the year's
			 * flow: copied below. */
			if (t > 1 && (!mirror || t <= s->years))
				add_job(&c, &cap, JOB_CUM, o, t);
		}
		if (o != s->baseline)
			for (int k = 0; k < nk; k++)
				if (full || k == M_NET_PV)
					add_job(&c, &cap, JOB_DIFF, o, k);
		/* The operating budget and the risk exposure of an option
		 * with risk items (without, they are its net flows and 0). */
		for (int t = 0; full && s->has_risk[o] && t <= s->net_years;
		     t++) {
			add_job(&c, &cap, JOB_OPER, o, t);
			add_job(&c, &cap, JOB_RISK, o, t);
		}
	}
	levy_setup(&c, &cap);
	parallel_run(nthreads, c.njobs, worker, &c);
	free(c.jobs);
	if (full) {
		for (int o = 0; o < s->noptions; o++)
			s->cum_net[o * s->net_years] =
				res->net_slot[o] < 0 ? s->gross[o * s->years]
						     : s->net[o * s->net_years];
		copy_mirrored(s, res);
		for (int o = 0; o < s->noptions; o++) {
			if (s->has_risk[o])
				continue;
			memcpy(s->operating + o * s->net_years,
			       s->net + o * s->net_years,
			       (size_t)s->net_years * sizeof(*s->net));
			s->operating_total[o] =
				s->measure[o * M_COUNT + M_NET_NOMINAL];
		}
	}
	summary_best_shares(res, M_NET_PV, s->p_best, 1, &s->p_tied);
}

void summary_compute(const struct model *m, const struct sim_result *res,
		     int nthreads, struct summary *s)
{
	compute(m, res, nthreads, 1, s);
}

void summary_compute_headline(const struct model *m,
			      const struct sim_result *res, int nthreads,
			      struct summary *s)
{
	compute(m, res, nthreads, 0, s);
}

void summary_free(struct summary *s)
{
	free(s->measure);
	free(s->point);
	free(s->gross);
	free(s->net);
	free(s->cum_net);
	free(s->point_gross);
	free(s->point_net);
	free(s->point_cum_net);
	free(s->cmp);
	free(s->cdf);
	free(s->p_best);
	free(s->has_risk);
	free(s->operating);
	free(s->risk);
	free(s->operating_total);
	free(s->risk_total);
	free(s->point_operating);
	free(s->point_risk);
	free(s->point_operating_total);
	free(s->point_risk_total);
	free(s->point_events);
	free(s->p_risk_event);
	free(s->aid_mean);
	free(s->levy_year);
	free(s->levy_total);
	free(s->point_levy_year);
	free(s->point_levy_total);
	for (int o = 0; s->hist && o < s->noptions; o++)
		free(s->hist[o].counts);
	free(s->hist);
	for (int o = 0; s->hist_public && o < s->noptions; o++)
		free(s->hist_public[o].counts);
	free(s->hist_public);
	memset(s, 0, sizeof(*s));
}
