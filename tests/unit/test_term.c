/* Text made safe for a terminal: every control character and every byte
 * that is not UTF-8 becomes a visible escape; other text is unchanged. */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

#include "util/term.h"

static void check(const char *in, size_t n, const char *want)
{
	struct strbuf b = STRBUF_INIT;
	term_visible(&b, in, n);
	assert_string_equal(strbuf_str(&b), want);
	strbuf_free(&b);
}

#define CHECK(in, want) check(in, sizeof(in) - 1, want)

static void test_term_plain_text_and_newlines_unchanged(void **state)
{
	(void)state;
	CHECK("", "");
	CHECK("Cloud portal, 3% a year\nnext line\n",
	      "Cloud portal, 3% a year\nnext line\n");
	/* non-ASCII characters that are not controls, 2 to 4 bytes */
	CHECK("\xc2\xa0\xc2\xb1 \xe2\x88\x92$5 caf\xc3\xa9 \xf0\x9f\x98\x80",
	      "\xc2\xa0\xc2\xb1 \xe2\x88\x92$5 caf\xc3\xa9 \xf0\x9f\x98\x80");
	/* a backslash stays a backslash */
	CHECK("a\\x1b", "a\\x1b");
}

static void test_term_c0_del_and_c1_escaped(void **state)
{
	(void)state;
	CHECK("\x1b[2J\x1b]0;t\x07", "\\x1b[2J\\x1b]0;t\\x07");
	CHECK("a\tb\rc\bd\x7f", "a\\x09b\\x0dc\\x08d\\x7f");
	check("a\0b", 3, "a\\x00b");
	/* U+0080, U+0085 (NEL), U+009B (CSI), U+009F; U+00A0 is not C1 */
	CHECK("\xc2\x80\xc2\x85\xc2\x9b\xc2\x9f\xc2\xa0",
	      "\\u0080\\u0085\\u009b\\u009f\xc2\xa0");
}

static void test_term_invalid_utf8_escaped_bytewise(void **state)
{
	(void)state;
	/* a lone C1 byte, a lead byte without its continuation, a stray
	 * continuation, overlong forms, a surrogate, past U+10FFFF, a cut
	 * sequence at the end */
	CHECK("\x9b" "1m", "\\x9b1m");
	CHECK("\xc3(", "\\xc3(");
	CHECK("\x80", "\\x80");
	CHECK("\xc0\xaf\xe0\x80\xaf", "\\xc0\\xaf\\xe0\\x80\\xaf");
	CHECK("\xed\xa0\x80", "\\xed\\xa0\\x80");
	CHECK("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80");
	CHECK("ok\xe2\x88", "ok\\xe2\\x88");
}

/* A name placed on one line keeps no newline of its own. */
static void test_term_one_line(void **state)
{
	(void)state;
	const char *in[] = {"", "plain", "a\nb", "\n\nx\n"};
	const char *want[] = {"", "plain", "a\\x0ab", "\\x0a\\x0ax\\x0a"};
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		char *s = term_one_line(in[i]);
		assert_string_equal(s, want[i]);
		free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_term_plain_text_and_newlines_unchanged),
		cmocka_unit_test(test_term_c0_del_and_c1_escaped),
		cmocka_unit_test(test_term_invalid_utf8_escaped_bytewise),
		cmocka_unit_test(test_term_one_line),
	};
	return cmocka_run_group_tests_name("term", tests, NULL, NULL);
}
