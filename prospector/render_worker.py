"""The preview's renderer: one long-lived process that renders playbooks on request.

``python -m prospector.render_worker`` loads WeasyPrint, the fonts, the templates and the
stylesheets once (a ``Renderer``), renders a small plan to warm them, says ``{"ready": true}``,
then reads requests, one JSON object a line, on stdin:

* ``{"id": 7, "plan": {...}, "out": "/tmp/.../preview-7.pdf", "section": ["cadences"],
  "rep": null, "item": "acc-3f9a...", "language": "de"}``: render (``section`` null: the
  whole playbook; ``rep``: a rep's edition; a part prints a long account list only around
  ``item``, see ``playbook.excerpt``). The plan comes without its actuals' facts: a rep's
  edition also gets ``"rep_actuals": {"2027-W05": [38, 7, null], ...}``, the rep's actual per
  target and week (``review.rep_actuals_by_week``), for the scorecard. A request cancels
  every older one: a render under way stops at WeasyPrint's next page, one waiting is dropped;
  each is answered ``{"id": 6, "cancelled": true}``.
* ``{"cancel": 7}``: the same for request 7 only.
* ``{"quit": true}``, or the end of stdin (the app closed or died): exit.

Answers, one JSON object a line, on stdout: ``{"id": 7, "done": path, "pages": 3,
"items": {"acc-...": [2, 0.41], "sec-cadences": [0, 0.05], ...}, "seconds": 0.4,
"timings": {...}}`` (``items``: item id -> the index of the page it is printed on and how far
down that page, 0 to 1; see ``playbook.item_pages``), or
``{"id": 7, "error": "one line"}`` in the request's ``language`` (the app's). Log lines of
WeasyPrint go to stderr.

Domain only: no Qt here (the app's client is ``ui/preview_worker.py``).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Any

from .errors import ProspectorError
from .messages import Note, Say, error_said
from .model import Plan
from .planfile import plan_from_document


class Requests:
    """The newest render request and the cancelling of older ones, shared by the thread that
    reads stdin and the one that renders."""

    def __init__(self, say) -> None:
        self.say = say
        self.condition = threading.Condition()
        self.waiting: dict[str, Any] | None = None  # the newest request not yet started
        self.running: int | None = None  # the id being rendered
        self.stop_running = False
        self.closed = False

    def add(self, request: dict[str, Any]) -> None:
        with self.condition:
            if self.waiting is not None:
                self.say(id=self.waiting["id"], cancelled=True)
            self.waiting = request
            if self.running is not None:
                self.stop_running = True  # a newer one came: the render under way is stale
            self.condition.notify()

    def cancel(self, request_id: Any) -> None:
        with self.condition:
            if self.waiting is not None and self.waiting["id"] == request_id:
                self.say(id=request_id, cancelled=True)
                self.waiting = None
            if self.running == request_id:
                self.stop_running = True

    def close(self) -> None:
        with self.condition:
            self.closed = True
            self.stop_running = True
            self.condition.notify()

    def next(self) -> dict[str, Any] | None:
        """The next request to render (it becomes the running one); None once closed."""
        with self.condition:
            while self.waiting is None and not self.closed:
                self.condition.wait()
            request, self.waiting = self.waiting, None
            if self.closed or request is None:
                return None
            self.running, self.stop_running = request["id"], False
            return request

    def finished(self) -> None:
        with self.condition:
            self.running, self.stop_running = None, False

    def stale(self) -> bool:
        return self.stop_running  # read without the lock: a bool, checked at every page


def read_requests(stream, requests: Requests) -> None:
    """Read requests until ``quit`` or the end of ``stream``."""
    for line in stream:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if not isinstance(message, dict):
            continue
        if message.get("quit"):
            break
        if "cancel" in message:
            requests.cancel(message["cancel"])
        elif "id" in message and "plan" in message:
            requests.add(message)
    requests.close()


def render(renderer, request: dict[str, Any], stale) -> dict[str, Any]:
    """One request rendered: the answer to write."""
    from .playbook.item_pages import item_pages  # noqa: PLC0415 - with the renderer

    plan = plan_from_document(request["plan"], "the plan being previewed")
    result = renderer.render(plan, request["out"], rep_name=request.get("rep"),
                             section=request.get("section"), tagged=False, cancelled=stale,
                             excerpt=request.get("section") is not None,
                             focus=request.get("item"),
                             rep_actuals=request.get("rep_actuals"))
    return {"done": str(result.path), "pages": result.pages,
            "items": item_pages(plan, result.path, result.anchors),
            "seconds": round(result.seconds, 3),
            "timings": {k: round(v, 3) for k, v in result.timings.items()},
            "notes": list(result.notes)}


def _warm(renderer) -> None:
    """A first render loads the fonts and fills the caches: done before the first request."""
    with tempfile.TemporaryDirectory(prefix="prospector-warm-") as folder:
        renderer.render(Plan(name="Warming up"), Path(folder) / "warm.pdf",
                        section=["cover", "basics"], tagged=False)


def main() -> int:
    out_lock = threading.Lock()

    def say(**message: Any) -> None:
        with out_lock:
            try:
                sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            except (BrokenPipeError, ValueError):  # the app is gone: no one to tell, no trace
                os._exit(0)

    from .playbook.render import RenderCancelled, Renderer  # noqa: PLC0415 - WeasyPrint

    renderer = Renderer()
    _warm(renderer)
    requests = Requests(say)
    reader = threading.Thread(target=read_requests, args=(sys.stdin, requests),
                              name="requests", daemon=True)
    reader.start()
    say(ready=True)
    while (request := requests.next()) is not None:
        try:
            say(id=request["id"], **render(renderer, request, requests.stale))
        except RenderCancelled:
            say(id=request["id"], cancelled=True)
        except ProspectorError as exc:
            say(id=request["id"], error=error_said(exc, Say(request.get("language") or "en")))
        except Exception as exc:  # noqa: BLE001 - one line to the app, details on stderr
            # a fault of ours, or the app updated under this process (its templates newer than
            # its code): this process ends, and the app asks a new one once more
            traceback.print_exc()
            say(id=request["id"], broken=True, error=Note(
                "the preview could not be rendered: {kind}: {problem}", kind=type(exc).__name__,
                problem=str(exc)).said(Say(request.get("language") or "en")))
            return 1
        finally:
            requests.finished()
            del request
            gc.collect()  # WeasyPrint's boxes hold cycles: freed now, not at a random moment
    return 0


if __name__ == "__main__":
    sys.exit(main())
