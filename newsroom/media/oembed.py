"""Asking a video or social provider about a pasted link (oEmbed), at save time only.

The providers a writer may paste (YouTube, Facebook videos and posts, TikTok, X, Vimeo) are
listed here once: the links each accepts, its oEmbed endpoint (OEMBED_ENDPOINTS overrides
one, so tests point a provider at 127.0.0.1), the player a reader's click loads, and that
player's origin, the one the page's CSP frame-src names.

micawber (a kept-up oEmbed consumer) matches a link to its provider and makes the request:
it builds the endpoint's query, checks the answer is a JSON object and raises typed errors
(timeout, HTTP status). Its own fetch waits OEMBED_TIMEOUT for each read, so a provider
trickling one byte at a time could hold a save for ever, and reads up to 20 MB: `fetch`
below replaces it with one deadline for the whole answer and a small size cap, and the same
fetch downloads thumbnails (then checked like any upload, newsroom.media.images).

The provider's HTML is never kept: the player is built from the video's id by our own
pattern (YouTube through youtube-nocookie.com), so nothing the provider says is run.
"""

import re
import time
import urllib.request
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlsplit

from django.conf import settings
from micawber.exceptions import (
    InvalidResponseException,
    ProviderException,
    ProviderHTTPException,
    ProviderTimeoutException,
)
from micawber.providers import Provider, ProviderRegistry

DEFAULT_TIMEOUT = 5.0
MAX_ANSWER_BYTES = 256 * 1024
USER_AGENT = "newsroom-oembed/1.0"
GRAPH = "https://graph.facebook.com/v22.0"


@dataclass(frozen=True)
class ProviderSpec:
    key: str
    name: str
    pattern: re.Pattern  # what a pasted link looks like; the group "id" names the item
    endpoint: str  # its oEmbed endpoint (OEMBED_ENDPOINTS[key] replaces it)
    player: str  # the player's address after a click: {id}, or {url} (the link, quoted)
    shape: str = "video"  # the card's and player's frame: "video" 16:9, "portrait", "post"

    @property
    def frame_origin(self) -> str:
        parts = urlsplit(self.player)
        return f"{parts.scheme}://{parts.netloc}"

    def player_url(self, match: re.Match) -> str:
        return self.player.format(id=match.group("id"), url=quote(match.group(0), safe=""))


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern + r"(?:[?#&/][^\s<>\"]*)?$", re.I)


PROVIDERS = [
    ProviderSpec(
        "youtube",
        "YouTube",
        _re(
            r"https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^\s#]*&)?v=|shorts/|live/"
            r"|embed/)|youtu\.be/)(?P<id>[\w-]{11})"
        ),
        "https://www.youtube.com/oembed",
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
    ),
    ProviderSpec(
        "vimeo",
        "Vimeo",
        _re(r"https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d+)"),
        "https://vimeo.com/api/oembed.json",
        "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1",
    ),
    ProviderSpec(
        "tiktok",
        "TikTok",
        _re(r"https?://(?:www\.)?tiktok\.com/@[\w.-]+/video/(?P<id>\d+)"),
        "https://www.tiktok.com/oembed",
        "https://www.tiktok.com/embed/v2/{id}",
        shape="portrait",
    ),
    ProviderSpec(
        "x",
        "X",
        _re(r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status(?:es)?/(?P<id>\d+)"),
        "https://publish.twitter.com/oembed",
        "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true",
        shape="post",
    ),
    ProviderSpec(
        "facebook_video",
        "Facebook",
        _re(
            r"https?://(?:www\.|m\.)?facebook\.com/(?P<id>[\w.-]+/videos/(?:[\w.-]+/)?\d+"
            r"|watch/?\?v=\d+|reel/\d+)"
        ),
        f"{GRAPH}/oembed_video",
        "https://www.facebook.com/plugins/video.php?href={url}&show_text=false",
    ),
    ProviderSpec(
        "facebook_post",
        "Facebook",
        _re(
            r"https?://(?:www\.|m\.)?facebook\.com/(?P<id>[\w.-]+/posts/[\w.-]+"
            r"|permalink\.php\?[^\s<>\"]+|share/p/\w+)"
        ),
        f"{GRAPH}/oembed_post",
        "https://www.facebook.com/plugins/post.php?href={url}",
        shape="post",
    ),
]
BY_KEY = {spec.key: spec for spec in PROVIDERS}


def timeout() -> float:
    return getattr(settings, "OEMBED_TIMEOUT", DEFAULT_TIMEOUT)


def endpoint(spec: ProviderSpec) -> str:
    return (getattr(settings, "OEMBED_ENDPOINTS", None) or {}).get(spec.key) or spec.endpoint


def provider_for(url: str) -> tuple[ProviderSpec, re.Match] | None:
    """The provider whose links look like this one, with the match; None: not a provider's."""
    url = url.strip()
    for spec in PROVIDERS:
        match = spec.pattern.match(url)
        if match:
            return spec, match
    return None


def frame_origins(keys) -> list[str]:
    """The players' origins for these providers: what a page's CSP frame-src allows."""
    return sorted({BY_KEY[key].frame_origin for key in keys if key in BY_KEY})


def fetch(url: str, *, max_bytes: int, seconds: float | None = None) -> bytes:
    """GET http(s) `url`: the whole answer within the deadline (checked between receives,
    each waiting at most `seconds`) and `max_bytes`, or raise micawber's errors
    (ProviderTimeoutException, ProviderHTTPException, ProviderException)."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ProviderException(f"Not an http(s) address: {url!r}")
    seconds = timeout() if seconds is None else seconds
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    chunks, size = [], 0
    try:
        with urllib.request.urlopen(request, timeout=seconds) as answer:  # noqa: S310 (http(s) only)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ProviderTimeoutException(f"No whole answer within {seconds}s: {url}")
                # read1: what one receive brings (read() would wait for the whole chunk)
                chunk = answer.read1(min(64 * 1024, max_bytes + 1 - size))
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise ProviderException(f"Answer larger than {max_bytes} bytes: {url}")
                chunks.append(chunk)
    except HTTPError as error:
        raise ProviderHTTPException(url, error.code) from None
    except TimeoutError as error:
        raise ProviderTimeoutException(f"Timed out: {url}") from error
    except URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise ProviderTimeoutException(f"Timed out: {url}") from error
        raise ProviderException(f"Could not reach {url}: {error.reason}") from error
    except (OSError, ValueError) as error:
        raise ProviderException(f"Could not read {url}: {error}") from error
    return b"".join(chunks)


class BoundedProvider(Provider):
    """micawber's provider, fetching through `fetch`: one deadline, a small size cap."""

    def fetch(self, url):
        data = fetch(url, max_bytes=MAX_ANSWER_BYTES)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidResponseException("The answer is not UTF-8") from error


def registry() -> ProviderRegistry:
    """Our providers, at the endpoints the settings name (read at each save)."""
    registry = ProviderRegistry()
    token = getattr(settings, "FACEBOOK_OEMBED_TOKEN", "")
    for spec in PROVIDERS:
        params = {"access_token": token} if spec.key.startswith("facebook") and token else {}
        provider = BoundedProvider(
            endpoint(spec), timeout=timeout(), user_agent=USER_AGENT, **params
        )
        registry.register(spec.pattern.pattern, provider)
    return registry


def ask(url: str) -> dict:
    """The provider's oEmbed answer for a pasted link (micawber's errors when it fails)."""
    answer = registry().request(url.strip(), maxwidth=1280)
    if not isinstance(answer, dict):
        raise InvalidResponseException("The answer is not a JSON object")
    return answer
