import io
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from accounts.models import Author
from accounts.roles import sync_role_groups
from articles.models import Article, Attachment, Byline, Tag


def image_file(name: str = "anh.jpg", size=(640, 360), color="steelblue", fmt="JPEG"):
    """A real image made by Pillow, as an uploaded-file-like object."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return ContentFile(buffer.getvalue(), name=name)


def role_group(name: str):
    """A role's Group with its permissions, re-made if a transactional test flushed it."""
    if not Group.objects.filter(name=name).exists():
        sync_role_groups()
    return Group.objects.get(name=name)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Lan"
    last_name = "Nguyễn"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = factory.django.Password("mat-khau-an-toan-2024")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Trần Văn Đức {n}")
    bio = "Phóng viên mảng kinh tế."


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Đời sống {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Đường ven biển Ninh Chữ hoàn thành giai đoạn {n}")
    summary = "Sau hai năm thi công, tuyến đường ven biển đã thông xe, rút ngắn thời gian đi lại."
    body = "<p>Sáng nay, tuyến đường chính thức thông xe.</p>"
    status = Article.State.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Article.State.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if not create:
            return
        for position, author in enumerate(extracted or [AuthorFactory()]):
            Byline.objects.create(article=self, author=author, position=position)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    article = factory.SubFactory(ArticleFactory)
    file = factory.LazyFunction(
        lambda: ContentFile(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF\n", name="Kế hoạch.pdf")
    )
    title = ""
