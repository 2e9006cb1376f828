/* libFuzzer harnesses of the readers (README.md, "Fuzzing"; run.sh).
 *
 * Each fuzz_*.c defines the libFuzzer entry point below.  Built with
 * clang -fsanitize=fuzzer (make fuzz) it is a fuzzer; linked with
 * replay.c and the normal build (make check) it replays the files of its
 * regression corpus, tests/fuzz/regress/<harness>/. */
#ifndef EDTCO_TESTS_FUZZ_H
#define EDTCO_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One-time set-up of each harness: libFuzzer calls LLVMFuzzerInitialize
 * (fuzz_util.c), which calls it; so does replay.c. */
void fuzz_init(void);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A fresh folder for the harness's files, made once per process. */
const char *fuzz_dir(void);

/* Writes size bytes to dir/name (replacing it); aborts on failure. */
void fuzz_write(const char *dir, const char *name, const void *data,
		size_t size);

/* mkdir -p path (0 or -1); rm -rf path. */
int mkdir_p(const char *path);
void fuzz_rmtree(const char *path);

/* fuzz_quiet(1) sends stdout and stderr to /dev/null (unless
 * EDTCO_FUZZ_VERBOSE is set); fuzz_quiet(0) restores them. */
void fuzz_quiet(int on);

/* Formats every diagnostic as edtco prints it (and drops the text). */
struct diags;
void fuzz_format_diags(struct diags *d);

#endif
