"""Settings come from the environment; production refuses to start without a secret."""

from tests.process import run_project_python


def run_python(code, **env):
    return run_project_python("-c", code, without={"SECRET_KEY", "DATABASE_URL", "REDIS_URL"}, **env)


def test_production_without_secret_key_stops_with_one_clear_line():
    result = run_python(
        "import django; django.setup()", DJANGO_SETTINGS_MODULE="unionsite.settings.production", SECRET_KEY=""
    )
    assert result.returncode != 0
    assert "SECRET_KEY 未设置" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_database_cache_and_hosts_come_from_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']); print(s.DATABASES['default']['NAME']);"
        "print(s.CACHES['default']['BACKEND']); print(s.ALLOWED_HOSTS); print(s.MEDIA_ROOT);"
        "print(s.LANGUAGE_CODE, s.TIME_ZONE, s.USE_TZ, s.WAGTAIL_ENABLE_UPDATE_CHECK, s.WAGTAILADMIN_BASE_URL)"
    )
    result = run_python(
        code,
        DJANGO_SETTINGS_MODULE="unionsite.settings.production",
        SECRET_KEY="x" * 60,
        DATABASE_URL="postgres://union:pw@db.example:5432/unionsite",
        REDIS_URL="redis://127.0.0.1:6379/3",
        ALLOWED_HOSTS="www.example.cn,example.cn",
        MEDIA_ROOT="/srv/media",
        WAGTAILADMIN_BASE_URL="https://www.example.cn",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "django.db.backends.postgresql"
    assert lines[1] == "unionsite"
    assert lines[2] == "django_redis.cache.RedisCache"
    assert lines[3] == "['www.example.cn', 'example.cn']"
    assert lines[4] == "/srv/media"
    assert lines[5] == "zh-hans Asia/Shanghai True False https://www.example.cn"


def test_development_defaults_need_no_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']); print(str(s.DATABASES['default']['NAME']).endswith('var/db.sqlite3'));"
        "print(s.CACHES['default']['BACKEND'])"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="unionsite.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_check_deploy_is_clean_with_production_settings():
    result = run_project_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        without={"DATABASE_URL"},
        DJANGO_SETTINGS_MODULE="unionsite.settings.production",
        SECRET_KEY="k3y-" + "Zq9Xv2Lm8Rt5Wp1Ys7Bn4Hc6Jd0Gf3Ka" * 2,
        ALLOWED_HOSTS="www.example.cn",
        # What the production steps set: a shared cache and the proxy's client-address header.
        REDIS_URL="redis://127.0.0.1:6379/1",
        CLIENT_IP_HEADER="HTTP_X_REAL_IP",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_demo_content_is_refused_under_production_settings():
    result = run_project_python(
        "manage.py",
        "load_demo_content",
        DJANGO_SETTINGS_MODULE="unionsite.settings.production",
        SECRET_KEY="y" * 60,
        ALLOW_LOCAL_CACHE="1",
    )
    assert result.returncode != 0
    assert "生产环境" in result.stderr
