"""Sitemaps for search engines: every public article, tag and author, and a news sitemap.

/sitemap.xml is an index of one sitemap per section, the articles' in pages of
ARTICLES_PER_SITEMAP (the protocol allows 50,000 URLs a file; smaller files are quicker
to build and to fetch). Each section says its latest change with one aggregate query,
never by loading every item.

Locations are on SITE_URL, whatever Host or scheme the request named: each sitemap's
documented `protocol` and its domain come from it. Django's index view takes the domain
from the request (or from the sites framework's database row, a second copy of SITE_URL),
so the index is built here.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import Paginator
from django.db.models import Max, OuterRef, Subquery
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import http_date

from accounts.models import Author
from articles.models import Article, Byline, Tag, TagListing
from newsroom.site_url import absolute_url, site_domain, site_scheme

# Google News reads only articles of the last two days, at most 1,000 of them.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000
ARTICLES_PER_SITEMAP = 5000


def latest_publication():
    return Article.objects.published().aggregate(latest=Max("published_at"))["latest"]


class CountedSitemap(Sitemap):
    @property
    def protocol(self) -> str:
        return site_scheme()

    def get_domain(self, site=None) -> str:
        """SITE_URL's host, never the request's (`site` is built from its Host header)."""
        return site_domain()

    # Django builds a new paginator (and count query) on every access; once is enough.
    @cached_property
    def paginator(self) -> Paginator:
        return Paginator(self._items(), self.limit)


class ArticleSitemap(CountedSitemap):
    changefreq = "daily"
    limit = ARTICLES_PER_SITEMAP

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "updated_at", "published_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, article: Article):
        return article.updated_at


def latest_public_article(**filters) -> Subquery:
    """The publication time of the newest public article matching `filters`."""
    newest = Article.objects.published().filter(**filters).order_by("-published_at")
    return Subquery(newest.values("published_at")[:1])


class TagSitemap(CountedSitemap):
    changefreq = "daily"

    def items(self):
        # Only tags with something public to show; their lastmod is their newest article,
        # the first of the tag's page entries (TagListing's index: one probe a tag).
        newest = TagListing.objects.filter(
            tag=OuterRef("pk"), published_at__lte=timezone.now()
        ).order_by("-published_at")
        return (
            Tag.objects.annotate(lastmod=Subquery(newest.values("published_at")[:1]))
            .filter(lastmod__isnull=False)
            .only("slug")
            .order_by("slug")
        )

    def lastmod(self, tag: Tag):
        return tag.lastmod

    def get_latest_lastmod(self):
        return latest_publication()


class AuthorSitemap(CountedSitemap):
    changefreq = "weekly"

    def items(self):
        bylines = Byline.objects.filter(author=OuterRef(OuterRef("pk"))).values("article_id")
        return (
            Author.objects.annotate(lastmod=latest_public_article(pk__in=bylines))
            .filter(lastmod__isnull=False)
            .only("slug")
            .order_by("slug")
        )

    def lastmod(self, author: Author):
        return author.lastmod

    def get_latest_lastmod(self):
        return latest_publication()


class NewsSitemap(ArticleSitemap):
    """Google News sitemap (templates/sitemap_news.xml adds the <news:news> element)."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("slug", "title", "updated_at", "published_at")
            .order_by("-published_at", "-id")[:NEWS_LIMIT]
        )

    @property
    def publication_name(self) -> str:
        return settings.SITE_NAME


SITEMAPS = {"articles": ArticleSitemap, "tags": TagSitemap, "authors": AuthorSitemap}
NEWS_SITEMAPS = {"news": NewsSitemap}


@x_robots_tag
def index(request):
    """/sitemap.xml: the sections that have something in them (an empty urlset is invalid),
    every page of each on SITE_URL, and Last-Modified from the newest change."""
    sections = {name: sitemap() for name, sitemap in SITEMAPS.items()}
    listed = {name: s for name, s in sections.items() if s.paginator.count} or sections
    entries, changes = [], []
    for name, sitemap in listed.items():
        location = absolute_url(reverse("articles:sitemap_section", kwargs={"section": name}))
        lastmod = sitemap.get_latest_lastmod()
        changes.append(lastmod)
        entries.append(SitemapIndexItem(location, lastmod))
        pages = range(2, sitemap.paginator.num_pages + 1)
        entries += [SitemapIndexItem(f"{location}?p={page}", lastmod) for page in pages]
    headers = None
    if changes and None not in changes:
        headers = {"Last-Modified": http_date(max(changes).timestamp())}
    return TemplateResponse(
        request,
        "articles/sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )
