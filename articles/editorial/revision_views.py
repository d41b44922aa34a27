"""The article admin's revision pages: history, comparing two revisions, restoring one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from articles import workflow
from articles.editorial import revisions
from articles.models import Article
from newsroom.timezones import local_datetime


def article_for(model_admin, request, object_id) -> Article:
    article = model_admin.get_object(request, unquote(object_id))
    if article is None or not model_admin.has_view_permission(request, article):
        raise Http404
    return article


def page_context(model_admin, request, article: Article, **context) -> dict:
    """What every revision page shows: the admin's frame, the article, whether to restore."""
    return {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "can_restore": workflow.can_restore(request.user, article),
        **context,
    }


def history(model_admin, request, object_id):
    article = article_for(model_admin, request, object_id)
    versions = revisions.with_changes(list(revisions.history(article)[:200]))
    context = page_context(
        model_admin,
        request,
        article,
        title=gettext("History: %(title)s") % {"title": article.title},
        object=article,
        versions=versions,
        transitions=article.transitions.select_related("by"),
        corrections=article.corrections.select_related("by"),
    )
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
    context = page_context(
        model_admin,
        request,
        article,
        title=gettext("Compare revisions: %(title)s") % {"title": article.title},
        old=old,
        new=new,
        rows=revisions.compare(old, new),
    )
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
