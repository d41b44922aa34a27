"""One allowlist for rich text: what the CKEditor toolbar produces, nothing else."""

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
    "img": {"src", "alt", "width", "height", "title"},
    "table": {"border", "cellpadding", "cellspacing", "summary"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type"},
}
# Never also list "class" in ALLOWED_ATTRIBUTES for these tags: nh3 panics.
ALLOWED_CLASSES = {
    "figure": {"image", "image-left", "image-right", "image-center"},
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
