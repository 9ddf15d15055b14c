"""Import target accounts from CSV files exported by CRMs and spreadsheets.

Two steps, both plain data in and out (no Qt), so the app can show a mapping step and apply the
result as one undoable edit::

    preview = read_csv_preview("accounts.csv")          # encoding, delimiter, headers, first rows
    mapping = preview.suggested_mapping                 # {field: column index}, editable
    result = import_accounts(plan, "accounts.csv", mapping, default_tier="B")
    result.new_plan, result.added, result.merged, result.skipped

See docs/csv-import.md for the headers, encodings, delimiters and de-duplication rules.
"""

from .csv_source import DELIMITERS, CsvFileError, normalise_delimiter
from .importer import (
    AddedAccount,
    CsvPreview,
    ImportResult,
    MergedRow,
    RowWarning,
    SkippedRow,
    import_accounts,
    read_csv_preview,
)
from .mapping import ALIASES, FIELD_KEYS, FIELDS, ImportField, suggest_mapping
from .matching import domain_of, name_key
from .pasted import PASTED_SOURCE, has_header, pasted_table

__all__ = [
    "ALIASES", "DELIMITERS", "FIELDS", "FIELD_KEYS", "PASTED_SOURCE", "AddedAccount",
    "CsvFileError", "CsvPreview",
    "ImportField", "ImportResult", "MergedRow", "RowWarning", "SkippedRow", "domain_of",
    "has_header", "import_accounts", "name_key", "normalise_delimiter", "pasted_table",
    "read_csv_preview", "suggest_mapping",
]
