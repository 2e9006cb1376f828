/* What cairo cannot write into a tagged PDF: the document language and
 * the text alternatives of figures.
 *
 * cairo 1.16 (Debian 12) writes the structure tree of cairo_tag_begin's
 * tags, but no /Lang in the catalog and no /Alt on a structure element,
 * and cairo_pdf_surface_set_metadata sets only the document information
 * (title, author, subject, keywords, creator, dates).  So after cairo has
 * written a file, pdfmeta_add appends an incremental update (ISO 32000-1
 * section 7.5.6): new versions of the catalog, with /Lang, and of each
 * Figure element, with /Alt, a cross-reference section for them and a
 * trailer pointing back to cairo's.  Cairo's bytes stay as they are; a
 * reader takes the newest version of each object.  No library is needed:
 * the objects are found through cairo's cross-reference table. */
#ifndef EDTCO_CHART_PDFMETA_H
#define EDTCO_CHART_PDFMETA_H

#include <stddef.h>

#include "util/strbuf.h"

/* Adds the language lang (a BCP 47 tag, e.g. "en-US") and, to the i-th
 * Figure structure element in object order (cairo numbers elements in the
 * order their tags open), the text alternative alts[i] (UTF-8) to the PDF
 * at path.  A file whose cross-reference section is not a classic table
 * (cross-reference streams, as newer cairo versions write) is left as it
 * is, and so is an element that already has the key.  Returns 0, or -1
 * with a message naming shown in err (unreadable file, a number of
 * figures other than nalt). */
int pdfmeta_add(const char *path, const char *lang, const char *const *alts,
		size_t nalt, const char *shown, struct strbuf *err);

/* Appends s (UTF-8) to out as a PDF text string: a literal string "(...)"
 * when it is printable ASCII, else UTF-16BE with a byte-order mark in hex
 * "<FEFF...>".  Invalid UTF-8 bytes become U+FFFD. */
void pdfmeta_text_string(struct strbuf *out, const char *s);

#endif
