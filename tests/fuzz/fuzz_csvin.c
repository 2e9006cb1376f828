/* The CSV layer: any bytes parse into rows or report errors at a place
 * inside the input; every cell is NUL-terminated and on a line that
 * exists. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "io/csvin.h"
#include "io/file.h"
#include "util/mem.h"

void fuzz_init(void)
{
}

static unsigned count_lines(const uint8_t *data, size_t size)
{
	unsigned n = 1;
	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n' || (data[i] == '\r' &&
					 (i + 1 == size || data[i + 1] != '\n'));
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct file_data f = {0};
	f.path = xstrdup("fuzz.csv");
	f.bytes = xmalloc(size + 1);
	memcpy(f.bytes, data, size);
	f.bytes[size] = '\0';
	f.len = size;
	file_sha256_hex(f.bytes, f.len, f.sha256);
	struct csvin_table t;
	struct diags d = DIAGS_INIT;
	csvin_parse(&f, &t, &d);
	csvin_check_widths(&t, &d);
	unsigned lines = count_lines(data, size);
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].line > lines + 1)
			abort();
	(void)csvin_column(&t, "option");
	for (size_t r = 0; r < t.nrows; r++) {
		const struct csvin_row *row = &t.rows[r];
		if (row->line < 1 || row->line > lines)
			abort();
		for (size_t c = 0; c <= row->n; c++) {
			const char *s = csvin_text(row, (int)c);
			(void)strlen(s);
			struct loc at = csvin_loc(&t, row, (int)c);
			if (at.line < row->line || at.line > lines)
				abort();
		}
	}
	csvin_free(&t);
	diags_free(&d);
	return 0;
}
