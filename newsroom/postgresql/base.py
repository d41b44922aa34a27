"""Django's PostgreSQL backend, with a pool that checks connections before handing them out.

Django 5.2 passes its own `check` to psycopg_pool (`CONN_HEALTH_CHECKS`) and refuses one in
OPTIONS["pool"]. Its check replaces dead connections one at a time with a growing pause
between them (0, 1, 2 s…), so after a restart the first request of each worker would wait
through every dead pooled connection and, past DATABASE_POOL_TIMEOUT, get the 503 page.
"""

import psycopg
from django.db.backends.base.base import NO_DB_ALIAS
from django.db.backends.postgresql import base
from psycopg_pool import ConnectionPool


class RestartSafePool(ConnectionPool):
    """A pool that, on finding one dead connection, replaces every dead idle one at once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, check=self.check_or_sweep, **kwargs)

    def check_or_sweep(self, conn) -> None:
        """Hand out only a working connection; one that fails means the server dropped them all."""
        try:
            self.check_connection(conn)
        except psycopg.Error:
            self.check()  # tests each idle connection, opening new ones in place of the dead
            raise  # the pool discards this one and hands out a fresh connection


class DatabaseWrapper(base.DatabaseWrapper):
    @property
    def pool(self):
        # As Django's own property, with RestartSafePool in place of ConnectionPool.
        pool_options = self.settings_dict["OPTIONS"].get("pool")
        if self.alias == NO_DB_ALIAS or not pool_options:
            return None
        if self.alias not in self._connection_pools:
            connect_kwargs = self.get_connection_params()
            connect_kwargs["autocommit"] = True  # Django sets the mode it wants later
            pool = RestartSafePool(
                kwargs=connect_kwargs,
                open=False,
                configure=self._configure_connection,
                **({} if pool_options is True else pool_options),
            )
            self._connection_pools.setdefault(self.alias, pool)
        return self._connection_pools[self.alias]
