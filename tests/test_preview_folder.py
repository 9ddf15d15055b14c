"""A preview's folder of PDFs is removed when its window closes, and by the next window when its
own ended without closing (killed): previews never pile up in the temporary folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui.preview_folder import PreviewFolder, remove_left_folders

ROOT = Path(__file__).resolve().parent.parent
_KILLED = """
import os, sys
from ui.preview_folder import PreviewFolder
folder = PreviewFolder()
(folder.path / "preview-3.pdf").write_bytes(b"%PDF-1.7 ...")
print(folder.path, flush=True)
os._exit(9)  # as a killed window: no close, its lock freed by the kernel
"""


def test_a_killed_windows_folder_goes_and_a_living_windows_stays(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    killed = subprocess.run([sys.executable, "-c", _KILLED], capture_output=True, text=True,
                            check=False, env={"TMPDIR": str(tmp_path), "PYTHONPATH": str(ROOT)})
    left = tmp_path / killed.stdout.strip().rsplit("/", 1)[-1]
    assert (left / "preview-3.pdf").exists()

    living = PreviewFolder()  # this window's: its opening removes the killed window's
    assert not left.exists() and living.path.exists()
    assert remove_left_folders(tmp_path) == 0  # a living window's folder stays
    assert living.path.exists()
    living.remove()
    assert not living.path.exists()
