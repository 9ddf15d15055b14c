import signal
import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl+C while it loads: no traceback (the command says it itself)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    print("prospector: error: interrupted; nothing was half-saved", file=sys.stderr)
    sys.exit(130)

sys.exit(main(whole_process=True))
