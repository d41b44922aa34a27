"""The admin's article forms: the workflow button's checks, its note, the lost-update check,
the bylines and the attachments."""

from __future__ import annotations

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import body_references, workflow
from articles.editorial import revisions
from articles.models import Article, Attachment
from articles.workflow import Action
from newsroom.media import focal_point
from newsroom.timezones import local_datetime_seconds

# The name of the change form's workflow buttons; their value is the Action.
WORKFLOW_BUTTON = "_workflow"
# The note each action asks for, by the form field that holds it.
NOTE_FIELDS = {
    Action.RETURN: "workflow_note",
    Action.CORRECT: "public_note",
    Action.WITHDRAW: "withdraw_reason",
    Action.LIFT_EMBARGO: "embargo_note",
}
# Other fields an action asks for (shown beside the notes when the action is possible).
ACTION_FIELDS = {Action.WITHDRAW: ["withdraw_as"]}
# What workflow.problems() reports as "when" is this form's publication time.
PROBLEM_FIELDS = {"when": "published_at", "takedown": "withdraw_as"}
# The typed values workflow.problems() checks; the bylines are the formset's (below).
CHECKED_FIELDS = ["title", "summary", "body", "cover_image", "cover_alt", "embargo_until"]


def pressed_action(data) -> Action | None:
    """The workflow button a form was sent with; None for a plain save or an unknown value."""
    try:
        return Action(data[WORKFLOW_BUTTON])
    except (KeyError, ValueError):
        return None


class ArticleAdminForm(forms.ModelForm):
    # The transition a workflow button makes, once the admin has applied it (workflow_admin).
    transition = None

    # The version this form was opened at; a save from an older one is refused.
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    workflow_note = forms.CharField(
        label=_("Note to the writer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when returning the article: the writer sees it and gets it by email."
        ),
    )
    public_note = forms.CharField(
        label=_("Correction note (public)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for a correction: readers see it on the article, with its time."),
    )
    # Not "takedown": that is the article's own (non-editable) record of the choice.
    withdraw_as = forms.ChoiceField(
        label=_("When withdrawing, its address shows"),
        choices=Article.Takedown.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    withdraw_reason = forms.CharField(
        label=_("Reason for withdrawing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Required for a public notice: readers see it at the article's address, e.g. "
            "“gỡ theo yêu cầu của cơ quan chức năng”. Kept in the record either way."
        ),
    )
    embargo_note = forms.CharField(
        label=_("Reason for lifting the embargo early"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to lift the embargo: the desk gets it by email."),
    )

    # Wider than the stored reference: a pasted link is made into one (clean_lead_media).
    lead_media = forms.CharField(
        label=Article._meta.get_field("lead_media").verbose_name,
        help_text=Article._meta.get_field("lead_media").help_text,
        max_length=2000,
        required=False,
        widget=forms.TextInput(attrs={"class": "vLargeTextField"}),
    )

    class Meta:
        model = Article
        # The admin's fieldsets decide what is shown; these are what may ever be edited.
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "cover_image",
            "cover_caption",
            "cover_alt",
            "cover_credit",
            "cover_focus_x",
            "cover_focus_y",
            "lead_media",
            "tags",
            "published_at",
            "embargo_until",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["base_version"] = self.instance.version
        article = self.instance
        if "lead_media" in self.fields and not self.is_bound:
            self.initial["lead_media"] = body_references.lead_display(article.lead_media)
        focal_point.attach_widget(
            self,
            "cover_focus_x",
            "cover_focus_y",
            article.cover_image,
            article.cover_width,
            article.cover_height,
        )

    def clean_lead_media(self) -> str:
        return body_references.clean_lead(self.cleaned_data.get("lead_media", ""))

    @cached_property
    def action(self) -> Action | None:
        """The workflow button pressed, if any: the save then makes that transition."""
        return pressed_action(self.data) if self.is_bound else None

    @property
    def note(self) -> str:
        """The note typed for the pressed button's action (see NOTE_FIELDS)."""
        field = NOTE_FIELDS.get(self.action)
        return (self.cleaned_data.get(field) or "").strip() if field else ""

    def value(self, name: str):
        """The typed value when the field is in the form, else the stored one."""
        if name in self.fields:
            return self.cleaned_data.get(name)
        return getattr(self.instance, name)

    def clean(self):
        cleaned = super().clean()
        current = self.check_version()
        self.check_embargo(current)
        if self.action is not None:
            self.check_action(current or self.instance)
        return cleaned

    def check_embargo(self, stored: Article | None) -> None:
        """Whatever button goes with it, a save may not end an embargo early (workflow)."""
        if "embargo_until" not in self.fields:
            return
        found = workflow.embargo_change_problems(
            stored, self.cleaned_data.get("embargo_until"), self.value("published_at")
        )
        for field, message in found.items():
            self.add_error(field if field in self.fields else None, message)

    def check_action(self, article: Article) -> None:
        """The pressed button's action is possible now, and what it needs is filled in."""
        try:
            workflow.check_state(self.action, article)
        except workflow.TransitionError as exc:
            # Typically a page opened before someone else moved the article: the form
            # comes back with the message and everything typed.
            self.add_error(None, str(exc))
            return
        typed = {name: self.value(name) for name in CHECKED_FIELDS}
        typed["note"] = self.note
        if "published_at" in self.fields:
            typed["when"] = self.cleaned_data.get("published_at")
        if self.action == Action.WITHDRAW:
            typed["takedown"] = self.cleaned_data.get("withdraw_as") or ""
        for key, message in workflow.problems(self.action, typed).items():
            field = NOTE_FIELDS[self.action] if key == "note" else PROBLEM_FIELDS.get(key, key)
            self.add_error(field if field in self.fields else None, message)

    def check_version(self) -> Article | None:
        """Refuse a save started from an older version, naming who saved since and what.

        Returns the article as stored now (None on the add form), its row locked until the
        admin's transaction ends, so two saves cannot both pass this check.
        """
        if self.instance.pk is None:
            return None
        started = self.cleaned_data.get("base_version")
        current = Article.objects.select_for_update().get(pk=self.instance.pk)
        if started == current.version:
            return current
        who = current.updated_by
        name = (who.get_full_name() or who.get_username()) if who else gettext("someone")
        changed = revisions.changes_since(current, started) if started else None
        what = ", ".join(changed) if changed else gettext("not recorded")
        self.add_error(
            None,
            gettext(
                "%(name)s saved this article at %(time)s, after you opened it. "
                "They changed: %(what)s. Your text has not been saved and is still below: "
                "compare it with the article in another tab, then save again to replace "
                "their version with yours."
            )
            % {
                "name": name,
                "time": local_datetime_seconds(current.updated_at),
                "what": what,
            },
        )
        # Saving again after reading the message is a deliberate overwrite.
        data = self.data.copy()
        data[self.add_prefix("base_version")] = current.version
        self.data = data
        return current


class BylineFormSet(BaseInlineFormSet):
    """An article's bylines; a workflow button that puts it out needs at least one author."""

    def clean(self):
        super().clean()
        action = pressed_action(self.data)
        if action is None:
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get(DELETION_FIELD_NAME)
        ]
        if problem := workflow.problems(action, {"authors": bool(kept)}).get("authors"):
            raise forms.ValidationError(problem)


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file", "title", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file = self.fields["file"]
        # Long names are shortened and empty files refused by validate_attachment,
        # with messages that name the file, rather than by Django's generic checks.
        file.max_length = None
        file.allow_empty_file = True
