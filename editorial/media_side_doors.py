"""Deleting an image or document that a live page shows would change the public page without
三审 (a missing picture or a dead attachment link). Refused for everyone, superusers included,
with the live pages named: the single delete view, the delete button of the multiple-upload page
and the bulk "delete" action. Media no live page uses may be deleted by whoever has the right.
Wagtail has no before-delete hook for images and documents, so its two delete views are wrapped
and registered on the same addresses ahead of Wagtail's own (hook order -1)."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.documents import get_document_model
from wagtail.documents.views import documents as document_views
from wagtail.documents.views import multiple as document_multiple
from wagtail.images import get_image_model
from wagtail.images.views import images as image_views
from wagtail.images.views import multiple as image_multiple

from .media_forms import live_page_titles, live_pages_using

DELETE_REFUSED = (
    "{kind}“{title}”用在已发布的页面上（{titles}），不能删除，否则页面未经“三审”即被改变："
    "请先在这些页面中改用其他{kind}并经“三审”发布，再删除。"
)


def _kind(obj):
    return "图片" if isinstance(obj, get_image_model()) else "文档"


def delete_refusal(obj):
    """The Chinese refusal when a live page uses `obj`, else None."""
    pages = list(live_pages_using(obj).order_by("title")[:3])
    if not pages:
        return None
    return DELETE_REFUSED.format(kind=_kind(obj), title=obj.title, titles=live_page_titles(pages))


class _RefuseDeletingLiveMedia:
    edit_url_name = ""

    def run_before_hook(self):
        refusal = delete_refusal(self.object)
        if refusal:
            messages.error(self.request, refusal)
            return redirect(reverse(self.edit_url_name, args=[self.object.pk]))
        return super().run_before_hook()


class ImageDeleteView(_RefuseDeletingLiveMedia, image_views.DeleteView):
    edit_url_name = "wagtailimages:edit"


class DocumentDeleteView(_RefuseDeletingLiveMedia, document_views.DeleteView):
    edit_url_name = "wagtaildocs:edit"


class _RefuseDeletingLiveMediaAfterUpload:
    """The multiple-upload page deletes by id over JSON: refuse the same way, as JSON."""

    def post(self, request, *args, **kwargs):
        model = self.get_model()
        obj = model.objects.filter(pk=kwargs[self.pk_url_kwarg]).first()
        refusal = obj and delete_refusal(obj)
        if refusal:
            return JsonResponse({"success": False, "error_message": refusal}, status=403)
        return super().post(request, *args, **kwargs)


class ImageMultipleDeleteView(_RefuseDeletingLiveMediaAfterUpload, image_multiple.DeleteView):
    pass


class DocumentMultipleDeleteView(_RefuseDeletingLiveMediaAfterUpload, document_multiple.DeleteView):
    pass


@hooks.register("register_admin_urls", order=-1)
def guard_media_delete_urls():
    # Same addresses and names as Wagtail's (wagtail/images/admin_urls.py, documents/admin_urls.py);
    # matched first, so reverse("wagtailimages:delete") still leads here.
    return [
        path("images/<int:image_id>/delete/", ImageDeleteView.as_view(), name="editorial_image_delete"),
        path(
            "images/multiple/<int:image_id>/delete/",
            ImageMultipleDeleteView.as_view(),
            name="editorial_image_delete_multiple",
        ),
        path(
            "documents/delete/<int:document_id>/",
            DocumentDeleteView.as_view(),
            name="editorial_document_delete",
        ),
        path(
            "documents/multiple/<int:doc_id>/delete/",
            DocumentMultipleDeleteView.as_view(),
            name="editorial_document_delete_multiple",
        ),
    ]


@hooks.register("before_bulk_action")
def refuse_bulk_delete_of_live_media(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    media = (get_image_model(), get_document_model())
    refusals = [delete_refusal(obj) for obj in objects if isinstance(obj, media)]
    refusals = [refusal for refusal in refusals if refusal]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    model = type(objects[0])
    index = "wagtailimages:index" if model is get_image_model() else "wagtaildocs:index"
    return redirect(reverse(index))
