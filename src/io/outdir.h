/* An output folder that holds the complete old result or the complete new
 * one, and never loses a file edtco did not write.
 *
 * A run writes into a private staging folder beside the target
 * (.NAME.edtco-tmp-XXXXXX, made by mkdtemp, holding a lock file flock()ed
 * while the run lives).  At the commit the new folder is completed there:
 * every file of the old folder that stays (the user's files, and with
 * OUTDIR_KEEP edtco's files this run does not write again) is brought in
 * by a hard link, and manifest.csv (file, bytes, sha256 of every file
 * edtco wrote) is written into each folder that received files.  The two
 * folders are then swapped in one step (renameat2 RENAME_EXCHANGE; where
 * the file system lacks it, rename the old away and the new in, putting
 * the old back on failure), and the old is removed.
 *
 * A file of the old folder belongs to edtco when manifest.csv lists it with
 * its present size and SHA-256; anything else is the user's.  A user's file
 * whose name an output needs stops the run (OUTDIR_FORCE replaces it), as
 * does a symbolic link or a folder where a result belongs, and an input
 * file of the run that would be replaced or removed.  Nothing inside the
 * output folder is followed through a symbolic link. */
#ifndef EDTCO_IO_OUTDIR_H
#define EDTCO_IO_OUTDIR_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "util/strbuf.h"

/* The name of the manifest in every folder edtco writes. */
#define OUTDIR_MANIFEST "manifest.csv"

enum {
	OUTDIR_KEEP = 1,  /* keep edtco's files this run does not write
			   * (edtco chart); otherwise they are removed */
	OUTDIR_FORCE = 2  /* replace a user's file whose name an output
			   * needs */
};

struct outdir_input {
	char *path;
	dev_t dev;
	ino_t ino;
};

struct outdir {
	char *final;   /* the folder as the user named it (for messages) */
	char *target;  /* its resolved path */
	char *tmp;     /* the staging folder: lock, new/ (and old/) */
	char *stage;   /* tmp/new: the folder being built */
	int lock_fd;
	unsigned flags;
	char **names;  /* relative paths written so far */
	size_t n, cap;
	size_t *slots; /* a hash index of names (see outdir.c) */
	size_t nslots;
	char *last_dir; /* the folder of the last name, made already */
	struct outdir_input *inputs; /* files this run reads */
	size_t ninputs, inputs_cap;
};

/* Prepares to write into dir: creates dir's parent folders if needed,
 * removes the staging folders of dead runs beside dir, and makes a staging
 * folder.  dir itself may be a symbolic link given by the user: the folder
 * it points to is the one replaced.  flags: OUTDIR_KEEP, OUTDIR_FORCE.
 * Returns 0, or an errno value with a message in err. */
int outdir_open(struct outdir *o, const char *dir, unsigned flags,
		struct strbuf *err);

/* Names path as an input of this run: the commit refuses to replace or
 * remove it (same device and inode, under any name). */
void outdir_protect(struct outdir *o, const char *path);

/* Checks, before the work, that the names this run expects to write (a
 * NULL-terminated list of relative paths; may be NULL) can be written:
 * the same checks as the commit's, made early.  Returns 0, or an errno
 * value with a message in err. */
int outdir_check(struct outdir *o, const char *const *names,
		 struct strbuf *err);

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

/* Completes the new folder and swaps it in for the old (see above).
 * Frees o.  Returns 0, or an errno value (message in err) with the old
 * folder as it was. */
int outdir_commit(struct outdir *o, struct strbuf *err);

/* Removes the staging folder and everything in it; frees o. */
void outdir_abort(struct outdir *o);

/* Checks the files named in names (NULL-terminated, relative to dir)
 * against dir's manifest.csv, if dir has one.  Returns the index in names
 * of the first listed file whose size or SHA-256 differs, with the reason
 * in err; or -1 (also without a manifest, and for unlisted or missing
 * files). */
int outdir_verify(const char *dir, const char *const *names,
		  struct strbuf *err);

#endif
