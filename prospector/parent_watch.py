"""A process that works for another ends with it.

The app's export runs in a process of its own (``render_job``), which runs the reps' editions in
worker processes of its own (``render_all_reps``). Killed (the app's Cancel) or left (the app
quit or died), a parent's children went on: they wrote every rep's PDF after "Cancelled", then
waited for ever. ``end_with_parent`` has this process end as soon as the one that started it is
gone: a file being written then stays a temp file, which the next render removes.

On Linux the kernel does it (``prctl(PR_SET_PDEATHSIG)``): no thread is started, so the export
process stays single-threaded and may still fork its workers (``render._pool_context``).
Elsewhere a thread looks for the parent ten times a second.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

CHECK_S = 0.1  # how often the thread looks for the parent
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def end_with_parent() -> None:
    """From now on, this process ends once its parent process is gone."""
    parent = os.getppid()
    if sys.platform.startswith("linux") and _kernel_ends_it():
        if os.getppid() != parent:  # gone before the kernel was asked
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent,), daemon=True,
                     name="end-with-parent").start()


def _kernel_ends_it() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:  # a process whose parent is gone gets another one
        time.sleep(CHECK_S)
    os._exit(1)
