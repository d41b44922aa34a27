from django.conf import settings
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from accounts.models import Author
from articles.body_references import providers_on_page
from articles.models import Article, Attachment, Byline, OldSlug, Tag
from articles.public.pagination import CountInPagePaginator, ListingPaginator
from articles.public.prefetch import with_listed_authors, with_related
from articles.search import MAX_QUERY_CHARS, Query
from articles.workflow import can_view
from newsroom.csp import allow_frames
from newsroom.media.oembed import frame_origins
from newsroom.paths import STAFF_PREFIXES
from newsroom.site_url import absolute_url

PAGE_SIZE = 20


class ArticleListView(ListView):
    """The home page's listing, and the base of every other: 20 summaries a page, titled
    and described past the first page."""

    paginate_by = PAGE_SIZE
    paginator_class = ListingPaginator  # no COUNT(*), bounded offsets

    def get_queryset(self):
        # What readers see (published()), with only the columns a summary shows.
        return Article.objects.published().for_summaries()

    def page_title(self) -> str:
        return ""

    def page_description(self) -> str:
        return settings.SITE_DESCRIPTION

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        with_listed_authors(context["page_obj"].object_list)
        title, number = self.page_title(), context["page_obj"].number
        if number > 1:
            page = _("page %(number)s") % {"number": number}
            title = f"{title} ({page})" if title else page.capitalize()
        context.update(page_title=title, page_description=self.page_description())
        return context


class ArticleDetailView(DetailView):
    def get_queryset(self):
        # Readers see only what published() lets through. The search columns are copies
        # of the text, for search only.
        return Article.objects.published().defer("search_text", "search_exact")

    def get_object(self, queryset=None):
        return with_related(super().get_object(queryset))

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            # A changed slug: old links (search engines, shares) follow the article.
            old = OldSlug.objects.filter(slug=self.kwargs["slug"]).values("article_id").first()
            moved = old and self.get_queryset().filter(pk=old["article_id"]).first()
            if moved:
                return HttpResponsePermanentRedirect(moved.get_absolute_url())
            # Withdrawn with a public notice: 410 Gone, saying when and why (silent: 404).
            withdrawn = Article.objects.withdrawn_with_notice().only(
                "withdrawn_at", "takedown_reason"
            )
            match = Q(slug=self.kwargs["slug"]) | Q(pk=old["article_id"]) if old else None
            notice = withdrawn.filter(match or Q(slug=self.kwargs["slug"])).first()
            if notice is None:
                raise
            return render(
                request, "articles/article_withdrawn.html", {"notice": notice}, status=410
            )
        # With the ETag (ConditionalGetMiddleware), lets browsers and proxies revalidate (304).
        response["Last-Modified"] = http_date(self.object.updated_at.timestamp())
        allow_frames(response, frame_origins(providers_on_page(self.object)))
        return response

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            page_title=article.title,
            page_description=article.summary or settings.SITE_DESCRIPTION,
            **kwargs,
        )


class TagArticleListView(ArticleListView):
    template_name = "articles/tag_article_list.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.published_with_tag(self.tag).for_summaries()

    def page_title(self) -> str:
        return _("Tag: %(tag)s") % {"tag": self.tag.name}

    def page_description(self) -> str:
        return _("Articles tagged %(tag)s on %(site)s.") % {
            "tag": self.tag.name,
            "site": settings.SITE_NAME,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorArticleListView(ArticleListView):
    template_name = "articles/author_article_list.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        article_ids = Byline.objects.filter(author=self.author).values("article_id")
        return super().get_queryset().filter(pk__in=article_ids)

    def page_title(self) -> str:
        return self.author.name

    def page_description(self) -> str:
        return self.author.bio or _("Articles by %(author)s on %(site)s.") % {
            "author": self.author.name,
            "site": settings.SITE_NAME,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class ArticleSearchView(ArticleListView):
    template_name = "articles/search.html"
    # Results are counted ("12 results"): the matches, not the table, and only on a search.
    paginator_class = CountInPagePaginator

    def get_queryset(self):
        # Whatever was typed, the page answers: control characters dropped, length capped.
        typed = "".join(c for c in self.request.GET.get("q", "") if c.isprintable() or c.isspace())
        self.query = " ".join(typed.split())[:MAX_QUERY_CHARS]
        return super().get_queryset().search(self.query)

    def page_title(self) -> str:
        if self.query:
            return _("Search: %(query)s") % {"query": self.query}
        return _("Search")

    def page_description(self) -> str:
        return _("Search the articles of %(site)s.") % {"site": settings.SITE_NAME}

    def get_context_data(self, **kwargs):
        # search_query: the words the results mark (articles/search/highlight.py).
        return super().get_context_data(
            query=self.query, search_query=Query.parse(self.query), **kwargs
        )


def download_attachment(request, pk: int):
    """Serve an attachment under its original name; public only once its article is."""
    attachment = get_object_or_404(Attachment.objects.select_related("article"), pk=pk)
    # Before publication, only the staff who may see the article in the admin (its writer,
    # editors): the same rule as its preview.
    if not (attachment.article.is_published() or can_view(request.user, attachment.article)):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_filename or attachment.file.name.rsplit("/", 1)[-1],
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def robots_txt(request):
    """Crawlers may read the public site, not the staff's pages; the sitemaps say what is there."""
    disallowed = [*STAFF_PREFIXES, reverse("articles:search")]
    lines = [
        "User-agent: *",
        *(f"Disallow: {prefix}" for prefix in disallowed),
        "",
        f"Sitemap: {absolute_url(reverse('articles:sitemap'))}",
        f"Sitemap: {absolute_url(reverse('articles:news_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
