"""Staff preview: an article exactly as readers will see it, before it is public."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from articles import workflow
from articles.body_references import providers_on_page
from articles.models import Article
from articles.public.prefetch import with_related
from newsroom.csp import allow_frames
from newsroom.media.oembed import frame_origins


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(LoginRequiredMixin, DetailView):
    template_name = "articles/article_preview.html"
    login_url = reverse_lazy("admin:login")

    def get_queryset(self):
        return Article.objects.all()

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        # Staff who may see the article in the admin; everyone else learns nothing.
        if not workflow.can_view(self.request.user, article):
            raise Http404
        return with_related(article)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        if getattr(self, "object", None) is not None:
            allow_frames(response, frame_origins(providers_on_page(self.object)))
        return response
