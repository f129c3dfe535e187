"""When a screen fails anyway: the traceback goes to a log file, and a public or display screen is
started again, unless it keeps failing (then the command exits with EXIT_CRASHING for a supervisor)."""
from __future__ import annotations

import os
import time
import traceback
from collections import deque
from datetime import datetime, timezone
from pathlib import Path

from platformdirs import user_log_dir

EXIT_CRASHING = 70  # EX_SOFTWARE: restarting did not help
MAX_CRASHES = 5
CRASH_WINDOW_SECONDS = 60.0


def crash_log_path() -> Path:
    folder = os.environ.get("KIOSK_LOG_DIR") or user_log_dir("event-kiosk", appauthor=False)
    return Path(folder) / "crashes.log"


def log_crash(error: BaseException, screen: str = "") -> Path | None:
    """Append ERROR's traceback to the crash log; the log's path, or None if it cannot be written."""
    path = crash_log_path()
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {stamp} pid {os.getpid()} screen {screen or '?'}\n{''.join(lines)}\n")
    except OSError:
        return None
    return path


class CrashCounter:
    """Crashes within the last WINDOW seconds; too many means restarting does not help."""

    def __init__(self, limit: int = MAX_CRASHES, window: float = CRASH_WINDOW_SECONDS):
        self.limit, self.window = limit, window
        self._times: deque[float] = deque()

    def crashed(self) -> bool:
        """Count one crash; True when that makes too many."""
        now = time.monotonic()
        self._times.append(now)
        while self._times and now - self._times[0] > self.window:
            self._times.popleft()
        return len(self._times) >= self.limit
