"""Production's static files storage: the manifest's hashed URLs, each worked out once per process."""

import json

import pytest

from core.static_storage import StaticFilesStorage


def test_static_urls_are_the_manifests_and_kept_after_the_first_lookup(tmp_path, settings):
    settings.DEBUG = False
    manifest = {"paths": {"css/site.css": "css/site.0a1b2c3d4e5f.css"}, "version": "1.1", "hash": "x"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    storage = StaticFilesStorage(location=tmp_path, base_url="/static/")

    assert storage.url("css/site.css") == "/static/css/site.0a1b2c3d4e5f.css"
    storage.hashed_files = {}  # the manifest no longer asked: the URL is kept
    assert storage.url("css/site.css") == "/static/css/site.0a1b2c3d4e5f.css"
    # A name missing from the manifest still fails loudly, every time (nothing is kept for it).
    for _ in range(2):
        with pytest.raises(ValueError):
            storage.url("css/missing.css")
