"""Wagtail's own apps, minus the v3 API they register with at start-up.

Wagtail 8's images, documents, snippets and redirects apps each end their
`ready()` by importing `wagtail.api.v3.api` and adding a router to it, whether
or not the API is installed. That import pulls in django-ninja, pydantic and a
schema per page model: ~13 MB resident in every server process (measured with
bench/search_query.py --memory-only). This site does not install
`wagtail.api.v3` and mounts no API URL, so those routers were never reachable.

Each config below is Wagtail's `ready()` without its last block (the API
registration). The copies are of Wagtail 8.0; on any other version they step
aside and Wagtail's own `ready()` runs, so an upgrade cannot silently lose a
registration (it only loses the saving until the copy is checked again).
"""

import wagtail
from django.db.models import ForeignKey
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig

COPIED_FROM_WAGTAIL = (8, 0)


def same_wagtail():
    return tuple(wagtail.VERSION[:2]) == COPIED_FROM_WAGTAIL


class ImagesConfig(WagtailImagesAppConfig):
    def ready(self):
        if not same_wagtail():
            return super().ready()
        from wagtail.admin.compare import register_comparison_class
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.images import get_image_model, get_permission_policy
        from wagtail.images.components import ImageDisplay
        from wagtail.images.edit_handlers import ImageFieldComparison
        from wagtail.images.signal_handlers import register_signal_handlers
        from wagtail.images.widgets import AdminImageChooser
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        Image = get_image_model()
        register_permission_policy(Image, get_permission_policy())
        register_signal_handlers()
        register_form_field_override(ForeignKey, to=Image, override={"widget": AdminImageChooser})
        register_comparison_class(ForeignKey, to=Image, comparison_class=ImageFieldComparison)
        register_display_class(ForeignKey, to=Image, display_class=ImageDisplay)
        ReferenceIndex.register_model(Image)


class DocumentsConfig(WagtailDocsAppConfig):
    def ready(self):
        if not same_wagtail():
            return super().ready()
        from wagtail.admin.ui.fields import register_display_class
        from wagtail.documents import get_document_model, get_permission_policy
        from wagtail.documents.components import DocumentDisplay
        from wagtail.documents.signal_handlers import register_signal_handlers
        from wagtail.models.reference_index import ReferenceIndex
        from wagtail.permissions import register_permission_policy

        Document = get_document_model()
        register_permission_policy(Document, get_permission_policy())
        register_signal_handlers()
        register_display_class(ForeignKey, to=Document, display_class=DocumentDisplay)
        ReferenceIndex.register_model(Document)


class SnippetsConfig(WagtailSnippetsAppConfig):
    def ready(self):
        if not same_wagtail():
            return super().ready()
        from django.db.models.signals import post_migrate
        from wagtail.snippets.models import create_extra_permissions, register_deferred_snippets

        register_deferred_snippets()
        post_migrate.connect(create_extra_permissions, sender=self)


class RedirectsConfig(WagtailRedirectsAppConfig):
    def ready(self):
        if not same_wagtail():
            return super().ready()
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.contrib.redirects.signal_handlers import (
            autocreate_redirects_on_page_move,
            autocreate_redirects_on_slug_change,
        )
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_slug_changed, post_page_move

        register_permission_policy(Redirect)
        post_page_move.connect(autocreate_redirects_on_page_move)
        page_slug_changed.connect(autocreate_redirects_on_slug_change)
