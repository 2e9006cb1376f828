/* The number grammar: any text parses to a finite number (a whole one for
 * NUM_INTEGER) or is refused with a reason; the same text parses the same
 * way twice. */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/number.h"
#include "util/mem.h"

void fuzz_init(void)
{
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	static const enum num_kind kinds[] = {NUM_PLAIN, NUM_MONEY, NUM_RATE,
					      NUM_ANY, NUM_INTEGER};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		double v = 0, w = 0;
		const char *why = NULL, *why2 = NULL;
		int rc = number_parse(text, kinds[k], &v, &why);
		int rc2 = number_parse(text, kinds[k], &w, &why2);
		if (rc != rc2)
			abort();
		if (rc == 0) {
			if (!isfinite(v) || memcmp(&v, &w, sizeof(v)) != 0)
				abort();
			if (kinds[k] == NUM_INTEGER && v != floor(v))
				abort();
		} else if (!why || !*why) {
			abort();
		}
	}
	uint64_t u;
	const char *why = NULL;
	if (number_parse_u64(text, &u, &why) != 0 && (!why || !*why))
		abort();
	(void)number_is_blank(text);
	free(text);
	return 0;
}
