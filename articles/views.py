from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from accounts.models import Author
from articles.models import Article, Attachment, Byline, Tag

PAGE_SIZE = 20


class PublishedArticleMixin:
    """Readers see only what Article.objects.published() lets through."""

    def get_queryset(self):
        return Article.objects.published().for_listing()


class ArticleListView(PublishedArticleMixin, ListView):
    paginate_by = PAGE_SIZE


class ArticleDetailView(PublishedArticleMixin, DetailView):
    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags", "attachments")


class TagArticleListView(PublishedArticleMixin, ListView):
    paginate_by = PAGE_SIZE
    template_name = "articles/tag_article_list.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorArticleListView(PublishedArticleMixin, ListView):
    paginate_by = PAGE_SIZE
    template_name = "articles/author_article_list.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        article_ids = Byline.objects.filter(author=self.author).values("article_id")
        return super().get_queryset().filter(pk__in=article_ids)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


def download_attachment(request, pk: int):
    """Serve an attachment under its original name; public only once its article is."""
    attachment = get_object_or_404(Attachment.objects.select_related("article"), pk=pk)
    may_preview = request.user.is_staff and request.user.has_perm("articles.view_article")
    if not (attachment.article.is_published() or may_preview):
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
