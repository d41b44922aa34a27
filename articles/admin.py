from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.admin import RecordAdminMixin
from accounts.roles import is_editor
from articles import workflow
from articles.editorial import audit, autosave, preview_links, revision_views
from articles.editorial.forms import (
    ACTION_FIELDS,
    NOTE_FIELDS,
    ArticleAdminForm,
    AttachmentForm,
    BylineFormSet,
)
from articles.editorial.workflow_admin import WorkflowAdminMixin
from articles.models import Article, Attachment, AuditEntry, Byline, Tag
from articles.workflow import State
from newsroom.timezones import local_datetime


class BylineInline(admin.TabularInline):
    model = Byline
    formset = BylineFormSet
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
class ArticleAdmin(WorkflowAdminMixin, admin.ModelAdmin):
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

    # Who sees and edits what: the rules live in articles.workflow.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not is_editor(request.user):
            queryset = queryset.filter(created_by=request.user)
        return queryset

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or workflow.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not is_editor(request.user):
            fields.append("published_at")
        return fields

    def get_fieldsets(self, request, obj=None):
        editable = obj is None or self.has_change_permission(request, obj)
        publishing = ["tags", "state", "published_at", "embargo_until"]
        fieldsets = [
            (None, {"fields": ["title", "slug", "summary", "body"]}),
            (
                _("Cover image"),
                {
                    "fields": [
                        "cover_image",
                        "cover_caption",
                        "cover_alt",
                        "cover_credit",
                        ("cover_focus_x", "cover_focus_y"),
                        "lead_media",
                    ]
                },
            ),
            (_("Tags and publishing"), {"fields": publishing}),
        ]
        if editable:
            fieldsets[0][1]["fields"].append("base_version")
            allowed = workflow.allowed_actions(request.user, obj) if obj else []
            notes = []
            for action in allowed:
                notes += ACTION_FIELDS.get(action, [])
                notes += [NOTE_FIELDS[action]] if action in NOTE_FIELDS else []
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        autosave.forget(request.user, form.instance, created=not change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article(created_by=request.user)
        editable = self.has_change_permission(request, obj)
        context.update(self.workflow_context(request, article))
        context.update(autosave.form_context(request.user, article, editable=editable))
        if article.pk:
            context["preview_url"] = reverse("articles:preview", args=[article.pk])
            if preview_links.may_share(request.user, article):
                context["preview_links_url"] = reverse(
                    "admin:articles_article_preview_links", args=[article.pk]
                )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # History, comparison, restore and autosave.

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("autosave/", wrap(autosave.autosave), name="articles_article_autosave"),
            path(
                "<path:object_id>/compare/",
                wrap(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/preview-links/",
                wrap(self.preview_links_view),
                name="articles_article_preview_links",
            ),
            path(
                "<path:object_id>/preview-links/<int:link_pk>/revoke/",
                wrap(self.revoke_preview_link_view),
                name="articles_article_revoke_preview_link",
            ),
            path(
                "<path:object_id>/restore/<int:version_id>/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return revision_views.history(self, request, object_id)

    def compare_view(self, request, object_id):
        return revision_views.compare(self, request, object_id)

    def restore_view(self, request, object_id, version_id):
        return revision_views.restore(self, request, object_id, version_id)

    def preview_links_view(self, request, object_id):
        return preview_links.links_view(self, request, object_id)

    def revoke_preview_link_view(self, request, object_id, link_pk):
        return preview_links.revoke_view(self, request, object_id, link_pk)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(AuditEntry)
class AuditLogAdmin(RecordAdminMixin, admin.ModelAdmin):
    """The audit log (articles/editorial/audit.py): read only, for whoever may view it."""

    def changelist_view(self, request, extra_context=None):
        return audit.audit_view(self, request)

    def get_urls(self):
        # Only the list: no page of one entry to change, delete or see the history of.
        wrap = self.admin_site.admin_view
        return [path("", wrap(self.changelist_view), name="articles_auditentry_changelist")]
