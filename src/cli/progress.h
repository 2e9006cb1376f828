/* A one-line progress bar on stderr for long batch runs (internal to cli/).
 *
 *   [=========>           ] 312/700 cases  4.1M trials/s  ETA 0:03
 *
 * A background thread polls two counters that the workers increase and
 * redraws the line with '\r' at most PROGRESS_HZ times a second, from
 * PROGRESS_DELAY_MS after the start (a short run shows nothing).  The
 * caller decides whether to show it at all: only when stderr is a terminal
 * and -q was not given (progress_wanted). */
#ifndef EDTCO_CLI_PROGRESS_H
#define EDTCO_CLI_PROGRESS_H

#include <stdatomic.h>
#include <stddef.h>

#define PROGRESS_HZ 4
#define PROGRESS_DELAY_MS 250

typedef struct progress progress;

/* Whether a progress bar belongs on stderr: it is a terminal, and the
 * user did not ask for quiet. */
int progress_wanted(int quiet);

/* Starts drawing: cases counts finished cases out of ncases, trials the
 * trials simulated out of total_trials (both borrowed; they must outlive
 * the bar).  Returns NULL when the thread cannot start (no bar). */
progress *progress_start(const atomic_size_t *cases, size_t ncases,
			 const atomic_long *trials, double total_trials);

/* Stops the thread, clears the line if one was drawn, and frees p (NULL
 * is a no-op). */
void progress_stop(progress *p);

/* The text of the bar for the given state, without '\r' (for the tests
 * and the thread): elapsed in seconds.  Writes at most size bytes. */
void progress_format(size_t done, size_t ncases, double trials,
		     double total_trials, double elapsed, char *buf,
		     size_t size);

#endif
