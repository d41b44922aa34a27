"""Fill the database with N realistic articles for the benchmark.

    python bench/fill.py --articles 100000

Articles get 1-3 tags (of 200), 1-2 authors (of 300), a cover image (one of 24 real
JPEGs made with Pillow, shared), and every tenth an attachment. 97 % are public,
spread over three years; the rest are drafts, in review or scheduled. Rows are
inserted in bulk; running it again only tops the table up to N.
"""

import argparse
import io
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from accounts.models import Author  # noqa: E402
from articles import tag_listings  # noqa: E402
from articles.models import Article, Attachment, Byline, Tag  # noqa: E402
from newsroom.media.renditions import make_renditions  # noqa: E402
from newsroom.text import vn_slugify  # noqa: E402

PLACES = [
    "Lam Giang",
    "Hòa Phong",
    "Cửa Lam",
    "Thạch Lâm",
    "Tân Điền",
    "Vân Sơn",
    "Đồng Xuân",
    "Bình Minh",
    "Phước Hải",
    "Ninh Chữ",
    "Tháp Chàm",
    "Đầm Vua",
    "Mỹ Đông",
    "Thanh Sơn",
]
SUBJECTS = [
    "Đường ven biển",
    "Trường học",
    "Bệnh viện",
    "Hợp tác xã",
    "Đảng bộ",
    "Lễ hội",
    "Vụ lúa",
    "Cảng cá",
    "Khu công nghiệp",
    "Nhà văn hóa",
    "Cầu dân sinh",
    "Chợ đêm",
    "Đội bóng",
    "Làng nghề",
    "Điện mặt trời",
    "Hồ chứa nước",
]
EVENTS = [
    "khánh thành",
    "đón nhận danh hiệu",
    "tổng kết năm",
    "khởi công",
    "tiếp nhận hỗ trợ",
    "nâng cao chất lượng hoạt động",
    "vượt kế hoạch",
    "chuẩn bị mùa mưa bão",
    "đón hàng nghìn du khách",
    "chuyển đổi số",
    "ra quân",
    "bàn giải pháp",
]
WORDS = [
    "người",
    "dân",
    "địa",
    "phương",
    "cán",
    "bộ",
    "kế",
    "hoạch",
    "năm",
    "nay",
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "công",
    "trình",
    "dự",
    "án",
    "nguồn",
    "vốn",
    "sản",
    "xuất",
    "kinh",
    "doanh",
    "học",
    "sinh",
    "giáo",
    "viên",
    "bác",
    "sĩ",
    "nông",
    "dân",
    "ngư",
    "dân",
    "du",
    "lịch",
    "văn",
    "hóa",
    "thể",
    "thao",
    "an",
    "toàn",
    "giao",
    "thông",
    "môi",
    "trường",
    "nước",
    "sạch",
    "điện",
    "lưới",
    "mùa",
    "vụ",
    "thu",
    "hoạch",
    "chất",
    "lượng",
    "hiệu",
    "quả",
    "phát",
    "triển",
    "bền",
    "vững",
]
FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Thị", "Văn", "Minh", "Thanh", "Hoàng", "Ngọc", "Đức", "Thu"]
LAST = ["Lan", "Hùng", "Mai", "Nam", "Hà", "Phúc", "Trâm", "Đăng", "Tuấn", "Hải", "Yến"]
TAG_WORDS = [
    "Thời sự",
    "Kinh tế",
    "Xã hội",
    "Giáo dục",
    "Y tế",
    "Văn hóa",
    "Thể thao",
    "Du lịch",
    "Nông nghiệp",
    "Giao thông",
    "Pháp luật",
    "Môi trường",
]


COVER_SIZE = (1200, 675)


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_covers(count: int = 24) -> list[str]:
    names = []
    for i in range(count):
        name = f"bench/covers/cover-{i:02d}.jpg"
        if not default_storage.exists(name):
            image = Image.new("RGB", COVER_SIZE, (20 + i * 9 % 200, 60 + i * 5 % 150, 110))
            ImageDraw.Draw(image).rectangle((80, 80, 600, 300), fill=(240, 240, 240))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=80)
            default_storage.save(name, ContentFile(buffer.getvalue()))
        make_renditions(name, default_storage)  # as an upload would: pages never open originals
        names.append(name)
    return names


def ensure_people_and_tags(rng: random.Random) -> tuple[list[Author], list[Tag]]:
    while Tag.objects.count() < 200:
        n = Tag.objects.count()
        Tag.objects.create(name=f"{TAG_WORDS[n % len(TAG_WORDS)]} {PLACES[n % len(PLACES)]} {n}")
    while Author.objects.count() < 300:
        n = Author.objects.count()
        Author.objects.create(
            name=f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(LAST)} {n}",
            bio=sentence(rng, 14),
        )
    return list(Author.objects.all()), list(Tag.objects.all())


def build_article(rng: random.Random, i: int, covers: list[str], now) -> Article:
    title = f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} {rng.choice(EVENTS)} ({i})"
    roll = rng.random()
    status, published_at = (
        Article.State.PUBLISHED,
        now - timedelta(minutes=rng.randint(1, 1_576_800)),
    )
    if roll > 0.99:
        status, published_at = Article.State.DRAFT, None
    elif roll > 0.98:
        status, published_at = Article.State.REVIEW, None
    elif roll > 0.97:
        published_at = now + timedelta(days=rng.randint(1, 30))
    body = "".join(f"<p>{sentence(rng, rng.randint(25, 45))}</p>" for _ in range(rng.randint(4, 8)))
    article = Article(
        title=title,
        slug=f"{vn_slugify(title)[:180]}-{i}",
        summary=sentence(rng, 30),
        body=body,
        cover_image=rng.choice(covers),
        cover_width=COVER_SIZE[0],
        cover_height=COVER_SIZE[1],
        cover_caption=sentence(rng, 8),
        cover_alt=sentence(rng, 6),
        status=status,
        published_at=published_at,
    )
    prepare = getattr(article, "prepare_for_bulk", None)  # derived columns (search text)
    if prepare:
        prepare()
    return article


def fill(total: int, batch: int = 2000, seed: int = 2024) -> None:
    rng = random.Random(seed)
    covers = make_covers()
    authors, tags = ensure_people_and_tags(rng)
    attachment_name = "bench/attachments/bao-cao.pdf"
    if not default_storage.exists(attachment_name):
        default_storage.save(attachment_name, ContentFile(b"%PDF-1.4\n%%EOF\n"))
    # Rows from an older fill: record the cover size an upload records.
    Article.objects.filter(cover_width__isnull=True).exclude(cover_image="").update(
        cover_width=COVER_SIZE[0], cover_height=COVER_SIZE[1]
    )
    existing = Article.objects.count()
    now = timezone.now()
    started = time.monotonic()
    for start in range(existing, total, batch):
        with transaction.atomic():
            articles = Article.objects.bulk_create(
                [
                    build_article(rng, i, covers, now)
                    for i in range(start, min(start + batch, total))
                ]
            )
            bylines, taggings, attachments = [], [], []
            for article in articles:
                for position, author in enumerate(rng.sample(authors, rng.randint(1, 2))):
                    bylines.append(Byline(article=article, author=author, position=position))
                for tag in rng.sample(tags, rng.randint(1, 3)):
                    taggings.append(Article.tags.through(article_id=article.pk, tag_id=tag.pk))
                if rng.random() < 0.1:
                    attachments.append(
                        Attachment(
                            article=article,
                            file=attachment_name,
                            title="Báo cáo tổng kết",
                            original_filename="Báo cáo tổng kết.pdf",
                            size=15,
                            content_type="application/pdf",
                        )
                    )
            Byline.objects.bulk_create(bylines)
            Article.tags.through.objects.bulk_create(taggings)
            Attachment.objects.bulk_create(attachments)
            # bulk_create sends no signals: the tag pages' entries, as a save would make them.
            tag_listings.refresh(article.pk for article in articles)
        done = min(start + batch, total)
        rate = (done - existing) / max(time.monotonic() - started, 0.001)
        print(f"\r{done:>7}/{total} articles ({rate:,.0f}/s)", end="", flush=True)
    print(
        f"\n{Article.objects.count()} articles, {Tag.objects.count()} tags, "
        f"{Author.objects.count()} authors, {Attachment.objects.count()} attachments"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    fill(parser.parse_args().articles)
