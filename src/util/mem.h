/* Allocation helpers for small, internal allocations.
 *
 * Out-of-memory on these is not recoverable in a useful way, so they print a
 * message and abort (the cmark/tmux convention).  Allocations whose size comes
 * from user input (trial counts, table sizes) are checked by their callers
 * first and reported as ordinary errors. */
#ifndef EDTCO_UTIL_MEM_H
#define EDTCO_UTIL_MEM_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* Reallocates an array of count elements of size bytes, checking overflow. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *items (an array of *cap elements of size bytes) so that it holds at
 * least need elements.  Capacity doubles, starting at 8. */
void grow_array(void **items, size_t *cap, size_t need, size_t size);
#define GROW(arr, cap, need) \
	grow_array((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
