"""`make serve` (SERVE_MEDIA=1, DEBUG off) serves uploaded images, never documents."""

import importlib

import pytest
from django.urls import clear_url_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_served(settings):
    import unionsite.urls

    settings.DEBUG = False
    settings.SERVE_MEDIA = True
    importlib.reload(unionsite.urls)
    clear_url_caches()
    yield settings.MEDIA_ROOT
    settings.SERVE_MEDIA = False
    importlib.reload(unionsite.urls)
    clear_url_caches()


def test_images_are_served_and_documents_are_not(client, site_root, media_served):
    (media_served / "original_images").mkdir(parents=True)
    (media_served / "original_images" / "tu.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (media_served / "documents").mkdir(parents=True)
    (media_served / "documents" / "neibu.pdf").write_bytes(b"%PDF-1.4")
    response = client.get("/media/original_images/tu.png")
    assert response.status_code == 200
    assert client.get("/media/documents/neibu.pdf").status_code == 404
    assert client.get("/media/original_images/../documents/neibu.pdf").status_code == 404


def test_without_the_switch_nothing_is_served(client, site_root, settings):
    settings.DEBUG = False
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "original_images" / "tu.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert client.get("/media/original_images/tu.png").status_code == 404
