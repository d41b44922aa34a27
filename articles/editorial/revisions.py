"""Revisions of an article (django-reversion): what changed, a readable diff, restoring one."""

from __future__ import annotations

import html
import json
import re
from difflib import SequenceMatcher

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from reversion.models import Version

from accounts.models import Author
from articles import workflow
from articles.models import Article, Byline, Tag
from newsroom.timezones import local_datetime_seconds

# What a restore brings back; status, times and the slug (the public URL) stay as they are.
RESTORED_FIELDS = ["title", "summary", "body", "cover_image", "cover_caption", "cover_alt"]
# What the cover's file brings with it (newsroom.media.fields.CleanImageField records them).
COVER_RECORDS = ["cover_width", "cover_height", "cover_share_size"]
# What a person is told changed, in form order.
COMPARED_FIELDS = [*RESTORED_FIELDS, "tags", "status", "published_at"]
# The texts a comparison shows as a diff.
DIFFED_FIELDS = ["title", "summary", "body"]


def history(article: Article):
    """Every saved revision of the article, newest first, with who saved it."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def version_numbered(article: Article, number: int) -> Version | None:
    """The revision saved as the article's `number`th version (the newest few are read)."""
    for version in history(article)[:50]:
        if version.field_dict.get("version") == number:
            return version
    return None


def _comparable(name: str, value):
    if name == "tags":
        return sorted(value or [])
    if name == "cover_image":
        return str(value or "")
    return value


def snapshot(article: Article) -> dict:
    data = {name: getattr(article, name) for name in COMPARED_FIELDS if name != "tags"}
    data["tags"] = list(article.tags.values_list("pk", flat=True))
    data["authors"] = list(article.bylines.order_by("position").values_list("author_id", flat=True))
    return data


def version_snapshot(version: Version) -> dict:
    data = dict(version.field_dict)
    bylines = [
        v.field_dict
        for v in version.revision.version_set.all()
        if v.content_type.model_class() is Byline
    ]
    data["authors"] = [b["author_id"] for b in sorted(bylines, key=lambda b: b["position"])]
    return data


def changed_labels(old: dict, new: dict) -> list[str]:
    """The names (as the form shows them) of what differs between two snapshots."""
    labels = []
    for name in COMPARED_FIELDS:
        if _comparable(name, old.get(name)) != _comparable(name, new.get(name)):
            labels.append(str(Article._meta.get_field(name).verbose_name))
    if old.get("authors") != new.get("authors"):
        labels.append(str(Article._meta.get_field("authors").verbose_name))
    return labels


def with_changes(versions: list[Version]) -> list[Version]:
    """Each revision (newest first) with `.changed`: what it changed from the one before."""
    for newer, older in zip(versions, [*versions[1:], None], strict=True):
        if older is None:
            newer.changed = []
            continue
        newer.changed = [
            str(Article._meta.get_field(name).verbose_name)
            for name in COMPARED_FIELDS
            if _comparable(name, older.field_dict.get(name))
            != _comparable(name, newer.field_dict.get(name))
        ]
    return versions


def changes_since(article: Article, number: int) -> list[str] | None:
    """What was changed since version `number`; None when that revision is not kept."""
    base = version_numbered(article, number)
    if base is None:
        return None
    return changed_labels(version_snapshot(base), snapshot(article))


# Readable diffs of title, lead and body text.

BLOCK_END = re.compile(r"(</(p|h[1-6]|li|blockquote|figcaption|tr|div|figure)>|<br\s*/?>)", re.I)
# A word with the spaces after it, so a changed phrase reads as one change.
TOKENS = re.compile(r"\n|[^\S\n]+|\S+[^\S\n]*")


def text_of(value: str) -> str:
    """HTML as plain text, one paragraph a line."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", value or "")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def diff_html(old: str, new: str) -> SafeString:
    """Word by word: removed words in <del>, added in <ins>, everything escaped."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def compare(old: Version, new: Version) -> list[dict]:
    """Title, lead and body of two revisions side by side, as word diffs."""
    rows = []
    for name in DIFFED_FIELDS:
        before = text_of(old.field_dict.get(name, ""))
        after = text_of(new.field_dict.get(name, ""))
        rows.append(
            {
                "label": Article._meta.get_field(name).verbose_name,
                "changed": before != after,
                "diff": diff_html(before, after),
            }
        )
    return rows


def files_in_revisions(article: Article, field) -> set[str]:
    """The files of this file field that the article's kept revisions refer to: replacing
    the cover keeps these in storage (newsroom.media.files), so a restore can bring one back."""
    if article.pk is None:
        return set()
    versions = Version.objects.get_for_object_reference(Article, article.pk)
    names = set()
    for version in versions.only("serialized_data", "format", "content_type", "object_id"):
        try:
            names.add(json.loads(version.serialized_data)[0]["fields"].get(field.attname) or "")
        except (ValueError, LookupError, TypeError):  # not our JSON: read it as reversion does
            names.add(str(version.field_dict.get(field.attname) or ""))
    return names - {""}


def cover_is_gone(version: Version) -> bool:
    """The revision had a cover whose file is no longer stored (deleted before revisions
    kept their covers): a restore keeps the current cover instead."""
    name = str(version.field_dict.get("cover_image") or "")
    return bool(name) and not Article._meta.get_field("cover_image").storage.exists(name)


@transaction.atomic
def restore(*, article: Article, version: Version, by) -> Article:
    """Bring back an earlier revision's content as a new revision; never publishes."""
    if not workflow.can_restore(by, article):
        raise PermissionDenied
    data = version_snapshot(version)
    restored = list(RESTORED_FIELDS)
    if cover_is_gone(version):
        restored.remove("cover_image")
    elif "cover_image" in data:
        restored += [name for name in COVER_RECORDS if name in data]
    for name in restored:
        setattr(article, name, data.get(name, getattr(article, name)))
    article.updated_by = by
    with reversion.create_revision():
        article.save()
        article.tags.set(Tag.objects.filter(pk__in=data.get("tags") or []))
        authors = Author.objects.in_bulk(data["authors"])
        if authors:  # never leave the article without a byline it had
            article.bylines.all().delete()
            for position, author_id in enumerate(a for a in data["authors"] if a in authors):
                Byline.objects.create(article=article, author=authors[author_id], position=position)
        reversion.set_user(by)
        reversion.set_comment(
            gettext("Restored the revision of %(time)s")
            % {"time": local_datetime_seconds(version.revision.date_created)}
        )
    return article
