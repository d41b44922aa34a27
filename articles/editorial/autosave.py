"""Autosave: what a person is typing in the article form, kept between saves.

No revision and no version: a kept draft of the form's text, offered back when the person
opens the form again and the article has not been saved since (static/articles/autosave.js).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Autosave
from newsroom.timezones import local_time_with_seconds

# What autosave keeps of the form: the text being typed, not files or relations.
AUTOSAVED_FIELDS = ["title", "slug", "summary", "body", "cover_caption", "cover_alt"]


def form_context(user, article: Article, *, editable: bool) -> dict:
    """The change form's autosave settings, and a newer autosave of this form to offer back."""
    if not editable:
        return {}
    context = {
        "autosave_url": reverse("admin:articles_article_autosave"),
        "autosave_seconds": getattr(settings, "AUTOSAVE_SECONDS", 5),
    }
    saved = Autosave.objects.filter(user=user, article=article.pk).first()
    newer = saved and (article.pk is None or saved.saved_at > article.updated_at)
    if newer and any(saved.data.get(f) != getattr(article, f) for f in AUTOSAVED_FIELDS):
        context["autosave"] = saved
    return context


def forget(user, article: Article, *, created: bool) -> None:
    """What was being typed is now saved: nothing left to offer back.

    A new article's autosave has no article yet; saving another article must not drop it.
    """
    Autosave.objects.filter(user=user, article=None if created else article).delete()


def autosave(request):
    """Keep what is being typed (no revision, no version); `discard` forgets it."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = None
    if request.POST.get("article"):
        try:
            article = Article.objects.get(pk=int(request.POST["article"]))
        except (ValueError, Article.DoesNotExist):
            raise Http404 from None
        if not workflow.can_edit(request.user, article):
            raise PermissionDenied
    elif not request.user.has_perm("articles.add_article"):
        raise PermissionDenied
    if request.POST.get("discard"):
        Autosave.objects.filter(user=request.user, article=article).delete()
        return JsonResponse({"discarded": True})
    data = {name: request.POST.get(name, "") for name in AUTOSAVED_FIELDS}
    now = timezone.now()
    Autosave.objects.update_or_create(
        user=request.user, article=article, defaults={"data": data, "saved_at": now}
    )
    return JsonResponse({"saved_at": local_time_with_seconds(now)})
