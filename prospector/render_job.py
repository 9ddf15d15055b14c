"""Render a playbook in a separate process and report progress as JSON lines on stdout.

The desktop app runs ``python -m prospector.render_job JOB.json``, so rendering (mostly Python,
holding the GIL) never stalls the window, and Cancel simply ends the process. The job file holds
``{"plan": <plan document>, "out": path, "rep": name|null, "start": "YYYY-MM-DD"|null,
"all_reps": bool, "readiness": bool}``. Lines written: ``{"progress": 0.4, "stage": "..."}`` while working, then
``{"done": [paths], "pages": n}`` or ``{"error": "one clear line"}``.
"""

from __future__ import annotations

import json
import sys
import traceback
from datetime import date
from pathlib import Path

from .errors import ProspectorError
from .planfile import plan_from_document


def _say(**message) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run(job_path: str) -> int:
    try:
        job = json.loads(Path(job_path).read_text("utf-8"))
        plan = plan_from_document(job["plan"], "the plan being exported")
        start = date.fromisoformat(job["start"]) if job.get("start") else None
        from .playbook import render_all_reps, render_playbook_pdf  # noqa: PLC0415

        def progress(stage: str, fraction: float) -> None:
            _say(progress=round(float(fraction), 3), stage=stage)

        if job.get("all_reps"):
            results = render_all_reps(plan, job["out"], start=start, progress=progress)
        else:
            results = [render_playbook_pdf(plan, job["out"], rep_name=job.get("rep"),
                                           start=start, progress=progress,
                                           readiness=bool(job.get("readiness")))]
        _say(done=[str(r.path) for r in results], pages=sum(r.pages for r in results))
        return 0
    except ProspectorError as exc:
        _say(error=str(exc))
        return 1
    except Exception as exc:  # noqa: BLE001 - reported to the app as one line (and the log)
        _say(error=f"the playbook could not be rendered: {type(exc).__name__}: {exc}",
             details=traceback.format_exc())
        return 1


if __name__ == "__main__":
    sys.exit(run(sys.argv[1]))
