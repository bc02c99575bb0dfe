"""Images drawn with Pillow, so demo content and tests need no files from elsewhere."""

import hashlib
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

# Calm colours that keep white text above 4.5:1 contrast.
PALETTE = ["#8c1d18", "#0b4a8b", "#1d5e3a", "#6b3e99", "#8a4b08", "#2f4f6f", "#7a1f4f", "#3d5a1e"]


def colour_for(text):
    digest = hashlib.sha1(text.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def draw_png(label, size=(1200, 675), colour=None):
    """A PNG with a coloured field and simple geometric shapes (no fonts needed)."""
    colour = colour or colour_for(label)
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    seed = hashlib.sha1(label.encode("utf-8")).digest()
    for index in range(6):
        x = seed[index] / 255 * width
        y = seed[index + 6] / 255 * height
        radius = 40 + seed[index + 12] / 255 * min(width, height) / 3
        shade = 255 - index * 18
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=(shade, shade, shade), width=6)
    draw.rectangle([0, height - height // 8, width, height], fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def get_or_create_image(title, size=(1200, 675), colour=None, collection=None):
    """Return the image called `title`, drawing it the first time."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:12]
    image = image_model(title=title)
    if collection is not None:
        image.collection = collection
    image.file = ImageFile(io.BytesIO(draw_png(title, size, colour)), name=f"demo-{digest}.png")
    image.save()
    return image
