"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment, so the same code runs in both: see README.md, "配置".
"""

import datetime
import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's own apps (the site's URLs and editorial permissions cover these).
UNION_APPS = [
    # Lowest layer first (see the import-linter contracts in pyproject.toml).
    "sitecache",
    "core",
    "home",
    "news",
    "workers",
    "campaigns",
    "editorial",
    "feeds",
    "search",
    # Logins: lockout, password rules, two-factor for the groups that approve or publish.
    "accounts",
    "directory",
    "joining",
    "interaction",
    # 站点巡查: reads the content apps and interaction (sits just below unionsite).
    "inspection",
]

# Wiring, declared here rather than discovered.
# Page types the site publishes as items (home page 最新发布, site-wide feed); see core/items.py.
SITE_ITEM_PAGE_TYPES = ["news.ArticlePage"]
# Page types with their own RSS/Atom feed (they carry feeds.mixins.FeedMixin for the routes):
# the 订阅 page, the OPML file, feed discovery and CDN purges list these; see feeds/registry.py.
FEED_PAGE_TYPES = [
    "news.NewsIndexPage",
    "news.NewsSectionPage",
    "workers.WorkerIndexPage",
    "campaigns.CampaignPage",
]
# Page types that are sections for the 三审 workflow: the top-most page of these types gets the
# workflow (a section inside another is covered by its ancestor's), and the dashboard's
# "no news lately" panel watches them; see editorial/roles.py and editorial/panels.py.
EDITORIAL_SECTION_ROOT_TYPES = [
    "news.NewsIndexPage",
    "news.NewsSectionPage",
    "workers.WorkerIndexPage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
]
# The page type the dashboard's 新建文章 creates (in a section the writer chooses there).
EDITORIAL_ARTICLE_TYPE = "news.ArticlePage"
# Snippets the editorial groups may edit (vocabularies and the glossary). Snippets holding
# personal data (sign-ups) never belong here: their app grants them to the groups that need them.
EDITORIAL_SNIPPETS = [
    "workers.Region",
    "workers.Industry",
    "workers.HonourTitle",
    "editorial.GlossaryEntry",
    # 站点巡查: editors set each section's update class.
    "inspection.SectionRule",
]
# Snippets shown on public pages: only 站点管理员 change them (editorial/roles.py, README "Security").
EDITORIAL_PUBLIC_VOCABULARIES = ["workers.Region", "workers.Industry", "workers.HonourTitle"]
# The home page's blocks, top to bottom: each a function(home_page) -> {"template", "items", …} or None.
HOME_PAGE_SECTIONS = [
    "news.home_sections.headlines",
    "news.home_sections.latest_per_section",
    "campaigns.home_sections.current_campaigns",
    "workers.home_sections.featured_workers",
]

INSTALLED_APPS = [
    *UNION_APPS,
    # Developer tooling: `load_demo_content` and `generate_bulk_content` (nothing the site runs imports it).
    "demo",
    "wagtail.contrib.forms",
    # Four of Wagtail's apps through configs that skip the unused v3 API (~13 MB per process):
    # see unionsite/wagtail_apps.py.
    "unionsite.wagtail_apps.RedirectsConfig",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "unionsite.wagtail_apps.SnippetsConfig",
    "unionsite.wagtail_apps.DocumentsConfig",
    "unionsite.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Login throttling (django-axes) and two-factor authentication (django-otp): see accounts/.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "import_export",
    # Django's admin only for the union directory's bulk import/export (django-import-export) at
    # /django-admin/: superusers only, behind the same login lockout; editors never need it.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy: public pages strict, the admin wider (core/csp.py).
    "core.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's site from the site cache, before anything asks Wagtail for it.
    "sitecache.routing.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Second factor: which device verified this session, then the admin asks for it (accounts/).
    "django_otp.middleware.OTPMiddleware",
    "accounts.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: answers a locked-out login with accounts.lockout.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp 4). Everything the site uses is self-hosted; the inline script
# of base.html is added by its hash (core/csp.py). The admin needs inline script and style.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_SELF],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "media-src": [_SELF, "blob:"],
        "font-src": [_SELF, "data:"],
        "worker-src": [_SELF, "blob:"],
    }
}

ROOT_URLCONF = "unionsite.urls"
WSGI_APPLICATION = "unionsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite cannot create the folder of its file; a fresh clone has no var/ yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the scheduler and the web server share the file without locking readers out.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    # Django REST framework (Wagtail's admin API) imports the PostgreSQL driver just to probe for
    # django.contrib.postgres: ~9 MB in every process. On SQLite nothing else needs it; marked
    # missing, the probe fails as if psycopg were not installed.
    sys.modules.setdefault("psycopg", None)

# The key type of every model of ours: no app config repeats it.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def local_memory_caches(location, entries, fragment_entries=500):
    """One process's own caches, bounded by entries: small values (routes, menus, counts:
    sitecache.cache) in the default cache, rendered HTML fragments (`{% sitefragment %}`, ~10 KB
    each) in a smaller one."""
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": location,
            "OPTIONS": {"MAX_ENTRIES": entries},
        },
        "template_fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"{location}-fragments",
            "OPTIONS": {"MAX_ENTRIES": fragment_entries},
        },
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "unionsite",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = local_memory_caches("unionsite", 5000)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.SiteWordsValidator"},
]

# Every login goes through Django's authenticate() (Wagtail's admin login, the readers' login at
# /_util/login/), so django-axes sees every failure: after AXES_FAILURE_LIMIT failures for one
# account, or from one address (IPv6 by /64, core.client.client_key), logins are refused for
# AXES_COOLOFF_TIME, the right password included. Failures live in the database (AccessAttempt),
# so every server process sees them. Unlock: `manage.py axes_reset_username <用户名>`,
# `axes_reset_ip <地址>` or `axes_reset` (everything); see README, 安全.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client.stored_client_key"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# Two-factor authentication (any TOTP authenticator app) in the admin for everyone who can approve
# or publish: the groups in accounts.twofactor.REQUIRED_GROUPS (终审, 站点管理员) and superusers.
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "青海工会网")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# SERVE_MEDIA=1 (set by `make serve`): the application itself serves images under MEDIA_URL when
# DEBUG is off. In production the reverse proxy serves MEDIA_ROOT instead (README, 生产部署).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "网站编辑部 <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The one notification channel (core/notify.py): each backend delivers every notification.
# An SMS gateway is added here as another backend when the federation contracts one.
NOTIFICATION_BACKENDS = ["core.notify.EmailBackend"]

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "青海工会网")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: unreachable in China, and every admin page would tell it who works
# when. Wagtail then shows its own default avatar; editors may upload a picture in 账户设置.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Editors work in Chinese only: no English admin, no list of the world's time zones.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai"]
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.admin_forms.LoginForm"
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Upload rules (core/uploads.py, README 安全): at most 50 million decoded pixels on every image
# path (Pillow's own limit is set to the same at start-up), content checked rather than names.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# editorial/media_forms.py adds: no file replacement for media that a live page shows (三审).
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.media_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "editorial.media_forms.DocumentForm"
# Documents go through Wagtail's view (collection privacy) and are always downloaded, never shown
# inline: a PDF or text file opened in the browser on our domain is a place to run content.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Willow imports pillow_heif whenever it is installed (Wagtail depends on it), only to read HEIC;
# HEIC is not an accepted upload above and Pillow reads AVIF itself. Marking the module missing
# keeps its ~4 MB of libraries out of every server process.
sys.modules.setdefault("pillow_heif", None)
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp", "avif": "avif"}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "xls",
    "zip",
    "ofd",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Chinese full-text search (search/backends): Wagtail's database backend (SQLite
# FTS5 or PostgreSQL, chosen by the database engine) with jieba word segmentation
# at indexing and query time. After changing the dictionary or bulk-importing,
# rebuild with `python manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends"},
}
# A site that outgrows the database backend switches by settings alone to Elasticsearch/OpenSearch
# with a Chinese analyser: SEARCH_URL=https://search-host:9200 and SEARCH_ENGINE=elasticsearch8
# (or opensearch2 / opensearch3, with that client installed: `pip install "elasticsearch>=8,<9"` or
# `opensearch-py`), SEARCH_ANALYZER=ik (plugin analysis-ik: ik_max_word to index every word and
# sub-word like our cut, ik_smart for queries) or smartcn (the bundled analysis-smartcn), then
# `python manage.py update_index`. The IK plugin's custom dictionary can be fed from
# `python manage.py export_search_dictionary` (our union terms and site names). Not run on the
# development machine (no search server there).
if os.environ.get("SEARCH_URL"):
    _analyzer = os.environ.get("SEARCH_ANALYZER", "ik")
    _index_analyzer, _query_analyzer = (
        ({"type": "smartcn"}, {"type": "smartcn"})
        if _analyzer == "smartcn"
        else ({"type": "custom", "tokenizer": "ik_max_word"}, {"type": "custom", "tokenizer": "ik_smart"})
    )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends." + os.environ.get("SEARCH_ENGINE", "elasticsearch8"),
            "URLS": [os.environ["SEARCH_URL"]],
            "INDEX": os.environ.get("SEARCH_INDEX", "unionsite"),
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {"analyzer": {"default": _index_analyzer, "default_search": _query_analyzer}}
                }
            },
        }
    }

# CDN purge on publish. Configure FRONTEND_CACHE_PURGE_URL (an HTTP PURGE
# endpoint, e.g. Varnish or a CDN's compatible gateway) in production.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

# Seconds a shared cache (CDN, reverse proxy) may keep a public page.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# The site cache (`sitecache`): cached routing, settings, menus, view restrictions and rendered
# fragments. SITE_CACHE=0 switches all of it off; every page then renders the same text, slower.
SITE_CACHE_ENABLED = env_bool("SITE_CACHE", True)

# Campaign sign-ups are personal data: kept this many days, then `purge_signups` deletes them.
SIGNUP_RETENTION_DAYS = int(os.environ.get("SIGNUP_RETENTION_DAYS", "365"))
# Per-address limit on accepted sign-ups (core/protection.py; view counts have their own limits in
# news/stats.py). Sized for a factory or office whose staff all reach the site through one address.
SIGNUP_RATE_LIMIT = int(os.environ.get("SIGNUP_RATE_LIMIT", "60"))
SIGNUP_RATE_WINDOW = int(os.environ.get("SIGNUP_RATE_WINDOW", "3600"))
# Other per-address limits of core/protection.py: scope -> (counted attempts, seconds).
RATE_LIMITS = {
    # Wrong passwords on a private page's password form (core/private_pages.py).
    "page-password": (20, 1800),
}
# 网上入会 (joining/): working days to first contact (China's official calendar, core.workdays),
# how long closed applications keep their personal data, and the per-address limits of the form's
# last step and of the progress lookup.
JOINING_FIRST_CONTACT_WORKING_DAYS = int(os.environ.get("JOINING_FIRST_CONTACT_WORKING_DAYS", "5"))
JOINING_RETENTION_DAYS = int(os.environ.get("JOINING_RETENTION_DAYS", "365"))
JOINING_RATE_LIMIT = int(os.environ.get("JOINING_RATE_LIMIT", "8"))
JOINING_LOOKUP_RATE_LIMIT = int(os.environ.get("JOINING_LOOKUP_RATE_LIMIT", "10"))
JOINING_LOOKUP_RATE_WINDOW = int(os.environ.get("JOINING_LOOKUP_RATE_WINDOW", "600"))
# django-import-export (the directory's bulk import): every import in one transaction.
IMPORT_EXPORT_USE_TRANSACTIONS = True

# 互动交流 (interaction/): 12351 留言/求助. Limits in working days on the official calendar (core.workdays).
INTERACTION_FIRST_RESPONSE_DAYS = int(os.environ.get("INTERACTION_FIRST_RESPONSE_DAYS", "3"))
INTERACTION_ANSWER_DAYS = int(os.environ.get("INTERACTION_ANSWER_DAYS", "15"))
INTERACTION_DUE_SOON_DAYS = 2
# 我为网站找错: each report answered within this many working days.
INTERACTION_ERROR_REPORT_DAYS = int(os.environ.get("INTERACTION_ERROR_REPORT_DAYS", "3"))
# Attachments: outside MEDIA_ROOT, no URL serves them (handlers download through the admin).
INTERACTION_PRIVATE_ROOT = Path(os.environ.get("INTERACTION_PRIVATE_ROOT", VAR_DIR / "private"))
INTERACTION_ATTACHMENT_MAX_COUNT = 3
INTERACTION_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
INTERACTION_IMAGE_MAX_PIXELS = 40_000_000
# Abuse limits: posts per address per window, messages per mobile per day, duplicates within minutes.
INTERACTION_RATE_LIMIT = int(os.environ.get("INTERACTION_RATE_LIMIT", "5"))
INTERACTION_RATE_WINDOW = int(os.environ.get("INTERACTION_RATE_WINDOW", "600"))
INTERACTION_MOBILE_DAILY_LIMIT = int(os.environ.get("INTERACTION_MOBILE_DAILY_LIMIT", "3"))
INTERACTION_DUPLICATE_MINUTES = 10
INTERACTION_LOOKUP_RATE_LIMIT = int(os.environ.get("INTERACTION_LOOKUP_RATE_LIMIT", "10"))
INTERACTION_LOOKUP_RATE_WINDOW = 600
# Closed cases lose their personal data after this many days (`interaction_retention`).
INTERACTION_RETENTION_DAYS = int(os.environ.get("INTERACTION_RETENTION_DAYS", str(3 * 365)))

# Behind a reverse proxy, the request header that carries the reader's address (e.g. HTTP_X_REAL_IP
# or HTTP_X_FORWARDED_FOR), so per-address limits do not count every reader as the proxy. Empty:
# REMOTE_ADDR. Each proxy appends to X-Forwarded-For, and what the client sent stands leftmost: the
# reader is the CLIENT_IP_TRUSTED_PROXIES-th entry from the right (core/client.py).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
CLIENT_IP_TRUSTED_PROXIES = int(os.environ.get("CLIENT_IP_TRUSTED_PROXIES", "1"))

# Demo accounts are created only by load_demo_content, which refuses to run
# under production settings.
DEMO_CONTENT_ALLOWED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


def require_shared_cache(redis_url):
    """Stop start-up when production would keep limits and counters in each process's memory."""
    if not redis_url and not env_bool("ALLOW_LOCAL_CACHE", False):
        raise ImproperlyConfigured(
            "REDIS_URL 未设置：生产环境的表单限流、阅读计数和站点缓存必须由所有服务进程共享"
            "（例如 REDIS_URL=redis://127.0.0.1:6379/1）；只在单机试运行时可设 ALLOW_LOCAL_CACHE=1 跳过。"
        )


def require_secret_key(value):
    """Stop start-up with one readable line when production has no secret."""
    if not value:
        raise ImproperlyConfigured(
            "SECRET_KEY 未设置：生产环境必须通过环境变量 SECRET_KEY 提供一个足够长的随机密钥"
            "（例如 python -c 'import secrets; print(secrets.token_urlsafe(50))'）。"
        )
    return value


# 站点巡查 (inspection/): the national indicators' numbers, as settings (see README, 站点巡查).
# Update classes: days without a new item before a section is stale; amber this many days before.
INSPECTION_UPDATE_DAYS = {"news": 14, "notice": 180}
INSPECTION_WARN_DAYS = {"news": 3, "notice": 14}
INSPECTION_HOME_DAYS = 14
INSPECTION_HOME_WARN_DAYS = 3
# Single-item vetoes: this many stale sections, or empty sections, fail the site.
INSPECTION_STALE_SECTIONS_VETO = 5
INSPECTION_EMPTY_SECTIONS_VETO = 5
# Page types that are 栏目 (sections) for the update rules.
INSPECTION_SECTION_TYPES = [
    "news.NewsIndexPage",
    "news.NewsSectionPage",
    "workers.WorkerIndexPage",
    "campaigns.CampaignIndexPage",
    "interaction.LetterIndexPage",
]
# The update class a section gets by default: by page type, and for news sections by 栏目类型.
INSPECTION_DEFAULT_CLASSES = {
    "news.NewsIndexPage": "exempt",
    "workers.WorkerIndexPage": "notice",
    "campaigns.CampaignIndexPage": "notice",
    "interaction.LetterIndexPage": "notice",
    "news.NewsSectionPage": "news",
    "news.NewsSectionPage:通知公告": "notice",
    "news.NewsSectionPage:解读回应": "notice",
    "news.NewsSectionPage:办事服务": "exempt",
}
# A valid message left unanswered this long in the past year fails the site.
INSPECTION_MESSAGE_VETO_DAYS = 90
# Link checker: threads, requests per host per second, seconds per request, retries, redirects,
# and how long a result is reused before the URL is checked again.
INSPECTION_LINK_WORKERS = int(os.environ.get("INSPECTION_LINK_WORKERS", "16"))
INSPECTION_HOST_RATE = float(os.environ.get("INSPECTION_HOST_RATE", "2"))
INSPECTION_LINK_TIMEOUT = float(os.environ.get("INSPECTION_LINK_TIMEOUT", "15"))
INSPECTION_LINK_RETRIES = 2
INSPECTION_LINK_MAX_REDIRECTS = 10
INSPECTION_LINK_CACHE_HOURS = 72
INSPECTION_USER_AGENT = "QinghaiUnionSiteInspector/1.0 (+link check)"
# Glossary rules whose hits are serious (单项否决: leaders' names and titles, political formulas).
INSPECTION_SERIOUS_RULES = ["规范名称", "规范用语", "禁用词"]
# Processes that render every published page in a run (the run's own and forked workers); 0: one per
# CPU. A run on an in-memory SQLite database (tests) renders in its own process.
INSPECTION_RENDER_PROCESSES = int(os.environ.get("INSPECTION_RENDER_PROCESSES", "0")) or os.cpu_count() or 1
# While rendering, each process keeps its own bounded caches instead of the shared one
# (inspection/render.py): a daily run's per-page entries would only push readers' entries out.
# Each page is opened once, so only what pages share (menus, footer, settings, 热点排行: well under
# a hundred entries, kept by the caches' least-recently-used order) is ever read again: small caches.
INSPECTION_RENDER_CACHES = local_memory_caches("inspection-render", 1000, fragment_entries=200)
# A run holding the lock longer than this is taken to have died and may be resumed.
INSPECTION_LOCK_HOURS = 6
# A glossary change rescans published content: "thread" (after the save, in the background), "sync" or "off".
INSPECTION_RESCAN_ON_GLOSSARY = "thread"


def s3_media_storage(environ):
    """STORAGES["default"] for media in an S3-compatible store (django-storages), or None.

    Configured by AWS_STORAGE_BUCKET_NAME and, for a store other than AWS (MinIO, Ceph, a Chinese
    cloud's OSS/COS S3 gateway), AWS_S3_ENDPOINT_URL; credentials by AWS_ACCESS_KEY_ID /
    AWS_SECRET_ACCESS_KEY (or the machine's role). Image URLs are plain (no expiring signature), so
    pages stay cacheable: the bucket lets the public read images/ and original_images/ only;
    documents/ stays private and is served through Wagtail's /documents/ view (README)."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return None
    options = {
        "bucket_name": bucket,
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
    }
    for option, name in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("location", "AWS_LOCATION"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
    ):
        if environ.get(name):
            options[option] = environ[name]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
