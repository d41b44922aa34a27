"""Settings for newsroom, read from the environment (see README, "Configuration").

With nothing set it runs on the embedded defaults: a SQLite file, a local media
folder, an in-memory cache and DEBUG off.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from articles.sanitize import editor_allowed_content
from newsroom.site_url import validated as valid_site_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# With DEBUG off (production), start-up refuses to run without these two (and SITE_URL,
# below); an empty value counts as missing (it would start, then answer every request
# with an error).
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = [host for host in env.list("ALLOWED_HOSTS", default=[]) if host.strip()]
if DEBUG:
    SECRET_KEY = SECRET_KEY if SECRET_KEY.strip() else "insecure-dev-only"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
for _name, _value in {"SECRET_KEY": SECRET_KEY.strip(), "ALLOWED_HOSTS": ALLOWED_HOSTS}.items():
    if not _value:
        raise ImproperlyConfigured(
            f"Set the {_name} environment variable: it is missing or empty, and the site "
            "needs it when DEBUG is off."
        )

SITE_NAME = env("SITE_NAME", default="Báo Newsroom")
SITE_DESCRIPTION = env("SITE_DESCRIPTION", default="Tin tức địa phương, nhanh và chính xác.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "ckeditor",
    "ckeditor_uploader",
    "reversion",
    "post_office",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "newsroom.media",
    "accounts",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so cached pages answer If-None-Match with 304 too.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.middleware.SiteLanguageMiddleware",
    # Bare 400/403/405 answers (require_POST's empty 405) get the styled page.
    "newsroom.error_pages.ErrorPageMiddleware",
    "articles.public.page_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): the session passed the second sign-in step; then staff of
    # a role that needs it reach only enrolment until they have a second factor.
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.middleware.SecondFactorRequiredMiddleware",
    # Before anything reads a request's body: each endpoint's own size limit.
    "newsroom.media.upload_limits.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.PrivateForSignedInMiddleware",
    "newsroom.csp.NewsroomCSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (with psycopg's pool) through DATABASE_URL.
SUPPORTED_DATABASES = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}
try:
    DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
except (ImproperlyConfigured, ValueError, KeyError) as exc:
    DATABASES = {"default": {"ENGINE": f"invalid ({exc})"}}
if DATABASES["default"].get("ENGINE") not in SUPPORTED_DATABASES:
    raise ImproperlyConfigured(
        "DATABASE_URL is not a usable database URL; use "
        "postgres://user:password@host:5432/name or sqlite:////absolute/path/db.sqlite3"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Every transaction takes the write lock when it begins, so a second writer
            # waits its turn (up to the timeout) instead of failing with "database is
            # locked" when it upgrades a read lock; the lost-update check then runs on
            # the winner's saved version.
            "transaction_mode": "IMMEDIATE",
            "timeout": env.float("DATABASE_LOCK_TIMEOUT", default=20),
            # Write-ahead log: readers are not blocked while someone saves (the mode is
            # kept in the file); NORMAL syncing is the durable pairing for WAL.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
    # The test database is a file beside this one, not in memory: with an in-memory
    # database the test server's threads share one connection, so concurrent requests
    # in tests would not meet SQLite's locks as they do in production.
    sqlite_file = Path(DATABASES["default"]["NAME"])
    DATABASES["default"]["TEST"] = {"NAME": str(sqlite_file.with_name(f"test_{sqlite_file.name}"))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with a pool that checks each connection before handing it out and,
    # after a PostgreSQL restart, replaces the dead ones at once (newsroom/postgresql/).
    DATABASES["default"]["ENGINE"] = "newsroom.postgresql"
    # The pool refuses persistent connections; min_size is per worker process.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Fail fast when PostgreSQL is down: readers get a 503, not a hang.
            "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=3),
            "pool": {
                "min_size": env.int("DATABASE_POOL_MIN", default=2),
                "max_size": env.int("DATABASE_POOL_MAX", default=4),
                "timeout": env.float("DATABASE_POOL_TIMEOUT", default=3),
            },
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public pages for anonymous readers are cached (articles/public/page_cache.py). Redis in
# production; short socket timeouts so that a Redis outage costs milliseconds, not a hung request.
if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="newsroom"),
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Most read (articles/public/most_read.py): reads counted per article and hour in Redis
# (without it, in each worker's memory), folded into the database by `manage.py count_reads`.
READ_COUNTER_URL = env("REDIS_URL", default="")
READ_COUNTER_PREFIX = env("CACHE_KEY_PREFIX", default="newsroom") + ":reads"
# How long a shared cache (CDN, reverse proxy) may hold a public page; browsers revalidate.
PUBLIC_PAGE_S_MAXAGE = env.int("PUBLIC_PAGE_S_MAXAGE", default=30)
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=600)  # 0: off
# How much longer the last good copy of a page is kept, to be served while the database is
# down (stale-if-error).
PUBLIC_PAGE_STALE_SECONDS = env.int("PUBLIC_PAGE_STALE_SECONDS", default=24 * 60 * 60)
# X-Cache: HIT/MISS/STALE on public pages, for diagnostics only: it tells anyone when a new
# cache generation starts (after every edit), so it is off unless asked for.
PUBLIC_PAGE_CACHE_DIAGNOSTICS = env.bool("PUBLIC_PAGE_CACHE_DIAGNOSTICS", default=False)
BENCHMARK_VIEWS = env.bool("BENCHMARK_VIEWS", default=False)

# Mail (newsroom/mail.py): every message is queued in the database during the request and
# sent outside it by `manage.py deliver_mail`, through the transport EMAIL_URL names.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
EMAIL_BACKEND = "newsroom.mail.QueuedEmailBackend"
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10)  # seconds, for every SMTP exchange
POST_OFFICE = {
    "BACKENDS": {"default": EMAIL_CONFIG["EMAIL_BACKEND"]},
    "DEFAULT_PRIORITY": "medium",
    # A failed mail is tried again every EMAIL_RETRY_MINUTES, by default for a day.
    "MAX_RETRIES": env.int("EMAIL_MAX_RETRIES", default=288),
    "RETRY_INTERVAL": timedelta(minutes=env.float("EMAIL_RETRY_MINUTES", default=5)),
    "LOG_LEVEL": 1,  # failures only: a sent mail leaves no log row
}
# With SQLite, one sender at a time holds this file (PostgreSQL uses an advisory lock).
MAIL_LOCK_FILE = env.path("MAIL_LOCK_FILE", default=BASE_DIR / ".mail-sender.lock")
# How often the article form sends what is being typed to the server (no revision made).
AUTOSAVE_SECONDS = env.int("AUTOSAVE_SECONDS", default=5)
# The site's address (an origin: scheme, host, port). Every absolute URL the site gives
# out (canonical, Open Graph, JSON-LD, sitemaps, feeds, robots.txt, emails) is built from
# it through newsroom.site_url, never from the request's Host or scheme.
SITE_URL = valid_site_url(
    env("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else environ.Env.NOTSET)
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="newsroom@localhost")

# Sign-in. django-axes checks every attempt (the admin's login form too) before the
# ordinary model backend; see accounts/lockout.py for the page a locked-out person sees.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "admin:index"
LOGOUT_REDIRECT_URL = None  # the "signed out" page, in the public site's style
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24)
# Reset links asked for within PASSWORD_RESET_LIMIT_MINUTES: past the limit for one address no
# more mail goes to it; past the limit for one client address, the page asks it to wait.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int("PASSWORD_RESET_LIMIT_PER_ADDRESS", default=3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env.int("PASSWORD_RESET_LIMIT_PER_CLIENT", default=10)
PASSWORD_RESET_LIMIT_MINUTES = env.int("PASSWORD_RESET_LIMIT_MINUTES", default=60)
CSRF_FAILURE_VIEW = "accounts.views.csrf_failure"

# Two-factor sign-in (accounts/two_factor/): TOTP apps (django-otp), named after the paper.
# Wrong codes count toward the lockout below like wrong passwords, so django-otp's own
# per-device back-off is off: one pause for both, which the real person's usual address
# escapes (a per-device back-off would let anyone with the password lock the person out).
OTP_TOTP_ISSUER = SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = 0
# How long the code step waits after a right password before it must be entered again.
TWO_FACTOR_STEP_SECONDS = env.int("TWO_FACTOR_STEP_SECONDS", default=300)

# Lockout: 5 failures for one username from one address lock both for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# And guesses at one account spread over many addresses: 10 failures within 5 minutes pause
# the name from every address it has not signed in from (accounts/lockout.py).
AXES_HANDLER = "accounts.lockout.NewsroomAxesHandler"
AXES_ACCOUNT_FAILURE_LIMIT = env.int("AXES_ACCOUNT_FAILURE_LIMIT", default=10)
AXES_ACCOUNT_COOLOFF_TIME = timedelta(minutes=env.int("AXES_ACCOUNT_COOLOFF_MINUTES", default=5))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
# Behind N reverse proxies that append to X-Forwarded-For, the client is N hops back.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_VERBOSE = False

# Language and time: Vietnamese and Vietnam's time by default, English available.
LANGUAGE_CODE = env("LANGUAGE_CODE", default="vi")
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
# Django's vi locale formats datetimes as "H:i:s d-m-Y"; newsrooms write "20:15 19/04/2024".
FORMAT_MODULE_PATH = ["newsroom.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "newsroom.storage.StaticStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644
# Uploads: the size limits are checked while the request streams in (newsroom.media.upload_limits).
FILE_UPLOAD_HANDLERS = [
    "newsroom.media.upload_limits.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
MAX_ATTACHMENT_BYTES = env.int("MAX_ATTACHMENT_BYTES", default=25 * 1024 * 1024)
MAX_IMAGE_BYTES = env.int("MAX_IMAGE_BYTES", default=15 * 1024 * 1024)
# Pillow's decompression-bomb guard, checked from the header before decoding.
MAX_IMAGE_PIXELS = env.int("MAX_IMAGE_PIXELS", default=50_000_000)
# Frames × canvas of an animation, counted before decoding (only its first frame is kept).
MAX_ANIMATION_PIXELS = env.int("MAX_ANIMATION_PIXELS", default=1_000_000_000)
# Video and audio (newsroom.media.av): the largest file, checked while it streams in.
MAX_MEDIA_BYTES = env.int("MAX_MEDIA_BYTES", default=500 * 1024 * 1024)
# Embedded videos and posts (newsroom.media.oembed): the providers are asked at save time,
# within this many seconds; OEMBED_ENDPOINTS ("youtube=https://…,vimeo=https://…") points
# a provider elsewhere (tests use one on 127.0.0.1). Facebook's oEmbed needs an app token.
OEMBED_TIMEOUT = env.float("OEMBED_TIMEOUT", default=5)
OEMBED_ENDPOINTS = env.dict("OEMBED_ENDPOINTS", default={})
FACEBOOK_OEMBED_TOKEN = env("FACEBOOK_OEMBED_TOKEN", default="")
# What a request may send besides its files, by endpoint (newsroom.media.upload_limits):
# anyone not signed in as staff little; the article form and autosave a long body with a
# pasted picture (base64 is 4/3 of the picture); other staff pages Django's 2.5 MB.
MAX_PUBLIC_POST_BYTES = env.int("MAX_PUBLIC_POST_BYTES", default=256 * 1024)
MAX_STAFF_POST_BYTES = env.int("MAX_STAFF_POST_BYTES", default=2_621_440)
MAX_ARTICLE_POST_BYTES = env.int(
    "MAX_ARTICLE_POST_BYTES", default=MAX_IMAGE_BYTES * 4 // 3 + 4 * 1024 * 1024
)
# Django's own limit is the largest of them: the middleware holds each endpoint to its own.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(MAX_ARTICLE_POST_BYTES, MAX_STAFF_POST_BYTES)

# Security: cookies and headers. HTTPS=1 (production behind a TLS proxy) turns on
# redirects to https, HSTS and secure cookies; `manage.py check --deploy` is then clean.
HTTPS = env.bool("HTTPS", default=False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)  # seconds
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=HTTPS)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=HTTPS)
# The reader's language choice (/i18n/setlang/): no page script reads it.
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = env.bool("LANGUAGE_COOKIE_SECURE", default=HTTPS)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
# The TLS proxy tells Django the original scheme; only trust it when behind one.
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Content-Security-Policy: strict on public pages; newsroom.csp relaxes it for the editor.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # No frames, but the players of the providers an article embeds, on that article's
        # page only (newsroom.csp.allow_frames).
        "frame-src": ["'none'"],
    }
}

# CKEditor 4 (django-ckeditor): staff-only editor inside the admin. Its system check
# ckeditor.W001 warns that the bundled CKEditor 4 is past end of life; we silence it
# because the editor is reachable by signed-in staff only, every body is sanitized
# on the server (articles/sanitize.py) before it is stored, and public pages carry a
# strict CSP. Keep the editor behind articles.rich_text so it can be swapped.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]
CKEDITOR_UPLOAD_PATH = "uploads/"
CKEDITOR_IMAGE_BACKEND = "ckeditor_uploader.backends.PillowBackend"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_FILENAME_GENERATOR = "newsroom.media.editor_uploads.editor_image_filename"
CKEDITOR_BROWSE_SHOW_DIRS = False
CKEDITOR_RESTRICT_BY_DATE = True
# The editor cleans what is typed and pasted (from Word or the web) by the sanitizer's own
# lists; the server sanitizes again on save.
CKEDITOR_ALLOWED_CONTENT = editor_allowed_content()
CKEDITOR_CONFIGS = {
    "default": {
        "language": "vi",
        "defaultLanguage": "vi",
        "entities": False,  # keep "ê", "à" as characters, not &ecirc; / &agrave;
        "height": 420,
        "width": "100%",
        "toolbar": "newsroom",
        "toolbar_newsroom": [
            ["Format", "Bold", "Italic", "Underline", "Strike", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink"],
            ["Image", "Table", "HorizontalRule"],
            ["PasteText", "PasteFromWord", "Undo", "Redo"],
            ["Maximize", "Source"],
        ],
        "format_tags": "p;h2;h3;h4",
        # image2: images as <figure class="image"><img><figcaption>, alt text required.
        "extraPlugins": ",".join(["image2", "uploadimage", "pastefromword"]),
        # Pictures pasted or dropped into the text are uploaded as they arrive, to the
        # image dialog's view (uploadimage's fallback from filebrowserUploadUrl appends
        # "&responseType=json" to a URL without "?", and misses the view).
        "imageUploadUrl": reverse_lazy("ckeditor_upload"),
        "removePlugins": "image",
        "image2_captionedClass": "image",
        "image2_alignClasses": ["image-left", "image-center", "image-right"],
        "image2_altRequired": True,
        "removeDialogTabs": "image2:advanced;link:advanced;link:target",
        "allowedContent": CKEDITOR_ALLOWED_CONTENT,
        # The marks uploadimage puts on a pasted picture while it uploads: with our own
        # allowedContent the plugin cannot allow them itself, and without them image2
        # takes the placeholder for an image of its own and the upload never lands.
        "extraAllowedContent": "img[data-widget,data-cke-upload-id]",
        "disallowedContent": "*[on*]; *{*}; script; iframe; object; embed; form; style",
        # Paste from Word: keep structure (headings, lists, tables), drop fonts and colours.
        "pasteFromWordRemoveFontStyles": True,
        "pasteFromWordRemoveStyles": True,
        "pasteFromWordPromptCleanup": False,
        "pasteFilter": "semantic-content",
        "linkDefaultProtocol": "https://",
        "disableNativeSpellChecker": False,
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    # The pool logs every failed attempt; the error that ends the wait says it once.
    "loggers": {
        "psycopg.pool": {"level": "ERROR"},
        # post_office adds a handler of its own at INFO (a line per pass) unless it has one.
        "post_office": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
