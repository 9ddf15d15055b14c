"""A Python process the app starts and talks to by lines on its standard output (the preview's
render worker, the CRM export reader): unbuffered, its errors where the app's go (an unread pipe
would fill and block it), its output and its end handed to the owner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment


def child_process(parent: QObject, read: Callable[[], None],
                  died: Callable[[int, QProcess.ExitStatus], None]) -> QProcess:
    """A process, not yet started, owned by ``parent``: ``read`` when it writes, ``died`` when
    it ends."""
    process = QProcess(parent)
    env = QProcessEnvironment.systemEnvironment()
    env.insert("PYTHONUNBUFFERED", "1")
    process.setProcessEnvironment(env)
    process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
    process.readyReadStandardOutput.connect(read)
    process.finished.connect(died)
    return process
