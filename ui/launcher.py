"""The ``prospector`` command: the CLI verbs, plus the desktop app for ``prospector [gui]``.

Qt is imported only when the app starts, so the command-line verbs stay quick and work where
no display is available.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from prospector.cli import main as cli_main
from prospector.errors import ProspectorError


def start_gui(plan_ref: str | None) -> int:
    try:
        from ui.app import run_app  # noqa: PLC0415 - Qt only when the app starts
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("ui"):
            raise ProspectorError(
                "the desktop app is not part of this version yet; the command-line verbs work "
                "(see `prospector --help`)"
            ) from None
        raise ProspectorError(f"the desktop app cannot start: {exc}") from None
    except ImportError as exc:
        raise ProspectorError(
            f"the desktop app cannot start: {exc}; run scripts/setup.sh to install what it needs"
        ) from None
    return run_app(plan_ref)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, start_gui=start_gui)


if __name__ == "__main__":
    sys.exit(main())
