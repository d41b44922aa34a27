"""Date-times in the newsroom's time zone, the one home of how a time is written.

For people, in the language's format (newsroom/formats): `local_datetime` ("20:15
19/04/2024"), `local_datetime_seconds` ("20:15:07 19/04/2024", where saves a minute apart
must differ: revisions, edit conflicts, autosave). For machines (`<time datetime>`,
JSON-LD, sitemaps): `iso_datetime` ("2024-04-19T20:15:00+07:00"). Templates use the same
three as filters ({% load times %}). And admin inputs that say which zone they are read in
(giờ Việt Nam, UTC+7 by default).
"""

from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils import timezone
from django.utils.formats import date_format, get_format_modules
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ZONE_NAMES = {"Asia/Ho_Chi_Minh": _("Vietnam time"), "Asia/Saigon": _("Vietnam time")}


def local_datetime(value) -> str:
    """'20:15 19/04/2024' in Vietnamese, '20:15, 19 Apr 2024' in English (newsroom/formats)."""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


def local_datetime_seconds(value) -> str:
    """'20:15:07 19/04/2024' in Vietnamese: DATETIME_SECONDS_FORMAT of newsroom/formats."""
    if not value:
        return ""
    # Not one of Django's format names, so get_format() cannot look it up.
    modules = get_format_modules()
    fmt = next(
        (m.DATETIME_SECONDS_FORMAT for m in modules if hasattr(m, "DATETIME_SECONDS_FORMAT")),
        "H:i:s d/m/Y",
    )
    return date_format(timezone.localtime(value), fmt)


def local_time_with_seconds(value) -> str:
    """'20:15:07': the time of day alone, for a status line that updates every few seconds."""
    return date_format(timezone.localtime(value), "H:i:s") if value else ""


def iso_datetime(value) -> str:
    """'2024-04-19T20:15:00+07:00': local time to the second, for machines."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def zone_label() -> str:
    """'giờ Việt Nam, UTC+7' for the current time zone; its name and offset otherwise."""
    offset = timezone.localtime().utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    zone = timezone.get_current_timezone_name()
    name = ZONE_NAMES.get(zone, zone)
    return gettext("%(zone)s, %(offset)s") % {"zone": name, "offset": utc}


class ZonedSplitDateTime(AdminSplitDateTime):
    """The admin's date and time inputs, followed by the time zone they are read in."""

    # Widget templates are found in apps' folders (the form renderer has no DIRS).
    template_name = "admin/widgets/zoned_split_datetime.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["zone_label"] = zone_label()
        return context
