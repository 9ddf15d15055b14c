"""Shared fixtures. Qt runs offscreen; every test gets its own empty data folder."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the app's preview renderer starts when a test shows the preview, not with every window
os.environ.setdefault("PROSPECTOR_PREVIEW", "on-demand")
# compiled templates kept for this run only, never in the user's cache folder
os.environ["PROSPECTOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="prospector-cache-")

import json
import socket
import sys
from datetime import date
from pathlib import Path

import pytest

from prospector.model import Plan
from prospector.resources import sample_plan_path

REPO = Path(__file__).resolve().parent.parent
atexit.register(shutil.rmtree, os.environ["PROSPECTOR_CACHE_DIR"], ignore_errors=True)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Never touch the real user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PROSPECTOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def pdfium_idle():
    """A test's page views are done with PDFium before the next test reads a PDF on the main
    thread: PDFium takes one call at a time in the whole process."""
    yield
    views = sys.modules.get("ui.pdf_view")
    if views is not None and views._pdfium_thread is not None:
        views.pdfium_thread().submit(lambda: None).result(timeout=60)


@pytest.fixture(scope="session")
def sample_doc() -> dict:
    return json.loads(sample_plan_path().read_text("utf-8"))


@pytest.fixture
def sample_plan(sample_doc) -> Plan:
    return Plan.model_validate(sample_doc)


class Spy:
    """Counts every fetch WeasyPrint makes and every socket anyone opens while rendering."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from prospector.playbook import render as render_module  # noqa: PLC0415 - PDF tests only
        from prospector.playbook.fetcher import SafeFetcher  # noqa: PLC0415 - PDF tests only

        self.fetchers: list[SafeFetcher] = []
        self.sockets = 0
        spy = self

        class RecordingFetcher(SafeFetcher):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                spy.fetchers.append(self)

        def no_socket(*_args, **_kwargs):
            spy.sockets += 1
            raise OSError("network access during a render")

        monkeypatch.setattr(render_module, "SafeFetcher", RecordingFetcher)
        monkeypatch.setattr(socket.socket, "connect", no_socket)

    @property
    def served(self) -> list[str]:
        return [url for f in self.fetchers for url in f.served]

    @property
    def refused(self) -> list[str]:
        return [url for f in self.fetchers for url in f.refused]


@pytest.fixture(scope="session")
def sample_leader_pdf(tmp_path_factory):
    """The sample's leader edition, rendered once per test process (seconds of layout) for every
    test that reads it: (RenderResult, Spy of its fetches and sockets, progress stages)."""
    from prospector.planfile import read_plan_file  # noqa: PLC0415 - PDF tests only
    from prospector.playbook import render_playbook_pdf  # noqa: PLC0415 - PDF tests only

    mp = pytest.MonkeyPatch()
    spy = Spy(mp)
    stages: list[tuple[str, float]] = []
    try:
        result = render_playbook_pdf(
            read_plan_file(sample_plan_path()), tmp_path_factory.mktemp("pdf") / "leader.pdf",
            today=date(2027, 1, 4), progress=lambda s, f: stages.append((s, f)))
    finally:
        mp.undo()
    return result, spy, stages


@pytest.fixture(scope="session")
def sample_rep_pdf(tmp_path_factory):
    """The sample's first rep's edition from Wednesday 13 January 2027, rendered once per test
    process: (RenderResult, the rep)."""
    from prospector.planfile import read_plan_file  # noqa: PLC0415 - PDF tests only
    from prospector.playbook import render_playbook_pdf  # noqa: PLC0415 - PDF tests only

    plan = read_plan_file(sample_plan_path())
    rep = plan.reps[0]
    result = render_playbook_pdf(plan, tmp_path_factory.mktemp("pdf") / "rep.pdf",
                                 rep_name=rep.name, start=date(2027, 1, 13))  # a Wednesday
    return result, rep
