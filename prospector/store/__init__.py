"""The local plan store: TinyDB in one JSON file (``plans.json``), written atomically, locked, with
history.

- ``plan_store.py``: ``PlanStore``, what the app and the CLI call (list, load, save, history,
  restore, delete and undelete, duplicate), on TinyDB's tables and queries.
- ``history.py``: each plan's versions, their list items shared in a ``chunks`` table, pruning.
- ``fact_blocks.py``: the imported facts, in blocks written once to files of their own
  (``facts/<hash>.json``), which the versions refer to.
- ``layout.py``: the tables of ``plans.json`` and the fields of their rows.
- ``storage.py``: ``AtomicJSONStorage``, the TinyDB storage: atomic, checksummed writes, a save
  being one write (``transaction``).
- ``session.py``: the lock, and one session (TinyDB on the file, parsed once) at a time.
- ``recovery.py``: damaged or missing store files kept aside and recovered from the backup.
- ``folder.py``: the data folder, readable by its owner only; read-only folders.

Safety: every write replaces the whole file atomically (temp file + fsync + ``os.replace``); the
file starts with the SHA-256 of its contents (``{"checksum": ...}``); the previous file becomes
``plans.json.bak`` once the new one is in place (a hard link, so it costs no copy), so a save that
fails at any step leaves both files as they were; a file that does not parse or does not match its
checksum is kept aside with a timestamp, reported in ``notices`` and never overwritten, and the last
good version is recovered from the backup, the damaged file being replaced only once the recovered
one is safely written; a missing ``plans.json`` beside a backup is recovered the same way; a lock
file serialises writers across processes, and temp files of writers that were killed are removed.
A data folder the user cannot write in (a read-only mount, a folder made read-only) can still be
read: no lock is created, nothing is written or repaired, and saving says the folder is read-only.
Only the owner can read the store: the folder is 0700 and every file the store writes in it 0600.
"""

from .folder import default_data_dir
from .layout import STORE_FILE, STORE_VERSION
from .plan_store import DEFAULT_HISTORY_LIMIT, PlanStore, PlanSummary, PlanVersion, VersionConflict
from .storage import with_checksum as _with_checksum  # noqa: F401 - tests write intact files

__all__ = ["DEFAULT_HISTORY_LIMIT", "STORE_FILE", "STORE_VERSION", "PlanStore", "PlanSummary",
           "PlanVersion", "VersionConflict", "default_data_dir"]
