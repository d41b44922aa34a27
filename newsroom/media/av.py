"""Video and audio uploads: probed, cleaned of metadata, given a poster frame, at upload only.

An editor's MP4 (H.264/AAC) or WebM (VP8/VP9/AV1 with Vorbis/Opus) video, MP3 or M4A (AAC)
audio is copied to a temporary file (never a storage path: storage may be S3) and probed by
ffprobe (Debian's ffmpeg): the container must be what the extension says and every stream
kept must use an allowed codec, so a renamed or broken file is refused with the reason.
It is then copied into a fresh container by ffmpeg without re-encoding (`-c copy`) and
without metadata (`-map_metadata -1`, per stream too: GPS positions, phone models,
titles), and a video's poster frame is taken (then cleaned and given renditions like any
image). Nothing here runs during a reader's request: pages read what the row recorded.
"""

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from newsroom.media.fields import CleanUpload
from newsroom.media.files import readable_unique_name
from newsroom.media.images import strip_metadata

DEFAULT_MAX_MEDIA_BYTES = 500 * 1024 * 1024
PROBE_SECONDS = 30
COPY_SECONDS = 300


@dataclass(frozen=True)
class Format:
    kind: str  # "video" or "audio"
    content_type: str
    demuxer: str  # a name in ffprobe's format_name
    muxer: str  # ffmpeg's -f for the cleaned copy
    video: frozenset = frozenset()  # allowed video codecs; empty: audio only
    audio: frozenset = frozenset()
    options: tuple = ()


FORMATS = {
    ".mp4": Format(
        "video",
        "video/mp4",
        "mp4",
        "mp4",
        frozenset({"h264"}),
        frozenset({"aac"}),
        ("-movflags", "+faststart"),
    ),
    ".webm": Format(
        "video",
        "video/webm",
        "webm",
        "webm",
        frozenset({"vp8", "vp9", "av1"}),
        frozenset({"vorbis", "opus"}),
    ),
    ".mp3": Format("audio", "audio/mpeg", "mp3", "mp3", audio=frozenset({"mp3"})),
    ".m4a": Format(
        "audio",
        "audio/mp4",
        "mp4",
        "ipod",
        audio=frozenset({"aac"}),
        options=("-movflags", "+faststart"),
    ),
}
ACCEPTED = _("MP4 (H.264/AAC) or WebM video, MP3 or M4A audio")


def max_media_bytes() -> int:
    return getattr(settings, "MAX_MEDIA_BYTES", DEFAULT_MAX_MEDIA_BYTES)


class PreparedMedia(File):
    """A checked video or audio file, cleaned into a temporary folder, ready to store."""

    def __init__(self, path, name, format, duration, width, height, poster, folder):  # noqa: A002
        super().__init__(open(path, "rb"), name=name)  # noqa: SIM115 (closed by cleanup)
        self.path, self.format, self.duration = path, format, duration
        self.width, self.height, self.poster, self.folder = width, height, poster, folder
        self.size = os.path.getsize(path)

    def cleanup(self) -> None:
        self.file.close()
        if self.folder is not None:
            self.folder.cleanup()


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise ValidationError(
            _(
                "This server cannot check video and audio files (%(tool)s is not installed): "
                "ask the administrator to install ffmpeg."
            ),
            code="no_ffmpeg",
            params={"tool": name},
        )
    return path


def _refused(reason) -> ValidationError:
    return ValidationError(
        _("%(reason)s Upload %(accepted)s."),
        code="media_refused",
        params={"reason": reason, "accepted": ACCEPTED},
    )


def prepare_media(upload) -> PreparedMedia:
    """Check, clean and measure an uploaded video or audio file (ValidationError says why not)."""
    if isinstance(upload, PreparedMedia):
        return upload
    size, limit = getattr(upload, "size", None), max_media_bytes()
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty_media")
    if size and size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            code="media_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    wanted = FORMATS.get(extension)
    if wanted is None:
        raise _refused(_("Files named %(ext)s are not accepted.") % {"ext": extension or "…"})
    folder = tempfile.TemporaryDirectory(prefix="newsroom-media-")
    try:
        original = os.path.join(folder.name, f"original{extension}")
        with open(original, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        _probe(original, wanted)
        cleaned = os.path.join(folder.name, f"clean{extension}")
        _copy_without_metadata(original, cleaned, wanted)
        os.remove(original)
        info = _probe(cleaned, wanted)  # what readers get: measured from the cleaned copy
        duration = float(info["format"].get("duration") or 0)
        width, height = _display_size(info)
        poster = _poster(cleaned, duration) if wanted.kind == "video" else None
    except BaseException:
        folder.cleanup()
        raise
    name = readable_unique_name(os.path.basename(upload.name), extension, fallback="media")
    return PreparedMedia(cleaned, name, wanted, duration, width, height, poster, folder)


def _run(args: list[str], seconds: int) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(args, capture_output=True, timeout=seconds, check=False)  # noqa: S603
    except subprocess.TimeoutExpired:
        raise _refused(_("The file took too long to read; it may be damaged.")) from None


def _probe(path: str, wanted: Format) -> dict:
    """ffprobe's account of the file, if it is the container and codecs the name says."""
    args = [_tool("ffprobe"), "-v", "error", "-print_format", "json"]
    result = _run([*args, "-show_format", "-show_streams", path], PROBE_SECONDS)
    try:
        info = json.loads(result.stdout or b"{}")
    except ValueError:
        info = {}
    container = (info.get("format") or {}).get("format_name", "")
    if result.returncode != 0 or not container:
        raise _refused(_("The file could not be read as video or audio; it may be damaged."))
    if wanted.demuxer not in container.split(","):
        raise _refused(
            _("The file is not the %(kind)s its name says (it is %(found)s).")
            % {"kind": wanted.content_type, "found": container.split(",")[0]}
        )
    video, audio = _kept(info, "video"), _kept(info, "audio")
    if wanted.kind == "video" and not video:
        raise _refused(_("The file has no picture."))
    if wanted.kind == "audio" and (video or not audio):
        raise _refused(_("The file is not audio only."))
    for stream, allowed in [
        *((s, wanted.video) for s in video),
        *((s, wanted.audio) for s in audio),
    ]:
        if stream.get("codec_name") not in allowed:
            raise _refused(
                _("Its %(type)s is encoded as %(codec)s, which browsers cannot all play.")
                % {"type": stream.get("codec_type"), "codec": stream.get("codec_name")}
            )
    duration = float((info.get("format") or {}).get("duration") or 0)
    if duration <= 0:
        raise _refused(_("The file has no length; it may be damaged."))
    return info


def _kept(info: dict, codec_type: str) -> list[dict]:
    """The streams of this type that are kept: the first one (a cover picture inside an MP3
    is not a video)."""
    streams = [
        s
        for s in info.get("streams") or []
        if s.get("codec_type") == codec_type
        and not (s.get("disposition") or {}).get("attached_pic")
    ]
    return streams[:1]


def _copy_without_metadata(source: str, target: str, wanted: Format) -> None:
    maps = ["-map", "0:v:0", "-map", "0:a:0?"] if wanted.kind == "video" else ["-map", "0:a:0"]
    args = [
        _tool("ffmpeg"), "-v", "error", "-nostdin", "-y", "-i", source, *maps, "-c", "copy",
        "-map_metadata", "-1", "-map_metadata:s:v", "-1", "-map_metadata:s:a", "-1",
        "-map_chapters", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
        "-flags:a", "+bitexact", *wanted.options, "-f", wanted.muxer, target,
    ]  # fmt: skip
    result = _run(args, COPY_SECONDS)
    if result.returncode != 0 or not os.path.getsize(target):
        raise _refused(_("The file could not be copied as it is; it may be damaged."))


def _display_size(info: dict) -> tuple[int | None, int | None]:
    video = _kept(info, "video")
    if not video:
        return None, None
    width, height = video[0].get("width"), video[0].get("height")
    rotation = next(
        (d.get("rotation") for d in video[0].get("side_data_list") or [] if "rotation" in d), 0
    )
    if width and height and abs(int(rotation or 0)) % 180 == 90:  # a phone held upright
        width, height = height, width
    return width, height


def _poster(path: str, duration: float) -> ContentFile:
    """A frame a second in (or half-way through a shorter clip), checked like any image."""
    at = f"{min(1.0, duration / 2):.3f}"
    args = [_tool("ffmpeg"), "-v", "error", "-nostdin", "-ss", at, "-i", path, "-frames:v", "1"]
    result = _run([*args, "-f", "image2", "-c:v", "mjpeg", "-q:v", "3", "pipe:1"], PROBE_SECONDS)
    if result.returncode != 0 or not result.stdout:
        raise _refused(_("No picture could be taken from the video; it may be damaged."))
    image = strip_metadata(ContentFile(result.stdout, name="poster.jpg"))
    return CleanUpload(image, readable_unique_name("poster", image.extension))
