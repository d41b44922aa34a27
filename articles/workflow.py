"""The article lifecycle: every transition, who may make it, what it checks, whom it tells.

Admin buttons, bulk actions and any other entry point call `perform()`; nothing else
changes an article's status. Roles come from the permissions the role groups carry
(accounts/roles.py): `articles.publish_article` makes an editor.

    draft ──submit──▶ review ──publish/schedule──▶ published ──withdraw──▶ withdrawn
      ▲                 │                            │ (correct: stays live)   │
      └────return(note)─┘                            └◀──────publish again─────┘

An embargo (`Article.embargo_until`) holds an article back: until then no action may put
it out (problems()), it may be scheduled for that time or later (one click: "schedule at
the embargo"), and only an editor-in-chief lifts it earlier, with a reason the desk is
mailed. Withdrawing chooses what the address answers (Article.Takedown): a public notice
with the reason (410) or nothing (404).
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

from accounts.roles import editors, is_editor, may_lift_embargo
from articles.models import Article, Correction, Transition
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
    Action.SCHEDULE_AT_EMBARGO: {State.DRAFT, State.REVIEW, State.SCHEDULED, State.WITHDRAWN},
    Action.LIFT_EMBARGO: {State.DRAFT, State.REVIEW, State.SCHEDULED, State.WITHDRAWN},
}
# Actions that put the article in front of an editor or a reader: it must be complete.
NEEDS_COMPLETE = {
    Action.SUBMIT,
    Action.PUBLISH,
    Action.SCHEDULE,
    Action.REPUBLISH,
    Action.SCHEDULE_AT_EMBARGO,
}
# Actions whose note is required (returning says why; a correction says what, publicly;
# lifting an embargo early says why, to the desk).
NEEDS_NOTE = {Action.RETURN, Action.CORRECT, Action.LIFT_EMBARGO}
# Actions an embargo in force forbids: they would put the article out now.
EMBARGOED_ACTIONS = {Action.PUBLISH, Action.REPUBLISH}
# Actions that exist only while an embargo holds.
EMBARGO_ACTIONS = {Action.SCHEDULE_AT_EMBARGO, Action.LIFT_EMBARGO}

DONE_MESSAGES = {
    Action.SUBMIT: _("“%(title)s” was submitted for review."),
    Action.RETURN: _("“%(title)s” was returned to its writer."),
    Action.PUBLISH: _("“%(title)s” is published."),
    Action.SCHEDULE: _("“%(title)s” is scheduled for %(time)s."),
    Action.WITHDRAW: _("“%(title)s” was withdrawn from the public site."),
    Action.REPUBLISH: _("“%(title)s” is published again."),
    Action.CORRECT: _("The correction to “%(title)s” is published."),
    Action.SCHEDULE_AT_EMBARGO: _("“%(title)s” is scheduled for %(time)s, when its embargo ends."),
    Action.LIFT_EMBARGO: _("The embargo on “%(title)s” was lifted."),
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
    if action == Action.LIFT_EMBARGO:
        return can_edit(user, article) and may_lift_embargo(user)
    return can_edit(user, article) and is_editor(user)


def can_restore(user, article: Article) -> bool:
    return is_editor(user) and can_edit(user, article)


def allowed_actions(user, article: Article, now: datetime | None = None) -> list[Action]:
    now = now or timezone.now()
    state = article.state_at(now)
    return [
        a
        for a in Action
        if state in STARTS_FROM[a]
        and (a not in EMBARGO_ACTIONS or article.is_embargoed(now))
        and may(user, a, article)
    ]


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
    authors (whether there is one), note, when (the time asked for when scheduling),
    embargo_until, takedown (what a withdrawn article's address answers).
    """
    found = {}
    now = now or timezone.now()

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
        if when is None or when <= now:
            found["when"] = gettext("Choose a publication time in the future to schedule.")
    found.update(embargo_problems(action, values, now))
    if action == Action.WITHDRAW and given("takedown"):
        if values["takedown"] not in Article.Takedown.values:
            found["takedown"] = gettext(
                "Choose what its address shows: a public notice with the reason, or nothing "
                "(silent, for legal cases)."
            )
        elif values["takedown"] == Article.Takedown.NOTICE and given("note") and blank("note"):
            found["note"] = gettext("Write the reason readers will see on the notice.")
    return found


def embargo_problems(action: Action, values: dict, now: datetime) -> dict[str, str]:
    """An embargo in force: nothing puts the article out before it, nor schedules it earlier."""
    if "embargo_until" not in values:
        return {}
    embargo = values["embargo_until"]
    holds = embargo is not None and embargo > now
    time = {"time": local_datetime(embargo)} if embargo else {}
    if action in EMBARGOED_ACTIONS and holds:
        return {
            "embargo_until": gettext(
                "Embargoed until %(time)s: nobody can publish it before then. Schedule it "
                "for that time, or ask an editor-in-chief to lift the embargo."
            )
            % time
        }
    when = values.get("when")
    if action == Action.SCHEDULE and holds and when is not None and when < embargo:
        return {
            "when": gettext("The embargo lasts until %(time)s: choose that time or later.") % time
        }
    if action in EMBARGO_ACTIONS and not holds:
        return {"embargo_until": gettext("There is no embargo in force on this article.")}
    return {}


def embargo_change_problems(
    stored: Article | None, embargo_until, published_at, now: datetime | None = None
) -> dict[str, str]:
    """What a save may not do to an embargo (whatever button, if any, goes with it).

    It may set one or move it later. Ending one in force earlier is the editor-in-chief's
    "lift the embargo", with its reason; a scheduled article keeps a time at or after it;
    an article already public cannot be embargoed.
    """
    now = now or timezone.now()
    found = {}
    held = stored.embargo_until if stored is not None and stored.is_embargoed(now) else None
    if held and (embargo_until is None or embargo_until < held):
        found["embargo_until"] = gettext(
            "The embargo holds until %(time)s: to end it earlier, an editor-in-chief uses "
            "“Lift the embargo now”, with a reason."
        ) % {"time": local_datetime(held)}
        return found
    if stored is None or embargo_until is None or embargo_until <= now:
        return found
    state = stored.state_at(now)
    if state == State.PUBLISHED and embargo_until != stored.embargo_until:
        found["embargo_until"] = gettext(
            "The article is already public: an embargo can only hold back an article that "
            "has not gone out."
        )
    elif state == State.SCHEDULED and published_at is not None and published_at < embargo_until:
        found["published_at"] = gettext(
            "The embargo lasts until %(time)s: the publication time must be that or later."
        ) % {"time": local_datetime(embargo_until)}
    return found


def has_content(body: str) -> bool:
    """A body with words or a picture in it (an empty editor leaves `<p>&nbsp;</p>`)."""
    return bool(strip_tags(body or "").replace("&nbsp;", " ").strip()) or "<img" in (body or "")


def values_of(
    article: Article, *, note: str = "", when: datetime | None = None, takedown: str = ""
) -> dict:
    """Everything problems() checks, as a saved article and the person's note and time."""
    return {
        "embargo_until": article.embargo_until,
        "takedown": takedown,
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
    takedown: str = "",
) -> Transition:
    """Make one transition, record it with a revision, and tell the people concerned."""
    action, now = Action(action), timezone.now()
    check(by, action, article, now)
    values = values_of(article, note=note, when=when, takedown=takedown)
    if found := problems(action, values, now):
        raise TransitionError(" ".join(found.values()))
    transition = apply(
        action, article=article, by=by, note=note, when=when, takedown=takedown, now=now
    )
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
    takedown: str = "",
    now: datetime | None = None,
) -> Transition:
    """Change the article's fields for `action` (not saved) and return the unsaved record.

    The caller has checked problems(); the role and the state are checked again here.
    """
    now = now or timezone.now()
    check(by, action, article, now)
    note = (note or "").strip()
    from_status = article.status
    detail = ""
    if action == Action.SUBMIT:
        article.status = State.REVIEW
    elif action == Action.RETURN:
        article.status = State.DRAFT
    elif action == Action.PUBLISH:
        article.status, article.published_at = State.PUBLISHED, now
    elif action == Action.SCHEDULE:
        article.status, article.published_at = State.PUBLISHED, when
    elif action == Action.WITHDRAW:
        article.status, article.withdrawn_at = State.WITHDRAWN, now
        article.takedown = takedown or Article.Takedown.SILENT
        article.takedown_reason = note if article.takedown == Article.Takedown.NOTICE else ""
        detail = str(Article.Takedown(article.takedown).label)
    elif action == Action.REPUBLISH:
        article.status = State.PUBLISHED
        article.published_at = article.published_at or now
        article.takedown, article.takedown_reason, article.withdrawn_at = "", "", None
    elif action == Action.CORRECT:
        article.correction_note, article.corrected_at = note, now
    elif action == Action.SCHEDULE_AT_EMBARGO:
        article.status, article.published_at = State.PUBLISHED, article.embargo_until
    elif action == Action.LIFT_EMBARGO:
        detail = gettext("The embargo was until %(time)s.") % {
            "time": local_datetime(article.embargo_until)
        }
        article.embargo_until = None
    if article.created_by_id is None:
        article.created_by = by
    article.updated_by = by
    return Transition(
        article=article,
        action=action,
        from_status=from_status,
        to_status=article.status,
        note=note,
        detail=detail,
        by=by,
        at=now,
    )


def record(transition: Transition) -> Transition:
    """Store the transition of a saved article, name the revision after it, tell people."""
    transition.save()
    if transition.action == Action.CORRECT:
        # Every correction stays on the record; the article keeps the latest for modified_at.
        Correction.objects.create(
            article=transition.article, note=transition.note, at=transition.at, by=transition.by
        )
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
    Action.LIFT_EMBARGO: _("Write why the embargo is lifted early: the desk is told by email."),
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
    going_out = (Action.PUBLISH, Action.SCHEDULE, Action.REPUBLISH, Action.SCHEDULE_AT_EMBARGO)
    if action in (Action.SUBMIT, Action.LIFT_EMBARGO, *going_out):
        people += list(editors().exclude(email=""))
    if action in (Action.RETURN, *going_out):
        writer = article.created_by
        if writer is not None and writer.is_active and writer.email:
            people.append(writer)
    return sorted({p.email for p in people if p.pk != transition.by_id})


NOTIFIED = {
    Action.SUBMIT,
    Action.RETURN,
    Action.PUBLISH,
    Action.SCHEDULE,
    Action.REPUBLISH,
    Action.SCHEDULE_AT_EMBARGO,
    Action.LIFT_EMBARGO,
}


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
        if transition.detail:
            lines.append(transition.detail)
        lines.append(link)
    return send_mail(f"[{settings.SITE_NAME}] {subject}", "\n\n".join(lines), None, to)
