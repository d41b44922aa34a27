"""The admin's article form: publishing checks, notes for transitions, lost-update check."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import workflow
from articles.editorial import revisions
from articles.models import Article, Attachment
from articles.workflow import Action


class ArticleAdminForm(forms.ModelForm):
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

    # Set by ArticleAdmin.get_form for the request at hand.
    action: Action | None = None
    action_error: str = ""  # the action is not possible in the article's current state
    has_authors: bool = True

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
            "tags",
            "published_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["base_version"] = self.instance.version

    def value(self, name: str):
        """The typed value when the field is in the form, else the stored one."""
        if name in self.fields:
            return self.cleaned_data.get(name)
        return getattr(self.instance, name)

    def clean(self):
        cleaned = super().clean()
        self.check_version()
        if self.action_error:
            self.add_error(None, self.action_error)
            return cleaned
        action = self.action
        if action in workflow.NEEDS_COMPLETE:
            problems = workflow.publishing_problems(
                title=self.value("title"),
                summary=self.value("summary"),
                body=self.value("body"),
                has_authors=self.has_authors,
                has_cover=bool(self.value("cover_image")),
                cover_alt=self.value("cover_alt"),
            )
            for field, message in problems.items():
                self.add_error(field if field in self.fields else None, message)
        if action == Action.RETURN and not (cleaned.get("workflow_note") or "").strip():
            self.add_error("workflow_note", workflow.note_required_message(action))
        if action == Action.CORRECT and not (cleaned.get("public_note") or "").strip():
            self.add_error("public_note", workflow.note_required_message(action))
        if action == Action.SCHEDULE:
            when = cleaned.get("published_at")
            if "published_at" in self.fields and (when is None or when <= timezone.now()):
                self.add_error(
                    "published_at", gettext("Choose a publication time in the future to schedule.")
                )
        return cleaned

    def check_version(self) -> None:
        """Refuse a save started from an older version, naming who saved since and what."""
        if self.instance.pk is None:
            return
        started = self.cleaned_data.get("base_version")
        # Locks the row until the admin's transaction ends (PostgreSQL), so two saves
        # cannot both pass this check.
        current = Article.objects.select_for_update().get(pk=self.instance.pk)
        if started == current.version:
            return
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
                "time": timezone.localtime(current.updated_at).strftime("%H:%M:%S %d/%m/%Y"),
                "what": what,
            },
        )
        # Saving again after reading the message is a deliberate overwrite.
        data = self.data.copy()
        data[self.add_prefix("base_version")] = current.version
        self.data = data


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
