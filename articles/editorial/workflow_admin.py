"""The article admin's workflow: the change form's buttons and the bulk actions.

Every button and bulk action is a `workflow` transition. A button saves the form and makes
its transition in that one save: the form checks what the action needs
(articles/editorial/forms.py), `save_model` applies the transition to the article before
saving it, and `save_related` records it once the bylines and tags are saved too.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_editor
from articles import workflow
from articles.editorial.forms import WORKFLOW_BUTTON, pressed_action
from articles.models import Article
from articles.workflow import Action
from newsroom.timezones import zone_label


class WorkflowActionForm(ActionForm):
    """The bulk actions' bar, with what withdrawing asks for (workflow.problems says so)."""

    takedown = forms.ChoiceField(
        label=_("Withdrawn, the address shows"),
        choices=[("", "—"), *Article.Takedown.choices],
        required=False,
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)


class WorkflowAdminMixin:
    """For the Article ModelAdmin: its form is an ArticleAdminForm."""

    actions = ["submit_selected", "publish_selected", "withdraw_selected"]
    action_form = WorkflowActionForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and WORKFLOW_BUTTON in request.POST:
            action = pressed_action(request.POST)
            if action is None:
                raise BadRequest(gettext("Unknown workflow action."))  # the styled 400 page
            article = self.get_object(request, object_id) if object_id else None
            if object_id and article is None:
                raise PermissionDenied
            # The role, before anything is read from the form; the state is the form's.
            if not workflow.may(request.user, action, article or Article()):
                raise PermissionDenied
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.TransitionError as exc:
            # Someone moved the article between the form's check and the save.
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        if form.action is not None:
            form.transition = workflow.apply(
                form.action,
                article=obj,
                by=request.user,
                note=form.note,
                when=form.cleaned_data.get("published_at"),
                takedown=form.cleaned_data.get("withdraw_as") or "",
            )
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reversion.set_comment(gettext("Saved") if change else gettext("Created"))
        if form.action is not None:
            workflow.record(form.transition)  # names the revision after the action

    def response_add(self, request, obj, post_url_continue=None):
        return self.transition_response(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self.transition_response(request, obj) or super().response_change(request, obj)

    def transition_response(self, request, article):
        """After a button's transition: say what happened, back to the list."""
        action = pressed_action(request.POST)
        if action is None:
            return None
        self.message_user(request, workflow.done_message(action, article), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    def workflow_context(self, request, article: Article) -> dict:
        """What the change form shows of the workflow: the state, the buttons, a return note."""
        editable = self.has_change_permission(request, article if article.pk else None)
        context = {
            "workflow_button": WORKFLOW_BUTTON,
            "workflow_actions": workflow.allowed_actions(request.user, article) if editable else [],
            "workflow_state": article.state.label if article.pk else "",
            "zone_label": zone_label(),
        }
        if article.pk:
            last = article.transitions.select_related("by").first()
            if last and last.action == Action.RETURN and article.status == Article.State.DRAFT:
                context["returned"] = last
        return context

    # Bulk actions go through the same workflow as the buttons.

    def changelist_view(self, request, extra_context=None):
        posted = request.POST.get("action") if request.method == "POST" else None
        if posted in self.actions and posted not in self.get_actions(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    def has_publish_permission(self, request):
        return is_editor(request.user)

    @admin.action(description=_("Submit selected articles for review"))
    def submit_selected(self, request, queryset):
        self.bulk_perform(request, queryset, Action.SUBMIT)

    @admin.action(description=_("Publish selected articles now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.bulk_perform(request, queryset, Action.PUBLISH)

    @admin.action(description=_("Withdraw selected articles"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self.bulk_perform(
            request,
            queryset,
            Action.WITHDRAW,
            takedown=request.POST.get("takedown", ""),
            note=request.POST.get("reason", ""),
        )

    def bulk_perform(self, request, queryset, action: Action, **details):
        done = 0
        # The admin's changelist is not atomic: the row locks need a transaction of their own;
        # each article still gets its own savepoint, so one refusal undoes only that one.
        with transaction.atomic():
            for article in queryset.select_for_update(of=("self",)):
                try:
                    with transaction.atomic():
                        workflow.perform(action, article=article, by=request.user, **details)
                    done += 1
                except PermissionDenied:
                    messages.error(
                        request,
                        gettext("You may not do this to “%(title)s”.") % {"title": article.title},
                    )
                except workflow.TransitionError as exc:
                    messages.error(request, f"“{article.title}”: {exc}")
        if done:
            messages.success(
                request,
                gettext("%(action)s: %(count)d article(s).")
                % {"action": action.label, "count": done},
            )
