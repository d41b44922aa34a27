"""Video and audio clips made with ffmpeg at test time (never committed binaries)."""

import shutil
import subprocess
from pathlib import Path

import pytest

# What a phone writes into a video: where it was taken, and more.
GPS = "+11.5650+108.9880/"
SECRET = "SECRET-DEVICE-SN-4471"


def ffmpeg() -> str:
    """The ffmpeg binary; the tests fail (never skip) without it: `make test` installs it."""
    path = shutil.which("ffmpeg")
    if not path or not shutil.which("ffprobe"):
        pytest.fail("ffmpeg and ffprobe are needed: run `make test` (as root it installs them).")
    return path


SOURCES = {
    "video": ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=10"],
    "audio": ["-f", "lavfi", "-i", "sine=frequency=440"],
}
RECIPES = {
    "mp4": ["video", "audio", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "webm": ["video", "audio", "-c:v", "libvpx-vp9", "-b:v", "200k", "-c:a", "libopus"],
    "mp3": ["audio", "-c:a", "libmp3lame"],
    "m4a": ["audio", "-c:a", "aac"],
    "mpeg4.mp4": ["video", "-c:v", "mpeg4"],  # a codec not every browser plays
}


def clip(folder: Path, recipe: str = "mp4", *, seconds: float = 2, name: str = "") -> Path:
    """A short test clip, with a GPS position and a device serial in its metadata."""
    parts = RECIPES[recipe]
    inputs = [arg for kind in ("video", "audio") if kind in parts for arg in SOURCES[kind]]
    options = [p for p in parts if p not in ("video", "audio")]
    target = folder / (name or f"clip.{recipe.rsplit('.', 1)[-1]}")
    metadata = ["-metadata", f"location={GPS}", "-metadata", f"comment={SECRET}"]
    args = [ffmpeg(), "-v", "error", "-y", *inputs, "-t", str(seconds), *options, *metadata]
    subprocess.run([*args, "-shortest", str(target)], check=True, capture_output=True)
    return target
