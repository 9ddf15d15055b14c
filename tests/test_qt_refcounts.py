"""The Qt binding must not drop references to None, True or False.

PySide6 6.12.0 did, on nearly every call an edit makes; on Python 3.11 the app aborted with
``Fatal Python error: none_dealloc`` after a few thousand edits, losing the last seconds of typing.
pyproject.toml keeps that version off Python 3.11; this test fails if any installed PySide6 brings
the bug back. The calls run in a separate process so a leaking binding fails this test instead of
aborting the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("qt_refcount_probe.py")


def _none_is_immortal() -> bool:
    before = sys.getrefcount(None)
    held = [None] * 1000  # noqa: F841 - held while counting
    return sys.getrefcount(None) - before < 1000


@pytest.mark.skipif(_none_is_immortal(), reason="None is immortal on this Python (3.12+): "
                    "a dropped reference cannot free it")
def test_qt_calls_made_on_every_edit_keep_their_references():
    run = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True,
                         timeout=300, check=False)
    assert run.returncode == 0, f"the probe died (exit {run.returncode}):\n{run.stderr[-3000:]}"
    report = json.loads(run.stdout)
    assert len(report["results"]) >= 25, "the probe measured fewer calls than it should"
    dropped = {call: {obj: -delta for obj, delta in counts.items() if delta < 0}
               for call, counts in report["results"].items()
               if min(counts.values()) < 0}
    print(f"\nQt references: {len(report['results'])} Qt calls an edit makes, "
          f"{report['calls_each']:,} times each, {len(dropped)} dropping references")
    assert not dropped, (
        f"this PySide6 drops references on {len(dropped)} calls "
        f"(per {report['calls_each']} calls): "
        f"{dropped}; on this Python the app would abort after a few thousand edits — install a "
        "version pyproject.toml allows")
