"""The only way WeasyPrint may read anything while it renders a playbook.

WeasyPrint's default fetcher reads any local file and any URL, so text typed into a plan could pull
``/etc/passwd`` or an internal web page into the PDF (see PITFALLS.md). This fetcher serves:

* files under our own ``templates/`` and ``assets/`` folders (stylesheet, fonts), and
* ``data:image/png`` / ``data:image/jpeg`` URIs (the plan's logo is stored that way) whose bytes
  are a PNG or JPEG image of at most 2 MB and 25 megapixels (prospector.images),

and refuses everything else: other files, ``http(s)``, ``ftp``, other ``data:`` types, anything.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

# isort: off
from . import weasyprint_start  # noqa: F401 - first: WeasyPrint imported without library lookups
from weasyprint.urls import URLFetcher, URLFetcherResponse
# isort: on

from ..images import ImageRefused, decode_data_uri, image_info
from ..resources import assets_dir, templates_dir

_DATA_TYPES = ("image/png", "image/jpeg")
_FILE_TYPES = {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".png": "image/png",
               ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


class RefusedURL(ValueError):
    """A URL the playbook may not read (WeasyPrint logs it and renders without it)."""


class SafeFetcher(URLFetcher):
    """Serve our own files and image data: URIs only. Records what it served and refused."""

    def __init__(self, roots: tuple[Path, ...] | None = None) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False,
                         fail_on_errors=False)
        self.roots = tuple(r.resolve() for r in (roots or (templates_dir(), assets_dir())))
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        try:
            if url[:5].lower() == "data:":
                response = self._data(url)
            elif url[:5].lower() == "file:":
                response = self._file(url)
            else:
                raise RefusedURL(f"the playbook only uses its own files, not {url[:80]!r}")
        except RefusedURL:
            self.refused.append(url)
            raise
        self.served.append(url if not url.startswith("data:") else url[:40])
        return response

    def _data(self, url: str) -> URLFetcherResponse:
        try:
            declared, body = decode_data_uri(unquote(url))
            if declared not in _DATA_TYPES:
                raise ImageRefused("only PNG or JPEG images embedded as base64 data: URIs are used")
            # Served only when the bytes are PNG or JPEG of a sane size, whatever the URI says:
            # WeasyPrint tries any other bytes as SVG (one of 47 KB ran for minutes).
            info = image_info(body)
        except ImageRefused as exc:
            raise RefusedURL(f"the embedded image {exc}") from None
        return URLFetcherResponse(url, body, {"Content-Type": info.mime_type})

    def _file(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"not one of Prospector's own files: {url[:80]!r}")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise RefusedURL(f"not one of Prospector's own files: {url[:80]!r}")
        content_type = _FILE_TYPES.get(path.suffix.lower()) or (
            mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})
