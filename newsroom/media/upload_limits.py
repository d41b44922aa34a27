"""Upload size limits enforced while the request streams in.

Django would otherwise write a 2 GB upload to a temporary file before any form
could say it is too large. This handler sits first in FILE_UPLOAD_HANDLERS and stops
passing a file's chunks on once it is over the largest allowed size; the form then
receives an empty stand-in that knows the size the file had, and says so on the field.
"""

import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def max_attachment_bytes() -> int:
    return getattr(settings, "MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES)


def max_upload_bytes() -> int:
    from newsroom.media.images import max_image_bytes

    return max(max_attachment_bytes(), max_image_bytes())


class OversizedUpload(UploadedFile):
    """What arrives instead of a file that was too large: its name and size, no content."""

    oversized = True

    def __init__(self, name, content_type, size, charset=None):
        super().__init__(io.BytesIO(b""), name, content_type, size, charset)


class SizeLimitUploadHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.limit = max_upload_bytes()
        self.oversized = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.oversized = True
        # None keeps the chunk from the handlers below: nothing more is buffered.
        return None if self.oversized else raw_data

    def file_complete(self, file_size):
        if self.oversized:
            return OversizedUpload(self.file_name, self.content_type, file_size, self.charset)
        return None
