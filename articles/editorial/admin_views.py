"""The article admin's extra pages: history, comparing and restoring revisions, autosave."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from articles import workflow
from articles.editorial import revisions
from articles.models import Article, Autosave
from newsroom.timezones import local_datetime, zone_label

# What autosave keeps of the form: the text being typed, not files or relations.
AUTOSAVED_FIELDS = ["title", "slug", "summary", "body", "cover_caption", "cover_alt"]


def article_for(model_admin, request, object_id) -> Article:
    article = model_admin.get_object(request, unquote(object_id))
    if article is None or not model_admin.has_view_permission(request, article):
        raise Http404
    return article


def change_form_context(model_admin, request, article: Article) -> dict:
    user = request.user
    editable = model_admin.has_change_permission(request, article if article.pk else None)
    context = {
        "workflow_actions": workflow.allowed_actions(user, article) if editable else [],
        "workflow_state": article.state.label if article.pk else "",
        "zone_label": zone_label(),
        "autosave_url": reverse("admin:articles_article_autosave") if editable else "",
        "autosave_seconds": getattr(settings, "AUTOSAVE_SECONDS", 5),
    }
    if article.pk:
        context["preview_url"] = reverse("articles:preview", args=[article.pk])
        last = article.transitions.select_related("by").first()
        if last and last.action == workflow.Action.RETURN and article.status == "draft":
            context["returned"] = last
    if editable:
        saved = Autosave.objects.filter(user=user, article=article.pk).first()
        newer = saved and (article.pk is None or saved.saved_at > article.updated_at)
        if newer and any(saved.data.get(f) != getattr(article, f) for f in AUTOSAVED_FIELDS):
            context["autosave"] = saved
    return context


def history(model_admin, request, object_id):
    article = article_for(model_admin, request, object_id)
    versions = revisions.with_changes(list(revisions.history(article)[:200]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("History: %(title)s") % {"title": article.title},
        "opts": Article._meta,
        "object": article,
        "original": article,
        "versions": versions,
        "transitions": article.transitions.select_related("by"),
        "can_restore": workflow.can_restore(request.user, article),
    }
    return TemplateResponse(request, model_admin.object_history_template, context)


def compare(model_admin, request, object_id):
    article = article_for(model_admin, request, object_id)
    kept = revisions.history(article)
    try:
        ids = [int(request.GET["a"]), int(request.GET["b"])]
    except (KeyError, ValueError):
        ids = list(kept.values_list("pk", flat=True)[:2])
    chosen = sorted(
        (get_object_or_404(kept, pk=pk) for pk in ids), key=lambda v: v.revision.date_created
    )
    if len(chosen) < 2:
        messages.info(request, gettext("There is only one revision so far: nothing to compare."))
        return HttpResponseRedirect(reverse("admin:articles_article_history", args=[article.pk]))
    old, new = chosen[0], chosen[-1]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Compare revisions: %(title)s") % {"title": article.title},
        "opts": Article._meta,
        "original": article,
        "old": old,
        "new": new,
        "rows": revisions.compare(old, new),
        "can_restore": workflow.can_restore(request.user, article),
    }
    return TemplateResponse(request, "admin/articles/article/compare.html", context)


def restore(model_admin, request, object_id, version_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = article_for(model_admin, request, object_id)
    version = get_object_or_404(revisions.history(article), pk=version_id)
    if revisions.cover_is_gone(version):
        messages.warning(
            request,
            gettext("That revision's cover image is no longer stored: the current one is kept."),
        )
    revisions.restore(article=article, version=version, by=request.user)
    messages.success(
        request,
        gettext(
            "The revision of %(time)s is restored as a new revision. "
            "Its status is unchanged: publish it when it is ready."
        )
        % {"time": local_datetime(version.revision.date_created)},
    )
    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))


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
    return JsonResponse({"saved_at": timezone.localtime(now).strftime("%H:%M:%S")})
