/* Whole-file reading and SHA-256 fingerprints (see file.h). */
#include "io/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"

/* Reads the open regular file fd, of st_size bytes when it was checked,
 * into *buf (*len bytes, NUL-terminated).  A file that grows is read on,
 * but never past FILE_MAX_BYTES.  Returns 0 or an error. */
static int read_all(int fd, off_t st_size, char **buf, size_t *len)
{
	/* One byte more than the size, so that the end is seen at once. */
	size_t cap = (size_t)st_size + 2, n = 0;
	char *b = xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			cap = cap > FILE_MAX_BYTES / 2 ? FILE_MAX_BYTES + 2
						       : cap * 2;
			b = xreallocarray(b, cap, 1);
		}
		ssize_t got = read(fd, b + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno ? errno : EIO;
			free(b);
			return e;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > FILE_MAX_BYTES) {
			free(b);
			return EFBIG;
		}
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

int file_read(const char *path, struct file_data *out)
{
	memset(out, 0, sizeof(*out));
	/* O_NONBLOCK: opening a FIFO without a writer would wait forever. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno ? errno : EIO;
	struct stat st;
	int err = 0;
	if (fstat(fd, &st) != 0)
		err = errno ? errno : EIO;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (!S_ISREG(st.st_mode))
		err = FILE_ENOTREG;
	else if (st.st_size < 0 || (uintmax_t)st.st_size > FILE_MAX_BYTES)
		err = EFBIG;
	else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
		err = errno ? errno : EIO;
	char *buf = NULL;
	size_t len = 0;
	if (!err)
		err = read_all(fd, st.st_size, &buf, &len);
	close(fd);
	if (err)
		return err;
	out->path = xstrdup(path);
	out->bytes = buf;
	out->len = len;
	file_sha256_hex(buf, len, out->sha256);
	return 0;
}

const char *file_strerror(int err)
{
	if (err == FILE_ENOTREG)
		return "not a regular file";
	if (err == EFBIG)
		return "larger than the 256 MiB limit";
	return strerror(err);
}

void file_data_free(struct file_data *f)
{
	free(f->path);
	free(f->bytes);
	memset(f, 0, sizeof(*f));
}

void file_sha256_hex(const void *bytes, size_t len, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, bytes);
	sha256_digest(&ctx, sizeof(digest), digest);
	static const char xd[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = xd[digest[i] >> 4];
		hex[2 * i + 1] = xd[digest[i] & 15];
	}
	hex[64] = '\0';
}

char *file_path_relative_to(const char *base_file, const char *path)
{
	const char *slash = strrchr(base_file, '/');
	if (path[0] == '/' || !slash)
		return xstrdup(path);
	size_t dir = (size_t)(slash - base_file) + 1;
	size_t n = strlen(path);
	char *out = xmalloc(dir + n + 1);
	memcpy(out, base_file, dir);
	memcpy(out + dir, path, n + 1);
	return out;
}

char *file_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".csv") == 0)
		n -= 4;
	return xstrndup(base, n);
}

char *file_folder_name(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	return xstrndup(path, n);
}
