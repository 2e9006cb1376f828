/* Running one function on several threads. */
#ifndef EDTCO_UTIL_PARALLEL_H
#define EDTCO_UTIL_PARALLEL_H

#include <stddef.h>

/* Runs fn(arg) on nthreads threads at most, the calling thread included,
 * and returns when every one has returned.  The threads share the work
 * through arg (typically an atomic counter of jobs), so the result does not
 * depend on how many run: nthreads is cut to jobs when jobs > 0, raised to
 * 1, and a thread the system refuses to start is simply not used. */
void parallel_run(int nthreads, size_t jobs, void *(*fn)(void *), void *arg);

#endif
