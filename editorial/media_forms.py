"""Changing an image or document that a live page shows would change the public page without
review. Wagtail's image and document forms (with core.uploads' content checks) refuse it, for
everyone: the file, and what the public pages show of it — a document's title (the attachment
name), an image's title and description (its alt text when the page gives none) and focal point
(its crops). Tags and collection are not shown publicly and may change. Upload a new file, use it
on the page and submit the page to 三审. Deleting such media is refused in editorial/media_side_doors.py."""

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


CHANGE_REFUSED = (
    "此{kind}已用在已发布的页面上（{titles}），{label}会显示在公开页面上，不能直接修改，"
    "否则页面未经“三审”即被改变：请上传新的{kind}，在页面中改用它并提交审核。"
)


def live_page_titles(pages):
    """《标题》、《标题》 for the first few live pages (the refusal messages name them)."""
    return "、".join(f"《{page.title}》" for page in pages)


class _NoChangeOnLivePages:
    kind = ""
    # Fields the public pages show, with the label the refusal names.
    shown_publicly = {}

    def clean(self):
        cleaned_data = super().clean()
        changed = [name for name in self.changed_data if name == "file" or name in self.shown_publicly]
        if self.instance.pk and changed:
            pages = list(live_pages_using(self.instance).order_by("title")[:3])
            if pages:
                titles = live_page_titles(pages)
                refused = set()
                for name in changed:
                    if name == "file":
                        message = REPLACE_REFUSED.format(kind=self.kind, titles=titles)
                    else:
                        label = self.shown_publicly[name]
                        message = CHANGE_REFUSED.format(kind=self.kind, titles=titles, label=label)
                    # Focal-point inputs are hidden: their refusal goes to the form as a whole, once.
                    field = None if name.startswith("focal_point") else name
                    if (field, message) not in refused:
                        refused.add((field, message))
                        self.add_error(field, message)
        return cleaned_data


class ImageForm(_NoChangeOnLivePages, CheckedImageForm):
    kind = "图片"
    shown_publicly = {
        "title": "标题（页面未填写替代文字时用作替代文字）",
        "description": "描述（替代文字）",
        "focal_point_x": "焦点（决定裁切）",
        "focal_point_y": "焦点（决定裁切）",
        "focal_point_width": "焦点（决定裁切）",
        "focal_point_height": "焦点（决定裁切）",
    }


class DocumentForm(_NoChangeOnLivePages, CheckedDocumentForm):
    kind = "文档"
    shown_publicly = {"title": "标题（即页面上显示的附件名称）"}
