"""The checks that guard the design, run by the suite (CI runs exactly the test command).

- ruff, with the rule set of pyproject.toml, finds nothing in the repository;
- import-linter keeps every contract of .importlinter (the domain never imports Qt or ui; each
  layer imports only the layers below it: docs/architecture.md);
- mypy finds no error in prospector/, and no more in ui/ than tests/mypy_ui_baseline.txt says
  (a count that can only go down: lower it when you fix some).

Each runs as its own program, from the venv that runs the tests. Run them alone with
``.venv/bin/ruff check .``, ``.venv/bin/lint-imports`` and ``.venv/bin/mypy prospector ui``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent
UI_BASELINE = Path(__file__).with_name("mypy_ui_baseline.txt")
# Generous: a slow machine must never fail these for being slow (a cold mypy takes ~5-20 s).
LIMIT_S = 600
_ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+(?::\d+)?: error: ", re.MULTILINE)


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = BIN / tool
    if not exe.exists():
        pytest.fail(f"{exe} is missing: install the test extras (bash .ci/setup --test)")
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([str(exe), *args], cwd=REPO, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=LIMIT_S)


def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, (
        "ruff (rules in pyproject.toml) found problems; `.venv/bin/ruff check --fix .` fixes the "
        "safe ones. An import inside a function or a blind except needs "
        "`# noqa: PLC0415 - reason` / `# noqa: BLE001 - reason`.\n"
        f"{result.stdout}{result.stderr}")


def test_import_contracts_are_kept():
    result = _run("lint-imports", "--no-cache")
    assert result.returncode == 0 and "0 broken" in result.stdout, (
        "an import breaks a contract of .importlinter (docs/architecture.md: the layers):\n"
        f"{result.stdout[result.stdout.find('Contracts'):]}{result.stderr}")


def ui_baseline() -> int:
    lines = [ln for ln in UI_BASELINE.read_text("utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return int(lines[0])


def test_mypy_finds_no_error_in_the_domain_and_no_new_one_in_the_app():
    # One run for both (its cache in .mypy_cache): ui imports most of prospector anyway.
    result = _run("mypy", "--no-color-output", "--no-error-summary", "--no-pretty",
                  "prospector", "ui")
    if result.returncode not in (0, 1):  # 2: mypy itself failed (its options, a crash)
        pytest.fail(f"mypy did not run (exit status {result.returncode}):\n"
                    f"{result.stdout}{result.stderr}")
    errors = [m.group(0) + result.stdout[m.end():].split("\n", 1)[0]
              for m in _ERROR.finditer(result.stdout)]
    domain = [e for e in errors if e.startswith("prospector/")]
    app = [e for e in errors if e.startswith("ui/")]
    elsewhere = [e for e in errors if e not in domain and e not in app]
    assert not domain + elsewhere, (
        f"mypy: {len(domain + elsewhere)} errors outside ui/, where there must be none:\n"
        + "\n".join(domain + elsewhere))
    baseline = ui_baseline()
    assert len(app) <= baseline, (
        f"mypy: {len(app)} errors in ui/, more than the {baseline} of "
        f"{UI_BASELINE.relative_to(REPO)}: type the new code (Qt enums in their long form, "
        "e.g. Qt.ItemDataRole.DisplayRole). All of them:\n" + "\n".join(app))
    assert len(app) == baseline, (
        f"mypy: {len(app)} errors in ui/, fewer than the {baseline} of "
        f"{UI_BASELINE.relative_to(REPO)}: well done; write {len(app)} there, so that the count "
        "can only go down")
