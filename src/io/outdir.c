/* All-or-nothing output folders (see outdir.h). */
#include "io/outdir.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"

/* mkdir -p.  Returns 0 or an errno value. */
static int make_dirs(const char *path)
{
	char *p = xstrdup(path);
	int err = 0;
	for (char *s = p + 1; !err; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			err = errno;
		else {
			struct stat st;
			if (stat(p, &st) != 0)
				err = errno;
			else if (!S_ISDIR(st.st_mode))
				err = ENOTDIR;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return err;
}

static char *join(const char *a, const char *b)
{
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s, "%s/%s", a, b);
	return strbuf_take(&s);
}

int outdir_open(struct outdir *o, const char *dir, struct strbuf *err)
{
	memset(o, 0, sizeof(*o));
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	o->final = xstrndup(dir, n);
	struct stat st;
	if (stat(o->final, &st) == 0 && !S_ISDIR(st.st_mode)) {
		strbuf_printf(err, "cannot write to '%s': not a folder",
			      o->final);
		free(o->final);
		o->final = NULL;
		return ENOTDIR;
	}
	if (stat(o->final, &st) == 0 && access(o->final, W_OK) != 0) {
		int e = errno;
		strbuf_printf(err, "cannot write to '%s': %s", o->final,
			      strerror(e));
		free(o->final);
		o->final = NULL;
		return e;
	}
	const char *slash = strrchr(o->final, '/');
	char *parent = slash ? xstrndup(o->final, (size_t)(slash - o->final))
			     : xstrdup(".");
	if (parent[0] == '\0') {
		free(parent);
		parent = xstrdup("/");
	}
	const char *base = slash ? slash + 1 : o->final;
	int e = make_dirs(parent);
	if (!e) {
		struct strbuf s = STRBUF_INIT;
		strbuf_printf(&s, "%s/.%s.edtco-tmp-%ld", parent, base,
			      (long)getpid());
		o->stage = strbuf_take(&s);
		if (mkdir(o->stage, 0777) != 0)
			e = errno;
	}
	if (e) {
		strbuf_printf(err, "cannot create output folder '%s': %s",
			      o->final, strerror(e));
		free(o->stage);
		free(o->final);
		o->stage = o->final = NULL;
	}
	free(parent);
	return e;
}

/* Creates the folders of name inside root; records them in o if root is the
 * staging folder. */
static int make_parents(struct outdir *o, const char *root, const char *name,
			int record)
{
	for (const char *s = strchr(name, '/'); s; s = strchr(s + 1, '/')) {
		char *rel = xstrndup(name, (size_t)(s - name));
		char *full = join(root, rel);
		int e = 0;
		if (mkdir(full, 0777) == 0) {
			if (record) {
				GROW(o->dirs, o->dirs_cap, o->ndirs + 1);
				o->dirs[o->ndirs++] = xstrdup(full);
			}
		} else if (errno != EEXIST) {
			e = errno;
		}
		free(full);
		free(rel);
		if (e)
			return e;
	}
	return 0;
}

char *outdir_path(struct outdir *o, const char *name)
{
	make_parents(o, o->stage, name, 1);
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->names[i], name) == 0)
			return join(o->stage, name);
	GROW(o->names, o->cap, o->n + 1);
	o->names[o->n++] = xstrdup(name);
	return join(o->stage, name);
}

FILE *outdir_fopen(struct outdir *o, const char *name, struct strbuf *err)
{
	char *path = outdir_path(o, name);
	FILE *fp = fopen(path, "wb");
	if (!fp)
		strbuf_printf(err, "cannot write '%s/%s': %s", o->final, name,
			      strerror(errno));
	free(path);
	return fp;
}

int outdir_fclose(struct outdir *o, FILE *fp, const char *name,
		  struct strbuf *err)
{
	int e = ferror(fp) ? (errno ? errno : EIO) : 0;
	if (fclose(fp) != 0 && !e)
		e = errno ? errno : EIO;
	if (e)
		strbuf_printf(err, "cannot write '%s/%s': %s", o->final, name,
			      strerror(e));
	return e;
}

int outdir_write(struct outdir *o, const char *name, const void *bytes,
		 size_t len, struct strbuf *err)
{
	FILE *fp = outdir_fopen(o, name, err);
	if (!fp)
		return errno ? errno : EIO;
	if (len && fwrite(bytes, 1, len, fp) != len) {
		int e = errno ? errno : EIO;
		fclose(fp);
		strbuf_printf(err, "cannot write '%s/%s': %s", o->final, name,
			      strerror(e));
		return e;
	}
	return outdir_fclose(o, fp, name, err);
}

static void release(struct outdir *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->names[i]);
	for (size_t i = 0; i < o->ndirs; i++)
		free(o->dirs[i]);
	free(o->names);
	free(o->dirs);
	free(o->stage);
	free(o->final);
	memset(o, 0, sizeof(*o));
}

static void remove_stage(struct outdir *o)
{
	for (size_t i = 0; i < o->n; i++) {
		char *p = join(o->stage, o->names[i]);
		unlink(p);
		free(p);
	}
	for (size_t i = o->ndirs; i-- > 0;)
		rmdir(o->dirs[i]);
	rmdir(o->stage);
}

void outdir_abort(struct outdir *o)
{
	if (o->stage)
		remove_stage(o);
	release(o);
}

static int written(const struct outdir *o, const char *name)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->names[i], name) == 0)
			return 1;
	return 0;
}

int outdir_commit(struct outdir *o, const char *const *stale,
		  struct strbuf *err)
{
	struct stat st;
	int e = 0;
	if (stat(o->final, &st) != 0) {
		/* A new folder: one atomic rename. */
		if (rename(o->stage, o->final) != 0) {
			e = errno;
			strbuf_printf(err, "cannot create '%s': %s", o->final,
				      strerror(e));
			outdir_abort(o);
			return e;
		}
		release(o);
		return 0;
	}
	for (; stale && *stale; stale++) {
		if (!written(o, *stale)) {
			char *p = join(o->final, *stale);
			unlink(p);
			free(p);
		}
	}
	for (size_t i = 0; i < o->n && !e; i++) {
		char *from = join(o->stage, o->names[i]);
		char *to = join(o->final, o->names[i]);
		e = make_parents(o, o->final, o->names[i], 0);
		if (!e && rename(from, to) != 0)
			e = errno;
		if (e)
			strbuf_printf(err, "cannot write '%s': %s", to,
				      strerror(e));
		free(from);
		free(to);
	}
	if (e) {
		outdir_abort(o);
		return e;
	}
	for (size_t i = o->ndirs; i-- > 0;)
		rmdir(o->dirs[i]);
	rmdir(o->stage);
	release(o);
	return 0;
}
