import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import workflow
from articles.editorial import admin_views
from articles.editorial.forms import ArticleAdminForm, AttachmentForm
from articles.models import Article, Attachment, Autosave, Byline, Tag
from articles.workflow import Action, State
from newsroom.timezones import local_datetime

# The name of the change form's workflow buttons; their value is the Action.
WORKFLOW_BUTTON = "_workflow"
BULK_ACTIONS = {"submit_selected": Action.SUBMIT, "publish_selected": Action.PUBLISH}
BULK_ACTIONS["withdraw_selected"] = Action.WITHDRAW


def posted_has_authors(data) -> bool:
    """Whether the byline rows being saved name at least one author (not deleted)."""
    try:
        total = int(data.get("bylines-TOTAL_FORMS", 0))
    except ValueError:
        return False
    return any(
        data.get(f"bylines-{i}-author") and not data.get(f"bylines-{i}-DELETE")
        for i in range(min(total, 1000))
    )


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    extra = 1
    fields = ["file", "title", "position", "original_filename", "human_size"]
    readonly_fields = ["original_filename", "human_size"]

    @admin.display(description=_("size"))
    def human_size(self, attachment: Attachment) -> str:
        return filesizeformat(attachment.size) if attachment.pk else ""


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.in_state(State(self.value()))
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/history.html"
    list_display = ["title", "state", "published_at", "updated_at", "updated_by"]
    list_filter = [StateFilter, "tags", "authors"]
    list_select_related = ["updated_by"]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["tags"]
    inlines = [BylineInline, AttachmentInline]
    readonly_fields = ["state", "created_at", "updated_at", "created_by", "updated_by"]
    actions = list(BULK_ACTIONS)

    # Who sees and edits what: the rules live in articles.workflow.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not workflow.is_editor(request.user):
            queryset = queryset.filter(created_by=request.user)
        return queryset

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or workflow.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_publish_permission(self, request):
        return workflow.is_editor(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not workflow.is_editor(request.user):
            fields.append("published_at")
        return fields

    def get_fieldsets(self, request, obj=None):
        editable = obj is None or self.has_change_permission(request, obj)
        publishing = ["tags", "state", "published_at"]
        fieldsets = [
            (None, {"fields": ["title", "slug", "summary", "body"]}),
            (_("Cover image"), {"fields": ["cover_image", "cover_caption", "cover_alt"]}),
            (_("Tags and publishing"), {"fields": publishing}),
        ]
        if editable:
            fieldsets[0][1]["fields"].append("base_version")
            allowed = workflow.allowed_actions(request.user, obj or Article()) if obj else []
            notes = [
                *(["workflow_note"] if Action.RETURN in allowed else []),
                *(["public_note"] if Action.CORRECT in allowed else []),
            ]
            if notes:
                fieldsets.append((_("Notes for the workflow"), {"fields": notes}))
        fieldsets.append(
            (
                _("History"),
                {
                    "classes": ["collapse"],
                    "fields": ["created_at", "created_by", "updated_at", "updated_by"],
                },
            )
        )
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(
            form.__name__,
            (form,),
            {
                "action": getattr(request, "workflow_action", None),
                "action_error": getattr(request, "workflow_error", ""),
                "has_authors": posted_has_authors(request.POST),
            },
        )

    @admin.display(description=_("state"))
    def state(self, article):
        state = article.state
        if state == State.SCHEDULED:
            return gettext("Scheduled for %(time)s") % {
                "time": local_datetime(article.published_at)
            }
        return state.label

    def view_on_site(self, article):
        if article.is_published():
            return article.get_absolute_url()
        return reverse("articles:preview", args=[article.pk])

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # A new article starts with its writer's own byline (on display only: on a POST
        # an initial value would make an untouched row look unchanged and be dropped).
        author = getattr(request.user, "author", None)
        adding = obj is None or obj.pk is None
        if adding and isinstance(inline, BylineInline) and request.method == "GET" and author:
            kwargs["initial"] = [{"author": author.pk, "position": 0}]
        return kwargs

    # Saving: one revision per save; a workflow button saves, then makes its transition.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.workflow_action = None
        if request.method == "POST" and WORKFLOW_BUTTON in request.POST:
            try:
                action = Action(request.POST[WORKFLOW_BUTTON])
            except ValueError:
                return HttpResponseBadRequest(gettext("Unknown workflow action."))
            obj = self.get_object(request, object_id) if object_id else None
            if object_id and obj is None:
                raise PermissionDenied
            try:
                workflow.check(request.user, action, obj or Article(created_by=request.user))
            except workflow.TransitionError as exc:
                # Typically a page opened before someone else moved the article: the
                # form comes back with the message and everything typed.
                request.workflow_error = str(exc)
            request.workflow_action = action
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.TransitionError as exc:
            # Someone moved the article between the check above and the save.
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        reversion.set_comment(gettext("Saved") if change else gettext("Created"))
        # What was being typed is now saved: nothing left to offer back. (A new article's
        # autosave has no article yet; another article's save must not drop it.)
        Autosave.objects.filter(user=request.user, article=article if change else None).delete()
        action = request.workflow_action
        if action is not None:
            note = form.cleaned_data.get(
                "public_note" if action == Action.CORRECT else "workflow_note", ""
            )
            request.workflow_transition = workflow.perform(
                action,
                article=article,
                by=request.user,
                note=note,
                when=form.cleaned_data.get("published_at"),
            )

    def response_add(self, request, obj, post_url_continue=None):
        return self._transition_response(request) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._transition_response(request) or super().response_change(request, obj)

    def _transition_response(self, request):
        transition = getattr(request, "workflow_transition", None)
        if transition is None:
            return None
        self.message_user(request, workflow.done_message(transition), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article(created_by=request.user)
        context.update(admin_views.change_form_context(self, request, article))
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Bulk actions go through the same workflow as the buttons.

    def changelist_view(self, request, extra_context=None):
        posted = request.POST.get("action") if request.method == "POST" else None
        if posted in BULK_ACTIONS and posted not in self.get_actions(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Submit selected articles for review"))
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, Action.SUBMIT)

    @admin.action(description=_("Publish selected articles now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, Action.PUBLISH)

    @admin.action(description=_("Withdraw selected articles"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._bulk(request, queryset, Action.WITHDRAW)

    def _bulk(self, request, queryset, action: Action):
        done = 0
        # The admin's changelist is not atomic: the row locks need a transaction of their own;
        # each article still gets its own savepoint, so one refusal undoes only that one.
        with transaction.atomic():
            for article in queryset.select_for_update(of=("self",)):
                try:
                    with transaction.atomic():
                        workflow.perform(action, article=article, by=request.user)
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

    # History, comparison, restore and autosave.

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("autosave/", wrap(admin_views.autosave), name="articles_article_autosave"),
            path(
                "<path:object_id>/compare/",
                wrap(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/restore/<int:version_id>/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return admin_views.history(self, request, object_id)

    def compare_view(self, request, object_id):
        return admin_views.compare(self, request, object_id)

    def restore_view(self, request, object_id, version_id):
        return admin_views.restore(self, request, object_id, version_id)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
