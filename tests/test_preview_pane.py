"""What the preview prints for the step being edited."""

from __future__ import annotations

import os
import signal

from ui.preview import preview_part


def test_each_step_previews_its_own_part_of_the_playbook():
    assert preview_part("cadences") == ["cadences"]
    assert preview_part("basics") == ["cover", "basics"]  # company, owner, dates: the cover
    assert preview_part("targets") == ["ideal_client_profile", "accounts"]
    assert preview_part("conversations", "questions") == ["questions"]  # the one edited
    # with the call cards, where an objection's response is printed (its chapter names the card)
    assert preview_part("conversations", "objections") == ["objections", "qualification"]
    assert preview_part("review") is None  # the whole playbook, as exported


def test_a_reps_preview_fills_the_scorecard_with_the_actuals_the_export_prints(qtbot):
    """The preview sends no facts to its render worker, only the rep's actuals per week: the
    selected rep's scorecard shows what the exported rep edition prints."""
    from pypdf import PdfReader  # noqa: PLC0415 - this test only

    from prospector.actuals_import import read_actuals  # noqa: PLC0415
    from prospector.planfile import read_plan_file  # noqa: PLC0415
    from prospector.playbook.context import build_context  # noqa: PLC0415
    from prospector.review.summary import is_summed  # noqa: PLC0415
    from tests.conftest import REPO  # noqa: PLC0415
    from ui.document import PlanDocument  # noqa: PLC0415
    from ui.preview import PreviewPane  # noqa: PLC0415

    samples = REPO / "assets" / "samples"
    plan = read_plan_file(samples / "sample-plan.json")
    found = read_actuals(plan, samples / "sample-activities-report.csv")
    plan = found.apply(plan)
    rep = plan.reps[0]
    # the facts not summed yet (as after an import): the preview sums them in slices first
    assert not is_summed(plan.actuals.facts)
    pane = PreviewPane(PlanDocument(plan))
    qtbot.addWidget(pane)
    try:
        pane.set_step("reps")
        with qtbot.waitSignal(pane.worker.rendered, timeout=120_000) as rendered:
            pane.set_showing(True)  # starts the worker: the leader's accounts, the reps' names
        assert rep.id in rendered.args[1]["items"]  # the leader's edition prints the rep
        with qtbot.waitSignal(pane.worker.rendered, timeout=120_000) as rendered:
            pane.show_item(rep.id)  # the rep selected: the rep's edition
        text = " ".join(page.extract_text() for page in PdfReader(rendered.args[1]["done"]).pages)
        exported = build_context(plan, rep_name=rep.id)["scorecard"]  # counted from the facts
        first = next(r for r in exported["rows"] if r["kind"] == "week")
        assert first["actuals"][0] not in ("", "0")  # the export prints the rep's touches
        scorecard = " ".join(text.split()).split("Weekly scorecard", 1)[1]
        week = scorecard.split(first["dates"], 1)[1].split()
        assert week[0] == first["actuals"][0]  # the week's touches, as the export prints them
        # named as the rep's edition names them, not by the leader's chapters
        assert f"{rep.name}'s edition: cover, At a glance, Your schedule, Your targets," \
            in pane.status.text()
        # and the rep's dated schedule, the heart of the edition (the preview showed the cover
        # and the targets only: a leader could not see what the rep will work from)
        flat = " ".join(text.split())
        assert "Your schedule" in flat and "Week 1 · " in flat and "Meeting booked" in flat
        # a worker killed with nothing left to render: once it is back, the status says what
        # the preview shows again ("the preview renderer stopped; starting it again" stayed)
        shown = pane.status.text()
        with qtbot.waitSignal(pane.worker.ready, timeout=120_000):
            os.kill(pane.worker.pid(), signal.SIGKILL)
        assert pane.status.text() == shown
        # killed with an edit on its way: once it is back, the status says it is updating
        # ("starting it again in 0.2 s" stayed until the preview came)
        pane.document.set_value(("reps", rep.id, "territory"), "Nordics and Baltics")
        with qtbot.waitSignal(pane.worker.ready, timeout=120_000):
            os.kill(pane.worker.pid(), signal.SIGKILL)
        assert pane.status.text().startswith("Updating the preview of")
        qtbot.waitUntil(lambda: pane.status.text().startswith("Preview of"), timeout=120_000)
    finally:
        pane.shutdown()
