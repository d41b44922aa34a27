"""Time the image pipeline on a phone-sized photo: check + strip, renditions, their bytes.

    python bench/images.py              # a 4000x3000 JPEG, 3 rounds
    python bench/images.py --width 6000 --height 4000 --rounds 5

Prints the median time of strip_metadata (check, upright, re-encode) and of
make_renditions (10 files), and the size of the original, the stored copy and each
rendition, so the weight a reader downloads can be compared with the original.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "1")  # a measurement, not a server: no production settings needed


def photo(width: int, height: int) -> bytes:
    """A photo-like JPEG (noise over gradients compresses like a real photo)."""
    from PIL import Image

    noise = Image.effect_noise((width, height), 48).convert("RGB")
    gradient = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(noise, gradient, 0.6).save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=4000)
    parser.add_argument("--height", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    from newsroom.media.images import strip_metadata
    from newsroom.media.renditions import make_renditions

    original = photo(args.width, args.height)
    strip_times, rendition_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        storage = FileSystemStorage(location=folder)
        for round_ in range(args.rounds):
            started = time.perf_counter()
            clean = strip_metadata(ContentFile(original, name="anh.jpg"))
            strip_times.append(time.perf_counter() - started)
            name = storage.save(f"covers/anh-{round_}.jpg", ContentFile(clean.data))
            started = time.perf_counter()
            written = make_renditions(name, storage)
            rendition_times.append(time.perf_counter() - started)
        print(
            f"photo {args.width}x{args.height}: original {len(original) / 1024:,.0f} KB, ", end=""
        )
        print(f"stored {len(clean.data) / 1024:,.0f} KB")
        print(f"strip_metadata   median {statistics.median(strip_times) * 1000:,.0f} ms")
        print(
            f"make_renditions  median {statistics.median(rendition_times) * 1000:,.0f} ms "
            f"({written} files)"
        )
        folder_path = Path(folder, "renditions/covers")
        for path in sorted(folder_path.glob("anh-0-*"), key=lambda p: (p.suffix, p.stat().st_size)):
            print(f"  {path.name:<22} {path.stat().st_size / 1024:>8,.1f} KB")


if __name__ == "__main__":
    main()
