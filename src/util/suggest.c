/* The nearest known name to a misspelt one (see suggest.h). */
#include "util/suggest.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

static unsigned char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a')
				    : (unsigned char)c;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

size_t suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return SIZE_MAX;
	/* Three rows of the table: i-2, i-1 and i. */
	size_t rows[3][SUGGEST_MAX_LEN + 1];
	size_t *pp = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = fold(a[i - 1]) != fold(b[j - 1]);
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
				      prev[j - 1] + cost);
			int swap = i > 1 && j > 1 &&
				   fold(a[i - 1]) == fold(b[j - 2]) &&
				   fold(a[i - 2]) == fold(b[j - 1]);
			if (swap && pp[j - 2] + 1 < cur[j])
				cur[j] = pp[j - 2] + 1;
		}
		size_t *t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

size_t suggest_threshold(size_t len_a, size_t len_b)
{
	size_t longer = len_a > len_b ? len_a : len_b;
	return (longer + 2) / 4;
}

const char *suggest_nearest(const char *word, const char *const *cands,
			    size_t n)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	int tie = 0;
	size_t lw = strlen(word);
	for (size_t i = 0; i < n; i++) {
		const char *c = cands[i];
		if (!c || strcmp(c, word) == 0)
			continue;
		size_t d = suggest_distance(word, c);
		if (d == SIZE_MAX || d > suggest_threshold(lw, strlen(c)))
			continue;
		if (d < best_d) {
			best = c;
			best_d = d;
			tie = 0;
		} else if (d == best_d && strcmp(c, best) != 0) {
			tie = 1;
		}
	}
	return tie ? NULL : best;
}
