"""The audit log: who published, withdrew, lifted an embargo, changed a role, reset a second
factor, made a preview link — one page for admins, filterable, with a CSV export.

Its entries are the records themselves (Transition, AccountEvent, PreviewLink), read as one
list through a UNION; the page only reads them. Nobody edits or deletes an entry: none of
these models has an admin page that could, for admins or superusers alike.
"""

import csv
from datetime import datetime, time

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import CharField, F, Q, Value
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import AccountEvent
from articles.models import PreviewLink, Transition
from newsroom.timezones import local_datetime_seconds

User = get_user_model()
PAGE_SIZE = 100


class Kind:
    ARTICLE = "article"
    ACCOUNT = "account"
    PREVIEW = "preview"


KINDS = [
    (Kind.ARTICLE, _("Articles")),
    (Kind.ACCOUNT, _("Staff accounts")),
    (Kind.PREVIEW, _("Preview links")),
]
PREVIEW_ACTIONS = {
    "preview_link_created": _("Preview link made"),
    "preview_link_revoked": _("Preview link revoked"),
}
ACTION_LABELS = {
    **{(Kind.ARTICLE, value): label for value, label in Transition.Action.choices},
    **{(Kind.ACCOUNT, value): label for value, label in AccountEvent.Action.choices},
    **{(Kind.PREVIEW, value): label for value, label in PREVIEW_ACTIONS.items()},
}
COLUMNS = ["e_at", "e_kind", "e_action", "e_actor", "e_subject", "e_note", "e_detail"]


def _text(value) -> Value:
    return Value(value, output_field=CharField())


# Where each column of an entry comes from, for each kind of record (a field, or a text).
SOURCES = [
    (
        Kind.ARTICLE,
        lambda: Transition.objects.all(),
        ["at", "action", "by__username", "article__title", "note", "detail"],
    ),
    (
        Kind.ACCOUNT,
        lambda: AccountEvent.objects.all(),
        ["created_at", "action", "actor__username", "subject__username", _text(""), "detail"],
    ),
    (
        Kind.PREVIEW,
        lambda: PreviewLink.objects.all(),
        [
            "created_at",
            _text("preview_link_created"),
            "created_by__username",
            "article__title",
            "recipient",
            _text(""),
        ],
    ),
    (
        Kind.PREVIEW,
        lambda: PreviewLink.objects.filter(revoked_at__isnull=False),
        [
            "revoked_at",
            _text("preview_link_revoked"),
            "revoked_by__username",
            "article__title",
            "recipient",
            _text(""),
        ],
    ),
]


def parts(kinds: set[str]) -> list:
    """One SELECT for each kind of record, with the same columns."""
    found = []
    for kind, queryset, sources in SOURCES:
        if kind not in kinds:
            continue
        columns = {"e_kind": _text(kind)}
        for name, source in zip(["e_at", *COLUMNS[2:]], sources, strict=True):
            columns[name] = F(source) if isinstance(source, str) else source
        # No ORDER BY of its own (the models' default orders): SQL allows one, on the UNION.
        found.append(queryset().order_by().annotate(**columns).values(*COLUMNS))
    return found


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Records"), choices=[("", _("All")), *KINDS], required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    person = forms.CharField(label=_("By (user name)"), required=False, max_length=150)
    q = forms.CharField(
        label=_("Article, account or note contains"), required=False, max_length=200
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            ("", _("All")),
            *((f"{kind}:{value}", label) for (kind, value), label in ACTION_LABELS.items()),
        ]


def entries(filters: dict):
    """The entries the filters let through, newest first (one UNION query)."""
    kinds = {filters["kind"]} if filters.get("kind") else {k for k, _label in KINDS}
    action = filters.get("action") or ""
    if action:
        kind, _sep, action = action.partition(":")
        kinds &= {kind}
    condition = Q()
    if action:
        condition &= Q(e_action=action)
    if filters.get("person"):
        condition &= Q(e_actor__iexact=filters["person"].strip())
    if filters.get("q"):
        words = filters["q"]
        condition &= (
            Q(e_subject__icontains=words)
            | Q(e_note__icontains=words)
            | Q(e_detail__icontains=words)
        )
    zone = timezone.get_current_timezone()
    if filters.get("since"):
        condition &= Q(e_at__gte=datetime.combine(filters["since"], time.min, zone))
    if filters.get("until"):
        condition &= Q(e_at__lte=datetime.combine(filters["until"], time.max, zone))
    selected = [part.filter(condition) for part in parts(kinds)]
    if not selected:
        return Transition.objects.none().values(*COLUMNS)
    first, *rest = selected
    return first.union(*rest, all=True).order_by("-e_at") if rest else first.order_by("-e_at")


def labelled(row: dict) -> dict:
    row["label"] = ACTION_LABELS.get((row["e_kind"], row["e_action"]), row["e_action"])
    return row


def audit_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = entries(filters)
    if request.GET.get("format") == "csv":
        return csv_response(rows)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [labelled(row) for row in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("Audit log"),
        "form": form,
        "page_obj": page,
        "kinds": dict(KINDS),
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/articles/audit_log.html", context)


class _Echo:
    def write(self, value):
        return value


def _cell(value) -> str:
    """A spreadsheet cell that stays text: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(rows) -> StreamingHttpResponse:
    """Every entry the filters let through, as CSV (UTF-8 with a BOM, for spreadsheets)."""
    writer = csv.writer(_Echo())
    header = [
        gettext("When"),
        gettext("Records"),
        gettext("Action"),
        gettext("By"),
        gettext("Article or account"),
        gettext("Note"),
        gettext("Detail"),
    ]
    kinds = dict(KINDS)

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for row in rows.iterator():
            row = labelled(row)
            yield writer.writerow(
                [
                    local_datetime_seconds(row["e_at"]),
                    _cell(kinds.get(row["e_kind"], row["e_kind"])),
                    _cell(row["label"]),
                    _cell(row["e_actor"] or ""),
                    _cell(row["e_subject"]),
                    _cell(row["e_note"]),
                    _cell(row["e_detail"]),
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
