"""One allowlist for rich text: what the CKEditor toolbar produces, nothing else.

The server applies it on every save (`sanitize_html`); the editor applies the same lists
while people type and paste (`editor_allowed_content`, CKEditor 4's allowed content,
generated here for newsroom/settings.py), so nothing is shown in the editor that the
server would then remove.
"""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "s",
    "u",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "figure",
    "figcaption",
    "img",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "target"},
    # References to an embed, a video/audio item or a gallery (articles.body_references):
    # the page draws each from its stored card; never a provider's HTML or an iframe.
    "figure": {"data-embed", "data-media", "data-gallery"},
    "img": {"src", "alt", "width", "height", "title"},
    "table": {"border", "cellpadding", "cellspacing", "summary"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type"},
}
# Never also list "class" in ALLOWED_ATTRIBUTES for these tags: nh3 panics.
ALLOWED_CLASSES = {
    "figure": {"image", "image-left", "image-right", "image-center", "embed", "media", "gallery"},
    "img": {"image-left", "image-right"},
    "p": {"image-center"},
    "div": {"image-center"},
}


def sanitize_html(html: str | None) -> str:
    """Strip everything a reader's browser could run or be tricked by."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


# The editor drops an element missing these; the server needs no such rule (nh3 keeps
# the element, and a link or image without its address shows nothing).
EDITOR_REQUIRED_ATTRIBUTES = {"a": {"href"}, "img": {"src"}}


def editor_allowed_content() -> str:
    """The lists above as CKEditor 4 allowed-content rules: "p h2 …; a[!href,title](…)"."""
    detailed = ALLOWED_ATTRIBUTES.keys() | ALLOWED_CLASSES.keys()
    rules = [" ".join(sorted(ALLOWED_TAGS - detailed))]
    for tag in sorted(detailed):
        required = EDITOR_REQUIRED_ATTRIBUTES.get(tag, set())
        attributes = sorted(ALLOWED_ATTRIBUTES.get(tag, ()), key=lambda a: (a not in required, a))
        rule = tag
        if attributes:
            rule += "[" + ",".join(f"!{a}" if a in required else a for a in attributes) + "]"
        if classes := ALLOWED_CLASSES.get(tag):
            rule += "(" + ",".join(sorted(classes)) + ")"
        rules.append(rule)
    return "; ".join(rules)
