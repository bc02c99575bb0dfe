"""Replacing the file of an image or document that a live page shows would change the public
page without review. Wagtail's image and document forms (with core.uploads' content checks) refuse
it, for everyone: upload a new file, use it on the page and submit the page to 三审."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from core.uploads import DocumentForm as CheckedDocumentForm
from core.uploads import ImageForm as CheckedImageForm

REPLACE_REFUSED = (
    "此{kind}已用在已发布的页面上（{titles}），不能替换文件，否则页面未经“三审”即被改变："
    "请上传新的{kind}，在页面中改用它并提交审核。"
)


def live_pages_using(obj):
    """Live pages whose published content refers to `obj` (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])


class _NoReplacementOnLivePages:
    kind = ""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and "file" in self.changed_data:
            pages = list(live_pages_using(self.instance).order_by("title")[:3])
            if pages:
                titles = "、".join(f"《{page.title}》" for page in pages)
                self.add_error("file", REPLACE_REFUSED.format(kind=self.kind, titles=titles))
        return cleaned_data


class ImageForm(_NoReplacementOnLivePages, CheckedImageForm):
    kind = "图片"


class DocumentForm(_NoReplacementOnLivePages, CheckedDocumentForm):
    kind = "文档"
