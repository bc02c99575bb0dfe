"""Attachments: images and PDF only, recognised from their bytes, never from their names."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

PNG = ("image/png", "png", b"\x89PNG\r\n\x1a\n")
JPEG = ("image/jpeg", "jpg", b"\xff\xd8\xff")
PDF = ("application/pdf", "pdf", b"%PDF-")
KINDS = (PNG, JPEG, PDF)


def max_count():
    return int(getattr(settings, "INTERACTION_ATTACHMENT_MAX_COUNT", 3))


def max_bytes():
    return int(getattr(settings, "INTERACTION_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024))


def max_pixels():
    return int(getattr(settings, "INTERACTION_IMAGE_MAX_PIXELS", 40_000_000))


def _kind(head):
    for kind in KINDS:
        if head.startswith(kind[2]):
            return kind
    return None


def _check_image(upload, name):
    """Pillow must recognise the format, verify the data, and decode within the pixel cap."""
    expected = "PNG" if upload.detected_type == "image/png" else "JPEG"
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format != expected:
                raise ValidationError(f"“{name}”不是有效的图片。")
            width, height = image.size
            if width * height > max_pixels():
                raise ValidationError(f"“{name}”的图片尺寸过大（{width}×{height}），请缩小后再上传。")
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()  # decodes the pixels: a truncated or corrupt image fails here
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(f"“{name}”不是有效的图片，可能已损坏。") from exc
    finally:
        upload.seek(0)


def check_upload(upload):
    """Raise ValidationError (in Chinese) unless `upload` is a PNG, JPEG or PDF within the limits.

    Sets `upload.detected_type` and `upload.detected_extension` from the bytes."""
    name = os.path.basename(upload.name or "附件")[:80]
    if upload.size > max_bytes():
        limit_mb = max_bytes() / (1024 * 1024)
        raise ValidationError(f"“{name}”超过 {limit_mb:g} MB，请压缩后再上传。")
    if upload.size == 0:
        raise ValidationError(f"“{name}”是空文件。")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = _kind(head)
    if kind is None:
        raise ValidationError(f"“{name}”不是图片（PNG、JPG）或 PDF 文件，不能上传。")
    upload.detected_type, upload.detected_extension = kind[0], kind[1]
    if kind is PDF:
        return upload
    _check_image(upload, name)
    return upload


def stored_name(upload):
    """A random file name with the extension of the detected type: the worker's name is not a path."""
    return f"{uuid.uuid4().hex}.{upload.detected_extension}"


def display_name(upload):
    base = os.path.basename(upload.name or "")
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '\\/:*?"<>|').strip()
    return (base or f"附件.{upload.detected_extension}")[-100:]
