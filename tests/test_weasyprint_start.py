"""WeasyPrint imported without library lookups, and the usual way where that cannot work."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the lookups are skipped on Linux only")

_CHECK = """
import ctypes.util, sys
lookup = ctypes.util.find_library
asked = []
def counted(name):
    asked.append(name)
    return lookup(name)
ctypes.util.find_library = counted
{prepare}
import prospector.playbook.weasyprint_start
from weasyprint import HTML
assert ctypes.util.find_library is counted, "find_library not given back"
pdf = HTML(string="<p>Call Jonas on Monday</p>").write_pdf()
print("asked", len(asked), "pdf", pdf[:5].decode())
"""

# cffi opens file names itself; refusing them leaves only the lookups, as on a system whose
# libraries have other file names than WeasyPrint's list
_NO_FILE_NAMES = """
import cffi
opened = cffi.FFI.dlopen
def by_lookup_only(self, name, flags=0):
    if ".so" in name and not name.startswith("/"):
        raise OSError("no file " + name)
    return opened(self, name, flags)
cffi.FFI.dlopen = by_lookup_only
"""


def _run(prepare: str) -> str:
    done = subprocess.run([sys.executable, "-c", _CHECK.format(prepare=prepare)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_weasyprint_opens_its_libraries_without_asking_the_system():
    assert _run("").strip() == "asked 0 pdf %PDF-"


def test_where_the_file_names_fail_weasyprint_is_imported_the_usual_way_silently():
    out = _run(_NO_FILE_NAMES)
    assert out.startswith("asked ") and out.strip().endswith("pdf %PDF-")
    assert int(out.split()[1]) > 0  # the usual lookups found the libraries
    assert "WeasyPrint could not import" not in out  # the first try's troubleshooting text
