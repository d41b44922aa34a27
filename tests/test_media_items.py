"""Our own video and audio: probed by ffprobe, stored without metadata, with a poster; played
by the reader's browser; in the feed as an enclosure. Clips are made by ffmpeg at test time."""

import json
import subprocess

import feedparser
import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom.media.models import MediaItem
from tests.factories import ArticleFactory, UserFactory
from tests.media_clips import GPS, SECRET, clip
from tests.test_image_uploads import ADD_ARTICLE, article_form

pytestmark = pytest.mark.django_db

ADD_MEDIA = reverse("admin:media_mediaitem_add")


def upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), "application/octet-stream")


def stored_files(media_root) -> list[str]:
    if not media_root.exists():
        return []
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


def probe(path) -> dict:
    args = ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    return json.loads(subprocess.run([*args, str(path)], capture_output=True, check=True).stdout)


def saved_item(path, **fields) -> MediaItem:
    """A media item saved by a script: the same steps as the admin's form."""
    with open(path, "rb") as handle:
        item = MediaItem(
            title=fields.pop("title", "Clip"), file=File(handle, name=path.name), **fields
        )
        item.save()
    return item


def test_an_mp4_upload_is_probed_stored_without_metadata_and_given_a_poster(
    client, editor, tmp_path, media_root
):
    client.force_login(editor)
    response = client.post(
        ADD_MEDIA,
        {
            "title": "Lễ hội Katê",
            "file": upload(clip(tmp_path), "Lễ hội Katê.MP4"),
            "credit": "Đàng Năng",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = MediaItem.objects.get()
    assert (item.kind, item.content_type) == ("video", "video/mp4")
    assert (item.width, item.height) == (320, 240)
    assert 1.9 <= item.duration <= 2.2
    assert item.uploaded_by == editor
    stored = media_root / item.file.name
    assert item.file.name.startswith("av/") and "le-hoi-kate-" in item.file.name
    assert item.size == stored.stat().st_size
    # No position, serial or encoder tag survives, and nothing was re-encoded.
    data = stored.read_bytes()
    assert GPS.encode() not in data and SECRET.encode() not in data
    info = probe(stored)
    assert not {"location", "comment"} & set(info["format"].get("tags", {}))
    assert [s["codec_name"] for s in info["streams"]] == ["h264", "aac"]
    # A poster frame, cleaned like any image, with renditions.
    assert item.poster.name.startswith("posters/") and (item.poster_width, item.poster_height) == (
        320,
        240,
    )
    assert any((media_root / "renditions/posters").rglob("*-320w.webp"))
    assert item.card["poster"][0] == item.poster.name


@pytest.mark.parametrize(
    ("recipe", "kind", "content_type", "codecs"),
    [
        ("webm", "video", "video/webm", ["vp9", "opus"]),
        ("mp3", "audio", "audio/mpeg", ["mp3"]),
        ("m4a", "audio", "audio/mp4", ["aac"]),
    ],
)
def test_webm_video_and_mp3_and_m4a_audio_are_accepted(
    client, editor, tmp_path, media_root, recipe, kind, content_type, codecs
):
    client.force_login(editor)
    response = client.post(
        ADD_MEDIA, {"title": "Tiếng biển", "file": upload(clip(tmp_path, recipe))}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = MediaItem.objects.get()
    assert (item.kind, item.content_type) == (kind, content_type)
    stored = media_root / item.file.name
    assert GPS.encode() not in stored.read_bytes() and SECRET.encode() not in stored.read_bytes()
    assert [s["codec_name"] for s in probe(stored)["streams"]] == codecs
    assert bool(item.poster) == (kind == "video")


def test_renamed_broken_and_unplayable_files_are_refused_with_the_reason(
    client, editor, tmp_path, media_root
):
    client.force_login(editor)
    mp4 = clip(tmp_path)
    cases = {
        "renamed": (upload(clip(tmp_path, "mp3"), "am-thanh.mp4"), "không phải video/mp4"),
        "text": (SimpleUploadedFile("video.mp4", b"<html>not a video</html>"), "Không đọc được"),
        "truncated": (SimpleUploadedFile("cut.mp4", mp4.read_bytes()[:2000]), "hỏng"),
        "codec": (upload(clip(tmp_path, "mpeg4.mp4"), "cu.mp4"), "mã hóa mpeg4"),
        "extension": (upload(mp4, "video.avi"), "Không nhận tệp có đuôi .avi"),
        "video as audio": (upload(mp4, "bai-hat.m4a"), "không chỉ có âm thanh"),
        "empty": (SimpleUploadedFile("rong.mp4", b""), ""),
    }
    for case, (file, message) in cases.items():
        response = client.post(ADD_MEDIA, {"title": "Thử", "file": file})
        assert response.status_code == 200, case
        errors = " ".join(response.context["adminform"].form.errors["file"])
        assert message in errors, (case, errors)
    assert not MediaItem.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_over_the_limit_is_refused_while_it_streams_in(
    client, editor, tmp_path, settings, media_root
):
    settings.MAX_MEDIA_BYTES = settings.MAX_IMAGE_BYTES = settings.MAX_ATTACHMENT_BYTES = 10_000
    client.force_login(editor)
    response = client.post(ADD_MEDIA, {"title": "Dài", "file": upload(clip(tmp_path, seconds=5))})
    # The upload handler stopped keeping it past 10 KB; the field says how large it was.
    assert response.wsgi_request.FILES["file"].oversized
    errors = " ".join(response.context["adminform"].form.errors["file"])
    assert "Tệp quá lớn" in errors and "9,8" in errors
    assert not MediaItem.objects.exists() and stored_files(media_root) == []


def test_captions_must_be_webvtt(client, editor, tmp_path):
    client.force_login(editor)
    bad = SimpleUploadedFile("phu-de.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nxin chao\n")
    response = client.post(
        ADD_MEDIA, {"title": "Có phụ đề", "file": upload(clip(tmp_path)), "captions": bad}
    )
    assert "WebVTT" in " ".join(response.context["adminform"].form.errors["captions"])
    good = SimpleUploadedFile(
        "phu-de.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n".encode()
    )
    response = client.post(
        ADD_MEDIA, {"title": "Có phụ đề", "file": upload(clip(tmp_path)), "captions": good}
    )
    assert response.status_code == 302
    assert MediaItem.objects.get().captions.name.endswith(".vtt")


def test_an_upload_that_fails_halfway_leaves_no_record_and_no_file(tmp_path, media_root):
    # The file and its poster are stored, then the row cannot be written.
    with pytest.raises(IntegrityError), transaction.atomic():
        saved_item(clip(tmp_path), title=None)
    assert not MediaItem.objects.exists()
    assert stored_files(media_root) == []


def test_the_article_plays_video_with_poster_captions_duration_and_download(
    client, editor, tmp_path, monkeypatch
):
    captions = tmp_path / "vi.vtt"
    captions.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n", encoding="utf-8")
    item = saved_item(clip(tmp_path), title="Múa Chăm", credit="Đàng Năng")
    with open(captions, "rb") as handle:
        item.captions = File(handle, name="vi.vtt")
        item.save()
    audio = saved_item(clip(tmp_path, "mp3"), title="Bản tin sáng")
    # The writer types the line the item's page shows; the lead field takes the same.
    client.force_login(editor)
    body = f"<p>Mở đầu.</p><p>[media:{item.pk}]</p>"
    response = client.post(ADD_ARTICLE, article_form(body=body, lead_media=f"media:{audio.pk}"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert f'<figure class="media" data-media="{item.pk}">' in article.body
    Article.objects.filter(pk=article.pk).update(status="published", published_at=timezone.now())
    client.logout()
    # Nothing a reader asks runs ffmpeg: the page is drawn from what the upload recorded.
    monkeypatch.setenv("PATH", "/nonexistent")
    html = client.get(article.get_absolute_url()).content.decode()
    item.refresh_from_db()
    assert f'<source src="/media/{item.file.name}" type="video/mp4">' in html
    player = '<video class="media-item__player" controls preload="none" poster='
    assert f'{player}"/media/renditions/posters/' in html
    assert 'width="320" height="240"' in html
    track = f'<track kind="captions" src="/media/{item.captions.name}" srclang="vi"'
    assert f'{track} label="Tiếng Việt" default>' in html
    assert '<time datetime="PT2S">0:02</time>' in html
    assert f'href="/media/{item.file.name}" download>Tải về</a>' in html
    assert '<span class="credit">Ảnh: Đàng Năng</span>' in html
    assert '<audio class="media-item__player" controls preload="none">' in html
    assert html.index("<audio") < html.index("<video")  # the lead comes before the body


def test_the_feed_gives_the_articles_own_audio_as_its_enclosure_with_real_length_and_type(
    client, tmp_path
):
    audio = saved_item(clip(tmp_path, "mp3"), title="Bản tin sáng")
    ArticleFactory(lead_media=f"media:{audio.pk}")
    entry = feedparser.parse(client.get(reverse("articles:feed")).content).entries[0]
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"http://testserver/media/{audio.file.name}"
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == audio.size == audio.file.size


def test_writers_may_upload_media_and_readers_may_not(client, writer, tmp_path):
    client.force_login(writer)
    response = client.post(ADD_MEDIA, {"title": "Của phóng viên", "file": upload(clip(tmp_path))})
    assert response.status_code == 302
    client.force_login(UserFactory(username="docgia"))
    assert client.get(ADD_MEDIA).status_code == 302  # to the sign-in page: not staff


def test_only_the_media_form_takes_files_as_large_as_a_video(client, editor, settings, tmp_path):
    settings.MAX_MEDIA_BYTES = 50 * 1024 * 1024
    settings.MAX_IMAGE_BYTES = settings.MAX_ATTACHMENT_BYTES = 20_000
    from newsroom.media.upload_limits import max_upload_bytes

    media_form = client.get(ADD_MEDIA).wsgi_request
    article_form = client.get(reverse("admin:articles_article_add")).wsgi_request
    assert max_upload_bytes(media_form) == 50 * 1024 * 1024
    assert max_upload_bytes(article_form) == 20_000
