"""No byte a reader receives can run: XSS payloads through every field, checked on the pages.

Each payload goes into the body (rich text, sanitized on save) and into every plain-text
field (escaped when shown); the public pages that show them are then parsed and must hold
no script, no event handler, no javascript:/data: URL, no frame, object, form or style.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from tests import hostile
from tests.factories import ArticleFactory, AttachmentFactory, AuthorFactory, TagFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img srcset="javascript:alert(1) 1x">',
    "<img/src/onerror=alert(1)>",
    '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<input autofocus onfocus="alert(1)">',
    '<a href="javascript:alert(1)">nhấn vào đây</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '<a href="https://ok.example" onmouseover=alert(1)>x</a>',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">phủ trang</p>',
    '<p style="display:none">ẩn</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<details open ontoggle="alert(1)">x</details>',
    '<video><source onerror="alert(1)"></video>',
    '<audio src=x onerror="alert(1)">',
    '<marquee onstart="alert(1)">x</marquee>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<td background="javascript:alert(1)">x</td>',
    '<div onpointerover="alert(1)">x</div>',
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    '<p class="x" id="login-form" name="x">lừa</p>',
    '<img src="x" alt="x" onload="alert(1)" width="1">',
    "<a href='https://ok.example' target='_blank'>ngoài</a>",
    '<figure class="image" onclick="alert(1)"><img src="/media/a.jpg" alt="a">'
    "<figcaption onmouseover=alert(1)>Chú thích</figcaption></figure>",
    "{{ request.user }} {% now 'Y' %}",
    "javascript:alert(1)",
    "\u202egnp.exe <script>alert(1)</script>",
]

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "style", "link", "meta",
    "base", "svg", "math", "details", "video", "audio", "marquee", "template", "noscript",
    "frame", "frameset", "applet", "textarea",
}  # fmt: skip
# Forms are allowed only posting to the site's own paths (search, language, sign-out);
# a payload's form, input or button never survives the sanitizer (nor its on* handlers).
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "background", "data", "poster"}
# What the page itself legitimately carries (base.html): its stylesheet and charset.
ALLOWED_PAGE_TAGS = {("link", "stylesheet"), ("link", "canonical"), ("meta", None)}
# And in the body of public pages, the most-read beacon (templates/articles/_read_beacon.html):
# the site's own static script, and its <noscript> picture.
OWN_SCRIPTS = {"/static/js/most_read.js"}


class Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "body":
            self.in_head = False
        self.in_json_ld = tag == "script" and values.get("type") == "application/ld+json"
        allowed_in_head = tag in ("link", "meta") or self.in_json_ld
        # <noscript> only around the beacon's picture, checked by the next tag.
        if getattr(self, "in_noscript", False):
            self.in_noscript = False
            if not (tag == "img" and values.get("class") == "read-pixel"):
                self.problems.append(f"<noscript> around <{tag}>")
        self.in_noscript = tag == "noscript" and not attrs
        own = (tag == "script" and values.get("src") in OWN_SCRIPTS) or self.in_noscript
        if tag == "form":
            action = values.get("action") or ""
            if not action.startswith("/") or action.startswith("//"):
                self.problems.append(f"<form> {attrs}")
        elif tag in FORBIDDEN_TAGS and not (self.in_head and allowed_in_head) and not own:
            self.problems.append(f"<{tag}> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name == "style":
                self.problems.append(f"{tag}[style]")
            if name in URL_ATTRIBUTES and value:
                squashed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if squashed.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"{tag}[{name}={value}]")
            if name == "http-equiv":
                self.problems.append(f"{tag}[http-equiv]")
        if tag == "a" and values.get("target") and "noopener" not in (values.get("rel") or ""):
            self.problems.append("target without noopener")

    def handle_data(self, data):
        # Structured data is JSON inside <script>: it must never close the element.
        if getattr(self, "in_json_ld", False) and "<" in data:
            self.problems.append(f"'<' inside JSON-LD: {data[:80]}")

    def handle_endtag(self, tag):
        self.in_json_ld = False
        if getattr(self, "in_noscript", False):
            self.problems.append("<noscript> around nothing")
            self.in_noscript = False


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    return parser.problems


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_payload_in_every_field_never_reaches_a_reader_as_markup(client, payload):
    author = AuthorFactory(name=f"Tác giả {payload}"[:120], bio=f"Tiểu sử {payload}")
    tag = TagFactory(name=f"Chủ đề {payload}"[:80])
    article = ArticleFactory(
        title=f"Tiêu đề {payload}",
        summary=f"Sapo {payload}",
        body=f"<p>Mở đầu</p>{payload}<p>Kết bài</p>",
        cover_image=hostile.upload("bia.jpg", hostile.jpeg_bytes((400, 200))),
        cover_caption=f"Chú thích {payload}"[:300],
        cover_alt=f"Mô tả {payload}"[:300],
        authors=[author],
        tags=[tag],
    )
    AttachmentFactory(
        article=article,
        title=f"Tệp {payload}",
        file=hostile.upload(f"{payload[:120]}.pdf", hostile.pdf_bytes()),
    )
    pages = {
        "article": article.get_absolute_url(),
        "home": reverse("articles:home"),
        "tag": tag.get_absolute_url(),
        "author": author.get_absolute_url(),
    }
    for page, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert audit(html) == [], (page, payload)
        # Plain text is shown as text: the reader sees the characters, escaped.
        assert escape(article.title) in html, page

    html = client.get(pages["article"]).content.decode()
    assert "Mở đầu" in html  # what follows an unclosed <style> is its content: dropped
    for field in ("Sapo ", "Chú thích ", "Tác giả "):
        assert field in html
    stored = Article.objects.get(pk=article.pk).body
    assert audit(stored) == []
    assert "Tệp " in html and "Tiêu đề " in html


def test_body_keeps_what_the_editor_toolbar_makes():
    body = (
        "<h2>Tiêu đề phụ</h2><h3>Mục</h3><h4>Ý</h4>"
        "<p><strong>đậm</strong> <em>nghiêng</em> <u>gạch chân</u> <s>gạch</s></p>"
        '<ul><li>một</li></ul><ol start="3"><li>ba</li></ol>'
        "<blockquote><p>Trích dẫn</p></blockquote>"
        '<p><a href="https://baotinh.example/bai">liên kết</a> <a href="mailto:a@b.vn">thư</a></p>'
        '<table border="1"><thead><tr><th scope="col">Xã</th></tr></thead>'
        '<tbody><tr><td colspan="2">Phước Dân</td></tr></tbody></table>'
        '<figure class="image image-left"><img src="/media/uploads/a.jpg" alt="Ảnh" '
        'width="800" height="450"><figcaption>Chú thích</figcaption></figure><hr>'
    )
    stored = ArticleFactory(body=body).body
    for kept in (
        "<h2>Tiêu đề phụ</h2>",
        "<h3>Mục</h3>",
        "<h4>Ý</h4>",
        "<strong>đậm</strong>",
        "<em>nghiêng</em>",
        "<u>gạch chân</u>",
        "<s>gạch</s>",
        '<ol start="3">',
        "<blockquote>",
        'href="mailto:a@b.vn"',
        '<th scope="col">',
        '<td colspan="2">',
        '<figure class="image image-left"><img src="/media/uploads/a.jpg" alt="Ảnh"',
        "<figcaption>Chú thích</figcaption>",
        "<hr>",
    ):
        assert kept in stored, kept


def test_external_links_get_noopener_noreferrer():
    stored = ArticleFactory(
        body='<p><a href="https://ngoai.example" target="_blank">x</a></p>'
    ).body
    rel = re.search(r'rel="([^"]+)"', stored).group(1).split()
    assert {"noopener", "noreferrer"} <= set(rel)


def test_body_saved_through_the_admin_is_sanitized_too(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Bài có mã độc",
            "summary": "",
            "body": '<p onclick="x()">Chữ</p><script>alert(1)</script><iframe src="//e"></iframe>',
            "status": Article.State.DRAFT,
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert Article.objects.get().body == "<p>Chữ</p>"


def test_the_editor_allows_exactly_what_the_sanitizer_keeps(settings):
    """CKEditor's own filter is built from the sanitizer's lists: typing shows what is kept."""
    from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_CLASSES, ALLOWED_TAGS

    rules = settings.CKEDITOR_CONFIGS["default"]["allowedContent"]
    tags, attributes, classes = set(), {}, {}
    for rule in rules.split("; "):
        match = re.fullmatch(r"([a-z0-9 ]+)(?:\[([^\]]*)\])?(?:\(([^)]*)\))?", rule)
        assert match, rule
        names, attrs, cls = match.groups()
        for tag in names.split():
            tags.add(tag)
            if attrs:
                attributes[tag] = {a.lstrip("!") for a in attrs.split(",")}
            if cls:
                classes[tag] = set(cls.split(","))
    assert tags == ALLOWED_TAGS
    assert attributes == ALLOWED_ATTRIBUTES
    assert classes == ALLOWED_CLASSES
