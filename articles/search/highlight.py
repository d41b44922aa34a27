"""The words of a result that match the query, marked: `<mark>` around each, nothing else.

The text is cut into words and what lies between, each piece escaped on its own, so no
markup can come from the text; a word is marked when its folded form is one of the
query's folded words: "Tháp Chàm" marks "tháp" and "Tháp", and "chạm" too, where that is
what matched.
"""

import unicodedata

from articles.search.words import folded_form, spans, written_form
from newsroom.markup import escape


def highlight(text: str | None, query) -> str:
    """`text` as HTML, escaped, with the words matching `query` in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    wanted = set(query.folded) if query else set()
    pieces, done = [], 0
    for start, end in spans(text) if wanted else ():
        if folded_form(written_form(text[start:end])) in wanted:
            pieces.append(escape(text[done:start]))
            pieces.append(f"<mark>{escape(text[start:end])}</mark>")
            done = end
    pieces.append(escape(text[done:]))
    return "".join(pieces)
