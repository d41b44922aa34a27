"""Files made at test time: real documents, and the hostile ones uploads must refuse."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.demo.documents import minimal_pdf

GPS_IFD, EXIF_IFD, ORIENTATION, MAKE, MODEL = 0x8825, 0x8769, 0x0112, 0x010F, 0x0110
SERIAL = "SN-4471-0099-BAOMOI"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'photoshop:City="Phan Rang" xmp:CreatorTool="xmp-secret-tool"/></rdf:RDF></x:xmpmeta>'
)
# An IPTC-IIM record (by-line "Tran Van Duc") in a Photoshop APP13 segment.
IPTC_BYLINE = b"iptc-byline-Tran-Van-Duc"


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_bytes(size=(64, 32), color="orange", **save_options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", **save_options)
    return buffer.getvalue()


def gps_tagged_jpeg(size=(80, 40), orientation: int = 6) -> bytes:
    """A phone photo: camera, serial, GPS position (Phan Rang), XMP, IPTC, a comment,
    and an EXIF orientation saying "turn me 90°" (stored landscape, shown portrait)."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "Canon"
    exif[MODEL] = "EOS R6"
    exif.get_ifd(EXIF_IFD)[0xA431] = SERIAL  # BodySerialNumber
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (11.0, 33.0, 54.0), 3: "E", 4: (108.0, 59.0, 17.0), 0: b"\x02\x03\x00\x00"}
    )
    image = Image.new("RGB", size, "white")
    image.paste((200, 0, 0), (0, 0, size[0] // 2, size[1]))  # left half red
    raw = io.BytesIO()
    image.save(raw, "JPEG", exif=exif.tobytes(), xmp=XMP, comment=b"taken at 11.565N 108.988E")
    data = raw.getvalue()
    # Insert an APP13 (Photoshop IRB with IPTC) segment right after SOI.
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(IPTC_BYLINE)) + IPTC_BYLINE
    irb = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + irb
    app13 = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + app13 + data[2:]


def png_bytes(size=(48, 48), mode="RGBA", color=(0, 128, 255, 128)) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def pixel_bomb_png(width=30_000, height=30_000) -> bytes:
    """A tiny file that claims 900 million pixels: a valid header, a few bytes of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML_PAGE = b"<!doctype html><html><body><script>fetch('/admin/')</script></body></html>"
WINDOWS_EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + (b"PE\x00\x00" + b"\x00" * 200)
)


def gif_html_polyglot() -> bytes:
    """Valid GIF header followed by HTML: what a sniffing browser might run."""
    return b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!" + HTML_PAGE


def truncated_jpeg() -> bytes:
    data = jpeg_bytes((400, 300), "teal", quality=95)
    return data[: len(data) // 2]


def pdf_bytes() -> bytes:
    return minimal_pdf(["Ke hoach nam 2024"])


def ole2_bytes() -> bytes:
    """The start of a legacy Office (DOC/XLS/PPT) compound file."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})


def xlsx_bytes() -> bytes:
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


def pptx_bytes() -> bytes:
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})


def odf_bytes(kind: str) -> bytes:
    return zip_bytes(
        {"mimetype": f"application/vnd.oasis.opendocument.{kind}".encode(), "content.xml": b"<x/>"}
    )


def animated_canvas_bomb_gif(width=7000, height=7000, frames=1000) -> bytes:
    """25 KB that claim frames × canvas = 49 billion pixels: a 7000×7000 screen with 1,000
    one-pixel frames. Pillow writes the one-pixel frame; the screen and the repeats are
    put around it as GIF's block structure says (Pillow would need every frame in memory)."""
    one = io.BytesIO()
    Image.new("P", (1, 1), 0).save(one, "GIF")
    data = one.getvalue()
    flags = data[10]
    table = 3 << ((flags & 7) + 1) if flags & 0x80 else 0
    screen = data[:6] + struct.pack("<HH", width, height) + data[10 : 13 + table]
    image = data[13 + table :].split(b",", 1)[1][:-1]  # descriptor onwards, no trailer
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    delay = b"\x21\xf9\x04\x04\x01\x00\x00\x00"  # each frame 10 ms, drawn over the last
    return screen + loop + (delay + b"," + image) * frames + b";"


EPS = (
    b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n%%EndComments\n"
    b"(/etc/passwd) (r) file\n0 0 moveto 10 10 lineto stroke\nshowpage\n%%EOF\n"
)


def mpo_bytes(size=(64, 48)) -> bytes:
    """What phones and 3D cameras write: a JPEG (red) with a second picture (blue) after it."""
    first, second = Image.new("RGB", size, "red"), Image.new("RGB", size, "blue")
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[second])
    return buffer.getvalue()


def grey16_png(size=(400, 300), value=32768) -> bytes:
    """A 16-bit greyscale PNG (mode I;16), mid-grey: scanners and medical cameras write them."""
    buffer = io.BytesIO()
    Image.new("I;16", size, value).save(buffer, "PNG")
    return buffer.getvalue()


def data_uri(data: bytes, mime: str = "image/jpeg") -> str:
    """A picture as CKEditor holds a pasted screenshot: inline, base64."""
    import base64

    return f"data:{mime};base64,{base64.b64encode(data).decode()}"
