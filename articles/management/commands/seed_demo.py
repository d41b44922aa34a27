"""`manage.py seed_demo`: demo staff accounts, authors, tags and articles for a local run.

Idempotent: everything is looked up first (users by username, authors and tags by
name, articles by slug) and only what is missing is created; nothing existing is
changed. Images and attachments are generated only for articles created this run.
"""

import csv
import io
import textwrap
import unicodedata
from collections import Counter
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw, ImageFont

from accounts.models import Author
from articles.demo import content as demo_content
from articles.models import Article, Attachment, Byline, Tag
from newsroom.media.files import delete_stored
from newsroom.media.renditions import make_renditions
from newsroom.media.sized_names import sized_name
from newsroom.text import vn_slugify

ADMIN_URL = "http://127.0.0.1:8000/admin/"

# username -> (group, is_superuser); every demo user is staff.
DEMO_USERS = {
    "admin": ("Admin", True),
    "bientap": ("Editor", False),
    "phongvien": ("Writer", False),
}
ROLES = ("Writer", "Editor", "Admin")
WRITER = "phongvien"

COVER_SIZE = (1200, 675)
FIGURE_SIZE = (800, 450)
# Pillow's built-in font (Aileron) has no Vietnamese glyphs beyond Latin-1, so prefer
# a system font that has them and fold the text to ASCII only if none is installed.
FONT_CANDIDATES = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf")


def demo_password(username: str) -> str:
    return f"demo-{username}-2024"


def ascii_text(text: str) -> str:
    """'Kế hoạch Đua thuyền' -> 'Ke hoach Dua thuyen' (case kept, unlike newsroom.text.fold)."""
    text = text.translate(str.maketrans({"Đ": "D", "đ": "d"}))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 128)


class Command(BaseCommand):
    help = "Create demo staff accounts, authors, tags and articles (DEBUG only; idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo accounts with known passwords while DEBUG is off; "
                "run with DEBUG=1 (make run does)"
            )
        self.created: Counter[str] = Counter()
        self.users: dict = {}
        self.written_files: list[str] = []  # removed again if the transaction rolls back
        self.now = timezone.now().replace(second=0, microsecond=0)
        try:
            with transaction.atomic():
                groups = {name: self.group(name) for name in ROLES}
                self.users = {
                    username: self.user(username, groups[group], superuser)
                    for username, (group, superuser) in DEMO_USERS.items()
                }
                authors = {a["name"]: self.author(a, self.users) for a in demo_content.AUTHORS}
                tags = {t["name"]: self.tag(t["name"]) for t in demo_content.TAGS}
                for data in demo_content.ARTICLES:
                    self.article(data, authors, tags, self.users[WRITER])
        except BaseException:
            for name in self.written_files:
                delete_stored(default_storage, name)
            raise
        self.report()

    # Look-ups that create only what is missing.

    def group(self, name: str) -> Group:
        # The roles migration gives the groups their permissions; this only fills a gap.
        group, created = Group.objects.get_or_create(name=name)
        self.created["groups"] += created
        return group

    def user(self, username: str, group: Group, superuser: bool):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is not None:
            return user
        user = User(username=username, is_staff=True, is_superuser=superuser)
        user.set_password(demo_password(username))
        user.save()
        user.groups.add(group)
        self.created["users"] += 1
        return user

    def author(self, data: dict, users: dict) -> Author:
        author = Author.objects.filter(name=data["name"]).first()
        if author is not None:
            return author
        user = users.get(data["username"])
        # Author.user is one-to-one: never steal an account that already has a byline.
        if user is not None and Author.objects.filter(user=user).exists():
            user = None
        author = Author.objects.create(name=data["name"], bio=data["bio"], user=user)
        self.created["authors"] += 1
        return author

    def tag(self, name: str) -> Tag:
        # Tag names are unique case-insensitively, so match them the same way.
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = Tag.objects.create(name=name)
            self.created["tags"] += 1
        return tag

    def article(self, data: dict, authors: dict, tags: dict, writer) -> None:
        slug = vn_slugify(data["title"])[:200].strip("-")
        if Article.objects.filter(slug=slug).exists():
            return
        published_at = None
        if data["hours_ago"] is not None:
            published_at = self.now - timedelta(hours=data["hours_ago"])
        article = Article(
            title=data["title"],
            slug=slug,
            summary=data["summary"],
            body=self.with_figure(data, slug),
            status=data["status"],
            published_at=published_at,
            cover_caption=data["cover_caption"],
            cover_alt=data["cover_alt"],
            created_by=writer,
            updated_by=writer,
        )
        tag_objects = [tags[name] for name in data["tags"]]
        # Assigned, not FieldFile.save(): Article.save() then stores it like any upload
        # (checked, renditions made, width and height recorded).
        cover = self.cover(data, tag_objects)
        cover.name = f"{slug[:60].rstrip('-')}.jpg"
        article.cover_image = cover
        article.save()
        self.written_files.append(article.cover_image.name)
        article.tags.set(tag_objects)
        for position, name in enumerate(data["authors"]):
            Byline.objects.create(article=article, author=authors[name], position=position)
        for position, spec in enumerate(data.get("attachments", [])):
            self.attachment(article, spec, position)
        # Make the admin's "created" column plausible: written a few hours before publication.
        created_at = (published_at or self.now) - timedelta(hours=3)
        Article.objects.filter(pk=article.pk).update(
            created_at=min(created_at, self.now), updated_at=min(created_at, self.now)
        )
        self.created["articles"] += 1

    def attachment(self, article: Article, spec: dict, position: int) -> None:
        name: str = spec["name"]
        if name.endswith(".pdf"):
            data = minimal_pdf(ascii_text(spec["content"]).splitlines())
        elif name.endswith(".csv"):
            data = csv_bytes(spec["content"])
        else:
            data = spec["content"].encode("utf-8")
        attachment = Attachment(article=article, title=spec["title"], position=position)
        # A ContentFile with a name is what Attachment.save() reads the original name from.
        attachment.file = ContentFile(data, name=name)
        attachment.save()
        self.written_files.append(attachment.file.name)
        self.created["attachments"] += 1

    # Generated images.

    def with_figure(self, data: dict, slug: str) -> str:
        body: str = data["body"]
        figure = data.get("figure")
        if not figure or demo_content.FIGURE_MARKER not in body:
            return body.replace(demo_content.FIGURE_MARKER, "")
        width, height = FIGURE_SIZE
        # Named like the editor's uploads ("…-800x450.jpg"), so pages serve its renditions.
        path = sized_name(f"uploads/demo/{slug[:80]}.jpg", width, height)
        if not default_storage.exists(path):  # left over from an earlier database
            color = demo_content_color(data["tags"][0])
            image = gradient(FIGURE_SIZE, color, darken(color, 0.35), vertical=False)
            draw_caption(image, figure["caption"], size=22)
            path = default_storage.save(path, ContentFile(jpeg_bytes(image)))
            self.written_files.append(path)
            make_renditions(path)
            self.created["inline images"] += 1
        html = (
            f'<figure class="image"><img src="{settings.MEDIA_URL}{path}" '
            f'alt="{escape(figure["alt"])}" width="{width}" height="{height}">'
            f"<figcaption>{escape(figure['caption'])}</figcaption></figure>"
        )
        return body.replace(demo_content.FIGURE_MARKER, html)

    def cover(self, data: dict, tag_objects: list[Tag]) -> ContentFile:
        color = demo_content_color(tag_objects[0].name)
        image = gradient(COVER_SIZE, color, darken(color, 0.55), vertical=True)
        draw = ImageDraw.Draw(image)
        label_font, label = font(30), " · ".join(t.name.upper() for t in tag_objects)
        draw.text((60, 56), printable(label), font=label_font, fill="#f1f5f9")
        title_font = font(56)
        lines = wrap(draw, printable(data["title"]), title_font, COVER_SIZE[0] - 120)
        y = COVER_SIZE[1] - 60 - 70 * len(lines)
        for line in lines:
            draw.text((60, y), line, font=title_font, fill="white")
            y += 70
        return ContentFile(jpeg_bytes(image))

    # Summary.

    def report(self) -> None:
        created = +self.created  # drops the zero counts
        if created:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Created: {made}."))
        else:
            self.stdout.write(self.style.SUCCESS("Nothing to create: the demo data is there."))
        self.stdout.write(
            f"Totals: {Article.objects.count()} articles "
            f"({Article.objects.published().count()} public), {Tag.objects.count()} tags, "
            f"{Author.objects.count()} authors, {Attachment.objects.count()} attachments."
        )
        self.stdout.write(f"\nDemo sign-in at {ADMIN_URL}")
        self.stdout.write(f"  {'username':<10} {'password':<22} role")
        for username, (group, superuser) in DEMO_USERS.items():
            password = demo_password(username)
            # An account that existed before may have had its password changed since.
            if not self.users[username].check_password(password):
                password = "(not the demo one)"
            role = f"{group} (superuser)" if superuser else group
            self.stdout.write(f"  {username:<10} {password:<22} {role}")


# Small helpers for images and files.


def demo_content_color(tag_name: str) -> str:
    colors = {t["name"].casefold(): t["color"] for t in demo_content.TAGS}
    return colors.get(tag_name.casefold(), "#334155")


def darken(hex_color: str, amount: float) -> tuple[int, int, int]:
    rgb = Image.new("RGB", (1, 1), hex_color).getpixel((0, 0))
    return tuple(round(c * (1 - amount)) for c in rgb)


def gradient(size: tuple[int, int], start, end, *, vertical: bool) -> Image.Image:
    mask = Image.linear_gradient("L")  # 256x256, black at the top to white at the bottom
    if not vertical:
        mask = mask.rotate(90)  # black on the left to white on the right
    mask = mask.resize(size)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


@lru_cache
def font_file() -> str | None:
    """The first installed font with Vietnamese glyphs, or None."""
    for name in FONT_CANDIDATES:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        return name
    return None


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def printable(text: str) -> str:
    return text if font_file() else ascii_text(text)


def wrap(draw: ImageDraw.ImageDraw, text: str, text_font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=text_font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines[:4]


def draw_caption(image: Image.Image, text: str, *, size: int) -> None:
    draw = ImageDraw.Draw(image)
    caption_font = font(size)
    lines = wrap(draw, printable(text), caption_font, image.width - 80)
    y = image.height - 40 - (size + 10) * len(lines)
    for line in lines:
        draw.text((40, y), line, font=caption_font, fill="white")
        y += size + 10


def jpeg_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def csv_bytes(text: str) -> bytes:
    # A UTF-8 BOM makes Excel read the Vietnamese headers correctly; re-writing through
    # the csv module checks the rows parse.
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with `lines` (ASCII) in Helvetica, with a correct xref table."""

    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    wrapped = [part for line in lines for part in (textwrap.wrap(line, 85) or [""])]
    text = " T* ".join(f"({escape(line)}) Tj" for line in wrapped)
    stream = f"BT /F1 12 Tf 16 TL 56 780 Td {text} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
