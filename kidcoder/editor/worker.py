"""FileWorker: runs ProjectFiles calls on one background thread so the window never waits for the disk.

The window submits work and drains results once per frame::

    worker = FileWorker(ProjectFiles())
    worker.submit("autosave", snapshot, tag="autosave")   # snapshot = a ProgramFile copy
    for result in worker.poll():                          # FileResult(action, tag, value, error)
        ...

Calls run one at a time, in the order submitted, so a save never overtakes
an earlier autosave of the same file.
"""
from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from typing import Any, List, Optional

from kidcoder.editor.files import ProgramFileError, ProjectFiles

ACTIONS = ("open", "save", "save_as", "autosave", "discard_autosave", "recoveries", "discard_recovery",
           "list_projects")


@dataclass
class FileResult:
    """What came back: the value of the call, or the ProgramFileError it raised (with a kind message key)."""
    action: str
    tag: Any
    value: Any = None
    error: Optional[ProgramFileError] = None


class FileWorker:
    """One daemon thread doing file operations; results wait in a queue for the UI thread."""

    def __init__(self, files: ProjectFiles):
        self.files = files
        self._jobs: "queue.Queue" = queue.Queue()
        self._results: "queue.Queue[FileResult]" = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="kidcoder-files", daemon=True)
        self._thread.start()

    def submit(self, action: str, *args, tag: Any = None) -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown file action {action!r}")
        self._jobs.put((action, args, tag))

    def poll(self, limit: int = 20) -> List[FileResult]:
        """Results that are ready (at most limit, so one frame never does too much)."""
        out = []
        while len(out) < limit:
            try:
                out.append(self._results.get_nowait())
            except queue.Empty:
                break
        return out

    def close(self, timeout: float = 5.0) -> None:
        """Finish the queued work (a last save must reach the disk), then stop the thread."""
        self._jobs.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            action, args, tag = job
            try:
                value = getattr(self.files, action)(*args)
                self._results.put(FileResult(action, tag, value))
            except ProgramFileError as exc:
                self._results.put(FileResult(action, tag, error=exc))
            except Exception as exc:  # an unexpected disk error must not kill the thread
                self._results.put(FileResult(action, tag, error=ProgramFileError(
                    "editor.file_problem", f"{action} failed: {type(exc).__name__}: {exc}")))
