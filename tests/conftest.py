"""Fixtures shared by the whole suite.

`site_root` gives a HomePage at the root of the default site, the shape every
page test builds on; apps add their own fixtures in their test folders.
"""

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage
from tests.factories import HomePageFactory


def pytest_runtest_setup(item):
    # Only tests of the cache's own effect (queries saved on a warm site) depend on it being on;
    # every other test must pass with SITE_CACHE=0 too.
    if item.get_closest_marker("site_cache") and not settings.SITE_CACHE_ENABLED:
        pytest.skip("the site cache is switched off (SITE_CACHE=0)")


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Every cache alias: `make test` may run with settings that keep rendered fragments in their
    # own cache, and the site cache's version row is rolled back with each test's transaction.
    from django.core.cache import caches

    from sitecache.cache import process_copies

    for cache in caches.all(initialized_only=False):
        cache.clear()
    process_copies.clear()
    yield
    for cache in caches.all(initialized_only=False):
        cache.clear()
    process_copies.clear()


@pytest.fixture
def site_root(db):
    """A published HomePage serving as the default site's root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="首页", slug="home-test", seo_title="青海工会网")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    # Wagtail's welcome page would otherwise linger at depth 2.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return HomePage.objects.get(pk=home.pk)


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(monkeypatch):
    """`client.force_login(user)` stands for a complete login: password and, for the accounts
    that need it (accounts/twofactor.py), the second factor. The two-factor flow itself is
    tested through the real forms in tests/security/."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from accounts.twofactor import requires_two_factor

        if requires_two_factor(user):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="测试设备", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
