"""HTML built in Python on hot paths: a listing page writes hundreds of escaped values.

`escape` is Django's `conditional_escape` without its lazy-string wrapper, which costs more
than the escaping itself; the result is the same text.
"""

import html


def escape(value) -> str:
    if hasattr(value, "__html__"):  # already safe (SafeString, a rendered fragment)
        return value.__html__()
    return html.escape(str(value))
