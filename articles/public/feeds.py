"""RSS 2.0 feeds: the latest articles, site-wide and per tag.

Links are absolute URLs from SITE_URL (the syndication framework keeps a link that has its
domain and protocol, and would otherwise take both from the request). Titles and leads are
plain text, and RSS readers read <title> and <description> as HTML: they are escaped as
text, once more than XML needs (as Django's own item_title does, #6533).
"""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.body_references import first_media, load_pieces
from articles.models import Article, Tag
from articles.public.prefetch import with_listed_authors
from articles.templatetags.renditions import share_image
from newsroom.site_url import absolute_url

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    def title(self):
        return escape(settings.SITE_NAME)

    def description(self):
        return escape(settings.SITE_DESCRIPTION)

    def link(self):
        return absolute_url(reverse("articles:home"))

    def feed_url(self):
        return absolute_url(reverse("articles:feed"))

    def latest(self, published) -> list[Article]:
        """The newest FEED_SIZE of these articles, with their authors, tags and the cards of
        the pieces they name (one query for all of them)."""
        items = with_listed_authors(list(published.prefetch_related("tags")[:FEED_SIZE]))
        load_pieces(items)
        return items

    def items(self):
        return self.latest(Article.objects.published())

    def item_title(self, item: Article) -> str:
        return escape(item.title)

    def item_description(self, item: Article) -> str:
        return escape(item.summary)

    def item_link(self, item: Article) -> str:
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item: Article) -> str:
        return ", ".join(author.name for author in item.ordered_authors)

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        """The article's own video or audio (its lead, else the first in its body), with
        its real length and type; else the cover's share rendition (never the original),
        with the length recorded at upload: no call to storage. 0 for a cover stored before
        lengths were recorded. RSS allows one enclosure an item."""
        media = first_media(item)
        if media is not None:
            url = absolute_url(default_storage.url(media["file"]))
            return [Enclosure(url, str(media["size"]), media["type"])]
        card = share_image(item.cover_image)
        if not card:
            return []
        # Feed readers fetch enclosures from anywhere: the URL must be absolute.
        url = absolute_url(card["url"])
        return [Enclosure(url, str(item.cover_share_size or 0), card["mime_type"])]

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request and thread: each request gets its own copy.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)


class TagArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Tag:
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag: Tag) -> str:
        return escape(f"{tag.name} — {settings.SITE_NAME}")

    def description(self, tag: Tag) -> str:
        return escape(_("Latest articles tagged %(tag)s.") % {"tag": tag.name})

    def link(self, tag: Tag) -> str:
        return absolute_url(tag.get_absolute_url())

    def feed_url(self, tag: Tag) -> str:
        return absolute_url(reverse("articles:tag_feed", kwargs={"slug": tag.slug}))

    def items(self, tag: Tag):
        return self.latest(Article.objects.published_with_tag(tag))
