/* The progress bar of long batch runs (see progress.h). */
#include "cli/progress.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/mem.h"

#define BAR_WIDTH 20

struct progress {
	const atomic_size_t *cases;
	size_t ncases;
	const atomic_long *trials;
	double total_trials;
	struct timespec start;
	atomic_int stop;
	pthread_t thread;
	size_t drawn; /* length of the line on screen, 0 when none */
};

int progress_wanted(int quiet)
{
	return !quiet && isatty(STDERR_FILENO);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) * 1e-9;
}

/* "4.1M", "950k", "12" */
static void rate_text(double x, char *buf, size_t size)
{
	if (x >= 1e6)
		snprintf(buf, size, "%.1fM", x / 1e6);
	else if (x >= 1e3)
		snprintf(buf, size, "%.1fk", x / 1e3);
	else
		snprintf(buf, size, "%.0f", x);
}

/* "0:03", "1:02:03", "--:--" */
static void duration_text(double s, char *buf, size_t size)
{
	if (!(s >= 0) || s > 360000) {
		snprintf(buf, size, "--:--");
		return;
	}
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60,
			 t % 60);
	else
		snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

void progress_format(size_t done, size_t ncases, double trials,
		     double total_trials, double elapsed, char *buf,
		     size_t size)
{
	double frac = total_trials > 0 ? trials / total_trials : 1;
	frac = frac < 0 ? 0 : frac > 1 ? 1 : frac;
	char bar[BAR_WIDTH + 1];
	int full = (int)(frac * BAR_WIDTH);
	for (int i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < full ? '=' : i == full ? '>' : ' ';
	bar[BAR_WIDTH] = '\0';
	double rate = elapsed > 0 ? trials / elapsed : 0;
	char r[32], eta[32];
	rate_text(rate, r, sizeof(r));
	duration_text(rate > 0 ? (total_trials - trials) / rate : -1, eta,
		      sizeof(eta));
	snprintf(buf, size, "[%s] %zu/%zu cases  %s trials/s  ETA %s", bar,
		 done, ncases, r, eta);
}

static void draw(struct progress *p)
{
	char line[128];
	double elapsed = seconds_since(&p->start);
	progress_format(atomic_load(p->cases), p->ncases,
			(double)atomic_load(p->trials), p->total_trials,
			elapsed, line, sizeof(line));
	size_t n = strlen(line);
	/* Pad over a longer previous line. */
	fprintf(stderr, "\r%s%*s", line,
		(int)(p->drawn > n ? p->drawn - n : 0), "");
	fflush(stderr);
	p->drawn = n > p->drawn ? n : p->drawn;
}

static void *run(void *arg)
{
	struct progress *p = arg;
	const struct timespec tick = {0, 1000000000L / (PROGRESS_HZ * 5)};
	double next = PROGRESS_DELAY_MS / 1000.0;
	while (!atomic_load(&p->stop)) {
		nanosleep(&tick, NULL);
		if (atomic_load(&p->stop))
			break;
		double now = seconds_since(&p->start);
		if (now >= next) {
			draw(p);
			next = now + 1.0 / PROGRESS_HZ;
		}
	}
	return NULL;
}

progress *progress_start(const atomic_size_t *cases, size_t ncases,
			 const atomic_long *trials, double total_trials)
{
	struct progress *p = xcalloc(1, sizeof(*p));
	p->cases = cases;
	p->ncases = ncases;
	p->trials = trials;
	p->total_trials = total_trials;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	atomic_init(&p->stop, 0);
	if (pthread_create(&p->thread, NULL, run, p) != 0) {
		free(p);
		return NULL;
	}
	return p;
}

void progress_stop(progress *p)
{
	if (!p)
		return;
	atomic_store(&p->stop, 1);
	pthread_join(p->thread, NULL);
	if (p->drawn) {
		fprintf(stderr, "\r%*s\r", (int)p->drawn, "");
		fflush(stderr);
	}
	free(p);
}
