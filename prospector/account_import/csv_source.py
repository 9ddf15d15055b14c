"""Reading a CSV file the way CRMs and spreadsheets write it.

Encodings: UTF-8 (with or without the BOM Excel's "CSV UTF-8" writes), UTF-16 (Excel's "Unicode
text", with its BOM, or without one when the NUL pattern is unmistakable), and Windows-1252 for
legacy exports. Delimiters: comma, semicolon, tab or pipe, sniffed from the first rows (and an Excel
``sep=;`` first line) but only ever one of those four; the caller can override both.

Row numbers are the ones a spreadsheet shows: the n-th record of the file is row n, a quoted value
spanning several lines is still one row, a blank line is a row.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ProspectorError
from ..userfile import read_user_file

MAX_CSV_BYTES = 50 * 1024 * 1024
DELIMITERS: dict[str, str] = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_DELIMITER_WORDS = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|",
                    "bar": "|"}
ENCODING_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1252": "Windows-1252",
                   "utf-16": "UTF-16", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE"}
_SAVE_AS_CSV = ("export it as CSV from your CRM, or in Excel use File > Save As > CSV UTF-8, "
                "and import that file")
_SEP_LINE = re.compile(r"^sep=(.)[ \t]*(\r\n|\n|\r|$)", re.IGNORECASE)
_SNIFF_ROWS = 50
_csv_limit_raised = False


class CsvFileError(ProspectorError):
    """The file as a whole cannot be imported; nothing was changed."""

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        message = f"{source}: {problem}" if source else problem
        super().__init__(message + (f" ({fix})" if fix else ""))


@dataclass(frozen=True)
class CsvTable:
    """A decoded, split CSV file: its header and its records with spreadsheet row numbers."""

    source: str
    encoding: str  # a Python codec name, usable as the ``encoding`` override
    delimiter: str
    header: list[str]
    header_row: int
    records: list[tuple[int, list[str]]]  # (row number, cells) of the rows under the header
    problems: list[tuple[int, str]]  # rows that could not be read as CSV at all

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)

    @property
    def delimiter_name(self) -> str:
        return DELIMITERS.get(self.delimiter, repr(self.delimiter))


def read_table(path: str | os.PathLike, *, delimiter: str | None = None,
               encoding: str | None = None) -> CsvTable:
    source = str(Path(path))
    data = read_user_file(path, what="a CSV file", max_bytes=MAX_CSV_BYTES,
                          too_large="too large to import", error=CsvFileError,
                          too_large_fix="split it into files under 50 MB")
    return parse_table(data, source, delimiter=delimiter, encoding=encoding)


def parse_table(data: bytes, source: str, *, delimiter: str | None = None,
                encoding: str | None = None) -> CsvTable:
    text, codec = decode(data, source, encoding)
    wanted = normalise_delimiter(delimiter, source) if delimiter else None
    sep_line = _SEP_LINE.match(text)
    if sep_line:  # Excel's "sep=;" hint: it is not a row, and it names the delimiter
        text = text[sep_line.end():]
        if wanted is None and sep_line.group(1) in DELIMITERS:
            wanted = sep_line.group(1)
    chosen = wanted or sniff_delimiter(text)
    records = _split(text, chosen, source)
    header_at = next((i for i, (_, cells) in enumerate(records) if any(cells)), None)
    if header_at is None:
        raise CsvFileError(source, "has no rows (only empty lines)",
                           "export the accounts again; the first row should name the columns")
    header_row, header = records[header_at]
    header = [_clean_header(cell, i) for i, cell in enumerate(header)]
    body = records[header_at + 1:]
    problems = []
    if body and _unclosed_quote(text, body[-1][1]):
        row = body[-1][0]
        problems.append((row, ("a quote (\") opened in this row is never closed, so the rest "
                               "of the file was read as one value; close the quote and import "
                               "again")))
        body = body[:-1]
    return CsvTable(source, codec, chosen, header, header_row, body, problems)


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the codec it was read with (``encoding`` forces one)."""
    if encoding:
        codec = _codec_name(encoding, source)
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise CsvFileError(
                source, f"is not {ENCODING_LABELS.get(codec, codec)} text (byte {exc.start} "
                        "does not fit)", "choose another encoding, or leave it out to detect it"
            ) from None
        text = text.removeprefix("\ufeff")
        _check_text(text, source)
        return text, codec
    if data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        _check_signatures(data, source)
        codec = _utf16_without_bom(data) or ""
    if not codec:
        if b"\x00" in data[:65536]:
            raise CsvFileError(source, "is a binary file, not CSV text", _SAVE_AS_CSV)
        try:
            data.decode("utf-8")
            codec = "utf-8"
        except UnicodeDecodeError:
            codec = "cp1252"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CsvFileError(
            source, f"is not text in UTF-8, UTF-16 or Windows-1252 (byte {exc.start} is not a "
                    "character in any of them)", _SAVE_AS_CSV) from None
    _check_text(text, source)
    return text, codec


def normalise_delimiter(value: str, source: str = "") -> str:
    """``","``, ``";"``, ``"\\t"``, ``"|"`` or their names (comma, semicolon, tab, pipe)."""
    if value in DELIMITERS:
        return value
    word = value.strip().lower()
    if word in _DELIMITER_WORDS:
        return _DELIMITER_WORDS[word]
    if word in DELIMITERS:
        return word
    raise CsvFileError(source, f"the delimiter {value!r} is not one Prospector knows",
                       "use one of , ; | or tab")


def sniff_delimiter(text: str) -> str:
    """The one of ``, ; tab |`` that splits the header into the most columns that the next rows
    agree with. A file with a single column gets a comma (it does not matter then)."""
    best, best_score = ",", (0.0, 0)
    for candidate in DELIMITERS:
        rows = []
        try:
            for cells in csv.reader(io.StringIO(text, newline=""), delimiter=candidate):
                if any(c.strip() for c in cells):
                    rows.append(len(cells))
                    if len(rows) > _SNIFF_ROWS:
                        break
        except csv.Error:
            continue
        if not rows or rows[0] < 2:
            continue
        width = rows[0]
        agree = sum(1 for n in rows[1:] if n == width) / max(1, len(rows) - 1)
        score = (agree, width)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _split(text: str, delimiter: str, source: str) -> list[tuple[int, list[str]]]:
    _raise_field_limit()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    try:
        for row_number, cells in enumerate(reader, start=1):
            records.append((row_number, [_clean_cell(c) for c in cells]))
    except csv.Error as exc:
        raise CsvFileError(source, f"row {len(records) + 1} cannot be read as CSV ({exc})",
                           _SAVE_AS_CSV) from None
    return records


def _raise_field_limit() -> None:
    """Notes exported from a CRM can exceed csv's 128 KiB default per value."""
    global _csv_limit_raised
    if not _csv_limit_raised:
        csv.field_size_limit(16 * 1024 * 1024)
        _csv_limit_raised = True


def _clean_cell(cell: str) -> str:
    cell = cell.replace("\x00", "").strip()
    # Undo the apostrophe spreadsheets (and our own task export) put before formula-like text.
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@":
        cell = cell[1:]
    return cell


def _clean_header(cell: str, index: int) -> str:
    cell = cell.removeprefix("\ufeff").strip().strip('"').strip()
    return cell or f"(column {column_letter(index)})"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _unclosed_quote(text: str, last_cells: list[str]) -> bool:
    """A quote that is never closed swallows the rest of the file into the last row."""
    return text.count('"') % 2 == 1 and any("\n" in c or "\r" in c for c in last_cells)


def _codec_name(encoding: str, source: str) -> str:
    try:
        name = codecs.lookup(encoding.strip()).name
    except LookupError:
        raise CsvFileError(source, f"{encoding!r} is not an encoding Prospector knows",
                           "use utf-8, utf-8-sig, cp1252 or utf-16") from None
    return {"windows-1252": "cp1252"}.get(name, name)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_SIGNATURES = (
    (b"PK\x03\x04", "is an Excel workbook (.xlsx) or another zip file, not CSV"),
    (b"\xd0\xcf\x11\xe0", "is an Excel 97-2003 workbook (.xls), not CSV"),
    (b"%PDF", "is a PDF, not CSV"),
    (b"\x89PNG", "is an image, not CSV"),
    (b"\xff\xd8\xff", "is an image, not CSV"),
    (b"GIF8", "is an image, not CSV"),
)


def _check_signatures(data: bytes, source: str) -> None:
    for magic, problem in _SIGNATURES:
        if data.startswith(magic):
            raise CsvFileError(source, problem, _SAVE_AS_CSV)


def _check_text(text: str, source: str) -> None:
    stripped = text.strip()
    if not stripped:
        raise CsvFileError(source, "is empty",
                           "export the accounts again; the first row should name the columns")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\x0c")
    if controls > max(2, len(sample) // 100):
        raise CsvFileError(source, "is a binary file, not CSV text", _SAVE_AS_CSV)
    head = stripped[:200].lower()
    if head.startswith(("<!doctype", "<html", "<?xml", "<table", "<meta")):
        raise CsvFileError(source, "is a web page or XML file, not CSV (some CRMs save "
                                   "\"Excel\" reports as HTML)", _SAVE_AS_CSV)
    if stripped[0] in "{[":
        try:
            json.loads(stripped)
        except ValueError:
            return
        raise CsvFileError(source, "is a JSON file, not CSV",
                           "plan files are opened with `prospector import`; accounts come as CSV")
