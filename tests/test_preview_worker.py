"""The app's client of the preview's render worker: the newest edit is what the preview shows,
and a worker that dies is started again."""

from __future__ import annotations

import os
import signal

import pytest

from ui.preview_worker import PreviewWorker

WAIT_MS = 120_000  # a generous bound on a busy machine: the tests wait on signals, not time


@pytest.fixture
def worker(qtbot):
    client = PreviewWorker()
    with qtbot.waitSignal(client.ready, timeout=WAIT_MS):
        client.start()
    yield client
    client.shutdown()


def test_a_stale_render_never_replaces_a_newer_one(qtbot, worker, sample_plan, tmp_path):
    shown: list[int] = []
    worker.rendered.connect(lambda request_id, _answer: shown.append(request_id))
    renamed = sample_plan.model_copy(update={"name": "Renamed while rendering"})
    whole = worker.request(sample_plan, str(tmp_path / "whole.pdf"))  # long: the whole book
    with qtbot.waitSignal(worker.rendered, timeout=WAIT_MS) as newest:
        cadences = worker.request(renamed, str(tmp_path / "cadences.pdf"), section=["cadences"])
    assert newest.args[0] == cadences and shown == [cadences] and whole < cadences
    # an answer to the older request that arrives late (written before the cancel was read)
    # is dropped: the preview keeps the newer plan
    with qtbot.assertNotEmitted(worker.rendered):
        worker.answer({"id": whole, "done": str(tmp_path / "whole.pdf"), "pages": 35,
                       "items": {}})
    assert shown == [cadences]


def test_the_worker_is_started_again_after_being_killed(qtbot, worker, sample_plan, tmp_path):
    first = worker.pid()
    with qtbot.waitSignal(worker.stopped, timeout=WAIT_MS):
        os.kill(first, signal.SIGKILL)
    # a request made while it is down is rendered by the next worker
    with qtbot.waitSignal(worker.rendered, timeout=WAIT_MS) as rendered:
        request = worker.request(sample_plan, str(tmp_path / "personas.pdf"),
                                 section=["personas"])
    assert rendered.args[0] == request and rendered.args[1]["pages"] >= 1
    assert worker.pid() not in (0, first) and worker.restarts == 1


def test_a_worker_that_fails_where_it_should_not_is_replaced_and_asked_once_more(
        qtbot, worker, sample_plan, tmp_path):
    # the app updated while it runs: the worker's old code met the new templates and failed on
    # every preview ("'call_cards_opening' is undefined") until the app was restarted
    failed: list[str] = []
    worker.failed.connect(lambda _id, why: failed.append(why))
    first = worker.pid()
    os.kill(first, signal.SIGSTOP)  # it renders nothing more: its answer is the one below
    asked = worker.request(sample_plan, str(tmp_path / "c.pdf"), section=["cadences"])
    worker.answer({"id": asked, "error": "UndefinedError: ...", "broken": True})
    with qtbot.waitSignal(worker.rendered, timeout=WAIT_MS) as rendered:
        os.kill(first, signal.SIGKILL)  # as it ends itself after saying so
    assert rendered.args[0] == asked and not failed  # rendered by the new worker
    # failing again for the same request is said: no endless restarts
    worker.answer({"id": worker.request(sample_plan, str(tmp_path / "d.pdf")),
                   "error": "x", "broken": True})
    worker.answer({"id": worker.newest, "error": "x", "broken": True})
    assert failed == ["x"]
