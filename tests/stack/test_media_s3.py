"""Media in an S3-compatible store (django-storages), against moto's S3 server started here.

The production settings take STORAGES["default"] from `s3_media_storage(os.environ)`; this test
builds it from the same environment variables, uploads an image and makes a rendition, and reads
both back from the bucket."""

import io
import socket
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image as PILImage

from unionsite.settings.base import s3_media_storage

MOTO = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "moto_server"


@pytest.fixture(scope="module")
def s3_endpoint():
    if not MOTO.exists():
        pytest.fail("moto[server] 未安装：pip install -r requirements-dev.txt")
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = subprocess.Popen(
        [str(MOTO), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def s3_media(settings, s3_endpoint):
    import boto3

    env = {
        "AWS_STORAGE_BUCKET_NAME": "unionsite-media",
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=env["AWS_STORAGE_BUCKET_NAME"])
    settings.STORAGES = {**settings.STORAGES, "default": s3_media_storage(env)}
    return client, env["AWS_STORAGE_BUCKET_NAME"], s3_endpoint


def test_without_a_bucket_media_stay_on_local_disk():
    assert s3_media_storage({}) is None


@pytest.mark.django_db
def test_uploaded_images_and_renditions_go_to_the_bucket(s3_media):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    client, bucket, endpoint = s3_media
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), (200, 30, 30)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="劳模合影", file=ImageFile(io.BytesIO(buffer.getvalue()), name="laomo.png")
    )
    rendition = image.get_rendition("fill-200x150")

    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert image.file.name in keys
    assert rendition.file.name in keys
    # Plain URLs into the bucket (no expiring signature), so cached pages stay valid.
    assert rendition.url.startswith(f"{endpoint}/{bucket}/")
    assert "Signature" not in rendition.url
    stored = client.get_object(Bucket=bucket, Key=rendition.file.name)["Body"].read()
    assert PILImage.open(io.BytesIO(stored)).size == (200, 150)
