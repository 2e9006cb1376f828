/* An output folder that appears whole or not at all.
 *
 * Result files are written into a hidden staging folder beside the target,
 * and moved into place only when every file has been written.  A run that
 * fails part-way leaves the target folder untouched. */
#ifndef EDTCO_IO_OUTDIR_H
#define EDTCO_IO_OUTDIR_H

#include <stddef.h>
#include <stdio.h>

#include "util/strbuf.h"

struct outdir {
	char *final;   /* the folder the user asked for */
	char *stage;   /* the staging folder */
	char **names;  /* relative paths written so far */
	size_t n, cap;
	char **dirs;   /* subfolders created in the staging folder */
	size_t ndirs, dirs_cap;
};

/* Prepares to write into dir: creates dir's parent folders if needed and a
 * staging folder beside dir.  Returns 0, or an errno value with a message
 * in err. */
int outdir_open(struct outdir *o, const char *dir, struct strbuf *err);

/* The staging path of name (which may contain '/'), creating its folders.
 * The caller frees it; the name is recorded as written. */
char *outdir_path(struct outdir *o, const char *name);

/* Writes len bytes as file name.  Returns 0 or an errno value (message in
 * err). */
int outdir_write(struct outdir *o, const char *name, const void *bytes,
		 size_t len, struct strbuf *err);

/* Opens name for writing in the staging folder; close it with
 * outdir_fclose, which reports a failed write. */
FILE *outdir_fopen(struct outdir *o, const char *name, struct strbuf *err);
int outdir_fclose(struct outdir *o, FILE *fp, const char *name,
		  struct strbuf *err);

/* Moves every written file into the target folder.  Files of the target
 * named in stale (a NULL-terminated list of relative paths) that this run
 * did not write are removed, so no output of an earlier run is left looking
 * like this run's.  Frees o.  Returns 0 or an errno value (message in err). */
int outdir_commit(struct outdir *o, const char *const *stale,
		  struct strbuf *err);

/* Removes the staging folder and everything in it; frees o. */
void outdir_abort(struct outdir *o);

#endif
