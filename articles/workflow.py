"""The article lifecycle: every transition, who may make it, what it checks, whom it tells.

Admin buttons, bulk actions and any other entry point call `perform()`; nothing else
changes an article's status. Roles come from the permissions the role groups carry
(accounts/roles.py): `articles.publish_article` makes an editor.

    draft ──submit──▶ review ──publish/schedule──▶ published ──withdraw──▶ withdrawn
      ▲                 │                            │ (correct: stays live)   │
      └────return(note)─┘                            └◀──────publish again─────┘
"""

from __future__ import annotations

from datetime import datetime

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.roles import editors, is_editor
from articles.models import Article, Transition
from newsroom.site_url import absolute_url
from newsroom.timezones import local_datetime

# Both are defined on the models (the column choices); these are their short names here.
Action = Transition.Action
State = Article.State


# The states each action starts from.
STARTS_FROM = {
    Action.SUBMIT: {State.DRAFT},
    Action.RETURN: {State.REVIEW, State.SCHEDULED},
    Action.PUBLISH: {State.DRAFT, State.REVIEW, State.SCHEDULED},
    Action.SCHEDULE: {State.DRAFT, State.REVIEW, State.SCHEDULED, State.WITHDRAWN},
    Action.WITHDRAW: {State.PUBLISHED, State.SCHEDULED},
    Action.REPUBLISH: {State.WITHDRAWN},
    Action.CORRECT: {State.PUBLISHED},
}
# Actions that put the article in front of an editor or a reader: it must be complete.
NEEDS_COMPLETE = {Action.SUBMIT, Action.PUBLISH, Action.SCHEDULE, Action.REPUBLISH}
# Actions whose note is required (returning says why; a correction says what, publicly).
NEEDS_NOTE = {Action.RETURN, Action.CORRECT}

DONE_MESSAGES = {
    Action.SUBMIT: _("“%(title)s” was submitted for review."),
    Action.RETURN: _("“%(title)s” was returned to its writer."),
    Action.PUBLISH: _("“%(title)s” is published."),
    Action.SCHEDULE: _("“%(title)s” is scheduled for %(time)s."),
    Action.WITHDRAW: _("“%(title)s” was withdrawn from the public site."),
    Action.REPUBLISH: _("“%(title)s” is published again."),
    Action.CORRECT: _("The correction to “%(title)s” is published."),
}


class TransitionError(Exception):
    """The action is allowed for this person but not possible now; the message says why."""


# Who may do what.


def is_own(user, article: Article) -> bool:
    return article.pk is None or article.created_by_id == user.pk


def can_view(user, article: Article) -> bool:
    """Staff who may see this article in the admin (and preview it)."""
    if not (user.is_active and user.is_staff and user.has_perm("articles.view_article")):
        return False
    return is_editor(user) or is_own(user, article)


def can_edit(user, article: Article) -> bool:
    """Editors edit any article; a writer edits their own while it is a draft."""
    if not (user.is_active and user.is_staff and user.has_perm("articles.change_article")):
        return False
    return is_editor(user) or (is_own(user, article) and article.status == State.DRAFT)


def may(user, action: Action, article: Article) -> bool:
    """The role check, whatever state the article is in."""
    if action == Action.SUBMIT:
        creating = article.pk is None and user.has_perm("articles.add_article")
        return creating or can_edit(user, article)
    return can_edit(user, article) and is_editor(user)


def can_restore(user, article: Article) -> bool:
    return is_editor(user) and can_edit(user, article)


def allowed_actions(user, article: Article, now: datetime | None = None) -> list[Action]:
    state = article.state_at(now or timezone.now())
    return [a for a in Action if state in STARTS_FROM[a] and may(user, a, article)]


def check(user, action: Action, article: Article, now: datetime | None = None) -> None:
    """Raise PermissionDenied if the role forbids it, TransitionError if the state does."""
    if not may(user, action, article):
        raise PermissionDenied
    check_state(action, article, now)


def check_state(action: Action, article: Article, now: datetime | None = None) -> None:
    """Raise TransitionError unless `action` can start from the article's state."""
    state = article.state_at(now or timezone.now())
    if state not in STARTS_FROM[action]:
        raise TransitionError(
            gettext("“%(title)s” is %(state)s now, so “%(action)s” is not possible.")
            % {"title": article.title, "state": state.label.lower(), "action": action.label}
        )


# What an action needs. The admin's form and its byline formset ask the same function as
# perform(), each with the values it holds, so a rule and its message are written once.


def problems(action: Action, values: dict, now: datetime | None = None) -> dict[str, str]:
    """What stops `action`, keyed by what it is about; checks only what `values` holds.

    Keys of `values` (and of the answer): title, summary, body, cover_image, cover_alt,
    authors (whether there is one), note, when (the time asked for when scheduling).
    """
    found = {}

    def given(name):
        return name in values

    def blank(name) -> bool:
        return not (values[name] or "").strip()

    if action in NEEDS_COMPLETE:
        if given("title") and blank("title"):
            found["title"] = gettext("A title is needed before this can go out.")
        if given("summary") and blank("summary"):
            found["summary"] = gettext("A lead is needed before this can go out.")
        if given("body") and not has_content(values["body"]):
            found["body"] = gettext("A body is needed before this can go out.")
        if given("authors") and not values["authors"]:
            found["authors"] = gettext("At least one author is needed before this can go out.")
        if given("cover_image") and values["cover_image"] and blank("cover_alt"):
            found["cover_alt"] = gettext(
                "The cover image needs alt text (what it shows) before this can go out."
            )
    if action in NEEDS_NOTE and given("note") and blank("note"):
        found["note"] = str(NOTE_REQUIRED[action])
    if action == Action.SCHEDULE and given("when"):
        when = values["when"]
        if when is None or when <= (now or timezone.now()):
            found["when"] = gettext("Choose a publication time in the future to schedule.")
    return found


def has_content(body: str) -> bool:
    """A body with words or a picture in it (an empty editor leaves `<p>&nbsp;</p>`)."""
    return bool(strip_tags(body or "").replace("&nbsp;", " ").strip()) or "<img" in (body or "")


def values_of(article: Article, *, note: str = "", when: datetime | None = None) -> dict:
    """Everything problems() checks, as a saved article and the person's note and time."""
    return {
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "cover_image": article.cover_image,
        "cover_alt": article.cover_alt,
        "authors": article.bylines.exists(),
        "note": note,
        "when": when,
    }


# The transitions. perform() is the whole of one; the admin's change form, which saves the
# article itself, calls apply() before its save and record() after it, so that one click
# is one save, one version and one revision.


@transaction.atomic
def perform(
    action: Action | str,
    *,
    article: Article,
    by,
    note: str = "",
    when: datetime | None = None,
) -> Transition:
    """Make one transition, record it with a revision, and tell the people concerned."""
    action, now = Action(action), timezone.now()
    check(by, action, article, now)
    if found := problems(action, values_of(article, note=note, when=when), now):
        raise TransitionError(" ".join(found.values()))
    transition = apply(action, article=article, by=by, note=note, when=when, now=now)
    with reversion.create_revision():
        article.save()
        reversion.set_user(by)
        record(transition)
    return transition


def apply(
    action: Action,
    *,
    article: Article,
    by,
    note: str = "",
    when: datetime | None = None,
    now: datetime | None = None,
) -> Transition:
    """Change the article's fields for `action` (not saved) and return the unsaved record.

    The caller has checked problems(); the role and the state are checked again here.
    """
    now = now or timezone.now()
    check(by, action, article, now)
    note = (note or "").strip()
    from_status = article.status
    if action == Action.SUBMIT:
        article.status = State.REVIEW
    elif action == Action.RETURN:
        article.status = State.DRAFT
    elif action == Action.PUBLISH:
        article.status, article.published_at = State.PUBLISHED, now
    elif action == Action.SCHEDULE:
        article.status, article.published_at = State.PUBLISHED, when
    elif action == Action.WITHDRAW:
        article.status = State.WITHDRAWN
    elif action == Action.REPUBLISH:
        article.status = State.PUBLISHED
        article.published_at = article.published_at or now
    elif action == Action.CORRECT:
        article.correction_note, article.corrected_at = note, now
    if article.created_by_id is None:
        article.created_by = by
    article.updated_by = by
    return Transition(
        article=article,
        action=action,
        from_status=from_status,
        to_status=article.status,
        note=note,
        by=by,
        at=now,
    )


def record(transition: Transition) -> Transition:
    """Store the transition of a saved article, name the revision after it, tell people."""
    transition.save()
    if reversion.is_active():
        action = Action(transition.action)
        note = transition.note
        reversion.set_comment(f"{action.label}: {note}" if note else str(action.label))
    # Mail is queued in the database (newsroom/mail.py), in this same transaction: the
    # notice exists exactly when the transition does, and no mail server is waited for.
    notify(transition)
    return transition


NOTE_REQUIRED = {
    Action.RETURN: _("Write a note telling the writer what to change."),
    Action.CORRECT: _("Write the public correction note: it is shown to readers on the article."),
}


def done_message(action: Action, article: Article) -> str:
    return gettext(DONE_MESSAGES[Action(action)]) % {
        "title": article.title,
        "time": local_datetime(article.published_at),
    }


# Email: editors hear of submissions and publications, the writer of their own article.


def recipients(transition: Transition) -> list[str]:
    action, article = Action(transition.action), transition.article
    people = []
    if action in (Action.SUBMIT, Action.PUBLISH, Action.SCHEDULE, Action.REPUBLISH):
        people += list(editors().exclude(email=""))
    if action in (Action.RETURN, Action.PUBLISH, Action.SCHEDULE, Action.REPUBLISH):
        writer = article.created_by
        if writer is not None and writer.is_active and writer.email:
            people.append(writer)
    return sorted({p.email for p in people if p.pk != transition.by_id})


NOTIFIED = {Action.SUBMIT, Action.RETURN, Action.PUBLISH, Action.SCHEDULE, Action.REPUBLISH}


def notify(transition: Transition) -> int:
    if Action(transition.action) not in NOTIFIED:
        return 0
    to = recipients(transition)
    if not to:
        return 0
    article = transition.article
    link = absolute_url(reverse("admin:articles_article_change", args=[article.pk]))
    by = transition.by.get_full_name() or transition.by.get_username() if transition.by else ""
    with translation.override(settings.LANGUAGE_CODE):
        subject = done_message(transition.action, article)
        lines = [subject, gettext("By: %(name)s") % {"name": by}]
        if transition.note:
            lines.append(gettext("Note: %(note)s") % {"note": transition.note})
        lines.append(link)
    return send_mail(f"[{settings.SITE_NAME}] {subject}", "\n\n".join(lines), None, to)
