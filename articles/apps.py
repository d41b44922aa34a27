from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django import forms
        from django.contrib import admin
        from django.contrib.admin import options
        from django.db import models

        from articles.body_images import connect_inline_image_cleanup
        from articles.editorial.revisions import files_in_revisions
        from articles.models import Article, Attachment
        from articles.public.page_cache import connect_invalidation
        from articles.tag_listings import connect as connect_tag_listings
        from newsroom.media.files import connect_file_cleanup
        from newsroom.timezones import ZonedSplitDateTime

        connect_invalidation()
        connect_story_invalidation()
        connect_tag_listings()
        connect_file_cleanup(Article, in_revisions=files_in_revisions)
        connect_file_cleanup(Attachment)
        connect_inline_image_cleanup(Article)

        # Every date-time input in the admin names its time zone (giờ Việt Nam, UTC+7).
        # The admin has already discovered its ModelAdmins (it is ready first), so
        # those get it directly; the defaults cover any registered later.
        zoned = {"form_class": forms.SplitDateTimeField, "widget": ZonedSplitDateTime}
        options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField] = zoned
        for model_admin in admin.site._registry.values():
            model_admin.formfield_overrides[models.DateTimeField] = dict(zoned)


def connect_story_invalidation() -> None:
    """An edited embed, video/audio item or gallery (its photos too) changes the pages that
    show it: a new page-cache generation, as for articles."""
    from django.db.models.signals import post_delete, post_save

    from articles.public.page_cache import invalidate_on_change
    from newsroom.media.models import Embed, Gallery, GalleryImage, MediaItem

    for model in (Embed, MediaItem, Gallery, GalleryImage):
        uid = f"pages-{model._meta.label}"
        post_save.connect(invalidate_on_change, sender=model, dispatch_uid=uid)
        post_delete.connect(invalidate_on_change, sender=model, dispatch_uid=f"{uid}-d")
