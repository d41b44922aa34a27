from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and authors")

    def ready(self):
        from accounts.models import Author
        from newsroom.media.files import connect_file_cleanup

        connect_file_cleanup(Author)
