"""How search orders what it finds: the rule, once, as SQLite and PostgreSQL apply it.

For each article that has every word of the query (folded), the key, highest first:

1. how many of the query's words it has as typed, with the diacritics typed: "Đảng bộ"
   puts "đảng" and "bộ" above "đang", "dáng", "bố", "bỏ". A query typed without any
   diacritics means any diacritics, so every match has all its words as typed;
2. how the words as typed stand (the levels below): "Tháp Chàm" together above "tháp" and
   "chàm" apart, and above them "tháp" … "chạm";
3. how the folded words stand, the same way: it orders what 1 and 2 leave equal, such as
   "Đang bố" (together) above "dáng … bỏ" for "Đảng bộ";
4. newer first (then the later id), as every listing.

The levels: 9, 8, 7 the words as a phrase (next to each other, in the query's order) in
the title, the lead, the body; 6, 5, 4 near one another there (each word within NEAR words
of the next, in either order); 3, 2 all of them in the title, the lead; 1 all of them
somewhere; 0 not all of them.

The key is one number, `score()`: present × 100 + typed level × 10 + folded level. PostgreSQL works
it out with tsquery tests on the stored vectors; SQLite with `rank()` below, on the stored
lines, which counts positions as PostgreSQL's vectors keep them (a word's first 255
positions in a field, 256 in all, none past 16383), so both give the same number.
"""

import json
from functools import lru_cache

NEAR = 3
WEIGHTS = "ABC"  # PostgreSQL's weights for title, lead and body
ANYWHERE = None
# (level, test, field): tried in this order, the first that holds gives the level.
LEVELS = [
    *((9 - field, "phrase", field) for field in range(3)),
    *((6 - field, "near", field) for field in range(3)),
    (3, "all", 0),
    (2, "all", 1),
    (1, "all", ANYWHERE),
]
# With one word, a phrase, "near" and "all" in a field are the same test.
ONE_WORD_LEVELS = [level for level in LEVELS if level[1] == "phrase" or level[2] is ANYWHERE]
MAX_POSITION = 16383  # PostgreSQL's last position
FIELD_POSITIONS = 255  # positions kept for a word in one field's vector
ALL_POSITIONS = 256  # in the whole vector


def levels(words) -> list[tuple[int, str, int | None]]:
    return LEVELS if len(words) > 1 else ONE_WORD_LEVELS


PRESENT, TYPED = 100, 10  # the key's weights: levels are 0 to 9


def score(present: int, typed_level: int, folded_level: int) -> int:
    return present * PRESENT + typed_level * TYPED + folded_level


# SQLite: the rule in Python.


def positions(lines: str | None) -> dict[str, list[tuple[int, int]]]:
    """Each word of stored lines with its (position, field)s, as PostgreSQL's vector has them:
    setweight(to_tsvector(title), 'A') || … 'B' || … 'C'."""
    vector: dict[str, list[tuple[int, int]]] = {}
    last = 0  # the highest position kept so far: the next field's positions follow it
    for field, line in enumerate((lines or "").split("\n")[:3]):
        own: dict[str, list[int]] = {}
        for index, word in enumerate(line.split(), 1):
            kept = own.setdefault(word, [])
            position = min(index, MAX_POSITION)
            if len(kept) < FIELD_POSITIONS and (not kept or kept[-1] != position):
                kept.append(position)
        offset, highest = last, last
        for word, kept in own.items():
            merged = vector.setdefault(word, [])
            for position in kept:
                position = min(position + offset, MAX_POSITION)
                if len(merged) >= ALL_POSITIONS or (merged and merged[-1][0] == position):
                    break
                merged.append((position, field))
                highest = max(highest, position)
        last = highest
    return vector


def _at(vector, word: str, field) -> set[int]:
    return {p for p, f in vector.get(word, ()) if field is ANYWHERE or f == field}


def holds(vector, test: str, words, field) -> bool:
    """Whether the test (phrase, near, all) holds for `words` in `field` of `vector`."""
    if test == "all":
        return all(_at(vector, word, field) for word in words)
    if test == "phrase":
        later = [_at(vector, word, field) for word in words[1:]]
        return any(
            all(start + i in found for i, found in enumerate(later, 1))
            for start in _at(vector, words[0], field)
        )
    for first, second in zip(words, words[1:], strict=False):
        seconds = _at(vector, second, field)
        if not any(
            p + d in seconds or p - d in seconds
            for p in _at(vector, first, field)
            for d in range(1, NEAR + 1)
        ):
            return False
    return True


def level(vector, words) -> int:
    for value, test, field in levels(words):
        if holds(vector, test, words, field):
            return value
    return 0


def rank(folded_lines: str | None, exact_lines: str | None, plan: str) -> int:
    """The key of one article (its stored lines) for a query (`plan_for(query)`)."""
    typed, folded, accented = _plan(plan)
    folded_vector = positions(folded_lines)
    typed_vector = positions(exact_lines) if accented else folded_vector
    present = sum(1 for word in typed if word in typed_vector)
    typed_level = level(typed_vector, typed)
    folded_level = level(folded_vector, folded) if accented else typed_level
    return score(present, typed_level, folded_level)


def plan_for(query) -> str:
    """What rank() needs of a query, as one SQL parameter."""
    return json.dumps([list(query.typed), list(query.folded), query.accented])


@lru_cache(maxsize=64)
def _plan(plan: str):
    typed, folded, accented = json.loads(plan)
    return tuple(typed), tuple(folded), accented


# PostgreSQL: the same tests as tsquery texts, for to_tsquery('simple', …).


def tsquery(test: str, words, field) -> str:
    weight = "" if field is ANYWHERE else f":{WEIGHTS[field]}"
    terms = [f"{word}{weight}" for word in words]
    if test == "all":
        return " & ".join(terms)
    if test == "phrase":
        return " <-> ".join(terms)
    pairs = []
    for first, second in zip(terms, terms[1:], strict=False):
        near = [
            f"{a} <{d}> {b}"
            for d in range(1, NEAR + 1)
            for a, b in ((first, second), (second, first))
        ]
        pairs.append("(" + " | ".join(near) + ")")
    return " & ".join(pairs)


def key_sql(query, folded_vector: str, exact_vector: str) -> tuple[str, list[str]]:
    """score() as SQL over the vector columns, with its parameters (the tsquery texts)."""
    folded_level, params = level_sql(folded_vector, query.folded)
    if not query.accented:
        # Every match has all its words as typed, and the typed level is the folded one.
        return f"({len(query.folded) * PRESENT} + {TYPED + 1} * ({folded_level}))", params
    exact = f"({exact_vector} @@ to_tsquery('simple', %s))::int"
    present = " + ".join(exact for _ in query.written)
    typed_level, typed_params = level_sql(exact_vector, query.written)
    key = f"(({present}) * {PRESENT} + ({typed_level}) * {TYPED} + ({folded_level}))"
    return key, [*query.written, *typed_params, *params]


def level_sql(vector: str, words) -> tuple[str, list[str]]:
    """CASE … END giving the level of `words` in the vector column `vector`."""
    whens, params = [], []
    for value, test, field in levels(words):
        whens.append(f"WHEN {vector} @@ to_tsquery('simple', %s) THEN {value}")
        params.append(tsquery(test, words, field))
    return f"CASE {' '.join(whens)} ELSE 0 END", params
