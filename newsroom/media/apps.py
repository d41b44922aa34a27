from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "newsroom.media"
    label = "media"
    verbose_name = _("Media")

    def ready(self):
        from newsroom.media.files import connect_file_cleanup
        from newsroom.media.models import Embed, GalleryImage, MediaItem

        for model in (Embed, MediaItem, GalleryImage):
            connect_file_cleanup(model)
