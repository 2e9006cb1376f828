/* Fork-join over POSIX threads (see parallel.h). */
#include "util/parallel.h"

#include <pthread.h>
#include <stdlib.h>

#include "util/mem.h"

void parallel_run(int nthreads, size_t jobs, void *(*fn)(void *), void *arg)
{
	if (jobs > 0 && (size_t)nthreads > jobs)
		nthreads = (int)jobs;
	if (nthreads < 1)
		nthreads = 1;
	pthread_t *tid = xcalloc((size_t)nthreads, sizeof(pthread_t));
	int started = 0;
	for (int i = 1; i < nthreads; i++) {
		if (pthread_create(&tid[i], NULL, fn, arg) != 0)
			break;
		started = i;
	}
	fn(arg);
	for (int i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
	free(tid);
}
