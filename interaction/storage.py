"""Where attachments live: a folder outside MEDIA_ROOT that no URL serves.

Handlers download them through `interaction.admin_views.download_attachment`, which checks
the region and writes the download to the audit log. `url()` fails on purpose.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Reads INTERACTION_PRIVATE_ROOT on every use, so tests and deployments can move it."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.INTERACTION_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("职工留言的附件不对外提供网址，只能在后台下载。")


private_storage = PrivateStorage()
