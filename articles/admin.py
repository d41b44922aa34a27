from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Attachment, Byline, Tag


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 1
    fields = ["file", "title", "position", "original_filename", "size"]
    readonly_fields = ["original_filename", "size"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "updated_at", "updated_by"]
    list_filter = ["status", "tags", "authors", "published_at"]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["tags"]
    inlines = [BylineInline, AttachmentInline]
    readonly_fields = ["created_at", "updated_at", "created_by", "updated_by"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Cover image"), {"fields": ["cover_image", "cover_caption", "cover_alt"]}),
        (_("Tags and publishing"), {"fields": ["tags", "status", "published_at"]}),
        (
            _("History"),
            {
                "classes": ["collapse"],
                "fields": ["created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("updated_by")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
