"""Readers get light images: renditions in several widths, WebP first, made once."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests import hostile
from tests.factories import ArticleFactory
from tests.test_image_uploads import stored_files

pytestmark = pytest.mark.django_db


def photo(name="bia.jpg", size=(2400, 1350)):
    return hostile.upload(name, hostile.jpeg_bytes(size, "darkgreen"))


def srcset_widths(srcset: str) -> list[int]:
    return [int(w) for w in re.findall(r" (\d+)w", srcset)]


def test_article_cover_is_a_picture_of_renditions_not_the_original(client, media_root):
    article = ArticleFactory(cover_image=photo(), cover_alt="Cánh đồng lúa")
    html = client.get(article.get_absolute_url()).content.decode()
    cover = re.search(r'<figure class="article__cover">(.*?)</figure>', html, re.S).group(1)
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', cover)
    img = re.search(r"<img ([^>]+)>", cover).group(1)
    assert srcset_widths(source.group(1)) == [320, 640, 960, 1280, 1920]
    assert source.group(2) == "(min-width: 46rem) 44rem, 100vw"
    assert srcset_widths(re.search(r'srcset="([^"]+)"', img).group(1)) == [
        320,
        640,
        960,
        1280,
        1920,
    ]
    assert 'width="1280" height="720"' in img
    assert 'alt="Cánh đồng lúa"' in img
    assert 'fetchpriority="high"' in img and 'loading="eager"' in img  # above the fold
    assert article.cover_image.url not in html
    # Every URL on the page is a file that exists, of the width it claims.
    for url, width in re.findall(r"(/media/\S+) (\d+)w", cover):
        with Image.open(media_root / url.removeprefix("/media/")) as image:
            assert image.width == int(width)
            assert image.format == ("WEBP" if url.endswith(".webp") else "JPEG")


def test_listings_use_small_lazy_thumbnails_and_never_the_original(client):
    articles = [ArticleFactory(cover_image=photo(f"bia-{i}.jpg")) for i in range(3)]
    html = client.get(reverse("articles:home")).content.decode()
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 3
    lead, *others = pictures
    assert 'loading="eager"' in lead and max(srcset_widths(lead)) == 1280
    for other in others:
        assert 'loading="lazy"' in other
        assert max(srcset_widths(other)) == 640
        assert 'sizes="(min-width: 40rem) 14rem, 100vw"' in other
    for article in articles:
        assert article.cover_image.url not in html


def test_listing_queries_do_not_grow_with_images(client, django_assert_max_num_queries):
    ArticleFactory(cover_image=photo("a.jpg", (800, 450)))
    with django_assert_max_num_queries(10) as captured:
        client.get(reverse("articles:home"))
    one = len(captured)
    for i in range(5):
        ArticleFactory(cover_image=photo(f"b{i}.jpg", (800, 450)))
    with django_assert_max_num_queries(one):
        client.get(reverse("articles:home"))


def test_small_images_are_never_enlarged(client):
    article = ArticleFactory(cover_image=photo("nho.jpg", (500, 300)))
    html = client.get(article.get_absolute_url()).content.decode()
    assert srcset_widths(re.search(r'<source[^>]+srcset="([^"]+)"', html).group(1)) == [320, 500]
    assert 'width="500" height="300"' in html


def test_png_with_transparency_falls_back_to_png(client, media_root):
    article = ArticleFactory(cover_image=hostile.upload("logo.png", hostile.png_bytes((700, 200))))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "-640w.png 640w" in html and "-640w.webp 640w" in html
    files = [f for f in stored_files(media_root) if f.startswith("renditions/")]
    with Image.open(media_root / next(f for f in files if f.endswith("640w.png"))) as image:
        assert image.mode == "RGBA"


def test_renditions_are_made_once_and_reused(client, media_root):
    from newsroom.media.renditions import make_renditions

    article = ArticleFactory(cover_image=photo("mot-lan.jpg", (1000, 600)))
    before = {p: p.stat().st_mtime_ns for p in (media_root / "renditions").rglob("*.*")}
    # 320, 640, 960, 1000 × WebP and JPEG; the 16:9 crop at the same widths, the 1:1 crop
    # at 320 and 600, and the JPEG share card.
    assert len(before) == 8 + 8 + 4 + 1
    for _ in range(3):
        client.get(article.get_absolute_url())
        client.get(reverse("articles:home"))
    assert make_renditions(article.cover_image.name) == 0
    after = {p: p.stat().st_mtime_ns for p in (media_root / "renditions").rglob("*.*")}
    assert after == before


def test_rebuild_command_remakes_every_rendition_with_a_progress_bar(capsys, media_root):
    from io import StringIO

    from tests.factories import AuthorFactory

    ArticleFactory(cover_image=photo("a.jpg", (700, 400)))
    ArticleFactory(cover_image=photo("b.jpg", (700, 400)))
    AuthorFactory(avatar=hostile.upload("c.png", hostile.png_bytes((300, 300))))
    renditions = media_root / "renditions"
    for path in renditions.rglob("*.webp"):
        path.unlink()

    out = StringIO()
    call_command("rebuild_renditions", stdout=out)
    text = out.getvalue()
    assert "[##############################] 3/3" in text
    # Each cover: (320, 640, 700) × 2 formats, the same in 16:9, (320, 400) × 2 in 1:1 and one
    # share card; the avatar: 300 × 2, and its three crops.
    assert "3 images, 41 renditions written." in text
    assert len(list(renditions.rglob("*.webp"))) == 19

    out = StringIO()
    call_command("rebuild_renditions", "--missing", stdout=out)
    assert "3 images, 0 renditions written." in out.getvalue()


def test_rebuild_records_sizes_unknown_to_older_rows():
    article = ArticleFactory(cover_image=photo("cu.jpg", (900, 500)))
    rows = Article.objects.filter(pk=article.pk)
    rows.update(cover_width=None, cover_height=None)
    call_command("rebuild_renditions", "--missing", verbosity=0)
    # Stored, so no page has to open the file to learn them.
    assert rows.values_list("cover_width", "cover_height").get() == (900, 500)


def test_editor_images_in_the_body_are_served_as_renditions(client, writer):
    client.force_login(writer)
    data = client.post(reverse("ckeditor_upload"), {"upload": photo("Tháp Chàm.jpg")}).json()
    client.logout()
    url = data["url"]
    article = ArticleFactory(
        body=f'<figure class="image"><img src="{url}" alt="">'
        "<figcaption>Tháp Pô Klong Garai lúc hoàng hôn</figcaption></figure>"
        '<p><img src="https://example.org/x.png" alt="Ngoài"></p>'
    )
    # Saved with the caption as alt text, since the editor left it empty.
    assert 'alt="Tháp Pô Klong Garai lúc hoàng hôn"' in article.body
    html = client.get(article.get_absolute_url()).content.decode()
    body = re.search(r'<div class="article__body">(.*?)</div>', html, re.S).group(1)
    picture = re.search(r"<picture>.*?</picture>", body, re.S).group(0)
    assert srcset_widths(picture) == [320, 640, 960, 1280, 1920] * 2
    assert 'loading="lazy"' in picture and 'alt="Tháp Pô Klong Garai lúc hoàng hôn"' in picture
    assert f'src="{url}"' not in body
    assert '<img src="https://example.org/x.png" alt="Ngoài" loading="lazy"' in body
    assert "<figcaption>Tháp Pô Klong Garai lúc hoàng hôn</figcaption>" in body


def test_demo_site_serves_every_image_as_renditions(client, settings, media_root):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = False
    assert not Article.objects.exclude(cover_image="").filter(cover_width=None).exists()
    article = Article.objects.published().filter(body__contains="<figure").first()
    html = client.get(article.get_absolute_url()).content.decode()
    urls = re.findall(r'(?:src|srcset)="(/media/[^" ]+)', html)
    urls += re.findall(r", (/media/\S+) \d+w", html)
    assert urls and all(u.startswith("/media/renditions/") for u in urls), urls
    for url in urls:
        assert (media_root / url.removeprefix("/media/")).is_file(), url


ODD_NAMES = [
    "/media/uploads/2024/04/19/anh-0x0.jpg",
    "/media/uploads/2024/04/19/anh-640x0.jpg",
    "/media/uploads/anh-0x480.png",
    "/media/uploads/anh-99999x99999.jpg",
    "/media/uploads/anh-70000x1.webp",
    "/media/uploads/anh-00640x00480.jpg",
    "/media/uploads/anh-640x480.bmp",
    "/media/uploads/anh-640x480.jpg?v=2",
    "/media/uploads/..%2F..%2Fetc-640x480.jpg",
    "/media/uploads/-1x1.gif",
    "/media/uploads/%E2%80%AEgpj-640x480.jpg",
    "/media/uploads/",
]


def test_odd_image_names_in_a_body_never_break_the_article_page(client):
    body = "".join(f'<p><img src="{name}" alt="ảnh {n}"></p>' for n, name in enumerate(ODD_NAMES))
    article = ArticleFactory(body=body)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for n in range(len(ODD_NAMES)):
        assert f'alt="ảnh {n}"' in html
    # A zero or absurd size is no size: the image stays as it was written.
    for n in range(6):
        assert f'<img src="{ODD_NAMES[n]}" alt="ảnh {n}" loading="lazy"' in html


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("uploads/a/thap-cham-1a2b3c4d-1600x900.jpg", (1600, 900)),
        ("uploads/a-1x1.gif", (1, 1)),
        ("uploads/a-0x0.jpg", None),
        ("uploads/a-10x0.png", None),
        ("uploads/a-010x10.png", None),
        ("uploads/a-99999x99999.jpg", None),  # more pixels than any accepted image
        ("uploads/a-65536x1.jpg", None),
        ("uploads/a-10x10.bmp", None),
        ("uploads/a-10x10.JPG", None),
        ("uploads/a.jpg", None),
        ("", None),
    ],
)
def test_a_stored_name_carries_a_believable_size_or_none(name, size):
    from newsroom.media.sized_names import size_in_name, sized_name

    assert size_in_name(name) == size
    if size:
        assert size_in_name(sized_name("uploads/b/anh.webp", *size)) == size


def test_cover_body_image_share_image_and_feed_name_the_same_default_rendition(client, writer):
    """One builder, one rule: the largest JPEG/PNG no wider than 1280 is the default; the
    share card (og:image, the feed's enclosure) is the 1200×630 crop."""
    client.force_login(writer)
    url = client.post(reverse("ckeditor_upload"), {"upload": photo("than.jpg")}).json()["url"]
    client.logout()
    article = ArticleFactory(
        cover_image=photo("bia.jpg"), cover_alt="Bìa", body=f'<p><img src="{url}" alt="Thân"></p>'
    )
    html = client.get(article.get_absolute_url()).content.decode()
    cover = re.search(r'<figure class="article__cover">.*?<img src="([^"]+)"', html, re.S)
    body = re.search(r'<div class="article__body">.*?<img src="([^"]+)"', html, re.S)
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    feed = client.get(reverse("articles:feed")).content.decode()
    enclosure = re.search(r'<enclosure [^>]*url="([^"]+)"', feed).group(1)
    for src in (cover.group(1), body.group(1)):
        assert src.endswith("-1280w.jpg"), src
    for src in (og_image, enclosure):
        assert src.endswith("-share-1200w-f50-50.jpg"), src
    assert 'width="1280" height="720"' in html.split('class="article__body"')[1]


def test_rebuild_records_the_share_size_the_feed_gives(media_root):
    article = ArticleFactory(cover_image=photo("cu.jpg", (900, 500)))
    recorded = article.cover_share_size
    rows = Article.objects.filter(pk=article.pk)
    rows.update(cover_share_size=None)  # a cover stored before sizes were recorded
    call_command("rebuild_renditions", "--missing", verbosity=0)
    assert rows.values_list("cover_share_size", flat=True).get() == recorded
