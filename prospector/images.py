"""What an embedded image really is, from its bytes: PNG or JPEG, and its size in pixels.

A ``data:image/png;base64,`` prefix proves nothing: WeasyPrint tries bytes that are not PNG or
JPEG as SVG, and a 47 KB SVG of nested ``<use>`` elements kept the renderer busy for minutes (see
PITFALLS.md). The plan's logo and the PDF's fetcher accept only bytes with a PNG or JPEG
signature whose header gives a sane width and height.
"""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass

from .messages import Note, Number

MAX_LOGO_BYTES = 2 * 1024 * 1024  # decoded; a logo is a few KB to a few hundred KB
MAX_LOGO_PIXELS = 25_000_000  # 25 megapixels, e.g. 5,000 x 5,000
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# JPEG start-of-frame markers (baseline, progressive, lossless...): they hold the image size.
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


class ImageRefused(ValueError):
    """Bytes that are not a usable PNG or JPEG image; ``str()`` says why, in a user's words."""


@dataclass(frozen=True)
class ImageInfo:
    mime_type: str  # image/png or image/jpeg
    width: int
    height: int


def image_info(data: bytes, max_bytes: int = MAX_LOGO_BYTES,
               max_pixels: int = MAX_LOGO_PIXELS) -> ImageInfo:
    """The type and size of a PNG or JPEG image, or :class:`ImageRefused`."""
    if len(data) > max_bytes:
        raise ImageRefused(Note("is {size} MB; an image may be at most {most} MB",
                                size=f"{len(data) / 1_048_576:.1f}", most=max_bytes // 1_048_576))
    if data.startswith(_PNG):
        info = _png(data)
    elif data.startswith(_JPEG):
        info = _jpeg(data)
    else:
        raise ImageRefused(Note("is not a PNG or JPEG image (its bytes are something else, e.g. "
                                "SVG)"))
    if not (info.width and info.height):
        raise ImageRefused(Note("is a PNG or JPEG image without a width or height"))
    if info.width * info.height > max_pixels:
        raise ImageRefused(Note("is {width} x {height} pixels; an image may have at most {most} "
                                "megapixels", width=Number(info.width), height=Number(info.height),
                                most=max_pixels // 1_000_000))
    return info


def decode_data_uri(uri: str) -> tuple[str, bytes]:
    """``data:image/png;base64,...`` -> (``image/png``, bytes), or :class:`ImageRefused`."""
    header, comma, payload = uri.partition(",")
    params = [p.strip().lower() for p in header.removeprefix("data:").split(";")]
    if not header.lower().startswith("data:") or not comma or "base64" not in params[1:]:
        raise ImageRefused(Note("must be an image embedded as a base64 data: URI"))
    if len(payload) > MAX_LOGO_BYTES * 4 // 3 + 4096 + len(payload) // 76 * 2:
        raise ImageRefused(Note("is over {most} MB; an image may be at most {most} MB",
                                most=MAX_LOGO_BYTES // 1_048_576))
    try:
        body = base64.b64decode("".join(payload.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ImageRefused(Note("is not valid base64")) from None
    return params[0], body


def logo_problem(uri: str) -> str:
    """Why a logo data: URI cannot be used ("" when it can), as a ``Note``."""
    try:
        declared, body = decode_data_uri(uri)
        if declared not in ("image/png", "image/jpeg"):
            raise ImageRefused(Note("must be a PNG or JPEG image embedded as a data: URI"))
        image_info(body)
    except ImageRefused as exc:
        return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Note) else str(exc)
    return ""


def _png(data: bytes) -> ImageInfo:
    # Signature, then the IHDR chunk: length (13), b"IHDR", width, height (big-endian).
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise ImageRefused(Note("is a damaged PNG image (no image header)"))
    width, height = struct.unpack(">II", data[16:24])
    return ImageInfo("image/png", width, height)


def _jpeg(data: bytes) -> ImageInfo:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            break
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in _SOF:
            if i + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return ImageInfo("image/jpeg", width, height)
        if marker == 0xDA or length < 2:  # image data before any frame header: broken
            break
        i += 2 + length
    raise ImageRefused(Note("is a damaged JPEG image (no frame header)"))
