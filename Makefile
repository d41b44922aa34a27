# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint format browser ffmpeg install messages clean-venv

# A fresh virtual environment with the pinned dependencies; redone only when they change.
$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	rm -f $(VENV)/.installed-* && touch $@

install: $(INSTALLED)

# Development server with DEBUG on, on the embedded SQLite database with demo content;
# the mail sender runs beside it and prints every mail on this console (README, "Mail"), and
# the most-read count (README, "Reading site").
run: $(INSTALLED)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py deliver_mail --loop --interval 2 & sender=$$!; \
	DEBUG=1 $(BIN)/python manage.py count_reads --loop --interval 10 & counter=$$!; \
	trap 'kill $$sender $$counter 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: DEBUG off, settings from the environment (README, "Production"), gunicorn.
serve: $(INSTALLED)
	$(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn newsroom.wsgi --config newsroom/gunicorn_conf.py

test: $(INSTALLED) browser ffmpeg
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Translations: English message ids, Vietnamese in locale/vi. The compiled .mo files are
# committed, so only translators need GNU gettext.
messages: $(INSTALLED)
	DEBUG=1 $(BIN)/python manage.py makemessages -l vi --no-obsolete --ignore='.venv/*' --ignore='tests/*' --ignore='media/*' --ignore='staticfiles/*'
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore='.venv/*'

# Browser tests drive a Chromium: the system one (Debian's package) or Playwright's own.
browser: $(INSTALLED)
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
	  || test -n "$$CHROMIUM_PATH" \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && apt-get update -q && apt-get install -y -q chromium; } \
	  || $(BIN)/playwright install chromium \
	  || { echo "No Chromium found: install your system's chromium package or set CHROMIUM_PATH." >&2; exit 1; }

# Video and audio uploads are probed and cleaned by Debian's ffmpeg (ffprobe, ffmpeg).
ffmpeg:
	@command -v ffprobe >/dev/null && command -v ffmpeg >/dev/null \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	       && apt-get update -q && apt-get install -y -q ffmpeg; } \
	  || { echo "No ffmpeg found: install your system's ffmpeg package (ffprobe and ffmpeg)." >&2; exit 1; }

clean-venv:
	rm -rf $(VENV)
