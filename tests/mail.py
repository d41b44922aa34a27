"""Mail in tests: the queue's sender, and two real SMTP servers on 127.0.0.1.

`SilentSMTPServer` accepts connections and never answers, like a mail server that hangs;
`WorkingSMTPServer` is aiosmtpd, a real SMTP server that keeps what it receives.
"""

import socket
import threading
from email import message_from_bytes, policy
from io import StringIO

from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command


def deliver_mail() -> list:
    """One pass of `manage.py deliver_mail`; what reached the test outbox so far."""
    call_command("deliver_mail", stdout=StringIO())
    return mail.outbox


def use_smtp(settings, port: int, timeout: float = 10) -> None:
    """The queue's transport is SMTP on 127.0.0.1:`port`, as EMAIL_URL=smtp://... sets it."""
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    }
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, timeout
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""


class SilentSMTPServer:
    """Takes every connection and never sends a byte (no greeting, no reply)."""

    def __init__(self, port: int = 0):
        self.listener = socket.create_server(("127.0.0.1", port))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)

    def stop(self):
        self.stopped.set()
        self.thread.join()
        self.listener.close()
        for connection in self.connections:
            connection.close()


class _Keep:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"


class WorkingSMTPServer:
    """aiosmtpd on 127.0.0.1:`port`; `messages` holds (recipients, email.message) received."""

    def __init__(self, port: int = 0):
        self.handler = _Keep()
        if not port:
            with socket.create_server(("127.0.0.1", 0)) as probe:
                port = probe.getsockname()[1]
        self.port = port
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=port)
        self.controller.start()

    @property
    def messages(self):
        return self.handler.messages

    def stop(self):
        self.controller.stop()
