"""The words of a text as search compares them: as written, and folded.

A word is a run of letters and ASCII digits (so that PostgreSQL's parser reads each stored
word as one word too), lower-cased and composed, with one tone placement for the open
syllables written both ways ("hòa" and "hoà", "thủy" and "thuỷ", "khỏe" and "khoẻ": one
word). Its folded form has no diacritics ("tháp" -> "thap", "Đảng" -> "dang").

The stored columns (`Article.search_text`, `search_exact`) hold the folded and the written
words of the title, the lead and the body, one line each, every word between single spaces.
"""

import html
import re
import unicodedata
from functools import lru_cache

from newsroom.text import fold

# Longer runs (pasted codes, base64) are no words anyone searches for.
MAX_WORD_CHARS = 64
_RUN = re.compile(r"[^\W_]+")
_DIGITS = frozenset("0123456789")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
# Inline markup inside a word ("Th<b>á</b>p") joins; every other tag separates words.
_INLINE_TAG = re.compile(r"</?(?:a|b|strong|i|em|u|s|sub|sup|span)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def spans(text: str):
    """(start, end) of each word in `text` (composed Unicode), in order."""
    for run in _RUN.finditer(text):
        word = run.group()
        if word.isascii() or word.isalpha():
            yield run.span()
            continue
        # Rare: letters with other digits or numerals ("x²"), which PostgreSQL reads apart.
        start = None
        for i, char in enumerate(word, run.start()):
            inside = char.isalpha() or char in _DIGITS
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                yield start, i
                start = None
        if start is not None:
            yield start, run.end()


def words(text: str | None) -> list[str]:
    """The written forms of the words of `text`, in order."""
    text = unicodedata.normalize("NFC", text or "")
    found = (written_form(text[start:end]) for start, end in spans(text))
    return [word for word in found if len(word) <= MAX_WORD_CHARS]


@lru_cache(maxsize=65536)
def written_form(word: str) -> str:
    """A word as written, in the form compared: lower-case, composed, one tone placement."""
    word = unicodedata.normalize("NFC", word.casefold())
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    tones = [char for char in decomposed if char in _TONES]
    if len(tones) != 1:
        return word
    bare = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    # "hòa"/"hoà": the tone on the last vowel ("quý" has one placement only).
    if bare.endswith(("oa", "oe", "uy")) and not bare.endswith("quy"):
        return unicodedata.normalize("NFC", bare + tones[0])
    return word


@lru_cache(maxsize=65536)
def folded_form(word: str) -> str:
    """A written form without diacritics, still one word: "tháp" -> "thap", "đảng" -> "dang"."""
    if word.isascii():
        return word
    folded = fold(word)
    if not ((folded.isascii() and folded.isalnum()) or folded.isalpha()):
        folded = "".join(char for char in folded if char.isalpha() or char in _DIGITS)
    return folded or word


def body_text(body_html: str | None) -> str:
    """The words a reader sees in a (sanitized) body: no markup, entities decoded."""
    return html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", body_html or "")))


def line(forms) -> str:
    """One stored line: ' w1 w2 w3 ', so that ' w ' finds a whole word with LIKE."""
    return " " + " ".join(forms) + " "
