"""The focal point: where an image's subject is, set by an editor clicking the image.

Two small columns, percent across and down (50, 50: the middle), beside each image that
is shown in fixed shapes (the article's cover, the editor's uploads, a gallery's photos).
newsroom.media.renditions crops the shapes around it; CleanImageField(focus_fields=…)
makes the crops at upload and again when the focus moves.

In the admin, `FocalPointWidget` shows the image with a cross-hair: a click sets both
numbers (static/media/focal_point.js), which stay ordinary number inputs for the keyboard.
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.media import pictures


class FocusFormField(forms.IntegerField):
    """Left empty (or not sent at all), the focus is the middle."""

    def to_python(self, value):
        value = super().to_python(value)
        return 50 if value is None else value


class FocusField(models.PositiveSmallIntegerField):
    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": FocusFormField, "required": False, "max_value": 100, **kwargs}
        )

    def deconstruct(self):
        # Migrations see a plain PositiveSmallIntegerField: the form side is behaviour.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.PositiveSmallIntegerField", args, kwargs


def focus_fields() -> tuple[models.Field, models.Field]:
    """(across, down): the two columns of a focal point, 0–100, the middle by default."""
    return (
        FocusField(_("focal point across (%)"), default=50, validators=[MaxValueValidator(100)]),
        FocusField(_("focal point down (%)"), default=50, validators=[MaxValueValidator(100)]),
    )


class FocalPointWidget(forms.NumberInput):
    """The "across" number, with the image beside it to click; `partner` names the "down"
    input's id suffix. The form gives it the image (`widget.image = (storage, name, w, h)`)."""

    template_name = "media/widgets/focal_point.html"

    def __init__(self, partner: str, attrs=None):
        super().__init__({"min": 0, "max": 100, "step": 1, **(attrs or {})})
        self.partner = partner
        self.image = None

    class Media:
        js = ["media/focal_point.js"]
        css = {"all": ["media/focal_point.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        preview = None
        if self.image:
            storage, stored, width, height = self.image
            preview = pictures.sources(storage, stored, width, height, 640)
        context["widget"].update(partner=self.partner, preview=preview)
        return context


def attach_widget(form, across: str, down: str, image, width, height) -> None:
    """Give the form's `across` field the clickable image (a stored file and its size)."""
    if across not in form.fields:
        return
    widget = FocalPointWidget(partner=f"id_{form.add_prefix(down)}")
    form.fields[across].widget = widget
    form.fields[down].widget = forms.NumberInput({"min": 0, "max": 100, "step": 1})
    if image and width and height:
        widget.image = (image.storage, image.name, width, height)
