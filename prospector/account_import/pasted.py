"""Rows pasted from a spreadsheet, read as the CSV import reads a file.

Excel, LibreOffice and Google Sheets put copied cells on the clipboard as tab-separated text.
The app writes that text to a file and imports it through the same preview, column mapping and
checks as a CSV file; rows copied without their header row get one here, so the preview can
show them and the leader maps the columns.
"""

from __future__ import annotations

from ..messages import ENGLISH, M_, Note, Number, Say
from .csv_source import MAX_CSV_BYTES, CsvFileError, column_letter
from .mapping import suggest_mapping

PASTED_SOURCE = Note("the pasted rows")  # said in the message's language


def pasted_table(text: str, tell: Say = ENGLISH) -> bytes:
    """The clipboard's text as a tab-separated file with a header line (UTF-8).

    When the first line names no column the import knows ("Account Name", "City"...), the rows
    came without their header: the first column is taken for the account's name and the others
    are named as the spreadsheet names them (Column B, Column C...), to map in the preview,
    in ``tell``'s language (the app's: "Kunde", "Spalte B")."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not data.strip():
        raise CsvFileError(PASTED_SOURCE, Note("the clipboard holds no rows"),
                           Note("copy the rows of a spreadsheet, with their header row if you "
                                "can, and paste again"))
    if len(data) > MAX_CSV_BYTES:
        raise CsvFileError(PASTED_SOURCE, Note("{n} characters are too many to paste",
                                               n=Number(len(data))),
                           Note("save them as a CSV file and use Import CSV… instead"))
    if not has_header(data):
        width = max(line.count("\t") for line in data.split("\n")) + 1
        header = [tell(M_("Account"))] + [tell(M_("Column {letter}")).format(
            letter=column_letter(i)) for i in range(1, width)]
        data = "\t".join(header) + "\n" + data
    return (data + "\n").encode("utf-8")


def has_header(text: str) -> bool:
    """Whether the pasted rows start with their header row (its first line names a column the
    import knows)."""
    first = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n", 1)[0]
    return bool(suggest_mapping(first.split("\t")))
