/* Reading whole input files, and fingerprinting them.
 *
 * Input files are small (scenarios, cost tables, sweeps), so they are read
 * whole: parsing can then keep byte offsets, and the SHA-256 recorded in the
 * provenance is that of exactly the bytes that were parsed. */
#ifndef EDTCO_IO_FILE_H
#define EDTCO_IO_FILE_H

#include <stddef.h>

/* Files larger than this (256 MiB) are refused as input; a file of
 * exactly this size is read. */
#define FILE_MAX_BYTES ((size_t)256 << 20)

/* file_read's error for a path that is not a regular file (a FIFO, a
 * device, a socket): such files could block forever or never end.
 * Negative, so that it is no errno value. */
#define FILE_ENOTREG (-1)

struct file_data {
	char *path;       /* as given; owned */
	char *bytes;      /* contents, NUL-terminated; owned */
	size_t len;       /* bytes, without the terminating NUL */
	char sha256[65];  /* lower-case hex digest of the contents */
};

/* Reads path whole.  Only a regular file is read: the file is opened
 * without blocking and checked with fstat before any byte is read, so a
 * FIFO cannot hang the reader and a device (/dev/zero) is not read at all.
 * Returns 0, or an error (an errno value; EISDIR for a folder; EFBIG when
 * the file is larger than FILE_MAX_BYTES, or grows past it while it is
 * read; FILE_ENOTREG) with *out left empty. */
int file_read(const char *path, struct file_data *out);

/* The text of file_read's error err, for messages: strerror(err), or
 * "not a regular file", or "larger than the 256 MiB limit". */
const char *file_strerror(int err);
void file_data_free(struct file_data *f);

/* Lower-case hex SHA-256 of len bytes. */
void file_sha256_hex(const void *bytes, size_t len, char hex[65]);

/* Joins a path found inside base_file to base_file's folder, unless it is
 * absolute: ("models/a.csv", "../data/b.csv") -> "models/../data/b.csv".
 * The caller frees the result. */
char *file_path_relative_to(const char *base_file, const char *path);

/* The file name without folders and without a final ".csv" extension:
 * "models/ny-district.csv" -> "ny-district".  The caller frees it. */
char *file_stem(const char *path);

/* A copy of a folder's path without trailing slashes ("out/x/" -> "out/x";
 * "/" stays "/").  The caller frees it. */
char *file_folder_name(const char *path);

#endif
