"""Sitemaps for search engines: every public article, tag and author, and a news sitemap."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from accounts.models import Author
from articles.models import Article, Byline, Tag

# Google News reads only articles of the last two days, at most 1,000 of them.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000


class ArticleSitemap(Sitemap):
    changefreq = "daily"

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


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # Only tags with something public to show; their lastmod is their newest article.
        return (
            Tag.objects.annotate(lastmod=latest_public_article(tags=OuterRef("pk")))
            .filter(lastmod__isnull=False)
            .only("slug")
            .order_by("slug")
        )

    def lastmod(self, tag: Tag):
        return tag.lastmod


class AuthorSitemap(Sitemap):
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
