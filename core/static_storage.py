"""Static files in production: WhiteNoise's compressed manifest storage, with each URL worked out once.

`{% static %}` asks the storage for a file's URL on every use (the chrome has five per page); with
the manifest loaded when the process starts, the hashed URL of a name cannot change while it runs
(`collectstatic` and a restart come together), so it is kept per process after the first lookup.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
