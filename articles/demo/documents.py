"""Demo attachments made at seed time: a PDF and a CSV a newsroom would attach."""

import csv
import io
import textwrap
import unicodedata


def ascii_text(text: str) -> str:
    """'Kế hoạch Đua thuyền' -> 'Ke hoach Dua thuyen' (case kept, unlike newsroom.text.fold)."""
    text = text.translate(str.maketrans({"Đ": "D", "đ": "d"}))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 128)


def csv_bytes(text: str) -> bytes:
    # A UTF-8 BOM makes Excel read the Vietnamese headers correctly; re-writing through
    # the csv module checks the rows parse.
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with `lines` (ASCII) in Helvetica, with a correct xref table."""

    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    wrapped = [part for line in lines for part in (textwrap.wrap(line, 85) or [""])]
    text = " T* ".join(f"({escape(line)}) Tj" for line in wrapped)
    stream = f"BT /F1 12 Tf 16 TL 56 780 Td {text} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
