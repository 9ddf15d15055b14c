"""Render a playbook in a separate process and report progress as JSON lines on stdout.

The desktop app runs ``python -m prospector.render_job JOB.json``, so rendering (mostly Python,
holding the GIL) never stalls the window, and Cancel simply ends the process. The job file holds
``{"plan": <plan document>, "out": path, "rep": name|null, "start": "YYYY-MM-DD"|null,
"all_reps": bool, "readiness": bool, "language": the app's}``. Lines written, in that language:
``{"progress": 0.4, "stage": "..."}`` while working (from the first moment, then through
WeasyPrint's layout page by page), then ``{"done": [paths], "pages": n, "notes": [...],
"timings": {...}}`` or ``{"error": "one clear line"}``.

``notes`` is empty for an ordinary plan. For a very large one it holds one sentence per way the
playbook is reduced for print (accounts as a compact list, long texts cut with a marker, the
rep's later weeks left to the calendar export): the app shows them with the result, as the CLI
does on stderr. ``timings`` are seconds per stage (context, html, layout, write) of the last
playbook written.

The PDF appears at ``out`` only when complete (written in memory, then a temp file renamed into
place), so killing the process (Cancel) leaves no partial file there.
"""

from __future__ import annotations

import json
import sys
import traceback
from datetime import date
from pathlib import Path

from .errors import ProspectorError
from .messages import M_, Note, Say, error_said
from .parent_watch import end_with_parent
from .planfile import plan_from_document


def _say(**message) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run(job_path: str) -> int:
    job: dict = {}
    try:
        job = json.loads(Path(job_path).read_text("utf-8"))
        # read: the plan is not left in the temporary folder if the app cannot remove it
        Path(job_path).unlink(missing_ok=True)
        tell = Say(job.get("language") or "en")  # the stages in the app's language
        _say(progress=0.0, stage=tell(M_("Reading the plan")))
        plan = plan_from_document(job["plan"], "the plan being exported")
        start = date.fromisoformat(job["start"]) if job.get("start") else None
        _say(progress=0.01, stage=tell(M_("Loading the renderer")))
        # loading WeasyPrint takes a second: after the first progress line
        from .playbook import render_all_reps, render_playbook_pdf  # noqa: PLC0415 - WeasyPrint

        shown = [0.01]

        def progress(stage: str, fraction: float) -> None:
            shown[0] = max(shown[0], float(fraction))  # the bar never goes back
            _say(progress=round(shown[0], 3),
                 stage=stage.said(tell) if isinstance(stage, Note) else stage)

        if job.get("all_reps"):
            results = render_all_reps(plan, job["out"], start=start, progress=progress,
                                      notes_language=tell.language)
        else:
            results = [render_playbook_pdf(plan, job["out"], rep_name=job.get("rep"),
                                           start=start, progress=progress,
                                           readiness=bool(job.get("readiness")),
                                           notes_language=tell.language)]
        notes = list(dict.fromkeys(n for r in results for n in r.notes))  # once each
        _say(done=[str(r.path) for r in results], pages=sum(r.pages for r in results),
             notes=notes, timings={k: round(v, 2) for k, v in results[-1].timings.items()})
        return 0
    except ProspectorError as exc:
        _say(error=error_said(exc, Say(job.get("language") or "en")))  # in the app's language
        return 1
    except Exception as exc:  # noqa: BLE001 - reported to the app as one line (and the log)
        _say(error=Note("the playbook could not be rendered: {kind}: {problem}",
                        kind=type(exc).__name__, problem=str(exc)).said(
                            Say(job.get("language") or "en")),
             details=traceback.format_exc())
        return 1


if __name__ == "__main__":
    end_with_parent()  # the app quit or died: this export (and so its workers) ends too
    sys.exit(run(sys.argv[1]))
