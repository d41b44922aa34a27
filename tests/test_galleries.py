"""Photo stories: an ordered set of captioned, credited photos, placed in a body or as the
lead; every photo is on the page without JavaScript."""

import re

import pytest
from django.urls import reverse

from articles.models import Article
from newsroom.media.models import Gallery, GalleryImage
from tests import hostile
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory
from tests.test_image_uploads import ADD_ARTICLE, article_form, assert_no_metadata

pytestmark = pytest.mark.django_db

ADD_GALLERY = reverse("admin:media_gallery_add")


def gallery_form(photos: list[dict], title="Mùa nho Ninh Thuận") -> dict:
    data = {
        "title": title,
        "images-TOTAL_FORMS": len(photos),
        "images-INITIAL_FORMS": 0,
        "images-MIN_NUM_FORMS": 0,
        "images-MAX_NUM_FORMS": 1000,
    }
    for n, photo in enumerate(photos):
        for key, value in photo.items():
            data[f"images-{n}-{key}"] = value
    return data


def make_gallery(count=3) -> Gallery:
    gallery = Gallery.objects.create(title="Mùa nho Ninh Thuận")
    for n in range(count):
        GalleryImage.objects.create(
            gallery=gallery,
            image=hostile.upload(f"nho-{n}.jpg", hostile.jpeg_bytes((1600, 1067), "purple")),
            caption=f"Vườn nho số {n + 1}.",
            alt=f"Vườn nho {n + 1}",
            credit="Đàng Năng",
            position=n,
        )
    gallery.refresh_from_db()
    return gallery


def test_an_editor_makes_a_gallery_whose_photos_keep_their_credit_but_no_metadata(
    client, editor, media_root
):
    client.force_login(editor)
    photos = [
        {
            "image": hostile.upload("vuon-nho.jpg", hostile.gps_tagged_jpeg(), "image/jpeg"),
            "caption": "Thu hoạch nho.",
            "alt": "",
            "credit": "",
            "position": 2,
        },
        {
            "image": hostile.upload("ruou-nho.jpg", hostile.jpeg_bytes((900, 600))),
            "caption": "Rượu nho Phan Rang.",
            "alt": "Chai rượu nho",
            "credit": "Ảnh tư liệu",
            "position": 1,
        },
    ]
    response = client.post(ADD_GALLERY, gallery_form(photos))
    assert response.status_code == 302, response.context["errors"]
    gallery = Gallery.objects.get()
    assert gallery.created_by == editor
    first, second = gallery.images.all()  # in the order the editor gave
    assert first.caption == "Rượu nho Phan Rang." and first.credit == "Ảnh tư liệu"
    assert second.credit == "iptc-byline-Tran-Van-Duc"  # read from the photo
    assert_no_metadata((media_root / second.image.name).read_bytes())
    assert [photo["caption"] for photo in gallery.card["images"]] == [
        "Rượu nho Phan Rang.",
        "Thu hoạch nho.",
    ]
    assert gallery.card["images"][1]["alt"] == "Thu hoạch nho."  # the caption stands in
    page = client.get(reverse("admin:media_gallery_change", args=[gallery.pk])).content.decode()
    assert f"[gallery:{gallery.pk}]" in page


def test_a_gallery_placed_in_the_body_shows_every_photo_without_javascript(client, editor):
    gallery = make_gallery()
    client.force_login(editor)
    body = f"<p>Mùa nho đã về.</p><p>[gallery:{gallery.pk}]</p><p>Hết.</p>"
    response = client.post(ADD_ARTICLE, article_form(body=body))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert f'<figure class="gallery" data-gallery="{gallery.pk}">' in article.body
    html = client.get(reverse("articles:preview", args=[article.pk])).content.decode()
    section = re.search(r'<section class="gallery".*?</section>', html, re.S).group(0)
    figures = re.findall(r'<figure class="gallery__photo">.*?</figure>', section, re.S)
    assert len(figures) == 3
    for n, figure in enumerate(figures, start=1):
        assert f"Vườn nho số {n}." in figure
        assert 'loading="lazy"' in figure and "<picture>" in figure
        assert re.search(r'width="\d+" height="\d+"', figure)
    assert '<span class="credit">Ảnh: Đàng Năng</span>' in figures[0]
    assert "Mùa nho Ninh Thuận" in section
    assert '<script src="/static/media/gallery.js" defer></script>' in html
    assert html.index("Mùa nho đã về.") < html.index("gallery__list") < html.index("Hết.")


def test_a_gallery_as_the_lead_and_an_edited_caption_shows_at_once(client, editor):
    gallery = make_gallery(2)
    article = ArticleFactory(lead_media=f"gallery:{gallery.pk}")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<div class="article__lead-media"><section class="gallery gallery--lead"' in html
    photo = gallery.images.first()
    photo.caption = "Chú thích đã sửa."
    photo.save()  # a new page-cache generation, and the card written again
    assert "Chú thích đã sửa." in client.get(article.get_absolute_url()).content.decode()


def test_an_unknown_gallery_number_is_refused_with_the_text_kept(client, editor):
    client.force_login(editor)
    response = client.post(ADD_ARTICLE, article_form(body="<p>Bài.</p><p>[gallery:999]</p>"))
    errors = " ".join(response.context["adminform"].form.errors["body"])
    assert "Không có bộ ảnh số 999" in errors
    assert not Article.objects.exists()
    response = client.post(ADD_ARTICLE, article_form(lead_media="media:999"))
    assert "Không có video hoặc âm thanh số 999" in " ".join(
        response.context["adminform"].form.errors["lead_media"]
    )


def test_a_deleted_gallery_leaves_the_article_readable(client):
    gallery = make_gallery(1)
    article = ArticleFactory(
        body=f'<p>Trước.</p><figure class="gallery" data-gallery="{gallery.pk}">'
        "<figcaption>Mùa nho</figcaption></figure><p>Sau.</p>"
    )
    gallery.delete()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trước." in html and "Sau." in html and "gallery__list" not in html


def reference(kind: str, pk: int) -> str:
    return f'<figure class="{kind}" data-{kind}="{pk}"><figcaption>x</figcaption></figure>'


def test_an_article_page_naming_galleries_embeds_and_media_costs_one_query_more(
    client, no_page_cache, django_assert_max_num_queries, django_assert_num_queries
):
    from newsroom.media.models import Embed, MediaItem

    plain = ArticleFactory()
    with django_assert_max_num_queries(20) as plain_queries:
        client.get(plain.get_absolute_url())
    gallery, other = make_gallery(2), make_gallery(1)
    embed = Embed.objects.create(url="https://youtu.be/abcdefghijk", provider="youtube")
    item = MediaItem.objects.bulk_create([MediaItem(title="Âm thanh", file="av/x.mp3")])[0]
    rich = ArticleFactory(
        body=reference("gallery", gallery.pk)
        + reference("gallery", other.pk)
        + reference("embed", embed.pk)
        + reference("media", item.pk),
        lead_media=f"gallery:{gallery.pk}",
    )
    with django_assert_num_queries(len(plain_queries) + 1):
        client.get(rich.get_absolute_url())


def test_the_article_form_keeps_a_reference_when_saved_again(client, editor):
    gallery = make_gallery(1)
    article = ArticleFactory(body=reference("gallery", gallery.pk))
    client.force_login(editor)
    response = client.post(change_url(article), article_form_data(article))
    assert response.status_code == 302
    article.refresh_from_db()
    assert f'data-gallery="{gallery.pk}"' in article.body
