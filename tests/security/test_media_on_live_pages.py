"""Changing or deleting an image or document shown on a live page would change the public page
without 三审: replacing the file, editing what the public page shows of it (a document's title is
the attachment name, an image's title its fallback alt text) and deleting it are refused for
everyone; media not on a live page may still be changed and deleted."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import ReferenceIndex

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def png(color):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def image(people):
    return Image.objects.create(
        title="职工技能大赛现场",
        file=SimpleUploadedFile("saichang.png", png("white")),
        uploaded_by_user=people["site_admin"],
    )


def replace(client, image):
    return client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "file": SimpleUploadedFile("lingyizhang.png", png("red")),
            "collection": image.collection_id,
            "tags": "",
        },
    )


@pytest.mark.parametrize("role", ["final", "site_admin", "superuser"])
def test_the_file_of_an_image_on_a_live_article_cannot_be_replaced(client, people, editorial, image, role):
    article = ArticleFactory(
        parent=editorial["section"], title="技能大赛圆满落幕", lead_image=image, live=True
    )
    ReferenceIndex.create_or_update_for_object(article)
    old_file = image.file.name
    client.force_login(people[role])
    response = replace(client, image)
    assert response.status_code == 200
    assert "不能替换文件" in response.content.decode()
    assert "《技能大赛圆满落幕》" in response.content.decode()
    assert Image.objects.get(pk=image.pk).file.name == old_file


def test_an_image_not_on_a_live_page_may_be_replaced(client, people, editorial, image):
    ArticleFactory(parent=editorial["section"], title="草稿", lead_image=image, live=False)
    old_file = image.file.name
    client.force_login(people["superuser"])
    response = replace(client, image)
    assert response.status_code == 302
    assert Image.objects.get(pk=image.pk).file.name != old_file


@pytest.fixture
def document(people):
    return Document.objects.create(
        title="2026年职工疗休养安排",
        file=SimpleUploadedFile("liaoxiuyang.txt", "疗休养安排".encode()),
        uploaded_by_user=people["site_admin"],
    )


def on_live_article(editorial, image=None, document=None, live=True):
    body = json.dumps(
        [{"type": "document", "value": {"document": document.pk, "title": ""}}] if document else []
    )
    article = ArticleFactory(
        parent=editorial["section"], title="技能大赛圆满落幕", lead_image=image, body=body, live=live
    )
    ReferenceIndex.create_or_update_for_object(article)
    return article


def edit_image(client, image, **changes):
    data = {"title": image.title, "collection": image.collection_id, "tags": ""}
    data.update(changes)
    return client.post(f"/admin/images/{image.pk}/", data)


def edit_document(client, document, **changes):
    data = {"title": document.title, "collection": document.collection_id, "tags": ""}
    data.update(changes)
    return client.post(reverse("wagtaildocs:edit", args=[document.pk]), data)


@pytest.mark.parametrize("role", ["final", "site_admin", "superuser"])
def test_the_title_of_a_document_on_a_live_page_cannot_be_changed(client, people, editorial, document, role):
    on_live_article(editorial, document=document)
    client.force_login(people[role])
    response = edit_document(client, document, title="改过的附件名")
    assert response.status_code == 200
    assert "附件名称" in response.content.decode()
    assert "《技能大赛圆满落幕》" in response.content.decode()
    assert Document.objects.get(pk=document.pk).title == "2026年职工疗休养安排"


@pytest.mark.parametrize("role", ["final", "site_admin", "superuser"])
def test_the_title_and_alt_text_of_an_image_on_a_live_page_cannot_be_changed(
    client, people, editorial, image, role
):
    on_live_article(editorial, image=image)
    client.force_login(people[role])
    response = edit_image(client, image, title="改过的标题", description="改过的替代文字")
    assert response.status_code == 200
    html = response.content.decode()
    assert "不能直接修改" in html and "《技能大赛圆满落幕》" in html
    image.refresh_from_db()
    assert (image.title, image.description) == ("职工技能大赛现场", "")


def test_tags_of_an_image_on_a_live_page_are_not_public_and_may_change(client, people, editorial, image):
    on_live_article(editorial, image=image)
    client.force_login(people["site_admin"])
    assert edit_image(client, image, tags="技能大赛").status_code == 302
    assert list(Image.objects.get(pk=image.pk).tags.names()) == ["技能大赛"]


def test_titles_of_media_not_on_a_live_page_may_change(client, people, editorial, image, document):
    on_live_article(editorial, image=image, document=document, live=False)
    client.force_login(people["site_admin"])
    assert edit_image(client, image, title="新标题").status_code == 302
    assert edit_document(client, document, title="新附件名").status_code == 302
    assert Image.objects.get(pk=image.pk).title == "新标题"
    assert Document.objects.get(pk=document.pk).title == "新附件名"


@pytest.mark.parametrize("role", ["site_admin", "superuser"])
def test_an_image_or_document_on_a_live_page_cannot_be_deleted(
    client, people, editorial, image, document, role
):
    on_live_article(editorial, image=image, document=document)
    client.force_login(people[role])
    for url in (
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
    ):
        response = client.post(url, follow=True)
        html = response.content.decode()
        assert "不能删除" in html and "《技能大赛圆满落幕》" in html, url
    # The confirmation page itself says why, instead of offering the button.
    assert (
        "不能删除"
        in client.get(reverse("wagtailimages:delete", args=[image.pk]), follow=True).content.decode()
    )
    assert Image.objects.filter(pk=image.pk).exists()
    assert Document.objects.filter(pk=document.pk).exists()


def test_the_multiple_upload_page_cannot_delete_media_on_a_live_page(
    client, people, editorial, image, document
):
    on_live_article(editorial, image=image, document=document)
    client.force_login(people["superuser"])
    for url in (
        reverse("wagtailimages:delete_multiple", args=[image.pk]),
        reverse("wagtaildocs:delete_multiple", args=[document.pk]),
    ):
        response = client.post(url)
        assert response.status_code == 403, url
        assert "不能删除" in response.json()["error_message"]
    assert Image.objects.filter(pk=image.pk).exists()
    assert Document.objects.filter(pk=document.pk).exists()


def bulk_delete_url(app, model, *objects):
    ids = "&".join(f"id={obj.pk}" for obj in objects)
    return reverse("wagtail_bulk_action", args=[app, model, "delete"]) + "?" + ids


@pytest.mark.parametrize("role", ["site_admin", "superuser"])
def test_bulk_delete_of_media_on_a_live_page_is_refused(client, people, editorial, image, document, role):
    on_live_article(editorial, image=image, document=document)
    spare = Image.objects.create(title="备用图", file=SimpleUploadedFile("bei.png", png("blue")))
    client.force_login(people[role])
    response = client.post(bulk_delete_url("wagtailimages", "image", image, spare), follow=True)
    assert "不能删除" in response.content.decode() and "《技能大赛圆满落幕》" in response.content.decode()
    response = client.post(bulk_delete_url("wagtaildocs", "document", document), follow=True)
    assert "不能删除" in response.content.decode()
    assert Image.objects.filter(pk__in=[image.pk, spare.pk]).count() == 2
    assert Document.objects.filter(pk=document.pk).exists()


def test_media_not_on_a_live_page_may_be_deleted(client, people, editorial, image, document):
    on_live_article(editorial, image=image, document=document, live=False)
    spare = Image.objects.create(title="备用图", file=SimpleUploadedFile("bei.png", png("blue")))
    client.force_login(people["site_admin"])
    assert client.post(reverse("wagtailimages:delete", args=[image.pk])).status_code == 302
    assert client.post(reverse("wagtaildocs:delete", args=[document.pk])).status_code == 302
    client.post(bulk_delete_url("wagtailimages", "image", spare))
    assert not Image.objects.filter(pk__in=[image.pk, spare.pk]).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
