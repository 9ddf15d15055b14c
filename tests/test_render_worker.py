"""The preview's render worker (``python -m prospector.render_worker``), spoken to as the app
does: JSON lines in, JSON lines out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import contextmanager

from pypdf import PdfReader

from prospector.playbook.item_pages import step_item
from tests.conftest import REPO


@contextmanager
def _worker(stderr=None):
    """The worker started as the app starts it, once it says it is ready; killed at the end."""
    worker = subprocess.Popen([sys.executable, "-m", "prospector.render_worker"], cwd=REPO,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                              text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert json.loads(worker.stdout.readline()) == {"ready": True}
        yield worker
    finally:
        worker.kill()
        worker.wait()


def test_a_newer_request_cancels_the_stale_render_and_the_answer_finds_the_items(tmp_path,
                                                                                 sample_plan):
    with _worker() as worker:
        plan = json.loads(sample_plan.model_dump_json())
        for request in ({"id": 1, "plan": plan, "out": str(tmp_path / "1.pdf"), "section": None},
                        {"id": 2, "plan": plan, "out": str(tmp_path / "2.pdf"),
                         "section": ["cadences"]}):
            worker.stdin.write(json.dumps(request) + "\n")  # the second follows at once
        worker.stdin.flush()
        first, second = (json.loads(worker.stdout.readline()) for _ in range(2))
        assert first == {"id": 1, "cancelled": True}
        assert not (tmp_path / "1.pdf").exists()
        assert second["id"] == 2 and second["done"] == str(tmp_path / "2.pdf")
        pages = PdfReader(second["done"]).pages
        assert second["pages"] == len(pages)
        last = sample_plan.cadences[-1]
        # the last cadence is on the page the answer names, and not on the first
        page, top = second["items"][last.id]
        assert page > 0 and last.name in pages[page].extract_text() and 0 < top < 1
        assert second["items"]["sec-cadences"][0] == 0
        # and its last step (numbered as printed), on the page that prints its touch
        step = last.ordered_steps()[-1]
        step_page, _top = second["items"][step_item(last.id, len(last.steps))]
        touch = next(t for t in sample_plan.touches if t.id == step.touch_id)
        assert step_page >= page and touch.title[:20] in pages[step_page].extract_text()
        worker.stdin.write(json.dumps({"quit": True}) + "\n")
        worker.stdin.flush()
        assert worker.wait(60) == 0


def test_a_request_that_fails_where_it_should_not_ends_the_worker(tmp_path, sample_plan):
    # (what the app then does: tests/test_preview_worker.py)
    with _worker(stderr=subprocess.DEVNULL) as worker:
        request = {"id": 1, "plan": json.loads(sample_plan.model_dump_json()),
                   "out": str(tmp_path / "1.pdf"), "section": 5}  # no section is a number
        worker.stdin.write(json.dumps(request) + "\n")
        worker.stdin.flush()
        answer = json.loads(worker.stdout.readline())
        assert answer["id"] == 1 and answer["broken"] and answer["error"]
        assert worker.wait(60) == 1


def test_a_worker_whose_app_is_gone_ends_without_a_traceback(tmp_path, sample_plan):
    # the app killed mid-render: the worker's answer met a closed pipe and printed a
    # BrokenPipeError traceback into the app's log
    with _worker(stderr=subprocess.PIPE) as worker:
        worker.stdout.close()  # the app's end of the answers, gone
        request = {"id": 1, "plan": json.loads(sample_plan.model_dump_json()),
                   "out": str(tmp_path / "1.pdf"), "section": ["cadences"]}
        worker.stdin.write(json.dumps(request) + "\n")
        worker.stdin.flush()
        assert worker.wait(120) == 0
        assert "Traceback" not in worker.stderr.read()
