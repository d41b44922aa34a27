"""After PostgreSQL drops its connections (a restart, a failover), readers still get pages.

The shared server is not restarted: this test's own backends are terminated from a separate
connection, which is what a restart does to a worker's pooled connections.
"""

import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import connection

from tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db(transaction=True)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def fill_the_pool() -> None:
    """Open the pool's every connection, as a busy worker has them, and leave them idle."""
    pool = connection.pool
    held = [pool.getconn() for _ in range(pool.max_size)]
    for conn in held:
        pool.putconn(conn)


def drop_every_connection_to_the_test_database() -> int:
    """Terminate the server side of every connection this test process holds, pooled or not."""
    connection.close()  # the test's own connection goes back to the pool, to be dropped there
    fill_the_pool()
    db = connection.settings_dict
    with psycopg.connect(
        dbname="postgres",
        host=db["HOST"],
        port=db["PORT"] or None,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        autocommit=True,
    ) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [db["NAME"]],
        ).fetchall()
    return len(rows)


def test_readers_get_pages_after_the_database_drops_its_connections(live_server, settings):
    tag = TagFactory()
    article = ArticleFactory(tags=[tag])
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # every request needs the database
    pages = [
        f"{live_server.url}/",
        f"{live_server.url}{article.get_absolute_url()}",
        f"{live_server.url}{tag.get_absolute_url()}",
        f"{live_server.url}/healthz",
    ]
    for url in pages:
        assert status_of(url) == 200
    if connection.vendor == "postgresql":
        assert drop_every_connection_to_the_test_database() >= connection.pool.max_size
    # (SQLite has no server to drop connections: each request opens the file itself.)

    # Twice as many requests as the pool holds connections: each would meet a dead one.
    statuses = [status_of(url) for url in pages * 2]

    assert statuses == [200] * len(statuses)
    article.refresh_from_db()  # and the test's own connection works again
