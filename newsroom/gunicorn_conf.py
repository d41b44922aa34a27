"""gunicorn settings for `make serve` (production); each can be overridden from the environment."""

import gc
import multiprocessing
import os

bind = os.environ.get(
    "BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
# Sync workers: (2 × cores) + 1 is gunicorn's advice for a small server.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# No preload: each worker opens its own PostgreSQL pool after the fork.
preload_app = False
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket is one fixed path per user: two servers on a machine collide.
control_socket_disable = True


def post_worker_init(worker):
    """Once the app is loaded, keep its long-lived objects out of the garbage collector's
    full passes, which otherwise stall a request for ~100 ms every few hundred requests."""
    from django.urls import get_resolver

    get_resolver().check()  # imports the views now rather than on the first request
    gc.collect()
    gc.freeze()
