"""The one settings module, read from the environment (see README "Configuration").

Every variable is parsed by a typed helper in lib/env.py that refuses bad values at start-up. Defaults give a
working development installation on SQLite under ./var; production sets SECRET_KEY, DEBUG=0, ALLOWED_HOSTS,
HTTPS=1 and DATABASE_URL, and `digikomp check --deploy` then reports nothing.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from digikomp.lib.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("DIGIKOMP_DATA_DIR", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else a random key kept in DATA_DIR so sessions survive restarts.

    The generated key is fine for a laptop; checks.py fails `check --deploy` when SECRET_KEY is not set.
    """
    key = env_str("SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = _secret_key()
SECRET_KEY_FROM_ENV = bool(env_str("SECRET_KEY"))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "digikomp.audit",
    "digikomp.tenancy",
    "digikomp.accounts",
    "digikomp.orgimport",
    "digikomp.frameworks",
    "digikomp.profiles",
    "digikomp.assessments",
    "digikomp.insights",
    "digikomp.web",
    "digikomp.api",
    "digikomp.demo",
    "digikomp.catalogue",
    "digikomp.site",
    # Wagtail serves the public site at / (site/) and its admin at /cms/ for national editors.
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "digikomp.web.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "digikomp.tenancy.middleware.AccessMiddleware",
    "digikomp.tenancy.middleware.RowSecurityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's middleware with one exception: the Wagtail admin under /cms/ gets a relaxed policy.
    "digikomp.site.csp.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # Logged-in users without access to the Wagtail admin get 403 there instead of a login redirect loop.
    "digikomp.site.middleware.CmsAccessMiddleware",
]

ROOT_URLCONF = "digikomp.urls"
WSGI_APPLICATION = "digikomp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "digikomp.web.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'digikomp.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL Django understands: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers proceed while one writer commits; IMMEDIATE takes the write lock at BEGIN so two
        # concurrent writers queue instead of failing with "database is locked" halfway through.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not shared-cache memory, so tests of concurrent submissions see real SQLite locking.
    # One file per test process, so parallel runs never share a database.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"digikomp-test-{os.getpid()}.sqlite3")
    }
elif DATABASES["default"]["ENGINE"] not in ("django.db.backends.postgresql",):
    raise ImproperlyConfigured("DATABASE_URL must point to SQLite or PostgreSQL")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and security ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A password-reset link works once and for one hour; an invitation's link (an admin invites a new user, who
# sets their password) once and for seven days. Both say so in their e-mail (accounts/tokens.py).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60, minimum=60)
DIGIKOMP_INVITATION_TIMEOUT = env_int("DIGIKOMP_INVITATION_TIMEOUT", 7 * 24 * 60 * 60, minimum=60)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"

# Login throttling (django-axes): five failures for one account from one address lock it for 15 minutes, and
# twenty failures from one address, whatever the usernames, lock the address (password spraying; the handler in
# accounts/throttling.py adds this second limit). Every login path (/konto/login/, the CMS, the Django admin)
# authenticates through the axes backend below, so the same limits hold everywhere.
AXES_HANDLER = "digikomp.accounts.throttling.LoginThrottle"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form's field is "username" (it holds the e-mail). Axes would otherwise default to the user model's
# USERNAME_FIELD ("email"), record failures under no username at all and never lock the account.
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
if BEHIND_PROXY:  # the login throttle counts the client's address, not the proxy's
    AXES_CLIENT_IP_CALLABLE = "digikomp.accounts.throttling.client_address"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# No inline script or style anywhere: every page passes this policy, so an injected <script> cannot run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# The Wagtail admin (/cms/) renders inline scripts and styles and previews pages in a frame of its own; only
# there the policy allows them (site/csp.py). The public pages keep the strict policy above.
CMS_URL_PREFIX = "/cms/"
CMS_CONTENT_SECURITY_POLICY = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

# --- E-mail -----------------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "DigiKomp <noreply@digikomp.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- i18n -------------------------------------------------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
# The project's catalogue, then Danish for the Wagtail admin where Wagtail's own is incomplete (locale_wagtail/;
# second, so that `makemessages` keeps writing the project's messages to the first). Both come before any app's.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_wagtail"]
USE_I18N = True
TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True
# One date format per language (web/formats/): "18. december 2026", "18 December 2026".
FORMAT_MODULE_PATH = ["digikomp.web.formats"]
LANGUAGE_COOKIE_NAME = "digikomp_language"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and uploaded files ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# The project-wide stylesheet, scripts and vendored libraries live in the package, outside any app.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# The project's own static files live in the package, outside any app's static/ folder; without this the
# finders (collectstatic, and render_pdf looking up print.css) do not see them.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
# In production the web server serves MEDIA_ROOT; Django serves it only for development and the demo (`make run`),
# which have no web server in front.
DIGIKOMP_SERVE_MEDIA = env_bool("DIGIKOMP_SERVE_MEDIA", DEBUG)
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

# --- REST API -------------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 500,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON with its nesting bounded (a deeply nested body is a 400, not a RecursionError); forms as DRF has them.
    "DEFAULT_PARSER_CLASSES": [
        "digikomp.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Every error in one of the two documented shapes (api/errors.py).
    "EXCEPTION_HANDLER": "digikomp.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "DigiKomp API",
    # Lazy, so the served schema follows ?lang=da|en; the text lives in api/locale with its translation.
    "DESCRIPTION": _(
        "REST API v1 of DigiKomp, the digital competence platform of Danish municipalities. Authenticate with "
        "a token (header `Authorization: Token <key>`; an operator issues one with `digikomp api-token`) or "
        "with the session of a logged-in browser. Paths have no trailing slash; the same path with one is "
        "served identically. Lists are paginated with `limit` (default 500) and `offset`. Data of a "
        "municipality that is not yours answers 404, as if it did not exist."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["digikomp.api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "digikomp.api.schema.error_responses"],
    # A heatmap cell's mean and share share one set of bounds (lib/anonymity.AT_MOST / AT_LEAST).
    "ENUM_NAME_OVERRIDES": {"FigureBoundEnum": ["at_most", "at_least"]},
}

# --- Background tasks ------------------------------------------------------------------------------------------
# Invitation e-mails, reminders and reports run through Django's tasks API (the django-tasks backport) on the
# database backend; `digikomp db_worker` executes them (`make run` starts one). Tests use the immediate backend
# except where they exercise the worker itself.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    },
}

# --- DigiKomp -------------------------------------------------------------------------------------------------
# Smallest group any aggregate may describe (DESIGN.md section 5); a municipality may raise it, never below 3.
DIGIKOMP_ANONYMITY_K = env_int("DIGIKOMP_ANONYMITY_K", 5, minimum=3)
# Raise on a query of a tenant model that says neither whose rows it reads nor why it reads everyone's
# (tenancy/guard.py). The test suite turns it on; in production PostgreSQL's row security is the second guard.
DIGIKOMP_TENANCY_GUARD = env_bool("DIGIKOMP_TENANCY_GUARD", False)
# Tally rows per key, so concurrent submissions do not all wait for the same row lock of the top unit.
DIGIKOMP_TALLY_SHARDS = env_int("DIGIKOMP_TALLY_SHARDS", 4, minimum=1)
# An organisation import that would deactivate more than this share (per cent) of the active people or units
# needs a second confirmation that names the numbers (orgimport/deactivation.py); 100 or more turns it off.
DIGIKOMP_MASS_DEACTIVATION_PERCENT = env_int("DIGIKOMP_MASS_DEACTIVATION_PERCENT", 20, minimum=0)
# The address people reach DigiKomp at, for links in e-mails (personal survey links, newsletters).
DIGIKOMP_BASE_URL = env_str("DIGIKOMP_BASE_URL", "http://127.0.0.1:8000")
DIGIKOMP_NATIONAL_ORGANISATION = env_str("DIGIKOMP_NATIONAL_ORGANISATION", "KL – Kommunernes Landsforening")

# --- Wagtail (the public site, publications; site/) -------------------------------------------------------------
WAGTAIL_SITE_NAME = "DigiKomp"
WAGTAILADMIN_BASE_URL = DIGIKOMP_BASE_URL
# One login for the application, the site and the CMS: ours, throttled by django-axes.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# One content language per page tree: pages carry their English text in *_en fields (like the rest of DigiKomp),
# so Wagtail's own translation machinery stays off.
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("da", "Dansk")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would call out to wagtail.org
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # nor to gravatar.com for avatars
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # æ, ø, å become ae, oe, aa in addresses
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "danish"},
}
# Case attachments and images are served through views that check the case is published (catalogue/views), so
# they live outside MEDIA_ROOT, which a web server may serve as it is.
DIGIKOMP_PRIVATE_MEDIA_ROOT = DATA_DIR / "private"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {"axes": {"level": "WARNING"}},
}
