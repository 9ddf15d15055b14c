"""No command opens a network socket: every CLI verb, the desktop app, and a plan full of hostile
text printed to PDF.

Each command runs as a user runs it, in a fresh process. Every Python process it starts (the
command, forked render workers, the app's preview renderer) loads a ``sitecustomize`` that installs
an audit hook (``sys.addaudithook``) and logs socket creation, connect, bind, sends, name lookups
and URL opens. Where ``strace`` works, the whole process tree is traced as well, which also sees
sockets opened by native code (Qt, fontconfig, glibc). AF_UNIX sockets are allowed (worker
processes talk over socket pairs); an AF_INET or AF_INET6 socket, a connect to a network address or
a host name lookup fails the test.

The figure ("sockets opened: 0 across N commands") is printed for docs/RELIABILITY.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from prospector.model import Plan
from prospector.planfile import write_plan_file
from tests.conftest import REPO

AF_UNIX = 1
# The longest one command may run before the test gives up on it (a hang): far beyond what the
# slowest (the app: start, render its preview in another process, autosave, close) takes on a
# loaded machine, so no result depends on the machine's speed.
CAP_S = 600
NETWORK_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                  "socket.getnameinfo", "urllib.Request", "http.client.connect",
                  "ftplib.connect", "smtplib.connect", "poplib.connect", "imaplib.open",
                  "nntplib.connect", "webbrowser.open"}
SOCKET_EVENTS = {"socket.__new__", "socket.connect", "socket.bind", "socket.sendto",
                 "socket.sendmsg"}

SITECUSTOMIZE = textwrap.dedent('''
    """Test harness (tests/test_no_network.py): log every socket and network event."""
    import os
    import sys

    _LOG = os.environ.get("PROSPECTOR_AUDIT_LOG")
    if _LOG:
        import json as _json

        _FD = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        _WATCH = %r

        def _family(sock):
            try:
                return int(sock.family)
            except Exception:  # noqa: BLE001 - any object: no family, not watched
                return None

        def _audit(event, args):
            if event not in _WATCH:
                return
            if event == "socket.__new__":
                record = {"family": int(args[1]) if args[1] is not None else None}
            elif event.startswith("socket.") and event != "socket.getaddrinfo" and args and \\
                    hasattr(args[0], "family"):
                record = {"family": _family(args[0]), "args": [repr(a) for a in args[1:]]}
            else:
                record = {"args": [repr(a)[:200] for a in args]}
            record.update(pid=os.getpid(), event=event)
            os.write(_FD, (_json.dumps(record) + "\\n").encode())

        def _log_process(event):
            record = {"pid": os.getpid(), "ppid": os.getppid(), "event": event,
                      "argv": [a[:80] for a in sys.argv[:3]]}
            os.write(_FD, (_json.dumps(record) + "\\n").encode())

        sys.addaudithook(_audit)
        _log_process("process.start")  # a new interpreter: the hook is in place
        os.register_at_fork(after_in_child=lambda: _log_process("process.fork"))
''') % (sorted(NETWORK_EVENTS | SOCKET_EVENTS),)


def _strace_works() -> bool:
    if not shutil.which("strace"):
        return False
    try:
        probe = subprocess.run(
            ["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=socket", "-e", "signal=none",
             "-o", os.devnull, sys.executable, "-c", "pass"],
            capture_output=True, timeout=CAP_S)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


STRACE = _strace_works()
_STRACED = re.compile(r"^\d+\s+(socket|connect|bind|sendto|sendmsg)\((.*)")


@dataclass
class Run:
    name: str
    argv: list[str]
    code: int
    seconds: float
    stdout: str
    stderr: str
    events: list[dict] = field(default_factory=list)
    syscalls: list[str] = field(default_factory=list)

    @property
    def processes(self) -> set[int]:
        """The Python processes that ran with the hook in place."""
        return {e["pid"] for e in self.events if e["event"].startswith("process.")}

    @property
    def network(self) -> list[str]:
        """Every sign of network use: AF_INET/AF_INET6 sockets (by the audit hook or strace),
        name lookups, URL opens."""
        found = []
        for e in self.events:
            if e["event"] in NETWORK_EVENTS:
                found.append(f"{e['event']} {e.get('args')}")
            elif e["event"] in SOCKET_EVENTS and e.get("family") != AF_UNIX:
                found.append(f"{e['event']} family={e.get('family')} {e.get('args', '')}")
        for call in self.syscalls:
            if re.search(r"\bAF_INET6?\b", call):
                found.append(f"strace: {call}")
        return found

    @property
    def unix_sockets(self) -> int:
        return sum(1 for e in self.events
                   if e["event"] == "socket.__new__" and e.get("family") == AF_UNIX)


class Harness:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.hook_dir = root / "hook"
        self.hook_dir.mkdir()
        (self.hook_dir / "sitecustomize.py").write_text(SITECUSTOMIZE, "utf-8")
        self.data = root / "data"
        self.runs: list[Run] = []

    def env(self, name: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            PYTHONPATH=os.pathsep.join([str(self.hook_dir), str(REPO)]
                                       + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])),
            PROSPECTOR_AUDIT_LOG=str(self.root / f"audit-{name}.jsonl"),
            PROSPECTOR_DATA_DIR=str(self.data),
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(self.root / "config"),
            PYTHONDONTWRITEBYTECODE="1",
        )
        return env

    def run(self, name: str, argv: list[str], *, script: str | None = None,
            timeout: float = CAP_S) -> Run:
        """``prospector ARGV`` (or ``python -c SCRIPT``) in a fresh, watched process tree."""
        code = script or "import sys; from prospector.cli import main; sys.exit(main(sys.argv[1:]))"
        cmd = [sys.executable, "-c", code, *argv]
        trace = self.root / f"strace-{name}.txt"
        if STRACE:
            cmd = ["strace", "-f", "-qq", "--seccomp-bpf", "-e",
                   "trace=socket,connect,bind,sendto,sendmsg", "-e", "signal=none",
                   "-o", str(trace), *cmd]
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=self.env(name),
                              cwd=self.root, timeout=timeout)
        run = Run(name, argv, done.returncode, time.perf_counter() - started, done.stdout,
                  done.stderr)
        log = self.root / f"audit-{name}.jsonl"
        if log.exists():
            run.events = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
        if trace.exists():
            run.syscalls = [m.group(1) + "(" + m.group(2) for m in
                            map(_STRACED.match, trace.read_text("utf-8", "replace").splitlines())
                            if m]
        self.runs.append(run)
        return run


# --- the plans --------------------------------------------------------------------------------
TWO_REPS = {
    "name": "Two reps",
    "basics": {"start_date": "2027-03-08"},
    "accounts": [{"id": "a1", "name": "Alpha AG", "tier": "A"},
                 {"id": "a2", "name": "Beta BV", "tier": "B"}],
    "cadences": [{"name": "All", "steps": [{"day": 0, "channel": "phone"},
                                           {"day": 5, "channel": "email", "is_ask": True}]}],
    "reps": [{"name": "Jürgen Groß", "account_ids": ["a1"]},
             {"name": "Beth O'Neil", "account_ids": ["a2"]}],
}
HOSTILE = [
    '<img src="http://127.0.0.1:9/x.png">',
    "file:///etc/passwd",
    '<link rel=stylesheet href=http://127.0.0.1:9/s.css>',
    "url(http://127.0.0.1:9/font.woff)",
    '<a rel="attachment" href="file:///etc/passwd">attach</a>',
    "<style>@import url(http://127.0.0.1:9/i.css); p { background: url(file:///etc/shadow) }"
    "</style>",
    '<svg><image href="http://127.0.0.1:9/s.png"/></svg>',
    '<iframe src="http://127.0.0.1:9/"></iframe><object data="file:///etc/passwd"></object>',
]


def _hostile_plan() -> Plan:
    evil = " ".join(HOSTILE)
    return Plan.model_validate({
        "name": 'Hostile <img src="http://127.0.0.1:9/n.png">',
        "basics": {"company": evil, "offering": evil, "goal": evil, "strategy": evil},
        "ideal_client_profile": {"industries": HOSTILE, "notes": evil},
        "accounts": [{"id": "a1", "name": "Acc <link rel=stylesheet href=http://127.0.0.1:9/>",
                      "tier": "A", "website": "http://127.0.0.1:9/", "why": evil, "notes": evil,
                      "contacts": [{"name": "C", "email": "x@127.0.0.1.example", "notes": evil}]}],
        "personas": [{"id": "p1", "role": "Role url(http://127.0.0.1:9/)", "value_means": evil}],
        "touches": [{"id": "t1", "title": "Touch", "channel": "email", "message": evil,
                     "asset": evil, "persona_ids": ["p1"]}],
        "differentiators": [{"difference": "Diff file:///etc/passwd", "proof": evil,
                             "talk_track": evil}],
        "cadences": [{"name": "Cad <img src=http://127.0.0.1:9/c.png>",
                      "steps": [{"day": 0, "channel": "email", "touch_id": "t1",
                                 "objective": evil, "is_ask": True}]}],
        "accountability": {"targets": [{"metric": "Meetings", "per_rep": 3}], "review": evil},
        "reps": [{"name": "Rep", "account_ids": ["a1"], "territory": evil}],
    })


GUI_SCRIPT = textwrap.dedent('''
    import os, sys, time
    from PySide6.QtCore import QSettings, QTimer
    from prospector.store import PlanStore
    from ui.app import choose_plan, make_application

    app = make_application()
    from ui.main_window import MainWindow

    settings = QSettings(os.path.join(os.environ["XDG_CONFIG_HOME"], "settings.ini"),
                         QSettings.IniFormat)
    store = PlanStore()
    plan = choose_plan(store, sys.argv[1], settings)  # opened from a plan file, as
    # `prospector plan.json` does: a small plan, so its preview renders in seconds
    window = MainWindow(store, plan, settings)
    window.show()
    window.preview_dock.show()
    window.preview_dock.raise_()  # the preview renders in a separate process
    started = time.monotonic()
    state = {"edited": False, "saved": 0}
    window.autosaver.saved.connect(lambda *_: state.__setitem__("saved", state["saved"] + 1))

    def tick():
        elapsed = time.monotonic() - started
        if not state["edited"] and elapsed > 1.0:
            state["edited"] = window.document.set_value(("basics", "goal"), "Edited offscreen")
            window.autosaver.save_now()
        previewed = window.preview.status.text().startswith("Preview of the leader")
        if (previewed and state["saved"]) or elapsed > GIVE_UP_S:  # before the harness gives up
            print("preview:", window.preview.status.text())
            print("saved:", state["saved"])
            window.close()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(100)
    sys.exit(app.exec())
''').replace("GIVE_UP_S", str(CAP_S // 2))


# --- running everything once ------------------------------------------------------------------
@pytest.fixture(scope="module")
def harness(tmp_path_factory) -> Harness:
    h = Harness(tmp_path_factory.mktemp("no-network"))
    root = h.root
    small = write_plan_file(Plan.model_validate(TWO_REPS), root / "two-reps.json")
    hostile = write_plan_file(_hostile_plan(), root / "hostile.json")
    csv_sf = REPO / "tests" / "data" / "salesforce-accounts-report.csv"
    csv_hs = REPO / "tests" / "data" / "hubspot-companies-export.csv"

    imported = h.run("import-sample", ["import", "--sample"])
    plan_id = imported.stdout.strip() or "plan-sample01"
    h.run("list", ["list"])
    h.run("export-json", ["export-json", plan_id, "-o", str(root / "exported.json")])
    h.run("history", ["history", plan_id])
    h.run("check", ["check", plan_id])
    h.run("check-json", ["check", str(root / "exported.json"), "--format", "json"])
    h.run("accounts-file", ["accounts", str(root / "exported.json"), "--import", str(csv_sf)])
    h.run("accounts-store", ["accounts", plan_id, "--import", str(csv_hs)])
    h.run("restore", ["restore", plan_id, "1"])  # (the current version restores nothing)
    h.run("schedule", ["schedule", plan_id, "--rep", "Mette Sørensen", "--start", "2027-01-11",
                       "--ics", str(root / "mette.ics"), "--csv", str(root / "mette.csv")])
    h.run("pdf-leader", ["pdf", str(small), "-o", str(root / "leader.pdf")])
    h.run("pdf-rep", ["pdf", str(small), "-o", str(root / "rep.pdf"), "--rep", "Jürgen Groß",
                      "--start", "2027-03-08"])
    h.run("pdf-all-reps", ["pdf", str(small), "--all-reps", "-o", str(root / "reps")])
    h.run("pdf-hostile", ["pdf", str(hostile), "-o", str(root / "hostile.pdf")])
    h.run("gui", [str(small)], script=GUI_SCRIPT)
    return h


def _by_name(harness: Harness, name: str) -> Run:
    return next(r for r in harness.runs if r.name == name)


def test_the_watch_sees_a_real_connection_attempt(tmp_path):
    """The harness is not blind: a process that tries 127.0.0.1:9 is caught."""
    h = Harness(tmp_path)
    run = h.run("probe", [], script=(
        "import socket\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=2)\n"
        "except OSError:\n    pass\n"
        "socket.getaddrinfo('localhost', 80)\n"))
    assert run.code == 0, run.stderr
    events = {e["event"] for e in run.events}
    assert {"socket.__new__", "socket.connect", "socket.getaddrinfo"} <= events
    assert any("family=2" in n for n in run.network)
    if STRACE:
        assert any(n.startswith("strace: socket(AF_INET") for n in run.network), run.syscalls


@pytest.mark.parametrize("name", [
    "import-sample", "list", "export-json", "history", "restore", "check", "check-json",
    "accounts-file", "accounts-store", "schedule", "pdf-leader", "pdf-rep", "pdf-all-reps",
])
def test_cli_verb_opens_no_network_socket(harness, name):
    run = _by_name(harness, name)
    assert run.code == 0, f"{run.argv}: {run.stderr}"
    assert run.processes, "the audit hook was not in place"
    assert run.network == [], f"{name} used the network: {run.network[:5]}"


def test_cli_verbs_did_their_work(harness):
    root = harness.root
    assert "Europe new business" in _by_name(harness, "list").stdout
    assert json.loads((root / "exported.json").read_text("utf-8"))["format"] == "prospector-plan"
    assert "(current)" in _by_name(harness, "history").stdout
    assert "Restored" in _by_name(harness, "restore").stdout
    assert json.loads(_by_name(harness, "check-json").stdout)
    assert (root / "mette.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")
    assert (root / "mette.csv").stat().st_size > 0
    assert (root / "leader.pdf").stat().st_size > 0 and (root / "rep.pdf").stat().st_size > 0
    assert sorted(p.name for p in (root / "reps").glob("*.pdf")) == [
        "two-reps-playbook-beth-o-neil.pdf", "two-reps-playbook-jurgen-gross.pdf"]


def test_every_python_process_was_watched(harness):
    """The render workers of --all-reps (forked) and the app's preview renderer (a new
    interpreter) ran with the hook in place too."""
    assert len(_by_name(harness, "pdf-all-reps").processes) >= 3  # the command + 2 workers
    gui = _by_name(harness, "gui")
    starts = [e for e in gui.events if e["event"] == "process.start"]
    app = {e["pid"] for e in starts if e["argv"][:1] != ["-m"]}
    # the preview's render worker: python -m prospector.render_worker, started by the app (a
    # module run shows its argv as ["-m"] while the interpreter starts, when the hook logs it)
    assert any(e["argv"][:1] == ["-m"] and e["ppid"] in app for e in starts), starts


def test_the_desktop_app_opens_no_network_socket(harness):
    """The app starts offscreen with the sample, renders its preview in a separate process,
    autosaves an edit and closes: no AF_INET/AF_INET6 socket in any of its processes."""
    run = _by_name(harness, "gui")
    assert run.code == 0, run.stderr[-2000:]
    assert "preview: Preview of the leader's edition" in run.stdout, run.stdout + run.stderr[-2000:]
    assert "saved: 0" not in run.stdout
    assert run.network == [], f"the app used the network: {run.network[:5]}"


def test_hostile_text_fetches_nothing_prints_literally_and_opens_no_socket(harness, capsys):
    run = _by_name(harness, "pdf-hostile")
    assert run.code == 0, run.stderr
    assert run.network == [], f"rendering hostile text used the network: {run.network[:5]}"
    pdf = harness.root / "hostile.pdf"
    literal, embedded = "not checked (no pdftotext)", "not checked (no pdfdetach)"
    if shutil.which("pdftotext"):
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        found = [i for i in HOSTILE if " ".join(i.split()) in text]
        literal = f"{len(found)} of {len(HOSTILE)} printed literally"
        assert found == HOSTILE
    if shutil.which("pdfdetach"):
        listed = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True,
                                check=True).stdout
        embedded = listed.strip().splitlines()[0]
        assert "0 embedded files" in listed
    with capsys.disabled():
        print(f"\nhostile plan printed by `prospector pdf`: {len(HOSTILE)} injections "
              f"(img, link, @import, url(), file://, attachment, svg image, iframe/object), "
              f"{literal}, {len(run.network)} sockets, {embedded}")


def test_sockets_opened_figure(harness, capsys):
    commands = len(harness.runs)
    inet = sum(len(r.network) for r in harness.runs)
    unix = sum(r.unix_sockets for r in harness.runs)
    how = "audit hook in every Python process" + (" + strace of every process" if STRACE else "")
    with capsys.disabled():
        print(f"\nsockets opened: {inet} across {commands} commands "
              f"(AF_INET/AF_INET6 and name lookups; {unix} AF_UNIX sockets for worker processes, "
              f"allowed; {how}; {sum(r.seconds for r in harness.runs):.0f} s)")
    assert inet == 0
