"""Signed, expiring preview links: an unpublished article shown to someone outside the
newsroom (another paper, a source checking a quote) until the link expires or is revoked.

The address carries the link's id signed with SECRET_KEY (django.core.signing), so links
cannot be guessed or counted; the row says whether it still works. Every opening is logged,
shown or refused. The page is the staff preview without staff controls: never cached,
never indexed. An expired or revoked link answers 410 Gone with a page saying so, never the
article; an address that was never a link answers 404.
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from accounts.lockout import client_ip
from accounts.roles import is_editor
from articles import workflow
from articles.editorial.revision_views import article_for, page_context
from articles.models import Article, PreviewLink, PreviewLinkOpening
from articles.public.prefetch import with_related
from newsroom.site_url import absolute_url

SALT = "articles.preview-link"
State = Article.State
# What a link may show: an article not yet out (drafts, in review, scheduled, embargoed).
SHAREABLE_STATES = {State.DRAFT, State.REVIEW, State.SCHEDULED}
LIFETIMES = [
    (1, _("1 hour")),
    (6, _("6 hours")),
    (24, _("1 day")),
    (72, _("3 days")),
    (168, _("7 days")),
    (720, _("30 days")),
]


def token_for(link: PreviewLink) -> str:
    return signing.dumps(link.pk, salt=SALT)


def link_id(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def url_for(link: PreviewLink) -> str:
    return reverse("articles:shared_preview", args=[token_for(link)])


def may_share(user, article: Article) -> bool:
    """Editors who may edit the article create and revoke its links."""
    return is_editor(user) and workflow.can_edit(user, article)


def is_shareable(article: Article) -> bool:
    return article.state in SHAREABLE_STATES


def create(*, article: Article, by, recipient: str, hours: int) -> PreviewLink:
    if not may_share(by, article):
        raise PermissionDenied
    if not is_shareable(article):
        raise workflow.TransitionError(
            gettext("Only an article that has not gone out can be shared by a preview link.")
        )
    return PreviewLink.objects.create(
        article=article,
        recipient=recipient.strip(),
        created_by=by,
        expires_at=timezone.now() + timedelta(hours=hours),
    )


def revoke(*, link: PreviewLink, by) -> bool:
    if not may_share(by, link.article):
        raise PermissionDenied
    updated = PreviewLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    return bool(updated)


class PreviewLinkForm(forms.Form):
    recipient = forms.CharField(
        label=_("For"),
        max_length=200,
        help_text=PreviewLink._meta.get_field("recipient").help_text,
    )
    hours = forms.TypedChoiceField(label=_("Works for"), choices=LIFETIMES, coerce=int, initial=24)


# The public page.


@never_cache
def shared_preview(request, token: str):
    """The article's preview for whoever holds a working link; each opening is logged."""
    pk = link_id(token)
    link = PreviewLink.objects.select_related("article").filter(pk=pk).first() if pk else None
    if link is None:
        raise Http404
    article = link.article
    now = timezone.now()
    shown = link.is_open(now) and article.state_at(now) != State.WITHDRAWN
    PreviewLinkOpening.objects.create(
        link=link,
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        shown=shown,
    )
    if not shown:
        context = {
            "revoked": link.revoked_at is not None,
            "expired_at": link.expires_at if link.expires_at <= now else None,
        }
        response = render(request, "articles/preview_link_gone.html", context, status=410)
    elif article.state_at(now) == State.PUBLISHED:
        response = HttpResponseRedirect(article.get_absolute_url())  # it is public now
    else:
        response = render(
            request, "articles/article_shared_preview.html", {"article": with_related(article)}
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# The admin's page for one article's links.


def links_view(model_admin, request, object_id):
    article = article_for(model_admin, request, object_id)
    if not may_share(request.user, article):
        raise PermissionDenied
    form = PreviewLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            link = create(
                article=article,
                by=request.user,
                recipient=form.cleaned_data["recipient"],
                hours=form.cleaned_data["hours"],
            )
        except workflow.TransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                gettext("Preview link for %(name)s made: copy it from the list below.")
                % {"name": link.recipient},
            )
            return HttpResponseRedirect(request.path)
    links = list(
        article.preview_links.select_related("created_by", "revoked_by").prefetch_related(
            "openings"
        )
    )
    for link in links:
        link.url = absolute_url(url_for(link))
    context = page_context(
        model_admin,
        request,
        article,
        title=gettext("Preview links: %(title)s") % {"title": article.title},
        object=article,
        form=form,
        links=links,
        shareable=is_shareable(article),
        now=timezone.now(),
    )
    return TemplateResponse(request, "admin/articles/article/preview_links.html", context)


@transaction.atomic
def revoke_view(model_admin, request, object_id, link_pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = article_for(model_admin, request, object_id)
    link = get_object_or_404(PreviewLink, pk=link_pk, article=article)
    if revoke(link=link, by=request.user):
        messages.success(
            request, gettext("The link for %(name)s no longer works.") % {"name": link.recipient}
        )
    return HttpResponseRedirect(reverse("admin:articles_article_preview_links", args=[article.pk]))
