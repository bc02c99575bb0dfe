"""Uploads that cannot hurt: decoded-pixel cap on every image path, content checked rather than
names for images and documents, documents downloaded as attachments."""

import io
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("guanli", "g@example.com", "Hongqi-xuefeng-37")
    )
    return client


def image_bytes(fmt="PNG", size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size, "white" if mode != "1" else 1).save(buffer, fmt)
    return buffer.getvalue()


def upload(client, kind, name, data):
    """Add an image or document (`kind`: images, documents) through the admin's add form."""
    return client.post(
        f"/admin/{kind}/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().id,
        },
    )


def upload_image(client, name, data):
    return upload(client, "images", name, data)


def upload_document(client, name, data):
    return upload(client, "documents", name, data)


def test_an_image_of_121_million_pixels_is_refused_in_chinese(admin):
    data = image_bytes(size=(11000, 11000), mode="1")
    assert len(data) < 100_000
    response = upload_image(admin, "huge.png", data)
    assert response.status_code == 200
    assert "图片像素过多" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_pillow_refuses_it_on_every_other_path():
    data = image_bytes(size=(8000, 7000), mode="1")  # 56 million pixels, just over the limit
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(data))
    PILImage.open(io.BytesIO(image_bytes(size=(6000, 4000), mode="1"))).load()  # 24 million: fine


@pytest.mark.parametrize("fmt,name", [("PNG", "a.png"), ("GIF", "a.gif"), ("JPEG", "a.jpg")])
def test_ordinary_images_are_accepted(admin, fmt, name):
    assert upload_image(admin, name, image_bytes(fmt)).status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize("fmt,name", [("PNG", "a.png"), ("GIF", "a.gif"), ("JPEG", "a.jpg")])
def test_images_with_a_web_page_appended_are_refused(admin, fmt, name):
    data = image_bytes(fmt) + b"<html><script>alert(document.cookie)</script></html>"
    response = upload_image(admin, name, data)
    assert response.status_code == 200
    assert "夹带了网页代码" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_png_with_html_in_a_text_chunk_is_refused(admin):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20)).save(buffer, "PNG", pnginfo=info)
    assert upload_image(admin, "c.png", buffer.getvalue()).status_code == 200
    assert not get_image_model().objects.exists()


# Documents -------------------------------------------------------------------------------------

PLAIN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize(
    "body",
    [
        b"1 0 obj << /Type /Catalog /OpenAction 3 0 R >> endobj 3 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj",
        b"1 0 obj << /Type /Catalog /Names << /J#61vaScript 4 0 R >> >> endobj",
        b"5 0 obj << /Filter /FlateDecode /Type /ObjStm >> stream\n"
        + zlib.compress(b"<< /S /JavaScript /JS (app.alert(1)) >>")
        + b"\nendstream endobj",
    ],
)
def test_a_pdf_with_javascript_or_an_open_action_is_refused(admin, body):
    response = upload_document(admin, "tongzhi.pdf", b"%PDF-1.7\n" + body + b"\n%%EOF\n")
    assert response.status_code == 200
    assert "含有脚本或自动执行的动作" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_plain_pdf_is_accepted_and_downloaded_as_an_attachment(admin):
    assert upload_document(admin, "tongzhi.pdf", PLAIN_PDF).status_code == 302
    document = get_document_model().objects.get()
    response = admin.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_a_web_page_named_pdf_is_refused(admin):
    response = upload_document(admin, "tongzhi.pdf", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200
    assert "文件内容与扩展名 .pdf 不符" in response.content.decode()


def test_html_and_svg_documents_are_refused_by_extension(admin):
    for name in ("page.html", "logo.svg", "run.exe"):
        assert upload_document(admin, name, b"<html></html>").status_code == 200
    assert not get_document_model().objects.exists()


def test_office_files_with_macros_are_refused(admin):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"\x00" * 10)
    response = upload_document(admin, "baogao.docx", buffer.getvalue())
    assert response.status_code == 200
    assert "含有宏" in response.content.decode()
