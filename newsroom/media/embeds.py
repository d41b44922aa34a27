"""A pasted link to a video or post becomes an Embed: asked about once, at save time.

`embed_for(url)` gives the Embed of a provider's link (newsroom.media.oembed lists them):
the one already recorded, or a new one made from the provider's oEmbed answer: its title,
author and provider, and its thumbnail, downloaded once (within MAX_IMAGE_BYTES, stopped
while it streams in) and put through the image pipeline like an upload, with renditions.
The provider's HTML is dropped. A link no provider claims gives None: it stays a link.

When the provider does not answer, or answers with an error, the writer is told why in a
ValidationError (their text is kept by the form), never a 500. A thumbnail that cannot be
had (missing, too large, not an image) leaves a card without one: the link still works.
"""

import logging
import re
from html import unescape

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from micawber.exceptions import ProviderException, ProviderHTTPException, ProviderTimeoutException

from newsroom.media import oembed
from newsroom.media.fields import clean_upload
from newsroom.media.images import max_image_bytes
from newsroom.media.models import Embed

logger = logging.getLogger(__name__)
# What the provider says a video is called: one line of text, whatever markup it sent.
_SPACES = re.compile(r"\s+")
GONE = {401, 403, 404, 410}


def plain(value, limit: int) -> str:
    """Text from a provider's field: tags and entities gone, one line, at most `limit`."""
    if not isinstance(value, str | int | float):
        return ""
    text = unescape(strip_tags(unescape(str(value))))
    text = "".join(c for c in text if c.isprintable() or c.isspace())
    return _SPACES.sub(" ", text).strip()[:limit]


def web_address(value) -> str:
    return value if isinstance(value, str) and re.match(r"https?://[^\s<>\"]+$", value) else ""


def embed_for(url: str) -> Embed | None:
    """The Embed of a provider's link (asking the provider the first time), or None."""
    url = url.strip()
    found = oembed.provider_for(url)
    if found is None:
        return None
    spec, match = found
    existing = Embed.objects.filter(url=url).first()
    if existing is not None:
        return existing
    answer = _ask(spec, url)
    embed = Embed(
        url=url,
        provider=spec.key,
        title=plain(answer.get("title"), 300) or url,
        author_name=plain(answer.get("author_name"), 200),
        author_url=web_address(answer.get("author_url"))[:2000],
        player_url=spec.player_url(match),
    )
    thumbnail = _thumbnail(web_address(answer.get("thumbnail_url")))
    if thumbnail is not None:
        embed.thumbnail = thumbnail
    try:
        with transaction.atomic():
            embed.save()
    except IntegrityError:  # the same link saved at the same moment by somebody else
        return Embed.objects.get(url=url)
    return embed


def _ask(spec: oembed.ProviderSpec, url: str) -> dict:
    params = {"provider": spec.name, "url": url}
    try:
        return oembed.ask(url)
    except ProviderTimeoutException:
        message = _(
            "%(provider)s did not answer within %(seconds)s seconds about %(url)s, so it could "
            "not be made into a video card. Nothing was saved and your text is kept: save again "
            "in a moment, or remove the link."
        )
        params["seconds"] = f"{oembed.timeout():g}"
        code = "embed_timeout"
    except ProviderHTTPException as error:
        if error.status in GONE:
            message = _(
                "%(provider)s says %(url)s does not exist or may not be shown on other sites "
                "(removed, private, or embedding turned off). Nothing was saved and your text "
                "is kept: check the link."
            )
        else:
            message = _(
                "%(provider)s answered with an error about %(url)s. Nothing was saved and your "
                "text is kept: save again in a moment, or remove the link."
            )
        code = "embed_refused"
    except ProviderException:
        message = _(
            "%(provider)s gave an answer about %(url)s that could not be read. Nothing was "
            "saved and your text is kept: save again in a moment, or remove the link."
        )
        code = "embed_unreadable"
    raise ValidationError(message, code=code, params=params)


def _thumbnail(url: str):
    """The provider's thumbnail, downloaded once and cleaned like an upload (or None)."""
    if not url:
        return None
    try:
        data = oembed.fetch(url, max_bytes=max_image_bytes())
        return clean_upload(ContentFile(data, name="thumbnail.jpg"))
    except (ProviderException, ValidationError) as error:
        logger.info("Embed thumbnail %s not kept: %s", url, error)
        return None
