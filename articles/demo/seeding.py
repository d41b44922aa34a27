"""Put the demo into the database: staff accounts, authors, tags and articles.

Idempotent: everything is looked up first (users by username, authors and tags by
name, articles by slug) and only what is missing is created; nothing existing is
changed. Images and attachments are generated only for articles created this run.
"""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from accounts.models import Author
from accounts.roles import Role, role_group, sync_role_groups
from accounts.two_factor.policy import is_required
from articles.demo import content
from articles.demo.documents import ascii_text, csv_bytes, minimal_pdf
from articles.demo.images import FIGURE_SIZE, cover_jpeg, figure_jpeg
from articles.models import Article, Attachment, Byline, Tag
from newsroom.media.files import delete_stored
from newsroom.media.renditions import make_renditions
from newsroom.media.sized_names import sized_name
from newsroom.text import vn_slugify

ADMIN_URL = "http://127.0.0.1:8000/admin/"

# username -> (role, is_superuser); every demo user is staff.
DEMO_USERS = {
    "admin": (Role.ADMIN, True),
    "bientap": (Role.EDITOR, False),
    "phongvien": (Role.WRITER, False),
}
WRITER = "phongvien"


def demo_password(username: str) -> str:
    return f"demo-{username}-2024"


class DemoSeeder:
    """Creates what is missing of the demo; `report()` says what it did."""

    def __init__(self):
        self.created: Counter[str] = Counter()
        self.users: dict = {}
        self.written_files: list[str] = []  # removed again if the transaction rolls back
        self.now = timezone.now().replace(second=0, microsecond=0)

    def seed(self) -> None:
        try:
            with transaction.atomic():
                self.roles()
                self.users = {
                    username: self.user(username, role, superuser)
                    for username, (role, superuser) in DEMO_USERS.items()
                }
                authors = {a["name"]: self.author(a) for a in content.AUTHORS}
                tags = {t["name"]: self.tag(t["name"]) for t in content.TAGS}
                for data in content.ARTICLES:
                    self.article(data, authors, tags, self.users[WRITER])
        except BaseException:
            for name in self.written_files:
                delete_stored(default_storage, name)
            raise

    # Look-ups that create only what is missing.

    def roles(self) -> None:
        # The migrations made the groups; a database emptied since gets them back.
        if Group.objects.filter(name__in=Role.values).count() < len(Role):
            sync_role_groups()
            self.created["groups"] += len(Role)

    def user(self, username: str, role: Role, superuser: bool):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is not None:
            return user
        # An address, so the console shows the workflow's mails (make run prints them).
        user = User(
            username=username,
            email=f"{username}@example.test",
            is_staff=True,
            is_superuser=superuser,
        )
        user.set_password(demo_password(username))
        user.save()
        user.groups.add(role_group(role))
        self.created["users"] += 1
        return user

    def author(self, data: dict) -> Author:
        author = Author.objects.filter(name=data["name"]).first()
        if author is not None:
            return author
        user = self.users.get(data["username"])
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
        article.cover_image = ContentFile(
            cover_jpeg(data["title"], [t.name for t in tag_objects]),
            name=f"{slug[:60].rstrip('-')}.jpg",
        )
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

    def with_figure(self, data: dict, slug: str) -> str:
        body: str = data["body"]
        figure = data.get("figure")
        if not figure or content.FIGURE_MARKER not in body:
            return body.replace(content.FIGURE_MARKER, "")
        width, height = FIGURE_SIZE
        # Named like the editor's uploads ("…-800x450.jpg"), so pages serve its renditions.
        path = sized_name(f"uploads/demo/{slug[:80]}.jpg", width, height)
        if not default_storage.exists(path):  # left over from an earlier database
            jpeg = figure_jpeg(figure["caption"], data["tags"][0])
            path = default_storage.save(path, ContentFile(jpeg))
            self.written_files.append(path)
            make_renditions(path)
            self.created["inline images"] += 1
        html = (
            f'<figure class="image"><img src="{settings.MEDIA_URL}{path}" '
            f'alt="{escape(figure["alt"])}" width="{width}" height="{height}">'
            f"<figcaption>{escape(figure['caption'])}</figcaption></figure>"
        )
        return body.replace(content.FIGURE_MARKER, html)

    # Summary.

    def report(self) -> list[str]:
        """What was created, the totals, and the demo sign-in names and passwords."""
        created = +self.created  # drops the zero counts
        if created:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            lines = [f"Created: {made}."]
        else:
            lines = ["Nothing to create: the demo data is there."]
        lines += [
            f"Totals: {Article.objects.count()} articles "
            f"({Article.objects.published().count()} public), {Tag.objects.count()} tags, "
            f"{Author.objects.count()} authors, {Attachment.objects.count()} attachments.",
            "",
            f"Demo sign-in at {ADMIN_URL}",
            f"  {'username':<10} {'password':<22} role",
        ]
        for username, (role, superuser) in DEMO_USERS.items():
            password = demo_password(username)
            # An account that existed before may have had its password changed since.
            if not self.users[username].check_password(password):
                password = "(not the demo one)"
            label = f"{role.value} (superuser)" if superuser else role.value
            if is_required(self.users[username]):
                label += ", two-factor sign-in set up at first sign-in"
            lines.append(f"  {username:<10} {password:<22} {label}")
        return lines
