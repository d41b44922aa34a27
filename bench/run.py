"""Benchmark the public pages under gunicorn against PostgreSQL, cached and uncached.

    python bench/run.py                 # 100,000 articles, 10 s per measurement
    python bench/run.py --articles 5000 --duration 5

Needs PostgreSQL and Redis (see ENVIRONMENT) and `wrk` (Debian: apt-get install wrk).
For article, home, tag, search and feed pages it prints requests per second, p50 and
p99 latency and errors (wrk, 2 threads x 32 connections), each next to a constant-bytes
Django view served by the same gunicorn (2 sync workers) as a ratio; SQL queries per
uncached page; p99 at low concurrency (1 connection); and peak memory per worker.
"""

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "benchmark-only-not-a-secret-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SITE_URL": "http://127.0.0.1",
    "STATIC_ROOT": "/tmp/newsroom-bench-static",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/newsroom_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "BENCHMARK_VIEWS": "1",
    "LOG_LEVEL": "ERROR",
}
TARGETS = {  # page: (cached ratio, uncached ratio, max queries, low-concurrency p99 ms)
    "article": (0.7, 0.08, 5, None),
    "home": (None, 0.05, 4, 50),
    "tag": (None, 0.05, 4, 50),
    "search": (None, 0.03, 3, 50),
    "feed": (None, None, None, None),
}


def run(*args, env=None, check=True, **kwargs):
    return subprocess.run(
        args, cwd=ROOT, env={**os.environ, **(env or {})}, check=check, text=True, **kwargs
    )


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def analyze(url: str) -> None:
    """Fresh planner statistics after a bulk fill, as autovacuum would give a live site."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def pages_and_queries(env: dict) -> tuple[dict, dict]:
    """The URLs to measure and the SQL queries each runs uncached (in a child process)."""
    code = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.conf import settings
from articles.models import Article, Tag
settings.PUBLIC_PAGE_CACHE_SECONDS = 0
article = Article.objects.published().order_by("-published_at").first()
tag = Tag.objects.order_by("id").first()
pages = {"article": article.get_absolute_url(), "home": "/", "tag": tag.get_absolute_url(),
         "search": "/search/?q=duong+ven+bien+lam+giang", "feed": "/feed/"}
client, queries = Client(), {}
for name, url in pages.items():
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    queries[name] = [len(captured), status]
print(json.dumps({"pages": pages, "queries": queries}))
"""
    out = run(PYTHON, "manage.py", "shell", "-c", code, env=env, capture_output=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["pages"], data["queries"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, cached: bool):
    port = free_port()
    server_env = {
        **env,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_MAX_REQUESTS": "0",
        "PUBLIC_PAGE_CACHE_SECONDS": "600" if cached else "0",
    }
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "newsroom.wsgi", "--config", "newsroom/gunicorn_conf.py"],
        cwd=ROOT,
        env={**os.environ, **server_env},
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    time.sleep(1)
    return server, f"http://127.0.0.1:{port}"


def wrk(url: str, duration: int, threads: int = 2, connections: int = 32) -> dict:
    out = run(
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        url,
        capture_output=True,
    ).stdout

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(map(int, socket_errors.groups())) if socket_errors else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": errors,
    }


def peak_memory_mb(master: int) -> list[float]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return peaks


def measure(env: dict, pages: dict, duration: int, cached: bool) -> tuple[dict, list[float]]:
    server, base = start_server(env, cached)
    try:
        results = {"constant": wrk(f"{base}/bench/constant", duration)}
        for name, path in pages.items():
            time.sleep(2)  # let the workers drain what the last run left queued
            for _ in range(3):  # warm the worker (and the cache)
                subprocess.run(["curl", "-s", "-o", "/dev/null", base + path], check=False)
            low = None if cached else wrk(base + path, duration, threads=1, connections=1)["p99"]
            time.sleep(1)
            results[name] = {**wrk(base + path, duration), "low_p99": low}
        return results, peak_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)


def verdict(ok: bool | None) -> str:
    return "" if ok is None else (" ✅" if ok else " ❌")


def report(pages, queries, cached, uncached, memory, articles, duration) -> str:
    lines = [
        f"Articles: {articles:,}; wrk 2 threads x 32 connections, {duration} s each; "
        "gunicorn 2 sync workers; PostgreSQL + Redis on the same machine.",
        "",
        "| page | cached req/s | ratio | uncached req/s | ratio | p50 ms | p99 ms | "
        "p99 ms at 1 conn | SQL queries | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ["constant", *pages]:
        c, u = cached[name], uncached[name]
        target = TARGETS.get(name, (None,) * 4)
        c_ratio, u_ratio = (
            c["rps"] / cached["constant"]["rps"],
            u["rps"] / uncached["constant"]["rps"],
        )
        q = queries.get(name, ["", ""])[0]
        low = u.get("low_p99")
        lines.append(
            f"| {name} | {c['rps']:.0f}"
            f" | {c_ratio:.3f}{verdict(target[0] and c_ratio >= target[0])}"
            f" | {u['rps']:.0f} | {u_ratio:.3f}{verdict(target[1] and u_ratio >= target[1])}"
            f" | {u['p50']:.1f} | {u['p99']:.1f}"
            f" | {'' if low is None else f'{low:.1f}'}{verdict(target[3] and low <= target[3])}"
            f" | {q}{verdict(target[2] and q <= target[2])} | {c['errors'] + u['errors']} |"
        )
    lines += [
        "",
        f"Peak memory per worker (MB): {', '.join(f'{m:.0f}' for m in memory)} "
        f"(target < 150){verdict(max(memory) < 150)}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--database-url", default=ENV["DATABASE_URL"])
    options = parser.parse_args()
    env = {**ENV, "DATABASE_URL": options.database_url}

    ensure_database(options.database_url)
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v0", env=env)
    run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    run(PYTHON, "bench/fill.py", "--articles", str(options.articles), env=env)
    analyze(options.database_url)
    run("redis-cli", "-n", "14", "flushdb", check=False, capture_output=True)
    pages, queries = pages_and_queries(env)
    print("Pages:", pages)
    print("Queries (count, status):", queries)
    cached, memory_cached = measure(env, pages, options.duration, cached=True)
    uncached, memory_uncached = measure(env, pages, options.duration, cached=False)
    print()
    print(
        report(
            pages,
            queries,
            cached,
            uncached,
            memory_cached + memory_uncached,
            options.articles,
            options.duration,
        )
    )


if __name__ == "__main__":
    main()
