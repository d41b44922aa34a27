"""Pasted video and post links become cards, asked about once at save time, against an
oEmbed provider on 127.0.0.1 (tests/oembed_provider.py); readers load nothing from it."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.body_references import load_pieces
from articles.models import Article
from newsroom.media.models import Embed
from tests.factories import ArticleFactory
from tests.oembed_provider import Provider
from tests.test_image_uploads import ADD_ARTICLE, article_form

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def provider(settings):
    """Every provider's endpoint is the one on 127.0.0.1; answers within 1 second."""
    server = Provider()
    settings.OEMBED_ENDPOINTS = {
        key: f"{server.url}/oembed"
        for key in ("youtube", "vimeo", "tiktok", "x", "facebook_video", "facebook_post")
    }
    settings.OEMBED_TIMEOUT = 1
    yield server
    server.stop()


def publish(article):
    Article.objects.filter(pk=article.pk).update(status="published", published_at=timezone.now())


def save_body(client, body, **fields):
    return client.post(ADD_ARTICLE, article_form(body=body, **fields))


def body_error(response) -> str:
    return " ".join(response.context["adminform"].form.errors.get("body", []))


def test_a_pasted_youtube_link_becomes_a_card_with_its_stored_thumbnail(
    client, editor, provider, media_root
):
    client.force_login(editor)
    response = save_body(client, f"<p>Xem video:</p><p>{VIDEO}</p>")
    assert response.status_code == 302, body_error(response)
    embed = Embed.objects.get()
    assert (embed.provider, embed.title, embed.author_name) == (
        "youtube",
        "Lễ hội Katê 2024 ở Ninh Thuận",
        "Báo Ninh Thuận",
    )
    assert embed.player_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    # The thumbnail was downloaded once and stored like an upload, with renditions.
    assert embed.thumbnail.name.startswith("embeds/")
    assert (embed.thumbnail_width, embed.thumbnail_height) == (480, 360)
    assert any((media_root / "renditions/embeds").rglob("*-16x9-*.webp"))
    article = Article.objects.get()
    assert f'<figure class="embed" data-embed="{embed.pk}">' in article.body
    assert "<iframe" not in article.body
    asked = [path for path in provider.requests if path.startswith("/oembed")]
    assert len(asked) == 1 and "format=json" in asked[0]

    # The same link in another article asks nothing more.
    response = save_body(client, f'<p><a href="{VIDEO}">{VIDEO}</a></p>', title="Bài thứ hai")
    assert response.status_code == 302, body_error(response)
    assert Embed.objects.count() == 1
    assert len([p for p in provider.requests if p.startswith("/oembed")]) == 1


def test_readers_get_the_stored_card_a_link_to_the_original_and_no_frame_before_a_click(
    client, editor, provider
):
    client.force_login(editor)
    save_body(client, f"<p>{VIDEO}</p>")
    article = Article.objects.get()
    publish(article)
    client.logout()
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    card = re.search(r'<figure class="embed embed--video".*?</figure>', html, re.S).group(0)
    # Without JavaScript it is a link to the original, with the title and provider.
    assert f'<a class="embed__link" href="{VIDEO}"' in card
    assert "Lễ hội Katê 2024 ở Ninh Thuận" in card and "YouTube" in card
    # Its picture is ours, sized (no layout shift); nothing on the page is the provider's.
    img = re.search(r"<img [^>]*>", card).group(0)
    assert re.search(r'src="/media/renditions/embeds/\S+-16x9-\S+"', img)
    assert 'width="480" height="270"' in img and 'loading="lazy"' in img
    assert "<iframe" not in html and "youtube.com/embed" not in html
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in card
    assert '<script src="/static/media/embeds.js" defer></script>' in html
    policy = response["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com;" in policy + ";"
    # Other pages frame nothing.
    other = client.get(ArticleFactory().get_absolute_url())
    assert "frame-src 'none'" in other["Content-Security-Policy"]


def test_a_removed_video_still_shows_its_stored_card_and_link(client, editor, provider):
    client.force_login(editor)
    save_body(client, f"<p>{VIDEO}</p>")
    article = Article.objects.get()
    publish(article)
    provider.stop()  # the provider is gone, or says 404 now: nobody asks it again
    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{VIDEO}"' in html and "Lễ hội Katê 2024 ở Ninh Thuận" in html
    assert "/media/renditions/embeds/" in html


def test_a_provider_that_does_not_answer_in_time_is_named_and_the_text_is_kept(
    client, editor, provider
):
    provider.answer, provider.delay = "slow", 3
    client.force_login(editor)
    response = save_body(client, f"<p>Đoạn văn đã gõ.</p><p>{VIDEO}</p>")
    assert response.status_code == 200
    assert "YouTube không trả lời trong 1 giây" in body_error(response)
    assert "Đoạn văn đã gõ." in response.content.decode()
    assert not Article.objects.exists() and not Embed.objects.exists()


def test_a_provider_trickling_its_answer_is_cut_off_at_the_deadline(client, editor, provider):
    provider.answer, provider.delay = "trickle", 0.05  # the whole answer would take 30 s
    client.force_login(editor)
    response = save_body(client, f"<p>{VIDEO}</p>")
    assert "YouTube không trả lời trong 1 giây" in body_error(response)
    assert not Embed.objects.exists()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("404", "không tồn tại hoặc không cho phép"),
        ("500", "trả lời bằng một lỗi"),
        ("not json", "không đọc được"),
        ("array", "không đọc được"),
    ],
)
def test_a_provider_error_is_explained_and_nothing_is_saved(
    client, editor, provider, answer, message
):
    provider.answer = answer
    client.force_login(editor)
    response = save_body(client, f"<p>{VIDEO}</p>")
    assert response.status_code == 200
    assert message in body_error(response)
    assert VIDEO in response.content.decode()
    assert not Article.objects.exists() and not Embed.objects.exists()


def test_hostile_provider_html_is_never_kept_or_shown(client, editor, provider):
    provider.answer = "hostile"
    client.force_login(editor)
    assert save_body(client, f"<p>{VIDEO}</p>").status_code == 302
    embed = Embed.objects.get()
    assert embed.title == "Lễ hội Katê & alert(2)"
    assert embed.author_name == "Kẻ xấu" and embed.author_url == ""
    assert "script" not in str(embed.card) and "evil" not in str(embed.card)
    article = ArticleFactory(body=Article.objects.get().body)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "onerror" not in html and "evil.test" not in html and "javascript:" not in html


@pytest.mark.parametrize("thumbnail", ["huge", "html", "bomb", "missing"])
def test_a_hostile_or_missing_thumbnail_leaves_a_card_without_one(
    client, editor, provider, media_root, settings, thumbnail
):
    settings.MAX_IMAGE_BYTES = 1024 * 1024
    provider.thumbnail = thumbnail
    client.force_login(editor)
    assert save_body(client, f"<p>{VIDEO}</p>").status_code == 302
    embed = Embed.objects.get()
    assert not embed.thumbnail and embed.card["thumb"] is None
    assert not (media_root / "embeds").exists()
    article = ArticleFactory(body=Article.objects.get().body)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="embed__blank">YouTube</span>' in html


@pytest.mark.parametrize(
    "body",
    [
        "<p>https://example.org/video/123</p>",  # no provider claims it
        f'<p>Xem <a href="{VIDEO}">video này</a> trên YouTube.</p>',  # a link in a sentence
        f'<p><a href="{VIDEO}">Video lễ hội</a></p>',  # a link with words of its own
    ],
)
def test_other_links_stay_plain_links_and_nobody_is_asked(client, editor, provider, body):
    client.force_login(editor)
    assert save_body(client, body).status_code == 302
    assert not Embed.objects.exists() and provider.requests == []
    assert 'class="embed"' not in Article.objects.get().body


@pytest.mark.parametrize(
    ("link", "provider_key", "player"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "youtube", "www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "vimeo", "player.vimeo.com/video/76979871"),
        ("https://www.tiktok.com/@baont/video/7345", "tiktok", "www.tiktok.com/embed/v2/7345"),
        ("https://x.com/baont/status/1780", "x", "platform.twitter.com/embed/Tweet.html?id=1780"),
        (
            "https://www.facebook.com/baont/videos/1234",
            "facebook_video",
            "www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fbaont",
        ),
        (
            "https://www.facebook.com/baont/posts/pfbid02x",
            "facebook_post",
            "www.facebook.com/plugins/post.php?href=",
        ),
    ],
)
def test_each_provider_gets_its_own_player(client, editor, provider, link, provider_key, player):
    client.force_login(editor)
    assert save_body(client, f"<p>{link}</p>").status_code == 302
    embed = Embed.objects.get()
    assert embed.provider == provider_key
    assert player in embed.player_url and embed.player_url.startswith("https://")


def test_the_lead_field_takes_a_pasted_link(client, editor, provider):
    client.force_login(editor)
    response = save_body(client, "<p>Thân bài.</p>", lead_media=f"  {VIDEO} ")
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    embed = Embed.objects.get()
    assert article.lead_media == f"embed:{embed.pk}"
    # The form shows the link again, not the number.
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert f'value="{VIDEO}"'.encode() in page
    publish(article)
    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<div class="article__lead-media"><figure class="embed embed--video"' in html


def test_a_body_naming_several_pieces_costs_one_query(provider, django_assert_num_queries):
    embeds = [
        Embed.objects.create(url=f"https://youtu.be/abcdefghij{n}", provider="youtube")
        for n in range(3)
    ]
    body = "".join(
        f'<figure class="embed" data-embed="{e.pk}"><a href="#">x</a></figure>' for e in embeds
    )
    article = ArticleFactory(body=body)
    with django_assert_num_queries(1):
        cards = load_pieces([article])
    assert len(cards) == 3
    with django_assert_num_queries(0):
        load_pieces([ArticleFactory.build(body="<p>Không có gì.</p>")])
