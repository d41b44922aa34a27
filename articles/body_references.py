"""The pieces an article places beside its text: embeds, our own video/audio, galleries.

In the body, each is a reference element the sanitizer allows (articles.sanitize), with a
plain link or caption inside for anything that reads the body as it is stored (search, the
editor, a feed reader):

    <figure class="embed" data-embed="12"><a href="https://youtu.be/…">Title</a></figure>
    <figure class="media" data-media="3"><figcaption>Title</figcaption></figure>
    <figure class="gallery" data-gallery="5"><figcaption>Title</figcaption></figure>

A writer makes them by pasting a provider's link alone on its line (or as its own link),
or by typing [media:3] / [gallery:5] (shown on each item's admin page) on a line of its
own. The article's lead (`lead_media`) holds the same reference as "embed:12", "media:3"
or "gallery:5"; a link pasted there becomes an embed too.

`place_references` does that when the form is cleaned (asking the provider once, at save
time; ValidationError with the reason when it does not answer, the text kept). On a page,
`load_pieces` reads the cards of every piece that a set of articles names, in ONE query
(a UNION of the three tables), and `with_pieces` draws the body with them.
"""

import re
from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Value
from django.db.models.fields import CharField
from django.db.models.functions import JSONObject
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from articles.body_images import uploaded_names
from newsroom.media import stories

KINDS = stories.KINDS
Ref = tuple[str, int]
FIGURE = re.compile(r"<figure\b([^>]*)>.*?</figure>", re.S)
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
IMG_SRC = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')
FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
# A paragraph holding one link alone: the address as text, or a link whose text is one.
LINK_PARAGRAPH = re.compile(
    r"<p>\s*(?:<a\b[^>]*\bhref=\"(?P<href>[^\"]+)\"[^>]*>\s*(?P<text>[^<]*?)\s*</a>"
    r"|(?P<bare>https?://[^\s<]+))\s*(?:<br>)?\s*</p>",
    re.S,
)
TOKEN_PARAGRAPH = re.compile(r"<p>\s*\[(?P<kind>media|gallery|embed):(?P<id>\d{1,12})\]\s*</p>")
LEAD_REFERENCE = re.compile(r"^(?P<kind>embed|media|gallery):(?P<id>\d{1,12})$")


def references(html: str) -> list[Ref]:
    """The pieces a stored body names, in order."""
    found = []
    for match in FIGURE.finditer(html or ""):
        ref = _figure_ref(match.group(1))
        if ref:
            found.append(ref)
    return found


def _figure_ref(raw_attributes: str) -> Ref | None:
    attributes = dict(ATTRIBUTE.findall(raw_attributes))
    for kind in KINDS:
        value = attributes.get(f"data-{kind}", "")
        if value.isdigit() and len(value) <= 12:
            return kind, int(value)
    return None


def lead_reference(value: str) -> Ref | None:
    match = LEAD_REFERENCE.match(value or "")
    return (match.group("kind"), int(match.group("id"))) if match else None


def reference_element(kind: str, pk: int, label: str, url: str = "") -> str:
    inside = (
        f'<a href="{escape(url)}">{escape(label)}</a>'
        if url
        else f"<figcaption>{escape(label)}</figcaption>"
    )
    return f'<figure class="{kind}" data-{kind}="{pk}">{inside}</figure>'


def _model(kind: str):
    from newsroom.media.models import Embed, Gallery, MediaItem

    return {"embed": Embed, "media": MediaItem, "gallery": Gallery}[kind]


def place_references(html: str) -> str:
    """The body with each provider's link alone on its line made an embed, and each
    [media:N] / [gallery:N] line made a reference (ValidationError lists what failed)."""
    from newsroom.media.embeds import embed_for

    errors = []

    def link(match: re.Match) -> str:
        url = unescape(match.group("href") or match.group("bare") or "")
        text = unescape(match.group("text") or "")
        if match.group("href") and text and text.strip() != url.strip():
            return match.group(0)  # a link with words of its own stays a link
        try:
            embed = embed_for(url)
        except ValidationError as error:
            errors.extend(error.messages)
            return match.group(0)
        if embed is None:
            return match.group(0)  # no provider claims it: a plain link
        return reference_element("embed", embed.pk, embed.title or url, embed.url)

    def token(match: re.Match) -> str:
        kind, pk = match.group("kind"), int(match.group("id"))
        row = _model(kind).objects.filter(pk=pk).first()
        if row is None:
            errors.append(_not_found(kind, pk))
            return match.group(0)
        return reference_element(kind, pk, str(row), getattr(row, "url", ""))

    html = LINK_PARAGRAPH.sub(link, html or "")
    html = TOKEN_PARAGRAPH.sub(token, html)
    if errors:
        raise ValidationError([ValidationError(message) for message in errors])
    return html


def _not_found(kind: str, pk: int) -> str:
    names = {"embed": _("embedded video"), "media": _("video or audio"), "gallery": _("gallery")}
    return _("There is no %(kind)s number %(id)s: check the number on its page.") % {
        "kind": names[kind],
        "id": pk,
    }


def clean_lead(value: str) -> str:
    """The lead field's text (a provider's link, or media:N / gallery:N / embed:N) as the
    reference it stores; ValidationError when it is neither, or does not exist."""
    from newsroom.media.embeds import embed_for

    value = (value or "").strip()
    if not value:
        return ""
    ref = lead_reference(value.strip("[]"))
    if ref:
        if not _model(ref[0]).objects.filter(pk=ref[1]).exists():
            raise ValidationError(_not_found(*ref))
        return f"{ref[0]}:{ref[1]}"
    embed = embed_for(value)
    if embed is None:
        raise ValidationError(
            _(
                "Paste a link to a video or post (YouTube, Facebook, TikTok, X, Vimeo), or "
                "media:N or gallery:N from the item's page."
            )
        )
    return f"embed:{embed.pk}"


def lead_display(value: str) -> str:
    """What the lead field shows: an embed's link rather than its number."""
    ref = lead_reference(value)
    if ref and ref[0] == "embed":
        url = _model("embed").objects.filter(pk=ref[1]).values_list("url", flat=True).first()
        return url or value
    return value


def load_pieces(articles, *, credits: bool = False) -> dict[Ref, dict]:
    """The cards of every piece these articles' bodies and leads name, in one query; each
    article gets `page_pieces` (an article naming none costs no query). With `credits`, the
    same query brings the credits of the editor's images in the bodies, as ("image", id):
    {"file", "credit"} (the article page shows them after their captions)."""
    from newsroom.media.models import EditorUpload

    wanted: dict[str, set[int]] = {kind: set() for kind in KINDS}
    images: set[str] = set()
    for article in articles:
        refs = references(article.body) if "data-" in (article.body or "") else []
        lead = lead_reference(getattr(article, "lead_media", ""))
        for kind, pk in [*refs, *([lead] if lead else [])]:
            wanted[kind].add(pk)
        if credits and "<figcaption>" in (article.body or ""):
            images |= uploaded_names(article.body)
    rows = {kind: _model(kind).objects.filter(pk__in=ids) for kind, ids in wanted.items() if ids}
    if images:
        credited = EditorUpload.objects.filter(file__in=images).exclude(credit="")
        rows["image"] = credited.annotate(card=JSONObject(file=F("file"), credit=F("credit")))
    queries = [
        queryset.order_by()
        .annotate(piece_kind=Value(kind, CharField()), piece_id=F("pk"), piece=F("card"))
        .values_list("piece_kind", "piece_id", "piece")
        for kind, queryset in rows.items()
    ]
    cards: dict[Ref, dict] = {}
    if queries:
        first, *others = queries
        for kind, pk, card in first.union(*others, all=True) if others else first:
            cards[(kind, pk)] = card
    for article in articles:
        article.page_pieces = cards
    return cards


def with_credits(html: str, cards: dict[Ref, dict]) -> str:
    """The body's captioned images followed by "Ảnh: …" when their upload has a credit."""
    credits = {
        card["file"]: card["credit"] for (kind, _pk), card in cards.items() if kind == "image"
    }
    if not credits:
        return html
    prefix = settings.MEDIA_URL

    def figure(match: re.Match) -> str:
        block = match.group(0)
        names = [src.removeprefix(prefix) for src in IMG_SRC.findall(block)]
        credit = next((credits[name] for name in names if name in credits), "")
        caption = FIGCAPTION.search(block)
        # A credit the writer typed into the caption ("Ảnh: Hải Đăng") wins.
        if not credit or caption is None or typed_credit(caption.group(1), credit):
            return block
        line = render_to_string("media/_credit.html", {"credit": credit})
        return block.replace("</figcaption>", f"{line}</figcaption>", 1)

    return FIGURE.sub(figure, html)


def typed_credit(caption: str, credit: str) -> bool:
    """Whether a caption already credits the photo ("Ảnh: …", or the credit's own words)."""
    text = unescape(caption).casefold()
    prefixes = {"ảnh:", (_("Photo: %(credit)s") % {"credit": ""}).strip().casefold()}
    return any(prefix in text for prefix in prefixes) or credit.casefold() in text


def with_pieces(html: str, cards: dict[Ref, dict]) -> str:
    """The body with each reference drawn from its card; a reference whose piece is gone
    keeps the link or caption it holds."""

    def figure(match: re.Match) -> str:
        ref = _figure_ref(match.group(1))
        if ref is None:
            return match.group(0)
        card = cards.get(ref)
        if not card:  # gone, or a row saved without its card (bulk_create)
            inner = match.group(0)[match.group(0).index(">") + 1 : -len("</figure>")]
            return f"<p>{inner}</p>" if inner.startswith("<a ") else ""
        return stories.render(ref[0], card)

    return FIGURE.sub(figure, html)


def lead_piece(article) -> SafeString:
    """The article's lead piece, drawn from its card (loaded by load_pieces)."""
    ref = lead_reference(getattr(article, "lead_media", ""))
    card = getattr(article, "page_pieces", {}).get(ref) if ref else None
    return stories.render(ref[0], card, lead=True) if card else mark_safe("")  # noqa: S308


def first_media(article) -> dict | None:
    """The card of the article's own video or audio: its lead, else the first in its body
    (the feed's enclosure)."""
    pieces = getattr(article, "page_pieces", {})
    lead = lead_reference(getattr(article, "lead_media", ""))
    for ref in [*([lead] if lead else []), *references(article.body)]:
        if ref[0] == "media" and ref in pieces:
            return pieces[ref]
    return None


def providers_on_page(article) -> set[str]:
    """The providers whose players this page may load (its CSP frame-src)."""
    return {
        card.get("key", "")
        for (kind, _pk), card in getattr(article, "page_pieces", {}).items()
        if kind == "embed"
    }
