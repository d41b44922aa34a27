"""Django's PostgreSQL backend with a connection pool that gets through a server restart."""
