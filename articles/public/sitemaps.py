"""Sitemaps for search engines: every public article, tag and author, and a news sitemap.

/sitemap.xml is an index of one sitemap per section, the articles' in pages of
ARTICLES_PER_SITEMAP (the protocol allows 50,000 URLs a file; smaller files are quicker
to build and to fetch). Each section says its latest change with one aggregate query,
never by loading every item.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from accounts.models import Author
from articles.models import Article, Byline, Tag, TagListing

# Google News reads only articles of the last two days, at most 1,000 of them.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000
ARTICLES_PER_SITEMAP = 5000


def latest_publication():
    return Article.objects.published().aggregate(latest=Max("published_at"))["latest"]


class CountedSitemap(Sitemap):
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


def index(request):
    """/sitemap.xml: the sections that have something in them (an empty urlset is invalid)."""
    sections = {name: sitemap() for name, sitemap in SITEMAPS.items()}
    listed = {name: s for name, s in sections.items() if s.paginator.count} or sections
    return sitemap_views.index(
        request,
        listed,
        template_name="articles/sitemap_index.xml",
        sitemap_url_name="articles:sitemap_section",
    )
