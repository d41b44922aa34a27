from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from articles.editorial import preview, preview_links
from articles.public import feeds, sitemaps, views
from articles.public.sitemaps import NEWS_SITEMAPS, SITEMAPS

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path("search/", views.ArticleSearchView.as_view(), name="search"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<int:pk>/", preview.ArticlePreviewView.as_view(), name="preview"),
    path("preview/shared/<str:token>/", preview_links.shared_preview, name="shared_preview"),
    path("tags/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("tags/<slug:slug>/feed/", feeds.TagArticlesFeed(), name="tag_feed"),
    path("authors/<slug:slug>/", views.AuthorArticleListView.as_view(), name="author"),
    path("attachments/<int:pk>/", views.download_attachment, name="attachment"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path(
        "sitemap-news.xml",
        sitemap_views.sitemap,
        {"sitemaps": NEWS_SITEMAPS, "template_name": "articles/sitemap_news.xml"},
        name="news_sitemap",
    ),
    path(
        "sitemap-<str:section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS, "template_name": "articles/sitemap.xml"},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
