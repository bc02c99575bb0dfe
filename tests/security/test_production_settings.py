"""Production refuses to start without a shared cache; check --deploy warns without CLIENT_IP_HEADER."""

from tests.process import run_project_python

SECRET = "k3y-" + "Zq9Xv2Lm8Rt5Wp1Ys7Bn4Hc6Jd0Gf3Ka" * 2


def run(args, **env):
    return run_project_python(
        *args,
        without={"DATABASE_URL", "REDIS_URL", "ALLOW_LOCAL_CACHE", "CLIENT_IP_HEADER"},
        **{
            "DJANGO_SETTINGS_MODULE": "unionsite.settings.production",
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "www.example.cn",
            **env,
        },
    )


def test_production_without_redis_stops_with_one_clear_line():
    result = run(["-c", "import django; django.setup()"])
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL 未设置" in result.stderr and "ALLOW_LOCAL_CACHE=1" in result.stderr


def test_the_explicit_opt_out_starts():
    result = run(["-c", "import django; django.setup()"], ALLOW_LOCAL_CACHE="1")
    assert result.returncode == 0, result.stderr


def test_check_deploy_warns_without_client_ip_header():
    result = run(["manage.py", "check", "--deploy"], REDIS_URL="redis://127.0.0.1:6379/1")
    assert "core.W001" in result.stdout + result.stderr
    assert "CLIENT_IP_HEADER" in result.stdout + result.stderr
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        REDIS_URL="redis://127.0.0.1:6379/1",
        CLIENT_IP_HEADER="HTTP_X_REAL_IP",
    )
    assert result.returncode == 0, result.stdout + result.stderr
