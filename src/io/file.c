/* Whole-file reading and SHA-256 fingerprints (see file.h). */
#include "io/file.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/mem.h"

int file_read(const char *path, struct file_data *out)
{
	memset(out, 0, sizeof(*out));
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return errno ? errno : EIO;
	struct stat st;
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		return EISDIR;
	}
	size_t cap = 65536, len = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap) {
			if (cap > FILE_MAX_BYTES) {
				free(buf);
				fclose(fp);
				return EFBIG;
			}
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
		size_t got = fread(buf + len, 1, cap - len - 1, fp);
		len += got;
		if (got == 0)
			break;
	}
	int err = ferror(fp) ? (errno ? errno : EIO) : 0;
	fclose(fp);
	if (err) {
		free(buf);
		return err;
	}
	buf[len] = '\0';
	out->path = xstrdup(path);
	out->bytes = buf;
	out->len = len;
	file_sha256_hex(buf, len, out->sha256);
	return 0;
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
