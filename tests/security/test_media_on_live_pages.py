"""Replacing the file of an image or document shown on a live page would change the public page
without 三审: refused for everyone; media not on a live page may still be replaced."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import ReferenceIndex

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def png(color):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def people(staff):
    people = dict(staff)
    people["superuser"] = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-boss")
    return people


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
