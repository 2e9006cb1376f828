/* Output folders swapped in whole, with a manifest of edtco's files (see
 * outdir.h). */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE */
#include "io/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "io/csvin.h"
#include "io/csvout.h"
#include "util/mem.h"

/* Staging folders without a lock file older than this are a dead run's
 * (one that died between mkdtemp and taking its lock, or an older edtco's
 * .NAME.edtco-tmp-PID). */
#define UNLOCKED_STALE_SECONDS 60

static char *join(const char *a, const char *b)
{
	struct strbuf s = STRBUF_INIT;
	if (!*a)
		strbuf_puts(&s, b);
	else
		strbuf_printf(&s, "%s/%s", a, b);
	return strbuf_take(&s);
}

/* mkdir -p (the user's own path: symbolic links are followed).  Returns 0
 * or an errno value. */
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

/* Opens the folder rel (relative, '/'-separated, "" for root itself) under
 * root without following any symbolic link.  Returns a descriptor or -1
 * (errno set). */
static int open_dir_at(int root, const char *rel)
{
	int fd = openat(root, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const char *s = rel;
	while (fd >= 0 && *s) {
		size_t n = strcspn(s, "/");
		char *part = xstrndup(s, n);
		int next = openat(fd, part,
				  O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					  O_CLOEXEC);
		int e = errno;
		free(part);
		close(fd);
		fd = next;
		errno = e;
		s += n;
		while (*s == '/')
			s++;
	}
	return fd;
}

/* The folder part of rel ("" when none) and its last component. */
static char *dir_part(const char *rel)
{
	const char *slash = strrchr(rel, '/');
	return slash ? xstrndup(rel, (size_t)(slash - rel)) : xstrdup("");
}

static const char *base_part(const char *rel)
{
	const char *slash = strrchr(rel, '/');
	return slash ? slash + 1 : rel;
}

/* ---- removing a tree -------------------------------------------------- */

/* Removes name in folder dfd and everything under it, following no link.
 * Returns 0 or an errno value (removal goes on past errors). */
static int remove_at(int dfd, const char *name)
{
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? 0 : errno;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(dfd, name, 0) == 0 ? 0 : errno;
	int e = 0;
	int fd = openat(dfd, name,
			O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && (st.st_mode & 0700) != 0700)
		fchmod(fd, (st.st_mode & 07777) | 0700); /* a read-only folder
							  * being removed */
	DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
	if (!dp) {
		e = errno;
		if (fd >= 0)
			close(fd);
	} else {
		struct dirent *d;
		while ((d = readdir(dp)) != NULL) {
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			int r = remove_at(dirfd(dp), d->d_name);
			if (r && !e)
				e = r;
		}
		closedir(dp);
	}
	if (unlinkat(dfd, name, AT_REMOVEDIR) != 0 && !e)
		e = errno;
	return e;
}

/* ---- hashing ------------------------------------------------------------ */

/* Size and SHA-256 of the regular file name in dfd (not followed).  With
 * sync, the file's writing to disk is started (sync_at waits for it: all
 * files are then written at once, not one after the other).  Returns 0
 * or an errno value. */
static int hash_at(int dfd, const char *name, int sync, off_t *bytes,
		   char hex[65])
{
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	int e = fstat(fd, &st) != 0 ? errno : S_ISREG(st.st_mode) ? 0 : EINVAL;
	if (e) {
		close(fd);
		return e;
	}
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	char buf[65536];
	off_t total = 0;
	for (;;) {
		ssize_t got = read(fd, buf, sizeof(buf));
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			e = errno;
			break;
		}
		if (got == 0)
			break;
		sha256_update(&ctx, (size_t)got, (const uint8_t *)buf);
		total += got;
	}
	if (!e && sync)
		sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
	close(fd);
	if (e)
		return e;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_digest(&ctx, sizeof(digest), digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	*bytes = total;
	return 0;
}

/* Flushes the file name in dfd (not followed) to disk.  Returns 0 or an
 * errno value. */
static int sync_at(int dfd, const char *name)
{
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int e = fsync(fd) != 0 ? errno : 0;
	close(fd);
	return e;
}

/* ---- manifests ---------------------------------------------------------- */

struct mentry {
	char *file;
	off_t bytes;
	char sha[65];
};

struct manifest {
	struct mentry *v;
	size_t n, cap;
};

static void manifest_add(struct manifest *m, const char *file, off_t bytes,
			 const char *sha)
{
	GROW(m->v, m->cap, m->n + 1);
	m->v[m->n].file = xstrdup(file);
	m->v[m->n].bytes = bytes;
	memcpy(m->v[m->n].sha, sha, 65);
	m->n++;
}

static void manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].file);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

static int cmp_mentry(const void *a, const void *b)
{
	return strcmp(((const struct mentry *)a)->file,
		      ((const struct mentry *)b)->file);
}

/* The first of n sorted records of size bytes, each starting with a
 * char * path, whose path is not below key. */
static size_t lower_bound(const void *base, size_t n, size_t size,
			  const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *at = *(char *const *)(const void *)((const char *)
								 base +
							 mid * size);
		if (strcmp(at, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The entry of file in m (sorted by file), or NULL. */
static const struct mentry *manifest_find(const struct manifest *m,
					  const char *file)
{
	size_t i = lower_bound(m->v, m->n, sizeof(*m->v), file);
	return i < m->n && strcmp(m->v[i].file, file) == 0 ? &m->v[i] : NULL;
}

/* Adds an entry to m, keeping it sorted. */
static void manifest_insert(struct manifest *m, const char *file,
			    off_t bytes, const char *sha)
{
	size_t at = lower_bound(m->v, m->n, sizeof(*m->v), file);
	manifest_add(m, file, bytes, sha);
	struct mentry x = m->v[m->n - 1];
	memmove(&m->v[at + 1], &m->v[at], (m->n - 1 - at) * sizeof(x));
	m->v[at] = x;
}

/* Whether s is a relative path edtco could have written: no empty, "." or
 * ".." component, no leading '/'. */
static int plain_path(const char *s)
{
	if (!*s || *s == '/')
		return 0;
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		p += n;
		if (*p == '/')
			p++;
		if (!*p && p[-1] == '/')
			return 0;
	}
	return 1;
}

/* Reads manifest.csv of folder dfd.  Returns 0, ENOENT when there is none,
 * EINVAL when it is not a manifest, or another errno value. */
static int manifest_read(int dfd, struct manifest *m)
{
	memset(m, 0, sizeof(*m));
	int fd = openat(dfd, OUTDIR_MANIFEST,
			O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ELOOP ? EINVAL : errno;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > (off_t)64 << 20) {
		close(fd);
		return EINVAL;
	}
	struct file_data f = {0};
	f.path = xstrdup(OUTDIR_MANIFEST);
	f.bytes = xmalloc((size_t)st.st_size + 1);
	size_t len = 0;
	int e = 0;
	while (len < (size_t)st.st_size) {
		ssize_t got = read(fd, f.bytes + len, (size_t)st.st_size - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			e = got < 0 ? errno : EINVAL;
			break;
		}
		len += (size_t)got;
	}
	close(fd);
	f.bytes[len] = '\0';
	f.len = len;
	if (e) {
		file_data_free(&f);
		return e;
	}
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	csvin_parse(&f, &t, &d);
	int bad = d.nerrors > 0 || t.header.n != 3 ||
		  strcmp(csvin_text(&t.header, 0), "file") != 0 ||
		  strcmp(csvin_text(&t.header, 1), "bytes") != 0 ||
		  strcmp(csvin_text(&t.header, 2), "sha256") != 0;
	for (size_t r = 0; r < t.nrows && !bad; r++) {
		const struct csvin_row *row = &t.rows[r];
		const char *file = csvin_text(row, 0);
		const char *b = csvin_text(row, 1), *h = csvin_text(row, 2);
		char *end;
		errno = 0;
		long long v = strtoll(b, &end, 10);
		if (row->n != 3 || !plain_path(file) || !*b || *end || errno ||
		    v < 0 || strlen(h) != 64 || strspn(h, "0123456789abcdef") != 64)
			bad = 1;
		else
			manifest_add(m, file, (off_t)v, h);
	}
	diags_free(&d);
	csvin_free(&t);
	if (bad) {
		manifest_free(m);
		return EINVAL;
	}
	if (m->n)
		qsort(m->v, m->n, sizeof(*m->v), cmp_mentry);
	return 0;
}

/* ---- opening ------------------------------------------------------------ */

/* Whether the staging folder name in dfd belongs to a dead run: its lock
 * can be taken, or it has none and is old. */
static int stage_is_dead(int dfd, const char *name)
{
	int sfd = openat(dfd, name,
			 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (sfd < 0)
		return 0;
	int dead = 0;
	int lfd = openat(sfd, "lock", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (lfd >= 0) {
		dead = flock(lfd, LOCK_EX | LOCK_NB) == 0;
		close(lfd);
	} else {
		struct stat st;
		dead = fstat(sfd, &st) == 0 &&
		       time(NULL) - st.st_mtime > UNLOCKED_STALE_SECONDS;
	}
	close(sfd);
	return dead;
}

/* Removes the staging folders of dead runs for base in parent. */
static void remove_stale_stages(const char *parent, const char *base)
{
	struct strbuf pre = STRBUF_INIT;
	strbuf_printf(&pre, ".%s.edtco-tmp-", base);
	int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
	if (!dp) {
		if (fd >= 0)
			close(fd);
		strbuf_free(&pre);
		return;
	}
	struct dirent *d;
	while ((d = readdir(dp)) != NULL)
		if (strncmp(d->d_name, pre.s, pre.len) == 0 &&
		    stage_is_dead(dirfd(dp), d->d_name))
			remove_at(dirfd(dp), d->d_name);
	closedir(dp);
	strbuf_free(&pre);
}

static int fail_open(struct outdir *o, int e, struct strbuf *err,
		     const char *what)
{
	strbuf_printf(err, "%s '%s': %s", what, o->final, strerror(e));
	outdir_abort(o);
	return e;
}

/* Resolves o->final into o->target (creating its parents), or fails. */
static int resolve(struct outdir *o, struct strbuf *err)
{
	struct stat st;
	if (stat(o->final, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			strbuf_printf(err, "cannot write to '%s': not a folder",
				      o->final);
			return ENOTDIR;
		}
		o->target = realpath(o->final, NULL);
		if (!o->target) {
			int e = errno;
			strbuf_printf(err, "cannot write to '%s': %s",
				      o->final, strerror(e));
			return e;
		}
		return 0;
	}
	if (lstat(o->final, &st) == 0) {
		strbuf_printf(err, "cannot write to '%s': a symbolic link to "
				   "nothing",
			      o->final);
		return ENOENT;
	}
	char *parent = dir_part(o->final);
	if (!*parent && o->final[0] == '/') {
		free(parent);
		parent = xstrdup("/");
	} else if (!*parent) {
		free(parent);
		parent = xstrdup(".");
	}
	int e = make_dirs(parent);
	char *real = e ? NULL : realpath(parent, NULL);
	if (!e && !real)
		e = errno;
	free(parent);
	if (e) {
		strbuf_printf(err, "cannot create output folder '%s': %s",
			      o->final, strerror(e));
		return e;
	}
	const char *b = base_part(o->final);
	if (strcmp(b, ".") == 0 || strcmp(b, "..") == 0) {
		free(real);
		strbuf_printf(err, "cannot create output folder '%s'",
			      o->final);
		return EINVAL;
	}
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s, "%s/%s", strcmp(real, "/") == 0 ? "" : real, b);
	o->target = strbuf_take(&s);
	free(real);
	return 0;
}

int outdir_open(struct outdir *o, const char *dir, unsigned flags,
		struct strbuf *err)
{
	memset(o, 0, sizeof(*o));
	o->lock_fd = -1;
	o->flags = flags;
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	o->final = xstrndup(dir, n);
	int e = resolve(o, err);
	if (e) {
		outdir_abort(o);
		return e;
	}
	if (strcmp(o->target, "/") == 0) {
		strbuf_printf(err, "cannot write to '%s': the root folder",
			      o->final);
		outdir_abort(o);
		return EINVAL;
	}
	struct stat st;
	if (stat(o->target, &st) == 0 && access(o->target, W_OK) != 0)
		return fail_open(o, errno, err, "cannot write to");
	char *parent = dir_part(o->target);
	if (!*parent) {
		free(parent);
		parent = xstrdup("/");
	}
	const char *base = base_part(o->target);
	struct stat pst;
	if (stat(o->target, &st) == 0 && stat(parent, &pst) == 0 &&
	    st.st_dev != pst.st_dev) {
		/* A mount point (a container's volume): it cannot be swapped
		 * for a new folder. */
		strbuf_printf(err, "cannot write to '%s': it is a mount point, "
				   "which edtco cannot replace by a new folder; "
				   "write into a folder inside it (-o %s/NAME)",
			      o->final, o->final);
		free(parent);
		outdir_abort(o);
		return EXDEV;
	}
	remove_stale_stages(parent, base);
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s, "%s/.%s.edtco-tmp-XXXXXX",
		      strcmp(parent, "/") == 0 ? "" : parent, base);
	o->tmp = strbuf_take(&s);
	if (!mkdtemp(o->tmp)) {
		e = errno;
		free(o->tmp);
		o->tmp = NULL;
		strbuf_printf(err, "cannot write to '%s': edtco builds the new "
				   "folder beside it, and cannot create a "
				   "folder in '%s': %s",
			      o->final, parent, strerror(e));
		free(parent);
		outdir_abort(o);
		return e;
	}
	free(parent);
	int tfd = open(o->tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (tfd >= 0) {
		o->lock_fd = openat(tfd, "lock",
				    O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
					    O_CLOEXEC,
				    0600);
		if (o->lock_fd >= 0 && flock(o->lock_fd, LOCK_EX) != 0) {
			close(o->lock_fd);
			o->lock_fd = -1;
		}
		if (o->lock_fd >= 0 && mkdirat(tfd, "new", 0777) != 0) {
			close(o->lock_fd);
			o->lock_fd = -1;
		}
		e = o->lock_fd < 0 ? errno : 0;
		close(tfd);
	} else {
		e = errno;
	}
	if (e)
		return fail_open(o, e, err,
				 "cannot create output folder");
	o->stage = join(o->tmp, "new");
	return 0;
}

void outdir_protect(struct outdir *o, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	GROW(o->inputs, o->inputs_cap, o->ninputs + 1);
	o->inputs[o->ninputs++] =
		(struct outdir_input){xstrdup(path), st.st_dev, st.st_ino};
}

/* ---- writing into the staging folder ------------------------------------ */

/* Creates the folders of name in the staging folder. */
static int make_parents(struct outdir *o, const char *name)
{
	int e = 0;
	for (const char *s = strchr(name, '/'); s && !e;
	     s = strchr(s + 1, '/')) {
		char *rel = xstrndup(name, (size_t)(s - name));
		char *full = join(o->stage, rel);
		if (mkdir(full, 0777) != 0 && errno != EEXIST)
			e = errno;
		free(full);
		free(rel);
	}
	return e;
}

static size_t hash_name(const char *s)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* Whether name was written already; records it if not.  The names are
 * indexed by an open-addressing hash table (slots hold index + 1), so a
 * batch of many thousand files stays linear. */
static int seen_name(struct outdir *o, const char *name)
{
	if (2 * (o->n + 1) > o->nslots) {
		size_t ns = o->nslots ? 2 * o->nslots : 64;
		size_t *slots = xcalloc(ns, sizeof(*slots));
		for (size_t i = 0; i < o->n; i++) {
			size_t k = hash_name(o->names[i]) & (ns - 1);
			while (slots[k])
				k = (k + 1) & (ns - 1);
			slots[k] = i + 1;
		}
		free(o->slots);
		o->slots = slots;
		o->nslots = ns;
	}
	size_t k = hash_name(name) & (o->nslots - 1);
	for (; o->slots[k]; k = (k + 1) & (o->nslots - 1))
		if (strcmp(o->names[o->slots[k] - 1], name) == 0)
			return 1;
	GROW(o->names, o->cap, o->n + 1);
	o->names[o->n++] = xstrdup(name);
	o->slots[k] = o->n;
	return 0;
}

char *outdir_path(struct outdir *o, const char *name)
{
	char *dir = dir_part(name);
	if (!o->last_dir || strcmp(dir, o->last_dir) != 0) {
		/* Not the folder of the previous file: make it. */
		make_parents(o, name);
		free(o->last_dir);
		o->last_dir = dir;
	} else {
		free(dir);
	}
	seen_name(o, name);
	return join(o->stage, name);
}

FILE *outdir_fopen(struct outdir *o, const char *name, struct strbuf *err)
{
	char *path = outdir_path(o, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
				    O_CLOEXEC,
		      0666);
	FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!fp) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		strbuf_printf(err, "cannot write '%s/%s': %s", o->final, name,
			      strerror(e));
		errno = e;
	}
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
	for (size_t i = 0; i < o->ninputs; i++)
		free(o->inputs[i].path);
	free(o->inputs);
	free(o->names);
	free(o->slots);
	free(o->last_dir);
	free(o->stage);
	free(o->tmp);
	free(o->target);
	free(o->final);
	if (o->lock_fd >= 0)
		close(o->lock_fd);
	memset(o, 0, sizeof(*o));
	o->lock_fd = -1;
}

static void remove_tmp(struct outdir *o)
{
	if (!o->tmp)
		return;
	char *parent = dir_part(o->tmp);
	int fd = open(*parent ? parent : "/",
		      O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		remove_at(fd, base_part(o->tmp));
		close(fd);
	}
	free(parent);
}

void outdir_abort(struct outdir *o)
{
	remove_tmp(o);
	release(o);
}

/* ---- the old folder and the plan ---------------------------------------- */

/* One entry of the old folder. */
struct old {
	char *path;      /* relative */
	char type;       /* 'd' folder, 'l' symbolic link, 'f' file, 'o' other */
	mode_t mode;
	dev_t dev;
	ino_t ino;
	int owned;       /* listed in the manifest, unchanged */
	int listed;      /* listed at all */
	int drop;        /* replaced or removed by this run */
	int keep;        /* brought into the new folder */
	const struct mentry *m; /* its manifest entry when owned */
};

struct plan {
	int exists;     /* the target folder exists */
	mode_t mode;    /* its permissions */
	int has_manifest;
	struct manifest man;
	struct manifest *sub; /* the manifests of subfolders (case folders) */
	size_t nsub, subcap;
	struct old *v;
	size_t n, cap;
};

static void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].path);
	free(p->v);
	manifest_free(&p->man);
	for (size_t i = 0; i < p->nsub; i++)
		manifest_free(&p->sub[i]);
	free(p->sub);
	memset(p, 0, sizeof(*p));
}

/* Whether x (a regular file in dfd, named name) is as manifest entry m
 * says. */
static int unchanged(int dfd, const char *name, const struct stat *st,
		     const struct mentry *m)
{
	off_t bytes;
	char hex[65];
	return m && m->bytes == st->st_size &&
	       hash_at(dfd, name, 0, &bytes, hex) == 0 && bytes == m->bytes &&
	       strcmp(hex, m->sha) == 0;
}

/* Reads folder dfd (at rel) into p.  A file is edtco's when it is as the
 * top manifest lists it, or as the manifest of the nearest folder above
 * it that has one (sub, a subfolder's whose path is rel[0 .. root - 1]:
 * a case folder of batch --charts redrawn by edtco chart), or -1. */
static int scan(struct plan *p, int dfd, const char *rel, long sub,
		size_t root)
{
	DIR *dp = fdopendir(dfd);
	if (!dp) {
		int e = errno;
		close(dfd);
		return e;
	}
	struct dirent *d;
	int e = 0;
	while (!e && (d = readdir(dp)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		struct stat st;
		if (fstatat(dirfd(dp), d->d_name, &st, AT_SYMLINK_NOFOLLOW)) {
			e = errno;
			break;
		}
		GROW(p->v, p->cap, p->n + 1);
		struct old *x = &p->v[p->n++];
		memset(x, 0, sizeof(*x));
		x->path = join(rel, d->d_name);
		x->mode = st.st_mode & 07777;
		x->dev = st.st_dev;
		x->ino = st.st_ino;
		x->type = S_ISDIR(st.st_mode)	 ? 'd'
			  : S_ISLNK(st.st_mode) ? 'l'
			  : S_ISREG(st.st_mode) ? 'f'
						: 'o';
		const struct mentry *m = manifest_find(&p->man, x->path);
		const struct mentry *ml =
			sub >= 0 ? manifest_find(&p->sub[sub], x->path + root)
				 : NULL;
		x->listed = m || ml;
		int is_manifest = strcmp(d->d_name, OUTDIR_MANIFEST) == 0;
		if (x->type != 'f') {
			/* a folder, a link or a device: never edtco's */
		} else if (is_manifest && !*rel && p->has_manifest) {
			x->owned = 1;
		} else if (is_manifest && sub >= 0 &&
			   strlen(rel) + 1 == root) {
			x->owned = 1; /* the subfolder's own, read as valid */
		} else if (unchanged(dirfd(dp), d->d_name, &st, m)) {
			x->owned = 1;
			x->m = m;
		} else if (unchanged(dirfd(dp), d->d_name, &st, ml)) {
			x->owned = 1;
			x->m = ml;
		}
		if (x->type == 'd') {
			char *path = xstrdup(x->path);
			int fd = openat(dirfd(dp), d->d_name,
					O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
						O_CLOEXEC);
			long here = sub;
			size_t here_root = root;
			struct manifest own;
			if (fd >= 0 && manifest_read(fd, &own) == 0) {
				GROW(p->sub, p->subcap, p->nsub + 1);
				p->sub[p->nsub] = own;
				here = (long)p->nsub++;
				here_root = strlen(path) + 1;
			}
			e = fd < 0 ? errno : scan(p, fd, path, here, here_root);
			free(path);
		}
	}
	closedir(dp);
	return e;
}

static int cmp_old(const void *a, const void *b)
{
	return strcmp(((const struct old *)a)->path,
		      ((const struct old *)b)->path);
}

static struct old *find_old(struct plan *p, const char *path)
{
	if (!p->n)
		return NULL;
	struct old key = {0};
	key.path = (char *)(uintptr_t)path;
	return bsearch(&key, p->v, p->n, sizeof(*p->v), cmp_old);
}

/* Reads the old folder.  Returns 0 or an errno value. */
static int plan_scan(struct outdir *o, struct plan *p)
{
	memset(p, 0, sizeof(*p));
	int fd = open(o->target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					 O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : errno;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		close(fd);
		return errno;
	}
	p->exists = 1;
	p->mode = st.st_mode & 07777;
	int e = manifest_read(fd, &p->man);
	p->has_manifest = e == 0;
	if (e && e != ENOENT && e != EINVAL) {
		close(fd);
		return e;
	}
	e = scan(p, fd, "", -1, 0);
	if (!e && p->n)
		qsort(p->v, p->n, sizeof(*p->v), cmp_old);
	return e;
}

/* Explains why the user's entry x blocks the output path. */
static void blocked(const struct outdir *o, const struct plan *p,
		    const struct old *x, int as_folder, struct strbuf *err)
{
	strbuf_printf(err, "cannot write '%s/%s': ", o->final, x->path);
	if (x->type == 'l')
		strbuf_puts(err, "it is a symbolic link, and edtco follows no "
				 "link inside its output folder; remove it or "
				 "choose another folder");
	else if (x->type == 'd')
		strbuf_puts(err, "a folder of that name is in the way; move it "
				 "or choose another folder");
	else if (as_folder)
		strbuf_puts(err, "a file of that name is where edtco writes a "
				 "folder; move it away, choose another folder, "
				 "or use --force to replace it");
	else if (x->listed)
		strbuf_puts(err, "the file was changed since edtco wrote it "
				 "(manifest.csv); move it away, choose another "
				 "folder, or use --force to overwrite it");
	else if (p->has_manifest)
		strbuf_puts(err, "a file edtco did not write is there (it is "
				 "not in manifest.csv); move it away, choose "
				 "another folder, or use --force to overwrite "
				 "it");
	else
		strbuf_printf(err, "a file of that name is there, and '%s' has "
				   "no manifest.csv (edtco did not write it); "
				   "move it away, choose another folder, or "
				   "use --force to overwrite it",
			      o->final);
}

/* Marks what the output name t replaces; a blocking entry is an error
 * (unless probe: then every file in the way is marked). */
static int claim(const struct outdir *o, struct plan *p, const char *t,
		 int probe, struct strbuf *err)
{
	int force = probe || (o->flags & OUTDIR_FORCE) != 0;
	for (const char *s = strchr(t, '/');; s = strchr(s + 1, '/')) {
		char *pre = s ? xstrndup(t, (size_t)(s - t)) : xstrdup(t);
		struct old *x = find_old(p, pre);
		free(pre);
		int folder = s != NULL;
		if (x && !(folder && x->type == 'd')) {
			if (!probe &&
			    (x->type == 'l' || x->type == 'd' ||
			     (!x->owned && !(force && x->type != 'o')))) {
				blocked(o, p, x, folder, err);
				return EEXIST;
			}
			x->drop = 1;
		}
		if (!s)
			return 0;
	}
}

/* Whether any entry below folder x (at index i) is kept. */
static int keeps_below(const struct plan *p, size_t i, int listed)
{
	size_t n = strlen(p->v[i].path);
	for (size_t j = i + 1; j < p->n; j++) {
		/* Sorted: every path starting with this one's comes next
		 * ("a", "a-b", "a/x"). */
		if (strncmp(p->v[j].path, p->v[i].path, n) != 0)
			break;
		if (p->v[j].path[n] != '/')
			continue;
		if (listed ? p->v[j].listed : p->v[j].keep)
			return 1;
	}
	return 0;
}

/* Marks what names (and a manifest in each of their folders) replace. */
static int claim_all(const struct outdir *o, struct plan *p,
		     const char *const *names, size_t nnames, int probe,
		     struct strbuf *err)
{
	int e = 0;
	for (size_t i = 0; i < nnames && !e; i++) {
		e = claim(o, p, names[i], probe, err);
		char *d = dir_part(names[i]);
		char *m = join(d, OUTDIR_MANIFEST);
		if (!e)
			e = claim(o, p, m, probe, err);
		free(m);
		free(d);
	}
	if (!e)
		e = claim(o, p, OUTDIR_MANIFEST, probe, err);
	return e;
}

/* Decides what of the old folder is kept, from the drop marks. */
static void decide_keep(const struct outdir *o, struct plan *p)
{
	int keep_mine = (o->flags & OUTDIR_KEEP) != 0;
	for (size_t i = 0; i < p->n; i++) {
		struct old *x = &p->v[i];
		if (x->type != 'd')
			x->keep = !x->drop && (!x->owned || keep_mine);
	}
	/* Folders from the deepest: kept when something in them is, or when
	 * nothing edtco wrote was ever in them (a user's folder). */
	for (size_t i = p->n; i-- > 0;) {
		struct old *x = &p->v[i];
		if (x->type == 'd')
			x->keep = keeps_below(p, i, 0) ||
				  (!x->drop && !keeps_below(p, i, 1));
	}
}

/* The plan for writing names: what is replaced, what is kept.  An input
 * of the run that would be replaced or removed is reported first, then
 * anything in the way.  Returns 0 or an errno value (message in err). */
static int plan_make(struct outdir *o, struct plan *p,
		     const char *const *names, size_t nnames,
		     struct strbuf *err)
{
	claim_all(o, p, names, nnames, 1, err);
	decide_keep(o, p);
	for (size_t i = 0; i < p->n; i++) {
		const struct old *x = &p->v[i];
		if (x->keep || x->type != 'f')
			continue;
		for (size_t k = 0; k < o->ninputs; k++)
			if (o->inputs[k].dev == x->dev &&
			    o->inputs[k].ino == x->ino) {
				strbuf_printf(err,
					      "cannot write '%s/%s': it is "
					      "the input file '%s' of this "
					      "run; choose another output "
					      "folder",
					      o->final, x->path,
					      o->inputs[k].path);
				return EEXIST;
			}
	}
	for (size_t i = 0; i < p->n; i++)
		p->v[i].drop = 0;
	int e = claim_all(o, p, names, nnames, 0, err);
	if (!e)
		decide_keep(o, p);
	return e;
}

int outdir_check(struct outdir *o, const char *const *names,
		 struct strbuf *err)
{
	struct plan p;
	size_t n = 0;
	while (names && names[n])
		n++;
	int e = plan_scan(o, &p);
	if (e)
		strbuf_printf(err, "cannot read '%s': %s", o->final,
			      strerror(e));
	else
		e = plan_make(o, &p, names, n, err);
	plan_free(&p);
	return e;
}

/* ---- the commit --------------------------------------------------------- */

/* Brings the kept entries of the old folder into the new one. */
static int bring_kept(struct outdir *o, const struct plan *p, int oldfd,
		      int newfd, struct strbuf *err)
{
	for (size_t i = 0; i < p->n; i++) {
		const struct old *x = &p->v[i];
		if (!x->keep)
			continue;
		char *d = dir_part(x->path);
		const char *b = base_part(x->path);
		int from = open_dir_at(oldfd, d);
		int to = from >= 0 ? open_dir_at(newfd, d) : -1;
		int e = from < 0 || to < 0 ? errno : 0;
		if (!e && x->type == 'd') {
			struct stat st;
			if (mkdirat(to, b, 0700) != 0 &&
			    !(errno == EEXIST &&
			      fstatat(to, b, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			      S_ISDIR(st.st_mode)))
				e = errno;
		} else if (!e && linkat(from, b, to, b, 0) != 0) {
			e = errno;
		}
		if (from >= 0)
			close(from);
		if (to >= 0)
			close(to);
		free(d);
		if (e) {
			strbuf_printf(err, "cannot keep '%s/%s' in the new "
					   "folder: %s",
				      o->final, x->path, strerror(e));
			return e;
		}
	}
	/* The kept folders' permissions, once everything is in them (a
	 * read-only folder of the user's takes no links). */
	for (size_t i = p->n; i-- > 0;) {
		const struct old *x = &p->v[i];
		if (!x->keep || x->type != 'd')
			continue;
		char *d = dir_part(x->path);
		int to = open_dir_at(newfd, d);
		int e = to < 0 || fchmodat(to, base_part(x->path), x->mode, 0)
			? errno : 0;
		if (to >= 0)
			close(to);
		free(d);
		if (e) {
			strbuf_printf(err, "cannot keep '%s/%s' in the new "
					   "folder: %s",
				      o->final, x->path, strerror(e));
			return e;
		}
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_depth(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	/* Components: "" 0, "a" 1, "a/b" 2. */
	size_t dx = *x != '\0', dy = *y != '\0';
	for (; *x; x++)
		dx += *x == '/';
	for (; *y; y++)
		dy += *y == '/';
	if (dx != dy)
		return dx > dy ? -1 : 1;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes manifest.csv in folder dir ("" for the top) of the new folder:
 * the written files under it, with sizes and hashes from written, and the
 * kept files edtco wrote before. */
static int write_manifest(struct outdir *o, const struct plan *p,
			  struct manifest *written, const char *dir,
			  int newfd, struct strbuf *err)
{
	struct manifest m = {0};
	/* The paths under dir ("dir/..."): one block of each sorted list. */
	char *pre = join(dir, ""); /* "dir/", or "" for the top */
	size_t pn = strlen(pre);
	for (size_t i = lower_bound(written->v, written->n,
				    sizeof(*written->v), pre);
	     i < written->n && strncmp(written->v[i].file, pre, pn) == 0; i++)
		manifest_add(&m, written->v[i].file + pn, written->v[i].bytes,
			     written->v[i].sha);
	/* Kept files edtco wrote before (never one of the written: those
	 * replace them). */
	for (size_t i = lower_bound(p->v, p->n, sizeof(*p->v), pre);
	     i < p->n && strncmp(p->v[i].path, pre, pn) == 0; i++) {
		const struct old *x = &p->v[i];
		if (x->keep && x->m)
			manifest_add(&m, x->path + pn, x->m->bytes,
				     x->m->sha);
	}
	free(pre);
	if (m.n)
		qsort(m.v, m.n, sizeof(*m.v), cmp_mentry);
	struct csvout w = CSVOUT_INIT;
	static const char *const head[] = {"file", "bytes", "sha256", NULL};
	csvout_row(&w, head);
	for (size_t i = 0; i < m.n; i++) {
		csvout_text(&w, m.v[i].file);
		csvout_int(&w, (long long)m.v[i].bytes);
		csvout_text(&w, m.v[i].sha);
		csvout_end_row(&w);
	}
	char *name = join(dir, OUTDIR_MANIFEST);
	int e = outdir_write(o, name, w.text.s ? w.text.s : "", w.text.len,
			     err);
	csvout_free(&w);
	manifest_free(&m);
	if (!e) {
		off_t bytes;
		char hex[65];
		int dfd = open_dir_at(newfd, dir);
		e = dfd < 0 ? errno
			    : hash_at(dfd, OUTDIR_MANIFEST, 1, &bytes, hex);
		if (dfd >= 0)
			close(dfd);
		if (!e)
			manifest_insert(written, name, bytes, hex);
		else
			strbuf_printf(err, "cannot write '%s/%s': %s",
				      o->final, name, strerror(e));
	}
	free(name);
	return e;
}

/* The descriptor of the folder of a file under root, kept open while the
 * next files are in the same folder. */
struct dircache {
	char *dir;
	int fd;
};

static int dircache_fd(struct dircache *c, int root, const char *name)
{
	char *d = dir_part(name);
	if (c->dir && strcmp(c->dir, d) == 0) {
		free(d);
		return c->fd;
	}
	if (c->fd >= 0)
		close(c->fd);
	free(c->dir);
	c->dir = d;
	c->fd = open_dir_at(root, d);
	return c->fd;
}

static void dircache_free(struct dircache *c)
{
	if (c->fd >= 0)
		close(c->fd);
	free(c->dir);
	c->dir = NULL;
	c->fd = -1;
}

/* Hashes (and flushes) every written file, then writes the manifests,
 * deepest folder first so that each folder's lists the manifests below. */
static int write_manifests(struct outdir *o, const struct plan *p, int newfd,
			   struct strbuf *err)
{
	struct manifest written = {0};
	int e = 0;
	size_t nwritten = o->n;
	char **dirs = xcalloc(nwritten + 1, sizeof(char *));
	size_t nd = 0;
	dirs[nd++] = xstrdup("");
	struct dircache c = {NULL, -1};
	for (size_t i = 0; i < nwritten && !e; i++) {
		char *d = dir_part(o->names[i]);
		int dfd = dircache_fd(&c, newfd, o->names[i]);
		off_t bytes;
		char hex[65];
		e = dfd < 0 ? errno
			    : hash_at(dfd, base_part(o->names[i]), 1, &bytes,
				      hex);
		if (e)
			strbuf_printf(err, "cannot write '%s/%s': %s",
				      o->final, o->names[i], strerror(e));
		else if (strcmp(base_part(o->names[i]), OUTDIR_MANIFEST) != 0)
			manifest_add(&written, o->names[i], bytes, hex);
		dirs[nd++] = d;
	}
	if (written.n)
		qsort(written.v, written.n, sizeof(*written.v), cmp_mentry);
	/* Each folder once, the deepest first. */
	qsort(dirs, nd, sizeof(char *), cmp_str);
	size_t u = 0;
	for (size_t k = 0; k < nd; k++) {
		if (u && strcmp(dirs[u - 1], dirs[k]) == 0)
			free(dirs[k]);
		else
			dirs[u++] = dirs[k];
	}
	nd = u;
	qsort(dirs, nd, sizeof(char *), cmp_depth);
	for (size_t k = 0; k < nd && !e; k++)
		e = write_manifest(o, p, &written, dirs[k], newfd, err);
	/* Every file (the manifests too), then every folder, on disk before
	 * the swap. */
	dircache_free(&c);
	for (size_t i = 0; i < o->n && !e; i++) {
		int dfd = dircache_fd(&c, newfd, o->names[i]);
		e = dfd < 0 ? errno : sync_at(dfd, base_part(o->names[i]));
		if (e)
			strbuf_printf(err, "cannot write '%s/%s': %s",
				      o->final, o->names[i], strerror(e));
	}
	dircache_free(&c);
	for (size_t k = 0; k < nd && !e; k++) {
		int dfd = open_dir_at(newfd, dirs[k]);
		e = dfd < 0 || fsync(dfd) != 0 ? errno : 0;
		if (dfd >= 0)
			close(dfd);
		if (e)
			strbuf_printf(err, "cannot write '%s': %s", o->final,
				      strerror(e));
	}
	for (size_t k = 0; k < nd; k++)
		free(dirs[k]);
	free(dirs);
	manifest_free(&written);
	return e;
}

/* Puts the new folder in place of the old (see outdir.h). */
static int swap_in(struct outdir *o, int exists, struct strbuf *err)
{
	char *parent = dir_part(o->target);
	int pfd = open(*parent ? parent : "/",
		       O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int tfd = open(o->tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	free(parent);
	const char *base = base_part(o->target);
	int e = pfd < 0 || tfd < 0 ? errno : 0;
	if (!e && !exists) {
		if (renameat(tfd, "new", pfd, base) != 0)
			e = errno;
	} else if (!e &&
		   renameat2(tfd, "new", pfd, base, RENAME_EXCHANGE) != 0) {
		e = errno;
		if (e == EINVAL || e == ENOSYS || e == EOPNOTSUPP) {
			/* No exchange here: the old away, the new in. */
			e = 0;
			if (renameat(pfd, base, tfd, "old") != 0)
				e = errno;
			else if (renameat(tfd, "new", pfd, base) != 0) {
				e = errno;
				renameat(tfd, "old", pfd, base);
			}
		}
	}
	if (!e)
		fsync(pfd); /* best effort: the new folder is in place */
	if (pfd >= 0)
		close(pfd);
	if (tfd >= 0)
		close(tfd);
	if (e)
		strbuf_printf(err, "cannot put the new results in '%s': %s",
			      o->final, strerror(e));
	return e;
}

int outdir_commit(struct outdir *o, struct strbuf *err)
{
	struct plan p;
	int e = plan_scan(o, &p);
	if (e)
		strbuf_printf(err, "cannot read '%s': %s", o->final,
			      strerror(e));
	else
		e = plan_make(o, &p, (const char *const *)o->names, o->n, err);
	int newfd = -1, oldfd = -1;
	if (!e) {
		newfd = open(o->stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					       O_CLOEXEC);
		if (newfd < 0) {
			e = errno;
			strbuf_printf(err, "cannot write '%s': %s", o->final,
				      strerror(e));
		}
	}
	if (!e && p.exists) {
		oldfd = open(o->target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
						O_CLOEXEC);
		if (oldfd < 0) {
			e = errno;
			strbuf_printf(err, "cannot read '%s': %s", o->final,
				      strerror(e));
		} else {
			e = bring_kept(o, &p, oldfd, newfd, err);
		}
	}
	if (!e)
		e = write_manifests(o, &p, newfd, err);
	if (!e && p.exists && fchmod(newfd, p.mode) != 0) {
		e = errno;
		strbuf_printf(err, "cannot write '%s': %s", o->final,
			      strerror(e));
	}
	if (newfd >= 0)
		close(newfd);
	if (oldfd >= 0)
		close(oldfd);
	if (!e)
		e = swap_in(o, p.exists, err);
	plan_free(&p);
	outdir_abort(o); /* removes the old folder, now in the staging one */
	return e;
}

/* ---- checking a folder's files against its manifest --------------------- */

int outdir_verify(const char *dir, const char *const *names,
		  struct strbuf *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct manifest m;
	if (manifest_read(fd, &m) != 0) {
		close(fd);
		return -1;
	}
	int rc = -1;
	for (size_t i = 0; names && names[i] && rc < 0; i++) {
		const struct mentry *x = manifest_find(&m, names[i]);
		if (!x)
			continue;
		char *d = dir_part(names[i]);
		int dfd = open_dir_at(fd, d);
		free(d);
		off_t bytes = -1;
		char hex[65] = "";
		int e = dfd < 0 ? errno
				: hash_at(dfd, base_part(names[i]), 0, &bytes,
					  hex);
		if (dfd >= 0)
			close(dfd);
		if (e == ENOENT)
			continue; /* a missing file is the reader's to report */
		if (e || bytes != x->bytes || strcmp(hex, x->sha) != 0) {
			strbuf_puts(err, "the file was changed since edtco "
					 "wrote it (its size or SHA-256 differs "
					 "from manifest.csv's)");
			rc = (int)i;
		}
	}
	manifest_free(&m);
	close(fd);
	return rc;
}
