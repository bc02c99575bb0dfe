"""What uploads may contain: the one place for the rules on images and documents.

Images: at most settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS decoded pixels on every path that opens
an image through Pillow (admin upload, renditions, demo and bulk tooling, any form upload):
Pillow's own limit is set so that it raises at the same figure. An image must be
what its content says (Wagtail already checks the format against the extension) and nothing
else: no HTML or script inside, no data after the format's end (a GIF or PNG with a web page
appended is refused).

Documents: only the extensions in WAGTAILDOCS_EXTENSIONS, and the content must match the
extension (a PDF starts with %PDF-, Office files are the right container). A PDF with active
content (/JavaScript, /JS, /OpenAction, /AA, /Launch, /EmbeddedFile, /RichMedia, /XFA), also
inside compressed object streams, is refused; Office files with macros are refused. Documents
are always downloaded as attachments (WAGTAILDOCS_INLINE_CONTENT_TYPES = []).
"""

import re
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

DEFAULT_MAX_IMAGE_PIXELS = 50_000_000


def max_image_pixels():
    return int(getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS))


def configure_pillow():
    """Every Pillow open in every process refuses images over the limit (called at start-up)."""
    from PIL import Image

    # Pillow raises DecompressionBombError above twice its MAX_IMAGE_PIXELS (and only warns between
    # once and twice, which warning filters can hide): half the limit makes the error the limit.
    Image.MAX_IMAGE_PIXELS = max_image_pixels() // 2


def too_many_pixels_message():
    limit = max_image_pixels() // 10_000
    return (
        f"图片像素过多：本站只接受不超过 {limit} 万像素的图片（例如 8000×6000）。"
        "请用看图或修图软件把图片缩小后再上传。"
    )


# Markup a browser would run if it ever took the file for a web page. Only distinctive tokens:
# compressed pixel data is never scanned, only headers, metadata and what follows the image.
MARKUP_RE = re.compile(
    rb"<(?:html|head|body|script|iframe|svg|object|embed|meta|!doctype)|<\?php|javascript:",
    re.IGNORECASE,
)
IMAGE_MESSAGE = "图片文件中夹带了网页代码或多余数据，不能上传：请用看图或修图软件另存为新的图片后再上传。"
SNIFF_BYTES = 1024  # what browsers look at when they guess a type


def _read(fileobj):
    position = fileobj.tell() if hasattr(fileobj, "tell") else None
    fileobj.seek(0)
    data = fileobj.read()
    if position is not None:
        fileobj.seek(position)
    return data


def _png_parts(data):
    """(metadata bytes, offset after IEND or None) of a PNG; pixel data (IDAT) left out."""
    offset, metadata = 8, []
    while offset + 8 <= len(data):
        length = int.from_bytes(data[offset : offset + 4], "big")
        kind = data[offset + 4 : offset + 8]
        if kind != b"IDAT":
            metadata.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
        if kind == b"IEND":
            return b"".join(metadata), offset
    return b"".join(metadata), None


def _sub_blocks(data, offset):
    """Skip GIF data sub-blocks from offset; (content, offset after the terminator) or None."""
    content = []
    while offset < len(data):
        size = data[offset]
        offset += 1
        if size == 0:
            return b"".join(content), offset
        content.append(data[offset : offset + size])
        offset += size
    return None


def _gif_parts(data):
    """(comments and extension bytes, offset after the trailer or None) of a GIF."""
    if len(data) < 13:
        return b"", None
    offset, metadata = 13, []
    if data[10] & 0x80:
        offset += 3 * (2 ** ((data[10] & 0x07) + 1))
    while offset < len(data):
        block = data[offset]
        if block == 0x3B:
            return b"".join(metadata), offset + 1
        if block == 0x21 and offset + 1 < len(data):
            result = _sub_blocks(data, offset + 2)
            if result is None:
                return b"".join(metadata), None
            metadata.append(result[0])
            offset = result[1]
        elif block == 0x2C and offset + 10 <= len(data):
            flags = data[offset + 9]
            offset += 10
            if flags & 0x80:
                offset += 3 * (2 ** ((flags & 0x07) + 1))
            result = _sub_blocks(data, offset + 1)  # after the LZW minimum code size
            if result is None:
                return b"".join(metadata), None
            offset = result[1]
        else:
            return b"".join(metadata), None
    return b"".join(metadata), None


def image_content_problems(fileobj):
    """Messages for an uploaded image whose content is more than a picture (empty when fine)."""
    data = _read(fileobj)
    if MARKUP_RE.search(data[:SNIFF_BYTES]):
        return [IMAGE_MESSAGE]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        metadata, end = _png_parts(data)
    elif data.startswith((b"GIF87a", b"GIF89a")):
        metadata, end = _gif_parts(data)
    elif data.startswith(b"\xff\xd8"):
        start_of_scan = data.find(b"\xff\xda")
        metadata = data[: start_of_scan if start_of_scan != -1 else len(data)]
        end = data.rfind(b"\xff\xd9")
        end = None if end == -1 else end + 2
    else:  # WebP, AVIF: the sniffing window above
        return []
    if end is None or data[end:].strip(b"\x00\r\n") or MARKUP_RE.search(metadata):
        return [IMAGE_MESSAGE]
    return []


# Documents ---------------------------------------------------------------------------------------

PDF_ACTIVE_RE = re.compile(
    rb"/(?:JavaScript|JS|OpenAction|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToR)(?![A-Za-z])"
)
STREAM_RE = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
MAX_INFLATED = 50 * 1024 * 1024

ZIP_EXTENSIONS = {"docx", "xlsx", "pptx", "odt", "ofd", "zip"}
OLE_EXTENSIONS = {"doc", "xls"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_EXTENSIONS = {"txt", "csv"}

DOCUMENT_MESSAGES = {
    "mismatch": "文件内容与扩展名 .{ext} 不符，不能上传：请用原来的程序重新另存为 .{ext} 文件。",
    "pdf_active": "这个 PDF 含有脚本或自动执行的动作（JavaScript、OpenAction 等），不能上传："
    "请用“打印为 PDF”或“另存为 PDF”重新生成一个普通的 PDF 后再上传。",
    "macro": "这个文件含有宏，不能上传：请另存为不带宏的 .docx、.xlsx 或 .pptx 后再上传。",
    "text": "文本文件中含有二进制数据或网页代码，不能上传。",
}


def _pdf_names(data):
    """PDF name tokens with #xx escapes decoded (/J#61vaScript is /JavaScript)."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data)


def _inflated_streams(data):
    budget = MAX_INFLATED
    for match in STREAM_RE.finditer(data):
        try:
            inflater = zlib.decompressobj()
            chunk = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(chunk)
        yield chunk
        if budget <= 0:
            return


def pdf_has_active_content(data):
    if PDF_ACTIVE_RE.search(_pdf_names(data)):
        return True
    return any(PDF_ACTIVE_RE.search(_pdf_names(chunk)) for chunk in _inflated_streams(data))


def document_content_problems(fileobj, name):
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    data = _read(fileobj)
    mismatch = [DOCUMENT_MESSAGES["mismatch"].format(ext=extension)]
    if extension == "pdf":
        if not data[:1024].lstrip().startswith(b"%PDF-"):
            return mismatch
        if pdf_has_active_content(data):
            return [DOCUMENT_MESSAGES["pdf_active"]]
    elif extension in ZIP_EXTENSIONS:
        if not data.startswith(b"PK\x03\x04"):
            return mismatch
        try:
            with zipfile.ZipFile(fileobj) as archive:
                names = [info.filename.lower() for info in archive.infolist()]
        except zipfile.BadZipFile:
            return mismatch
        if any(entry.endswith(("vbaproject.bin", ".bin")) and "vba" in entry for entry in names):
            return [DOCUMENT_MESSAGES["macro"]]
    elif extension in OLE_EXTENSIONS:
        if not data.startswith(OLE_MAGIC):
            return mismatch
        if (
            b"_\x00V\x00B\x00A\x00_\x00P\x00R\x00O\x00J\x00E\x00C\x00T" in data
            or b"VBA_PROJECT" in data.upper()
        ):
            return [DOCUMENT_MESSAGES["macro"]]
    elif extension == "rtf":
        if not data.startswith(b"{\\rtf"):
            return mismatch
    elif extension in TEXT_EXTENSIONS:
        if b"\x00" in data or MARKUP_RE.search(data):
            return [DOCUMENT_MESSAGES["text"]]
    return []


class ImageForm(BaseImageForm):
    """Wagtail's image form (admin upload, multiple upload, chooser upload) with the rules above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages["file_too_many_pixels"] = too_many_pixels_message()

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "read"):
            problems = image_content_problems(file)
            if problems:
                raise ValidationError(problems[0], code="image_content")
        return file


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with the content rules above."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "read") and getattr(file, "name", None):
            problems = document_content_problems(file, file.name)
            if problems:
                raise ValidationError(problems[0], code="document_content")
        return file
