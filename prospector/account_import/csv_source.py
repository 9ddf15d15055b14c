"""Reading a CSV file the way CRMs and spreadsheets write it.

Encodings: UTF-8 (with or without the BOM Excel's "CSV UTF-8" writes), UTF-16 (Excel's "Unicode
text", with its BOM, or without one when the NUL pattern is unmistakable), and Windows-1252 for
legacy exports. Delimiters: comma, semicolon, tab or pipe, sniffed from the first rows (and an Excel
``sep=;`` first line) but only ever one of those four; the caller can override both.

Row numbers are the ones a spreadsheet shows: the n-th record of the file is row n, a quoted value
spanning several lines is still one row, a blank line is a row.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ProspectorError
from ..messages import M_, Note
from ..userfile import read_user_file

MAX_CSV_BYTES = 50 * 1024 * 1024
DELIMITERS: dict[str, str] = {",": M_("comma"), ";": M_("semicolon"), "\t": M_("tab"),
                              "|": M_("pipe")}
_DELIMITER_WORDS = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|",
                    "bar": "|"}
ENCODING_LABELS = {"utf-8": "UTF-8", "utf-8-sig": M_("UTF-8 with BOM"), "cp1252": "Windows-1252",
                   "utf-16": "UTF-16", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE"}
_SAVE_AS_CSV = Note("export it as CSV from your CRM, or in Excel use File > Save As > CSV "
                    "UTF-8, and import that file")
_SEP_LINE = re.compile(r"^sep=(.)[ \t]*(\r\n|\n|\r|$)", re.IGNORECASE)
_SNIFF_ROWS = 50
_NOT_SPACE = re.compile(r"\S")
_PIECE_BYTES = 1 << 20  # decoded at once (in_pieces)
_PIECE_CHARS = 1 << 16  # split into lines at once (text_lines)
_RELEASE_ROWS = 2_000  # freed at once (release)
_csv_limit_raised = False


class CsvFileError(ProspectorError):
    """The file as a whole cannot be imported; nothing was changed."""

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        problem = problem if isinstance(problem, Note) else Note(problem)
        fix = fix if isinstance(fix, Note) or not fix else Note(fix)
        if source:
            message = (Note("{source}: {problem} ({fix})", source=source, problem=problem, fix=fix)
                       if fix else Note("{source}: {problem}", source=source, problem=problem))
        else:
            message = Note("{problem} ({fix})", problem=problem, fix=fix) if fix else problem
        super().__init__(message)


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
    # Rows spanning several lines of the file (a quoted value with line breaks): row -> lines.
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Rows read in another encoding than the rest of the file: row -> what to tell the user.
    recoded: dict[int, str] = field(default_factory=dict)
    cut: bool = False  # read up to ``max_rows`` rows (``read_table``): the file has more

    @property
    def encoding_label(self) -> str:
        return encoding_name(self.encoding)

    @property
    def delimiter_name(self) -> str:
        return Note(DELIMITERS[self.delimiter]) if self.delimiter in DELIMITERS else repr(
            self.delimiter)


def encoding_name(codec: str) -> Note:
    """A codec as a message names it: "UTF-8 with BOM" ("UTF-8 mit BOM" in German)."""
    return Note(ENCODING_LABELS.get(codec, codec))


def read_table(path: str | os.PathLike, *, delimiter: str | None = None,
               encoding: str | None = None, max_rows: int | None = None,
               too_large_fix: Note | None = None) -> CsvTable:
    """The file's table; with ``max_rows``, reading stops after that many rows with content
    under the header (``CsvTable.cut`` then says the file has more). A file over 50 MB is
    refused with ``too_large_fix`` (what to do; by default, split it)."""
    source = str(Path(path))
    data = read_user_file(path, what=Note("a CSV file"), max_bytes=MAX_CSV_BYTES,
                          too_large=Note("too large to import"), error=CsvFileError,
                          too_large_fix=too_large_fix or Note("split it into files under 50 MB"))
    return parse_table(data, source, delimiter=delimiter, encoding=encoding, max_rows=max_rows)


def parse_table(data: bytes, source: str, *, delimiter: str | None = None,
                encoding: str | None = None, max_rows: int | None = None) -> CsvTable:
    text, codec, odd_lines = _decode_lines(data, source, encoding)
    wanted = normalise_delimiter(delimiter, source) if delimiter else None
    skipped_lines = 0
    sep_line = _SEP_LINE.match(text)
    if sep_line:  # Excel's "sep=;" hint: it is not a row, and it names the delimiter
        text = text[sep_line.end():]
        skipped_lines = 1 if sep_line.group(2) else 0
        if wanted is None and sep_line.group(1) in DELIMITERS:
            wanted = sep_line.group(1)
    chosen = wanted or sniff_delimiter(text)
    split = _split(text, chosen, source, first_line=1 + skipped_lines,
                   limit=None if max_rows is None else max_rows + 1)  # and the header
    header_at = next((i for i, (_, cells) in enumerate(split.records) if any(cells)), None)
    header_row = split.records[header_at][0] if header_at is not None else len(split.starts) + 1
    if any(broken[0] < header_row for broken in split.broken):
        first, last = next((f, la) for r, f, la, _ in split.broken if r < header_row)
        raise CsvFileError(source, Note("the header row has a quote (\") that is not closed "
                                        "where its column name ends ({lines} of the file)",
                                        lines=_lines(first, last)),
                           Note("fix the quote in the first row and import again"))
    if header_at is None:
        raise CsvFileError(source, Note("has no rows (only empty lines)"),
                           Note("export the file again; the first row should name the "
                                "columns"))
    header = [_clean_header(cell, i) for i, cell in enumerate(split.records[header_at][1])]
    body = split.records[header_at + 1:]
    problems = [(row, _broken_quote(first, last, at_end))
                for row, first, last, at_end in split.broken]
    broken_rows = {row for row, _ in problems}
    recoded: dict[int, Note] = {}
    for line, (what, line_codec) in sorted(odd_lines.items()):
        row = split.row_of_line(line)
        if row is None or row <= header_row or row in recoded or row in broken_rows:
            continue
        if line_codec is None:
            problems.append((row, Note("is not {encoding} text like the rest of the file, nor "
                                       "any encoding Prospector knows ({what}); save the file "
                                       "again as CSV UTF-8", encoding=encoding_name(codec),
                                       what=what)))
        else:
            recoded[row] = Note("this row is written in {encoding}, unlike the rest of the "
                                "file ({file_encoding}), and was read as such; check its "
                                "accents", encoding=encoding_name(line_codec),
                                file_encoding=encoding_name(codec))
    unreadable = {row for row, _ in problems}
    body = [(row, cells) for row, cells in body if row not in unreadable]
    return CsvTable(source, codec, chosen, header, header_row, body, sorted(problems),
                    {r: s for r, s in split.spans.items() if r not in unreadable},
                    {r: n for r, n in recoded.items() if r not in unreadable}, split.cut)


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the codec most of it is written in (``encoding`` forces one)."""
    text, codec, _ = _decode_lines(data, source, encoding)
    return text, codec


def _decode_lines(data: bytes, source: str, encoding: str | None
                  ) -> tuple[str, str, dict[int, tuple[str, str | None]]]:
    """The text, the codec of most of it, and the lines (1-based) in another codec or in none:
    ``{line: (what was wrong, the codec it was read with or None)}``.

    A file that is not valid UTF-8 is usually a legacy Windows-1252 export; but one pasted row
    in a UTF-8 file (or a UTF-8 row in a Windows-1252 file) must not turn every accent of the
    other rows into "Ã¼". So such a file is read line by line: the encoding most lines with
    accents fit is the file's, and each line that does not fit it is read in the other one and
    reported.
    """
    if encoding:
        codec = _codec_name(encoding, source)
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        try:
            text = in_pieces(data, codec)
        except UnicodeDecodeError as exc:
            raise CsvFileError(
                source, Note("is not {encoding} text (byte {byte} does not fit)",
                             encoding=encoding_name(codec), byte=exc.start),
                Note("choose another encoding, or leave it out to detect it")) from None
        text = text.removeprefix("\ufeff")
        _check_text(text, source)
        return text, codec, {}
    if data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        _check_signatures(data, source)
        codec = _utf16_without_bom(data) or ""
    if not codec:
        if b"\x00" in data[:65536]:
            raise CsvFileError(source, Note("is a binary file, not CSV text"), _SAVE_AS_CSV)
        try:
            text = in_pieces(data, "utf-8")
        except UnicodeDecodeError:
            text, codec, odd = _decode_mixed(data)
            _check_text(text, source)
            return text, codec, odd
        text = text.removeprefix("\ufeff")
        _check_text(text, source)
        return text, "utf-8", {}
    try:
        text = in_pieces(data, codec)
    except UnicodeDecodeError as exc:
        raise CsvFileError(
            source, Note("is not {encoding} text (byte {byte} does not fit)",
                         encoding=encoding_name(codec), byte=exc.start),
            _SAVE_AS_CSV) from None
    text = text.removeprefix("\ufeff")
    _check_text(text, source)
    return text, codec, {}


def in_pieces(data: bytes, codec: str) -> str:
    """``data.decode(codec)`` a megabyte at a time. One call over a whole export (10 MB for
    100,000 rows) holds Python's lock for 40-60 ms, and the app's window with it, while the file
    is read in a thread; between two pieces the window gets its turn. A byte that does not fit
    raises the ``UnicodeDecodeError`` the whole call raises (the error's place in the file)."""
    if len(data) <= _PIECE_BYTES:
        return data.decode(codec)
    decoder = codecs.getincrementaldecoder(codec)()
    parts = []
    try:
        for start in range(0, len(data), _PIECE_BYTES):
            end = start + _PIECE_BYTES
            parts.append(decoder.decode(data[start:end], final=end >= len(data)))
    except UnicodeDecodeError:
        return data.decode(codec)  # raises it again, placed in the whole file
    return "".join(parts)


def text_lines(text: str) -> Iterator[str]:
    """The text's lines as ``io.StringIO(text, newline="").readlines()`` gives them (each with
    its end: after \\n, \\r\\n, or a lone \\r), a piece of about 64 KB at a time: a StringIO
    over a whole export copies it in one call that holds Python's lock (and the window). Each
    piece ends just after a \\n, which always ends a line, so the lines are the same."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + _PIECE_CHARS)
        end = size if end < 0 else end + 1
        yield from io.StringIO(text[start:end], newline="").readlines()
        start = end


def release(rows: list) -> None:
    """Empty a list of many rows a few thousand at a time: freeing 100,000 rows of cells at once
    (when the last reference to them goes) holds Python's lock for 100 ms or more."""
    while rows:
        del rows[-_RELEASE_ROWS:]


def _decode_mixed(data: bytes) -> tuple[str, str, dict[int, tuple[str, str | None]]]:
    """Read UTF-8 and Windows-1252 lines each as what they are; the majority names the file."""
    lines = data.splitlines(keepends=True)  # \n, \r\n and \r, as the CSV reader splits them
    decoded: dict[int, str] = {}  # the lines that are not plain ASCII, as text
    legacy_lines: list[int] = []
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        try:
            decoded[number] = line.decode("utf-8")
        except UnicodeDecodeError:
            legacy_lines.append(number)
    utf8_lines = list(decoded)
    codec = "utf-8" if len(utf8_lines) > len(legacy_lines) else "cp1252"
    odd: dict[int, tuple[str, str | None]] = {}
    if codec == "cp1252":
        odd.update((number, ("", "utf-8")) for number in utf8_lines)
    for number in legacy_lines:
        try:
            decoded[number] = lines[number - 1].decode("cp1252")
        except UnicodeDecodeError as exc:  # a byte Windows-1252 has no character for
            decoded[number] = lines[number - 1].decode("cp1252", errors="replace")
            odd[number] = (Note("byte {byte} of the line does not fit", byte=exc.start + 1),
                           None)
        else:
            if codec == "utf-8":
                odd[number] = ("", "cp1252")
    text = "".join(decoded[number] if number in decoded else line.decode("ascii")
                   for number, line in enumerate(lines, start=1))
    return text, codec, odd


def normalise_delimiter(value: str, source: str = "") -> str:
    """``","``, ``";"``, ``"\\t"``, ``"|"`` or their names (comma, semicolon, tab, pipe)."""
    if value in DELIMITERS:
        return value
    word = value.strip().lower()
    if word in _DELIMITER_WORDS:
        return _DELIMITER_WORDS[word]
    if word in DELIMITERS:
        return word
    raise CsvFileError(source, Note("the delimiter {value} is not one Prospector knows",
                                    value=repr(value)), Note("use one of , ; | or tab"))


def sniff_delimiter(text: str) -> str:
    """The one of ``, ; tab |`` that splits the header into the most columns that the next rows
    agree with. A file with a single column gets a comma (it does not matter then)."""
    best, best_score = ",", (0.0, 0)
    for candidate in DELIMITERS:
        rows = []
        try:
            for cells in csv.reader(text_lines(text), delimiter=candidate):
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


@dataclass
class _Split:
    records: list[tuple[int, list[str]]]
    spans: dict[int, tuple[int, int]]  # rows over several lines: row -> (first, last line)
    # (row, first line, last line, open at the end of the file) of misquoted rows
    broken: list[tuple[int, int, int, bool]]
    first_line: int  # the file's line of the text's first line (2 after a "sep=" line)
    starts: list[tuple[int, int]] = field(default_factory=list)  # (first line, row), ascending
    cut: bool = False  # stopped at its limit: the text has more rows

    def row_of_line(self, line: int) -> int | None:
        """The row a line of the file belongs to."""
        at = bisect.bisect_right(self.starts, (line, float("inf"))) - 1
        return self.starts[at][1] if at >= 0 else None


class _Lines(Iterator[str]):
    """The text's lines for the CSV reader, with the number of lines handed out so far."""

    def __init__(self, text: str) -> None:
        self.lines = text_lines(text)
        self.taken = 0

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken += 1
        return line


def _split(text: str, delimiter: str, source: str, first_line: int = 1,
           limit: int | None = None) -> _Split:
    """The records with their row numbers; a row whose quotes are not closed where its value
    ends (it would swallow the line breaks and rows after it) is set aside as broken, never
    read as a merged row. With ``limit``, it stops after that many records with content
    (``cut``: there are more)."""
    _raise_field_limit()
    feed = _Lines(text)
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    offset = first_line - 1
    split = _Split([], {}, [], first_line)
    row = filled = 0
    while True:
        if limit is not None and filled >= limit:
            split.cut = any(line.strip(" \t\r\n" + delimiter) for line in feed)
            break
        first = feed.taken + 1 + offset
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise CsvFileError(source, Note("row {row} holds a value over 16 MB, more than "
                                                "any field of a plan can take", row=row + 1),
                                   _SAVE_AS_CSV) from None
            row += 1
            split.broken.append((row, first, feed.taken + offset, "end of data" in str(exc)))
            split.starts.append((first, row))
            continue
        row += 1
        split.records.append((row, _clean_cells(cells)))
        filled += any(cells)
        split.starts.append((first, row))
        last = feed.taken + offset
        if last > first:
            split.spans[row] = (first, last)
    return split


def _lines(first: int, last: int) -> Note:
    return (Note("line {first}", first=first) if first == last
            else Note("lines {first}-{last}", first=first, last=last))


def _broken_quote(first: int, last: int, at_end: bool) -> Note:
    lines = _lines(first, last)
    if at_end:
        what = Note("a quote (\") opened in this row is never closed ({lines} of the file)",
                    lines=lines)
    elif first == last:
        what = Note("a value starts with a quote (\") but has more text after its closing "
                    "quote ({lines} of the file)", lines=lines)
    else:
        what = Note("a quote (\") opened in this row is closed only in a later line, so the "
                    "rows in between would be read as one value ({lines} of the file)",
                    lines=lines)
    if first == last:
        return Note("{what}; nothing from this line was imported: put the whole value in quotes "
                    "and double the quotes inside it (\"\"), then import again", what=what)
    return Note("{what}; nothing from these lines was imported: put the whole value in quotes "
                "and double the quotes inside it (\"\"), then import again", what=what)


def _raise_field_limit() -> None:
    """Notes exported from a CRM can exceed csv's 128 KiB default per value."""
    global _csv_limit_raised
    if not _csv_limit_raised:
        csv.field_size_limit(16 * 1024 * 1024)
        _csv_limit_raised = True


def _clean_cells(cells: list[str]) -> list[str]:
    """``_clean_cell`` of each cell; most rows need their cells stripped only (a 100,000-row
    export: 0.25 s less than a call per cell)."""
    joined = "".join(cells)
    if "\x00" in joined or "\ufeff" in joined or "'" in joined:
        return [_clean_cell(c) for c in cells]
    return [c.strip() for c in cells]


def _clean_cell(cell: str) -> str:
    # NULs, and byte order marks of files joined together (`cat a.csv b.csv`), are never text.
    if "\x00" in cell or "\ufeff" in cell:
        cell = cell.replace("\x00", "").replace("\ufeff", "")
    cell = cell.strip()
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


def _codec_name(encoding: str, source: str) -> str:
    try:
        name = codecs.lookup(encoding.strip()).name
    except LookupError:
        raise CsvFileError(source, Note("{encoding} is not an encoding Prospector knows",
                                        encoding=repr(encoding)),
                           Note("use utf-8, utf-8-sig, cp1252 or utf-16")) from None
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
    (b"PK\x03\x04", M_("is an Excel workbook (.xlsx) or another zip file, not CSV")),
    (b"\xd0\xcf\x11\xe0", M_("is an Excel 97-2003 workbook (.xls), not CSV")),
    (b"%PDF", M_("is a PDF, not CSV")),
    (b"\x89PNG", M_("is an image, not CSV")),
    (b"\xff\xd8\xff", M_("is an image, not CSV")),
    (b"GIF8", M_("is an image, not CSV")),
)


def _check_signatures(data: bytes, source: str) -> None:
    for magic, problem in _SIGNATURES:
        if data.startswith(magic):
            raise CsvFileError(source, Note(problem), _SAVE_AS_CSV)


def _check_text(text: str, source: str) -> None:
    first = _NOT_SPACE.search(text)  # not text.strip(): a copy of the whole file in one call
    if first is None:
        raise CsvFileError(source, Note("is empty"),
                           Note("export the file again; the first row should name the "
                                "columns"))
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\x0c")
    if controls > max(2, len(sample) // 100):
        raise CsvFileError(source, Note("is a binary file, not CSV text"), _SAVE_AS_CSV)
    head = text[first.start():first.start() + 200].lower()
    if head.startswith(("<!doctype", "<html", "<?xml", "<table", "<meta")):
        raise CsvFileError(source, Note("is a web page or XML file, not CSV (some CRMs save "
                                        "\"Excel\" reports as HTML)"), _SAVE_AS_CSV)
    if head[0] in "{[":
        try:
            json.loads(text.strip())
        except ValueError:
            return
        raise CsvFileError(source, Note("is a JSON file, not CSV"),
                           Note("plan files are opened with `prospector import`; accounts come "
                                "as CSV"))
