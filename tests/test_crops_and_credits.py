"""Fixed shapes cropped around the focal point an editor sets, and the photographer's credit
read from the photo before its metadata is stripped."""

import io
import re

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests import hostile
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory
from tests.test_image_uploads import ADD_ARTICLE, article_form, assert_no_metadata

pytestmark = pytest.mark.django_db

XMP_CREDIT = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description photoshop:Credit="TTXVN">'
    "<dc:creator><rdf:Seq><rdf:li>Nguyễn Văn Đông</rdf:li></rdf:Seq></dc:creator>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
).encode()


def portrait_with_subject_on_top(size=(600, 1200)) -> bytes:
    """A phone photo held upright: the subject (red) in the top third, the rest blue."""
    image = Image.new("RGB", size, "blue")
    image.paste((220, 0, 0), (0, 0, size[0], size[1] // 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def listing_image(client, media_root) -> tuple[str, Image.Image]:
    html = client.get(reverse("articles:home")).content.decode()
    src = re.search(r'<img src="(/media/renditions/[^"]+)"', html).group(1)
    return src, Image.open(media_root / src.removeprefix("/media/")).convert("RGB")


def test_a_portrait_cover_keeps_its_subject_in_listings_once_the_editor_clicks_it(
    client, editor, media_root, django_capture_on_commit_callbacks
):
    article = ArticleFactory(
        cover_image=hostile.upload("dung.jpg", portrait_with_subject_on_top()), cover_alt="Ảnh"
    )
    # Centred, the 16:9 crop of a portrait photo shows its middle: no subject.
    src, image = listing_image(client, media_root)
    assert "-16x9-" in src and abs(image.width * 9 - image.height * 16) <= 16
    assert image.getpixel((image.width // 2, image.height // 2))[2] > 150  # blue

    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'class="focal-point"' in page and "focal_point.js" in page  # the click widget
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            change_url(article), article_form_data(article, cover_focus_x=50, cover_focus_y=15)
        )
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    new_src, image = listing_image(client, media_root)
    assert new_src != src and "-f50-15." in new_src  # a new name: no cache keeps the old crop
    red, _green, blue = image.getpixel((image.width // 2, image.height // 2))
    assert red > 150 and blue < 100
    # The old crops are gone; the widths and the new crops are there.
    names = [p.name for p in (media_root / "renditions").rglob("*.*")]
    assert not [n for n in names if "-f50-50." in n]
    assert any("-share-" in n and "-f50-15." in n for n in names)
    article.refresh_from_db()
    share = next(p for p in (media_root / "renditions").rglob("*-share-*-f50-15.jpg"))
    assert article.cover_share_size == share.stat().st_size  # the feed's enclosure length


def test_the_share_card_is_the_1200_by_630_crop_and_search_engines_may_show_it_large(client):
    article = ArticleFactory(
        cover_image=hostile.upload("rong.jpg", hostile.jpeg_bytes((2400, 1600)))
    )
    html = client.get(article.get_absolute_url()).content.decode()
    og = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert "-share-1200w-f50-50.jpg" in og
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert '<meta name="robots" content="max-image-preview:large">' in html
    home = client.get(reverse("articles:home")).content.decode()
    assert '<meta name="robots" content="max-image-preview:large">' in home


@pytest.mark.parametrize(
    ("photo", "credit"),
    [
        (hostile.gps_tagged_jpeg(), "iptc-byline-Tran-Van-Duc"),  # IPTC By-line
        (hostile.jpeg_bytes((80, 40), xmp=XMP_CREDIT), "Nguyễn Văn Đông / TTXVN"),  # XMP
    ],
)
def test_the_photographers_credit_is_read_before_the_metadata_is_stripped(
    client, editor, media_root, photo, credit
):
    client.force_login(editor)
    response = client.post(
        ADD_ARTICLE,
        article_form(cover_image=hostile.upload("anh.jpg", photo, "image/jpeg"), cover_credit=""),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.cover_credit == credit
    stored = (media_root / article.cover_image.name).read_bytes()
    assert_no_metadata(stored)
    assert credit.encode() not in stored and b"TTXVN" not in stored


def test_an_exif_artist_in_utf8_is_read_and_a_typed_credit_wins(client, editor):
    exif = Image.Exif()
    exif[0x013B] = "Trần Thị Mai".encode()  # Artist, in UTF-8 as phones write it
    exif[0x8298] = "© Báo Ninh Thuận"  # Copyright: used only when no name is given
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "JPEG", exif=exif.tobytes())
    client.force_login(editor)
    client.post(ADD_ARTICLE, article_form(cover_image=hostile.upload("a.jpg", buffer.getvalue())))
    assert Article.objects.get().cover_credit == "Trần Thị Mai"
    Article.objects.all().delete()
    typed = article_form(
        cover_image=hostile.upload("b.jpg", buffer.getvalue()), cover_credit="Ảnh tư liệu"
    )
    client.post(ADD_ARTICLE, typed)
    assert Article.objects.get().cover_credit == "Ảnh tư liệu"


def test_the_credit_is_shown_after_the_caption(client):
    article = ArticleFactory(
        cover_image=hostile.upload("c.jpg", hostile.jpeg_bytes((800, 450))),
        cover_caption="Tháp Pô Klong Garai.",
        cover_credit="Đàng Năng",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<figcaption>Tháp Pô Klong Garai. <span class="credit">Ảnh: Đàng Năng</span></figcaption>'
        in html
    )


def test_an_editor_upload_gets_its_focal_point_and_credit_on_its_admin_page(
    client, editor, media_root
):
    from newsroom.media.models import EditorUpload

    client.force_login(editor)
    photo = hostile.upload("Ảnh GPS.jpg", hostile.gps_tagged_jpeg((400, 800)), "image/jpeg")
    client.post(reverse("ckeditor_upload"), {"upload": photo})
    upload = EditorUpload.objects.get()
    assert upload.credit == "iptc-byline-Tran-Van-Duc"
    url = reverse("admin:media_editorupload_change", args=[upload.pk])
    assert 'class="focal-point__image"' in client.get(url).content.decode()
    response = client.post(url, {"credit": "Trần Văn Đức", "focus_x": 30, "focus_y": 20})
    assert response.status_code == 302
    upload.refresh_from_db()
    assert (upload.credit, upload.focus_x, upload.focus_y) == ("Trần Văn Đức", 30, 20)
    names = [p.name for p in (media_root / "renditions").rglob("*.*")]
    assert any("-16x9-" in n and "-f30-20." in n for n in names)
    assert not [n for n in names if "-f50-50." in n]


def test_a_body_photo_shows_its_uploads_credit_after_its_caption(
    client, writer, no_page_cache, django_assert_max_num_queries, django_assert_num_queries
):
    client.force_login(writer)
    photo = hostile.upload("Ảnh.jpg", hostile.gps_tagged_jpeg((400, 200)), "image/jpeg")
    url = client.post(reverse("ckeditor_upload"), {"upload": photo}).json()["url"]
    client.logout()
    uncredited = ArticleFactory(body="<p>Chữ.</p>")
    with django_assert_max_num_queries(20) as plain:
        client.get(uncredited.get_absolute_url())
    article = ArticleFactory(
        body=f'<figure class="image"><img src="{url}" alt="Ảnh"><figcaption>Chợ Phan Rang.'
        "</figcaption></figure>"
    )
    with django_assert_num_queries(len(plain) + 1):  # the credits come with the pieces' query
        html = client.get(article.get_absolute_url()).content.decode()
    assert (
        'Chợ Phan Rang.<span class="credit"> Ảnh: iptc-byline-Tran-Van-Duc</span></figcaption>'
        in html.replace(' <span class="credit">', '<span class="credit"> ')
    )


def test_a_credit_typed_into_the_caption_is_not_repeated(client, writer):
    client.force_login(writer)
    photo = hostile.upload("Ảnh.jpg", hostile.gps_tagged_jpeg((400, 200)), "image/jpeg")
    url = client.post(reverse("ckeditor_upload"), {"upload": photo}).json()["url"]
    client.logout()
    article = ArticleFactory(
        body=f'<figure class="image"><img src="{url}" alt="Ảnh"><figcaption>Chợ. Ảnh: Hải Đăng'
        "</figcaption></figure>"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Chợ. Ảnh: Hải Đăng</figcaption>" in html and "iptc-byline" not in html
