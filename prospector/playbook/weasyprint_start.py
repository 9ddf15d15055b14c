"""WeasyPrint imported without asking the system where its libraries are, on Linux.

WeasyPrint opens Pango, HarfBuzz, GObject and Fontconfig through cffi, trying several names for
each (``libpango-1.0-0``, ``pango-1.0``, ..., ``libpango-1.0.so.0``). cffi opens a name that is
a file name directly; for any other it calls ``ctypes.util.find_library``, which on Linux runs
``ldconfig -p`` and the C compiler in a subprocess, about 12 lookups here: 0.15 s of the 0.4 s
every ``prospector pdf`` and every render worker waits for WeasyPrint. The ``.so.N`` names come
later in WeasyPrint's list and open directly on any Linux with the libraries installed.

So on Linux the first import runs with ``find_library`` answering "not found" (cffi then goes on
to the next name). Should that fail (libraries only a lookup finds), WeasyPrint is imported
again the usual way, with its usual message if the libraries are missing. Importing this module
does it; ``prospector.playbook.fetcher`` imports it before anything of WeasyPrint.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import sys

_FFI = "weasyprint.text.ffi"  # the module that opens the libraries


def _not_found(name: str) -> str | None:  # ctypes.util.find_library's signature
    del name
    return None


def _forget_weasyprint() -> None:
    for name in [name for name in sys.modules
                 if name == "weasyprint" or name.startswith("weasyprint.")]:
        del sys.modules[name]


def import_weasyprint() -> None:
    """Import WeasyPrint (its libraries opened by file name first on Linux); once a process."""
    if _FFI in sys.modules:
        return
    if sys.platform.startswith("linux"):
        lookup = ctypes.util.find_library
        ctypes.util.find_library = _not_found
        try:  # WeasyPrint prints a troubleshooting text before it fails: not this time's to show
            with contextlib.redirect_stdout(io.StringIO()):
                import weasyprint.text.ffi  # noqa: PLC0415 - the import this module is for
            return
        except OSError:
            _forget_weasyprint()  # half imported: the usual import below starts afresh
        finally:
            ctypes.util.find_library = lookup
    import weasyprint.text.ffi  # noqa: F401, PLC0415 - the usual way


import_weasyprint()
