"""Real outages of the services the site uses, caused from a test without stopping them for
anybody else on the machine.

The database goes away the way it does in production, as the app sees it: PostgreSQL's
address stops answering (the connection is pointed at a closed port and the pool is
dropped, so every new connection is refused), or SQLite's file cannot be opened. The
shared PostgreSQL server keeps running for everyone else. Use it in a transactional test
(`django_db(transaction=True)`): the test's rows must be committed to outlive the
connection.
"""

import socket
import sqlite3

from django.db import connection


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (just bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DatabaseOutage:
    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.saved = None
        self.keeper = None

    def begin(self) -> None:
        """From now on every connection to the database fails, as when the server is down."""
        settings = connection.settings_dict
        self.saved = {key: settings.get(key) for key in ("NAME", "HOST", "PORT", "OPTIONS")}
        if connection.vendor == "sqlite":
            if connection.is_in_memory_db():
                # Closing the last connection to an in-memory database would destroy it:
                # this one keeps it (and the test's rows) for when the outage ends.
                self.keeper = sqlite3.connect(settings["NAME"], uri=True)
            settings["NAME"] = str(self.tmp_path / "unmounted-disk" / "db.sqlite3")
        else:
            options = dict(settings.get("OPTIONS") or {})
            if isinstance(options.get("pool"), dict):
                # Readers wait for the pool's timeout: short, so the test is quick.
                options["pool"] = {**options["pool"], "timeout": 0.5}
            settings.update(HOST="127.0.0.1", PORT=str(closed_port()), OPTIONS=options)
        self._reconnect()

    def end(self) -> None:
        """The database is back."""
        connection.settings_dict.update(self.saved)
        self._reconnect()
        if self.keeper is not None:
            connection.ensure_connection()  # holds the in-memory database from now on
            self.keeper.close()
            self.keeper = None

    @staticmethod
    def _reconnect() -> None:
        connection.close()
        if connection.vendor == "postgresql":
            connection.close_pool()  # a new pool, with the settings as they are now
