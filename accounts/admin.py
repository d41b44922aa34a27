from django.contrib import admin

from accounts.models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name", "slug", "user__username"]
    raw_id_fields = ["user"]
