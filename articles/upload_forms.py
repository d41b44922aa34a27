"""Upload forms for the admin: each file is checked on its own field, with the reason there."""

from django import forms

from articles.models import Attachment


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
