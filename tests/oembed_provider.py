"""An oEmbed provider on 127.0.0.1, answering like YouTube's endpoint, or as asked: slowly,
trickling, with errors, with hostile HTML, with hostile thumbnails."""

import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from PIL import Image

HOSTILE_TITLE = '<img src=x onerror="alert(1)">Lễ hội <b>Katê</b> &amp; <script>alert(2)</script>'


def thumbnail_jpeg(size=(480, 360), color="firebrick") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


class Provider:
    """`answer` picks how the endpoint answers, `thumbnail` how the thumbnail does:
    answer: "youtube", "slow", "trickle", "404", "500", "hostile", "not json", "array"
    thumbnail: "jpeg", "huge", "html", "bomb", "missing"
    """

    def __init__(self):
        self.answer, self.thumbnail, self.delay = "youtube", "jpeg", 0.0
        self.requests: list[str] = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                provider.requests.append(self.path)
                path = urlsplit(self.path)
                if path.path == "/oembed":
                    provider.oembed(self, parse_qs(path.query))
                elif path.path.startswith("/vi/"):
                    provider.image(self)
                else:
                    self.send_error(404)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def oembed(self, handler, query):
        url = query.get("url", [""])[0]
        if self.answer == "slow":
            time.sleep(self.delay)
        if self.answer in ("404", "500"):
            handler.send_error(int(self.answer))
            return
        body = {
            "title": "Lễ hội Katê 2024 ở Ninh Thuận",
            "author_name": "Báo Ninh Thuận",
            "author_url": "https://www.youtube.com/@baoninhthuan",
            "type": "video",
            "height": 113,
            "width": 200,
            "version": "1.0",
            "provider_name": "YouTube",
            "provider_url": "https://www.youtube.com/",
            "thumbnail_height": 360,
            "thumbnail_width": 480,
            "thumbnail_url": f"{self.url}/vi/abc/hqdefault.jpg",
            "html": '<iframe width="200" src="https://www.youtube.com/embed/x"></iframe>',
        }
        if self.answer == "hostile":
            body.update(
                title=HOSTILE_TITLE,
                author_name="<a href='javascript:alert(3)'>Kẻ xấu</a>",
                author_url="javascript:alert(4)",
                html="<script>document.cookie</script><iframe src='https://evil.test'></iframe>",
            )
        data = json.dumps(body).encode()
        if self.answer == "not json":
            data = b"<html>not json</html>"
        if self.answer == "array":
            data = b"[1, 2, 3]"
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if self.answer == "trickle":
            for byte in data:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(self.delay)
            return
        handler.wfile.write(data)
        handler.url_asked = url

    def image(self, handler):
        if self.thumbnail == "missing":
            handler.send_error(404)
            return
        if self.thumbnail == "huge":  # endless: the download must stop at the size limit
            handler.send_response(200)
            handler.send_header("Content-Type", "image/jpeg")
            handler.end_headers()
            try:
                handler.wfile.write(thumbnail_jpeg()[:-2])
                for _ in range(4096):
                    handler.wfile.write(b"\0" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.thumbnail == "html":
            data = b"<html><script>alert(1)</script></html>"
        elif self.thumbnail == "bomb":
            buffer = io.BytesIO()
            Image.new("1", (20000, 20000)).save(buffer, "PNG")
            data = buffer.getvalue()
        else:
            data = thumbnail_jpeg()
        handler.send_response(200)
        handler.send_header("Content-Type", "image/jpeg")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
