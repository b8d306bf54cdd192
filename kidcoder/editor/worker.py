"""FileWorker: runs ProjectFiles calls on one background lane so the window never waits for the disk.

The window submits work and drains results once per frame::

    worker = FileWorker(ProjectFiles())
    worker.submit("autosave", snapshot, tag="autosave")   # snapshot = a ProgramFile copy
    for result in worker.poll():        # background.Result: kind (the action), tag, value, error
        ...

Calls run one at a time, in the order submitted, so a save never overtakes an
earlier autosave of the same file. A failed call's error is a ProgramFileError
(with a kind message key). The thread and its queue are kidcoder.background's.
"""
from __future__ import annotations

from typing import Any, List

from kidcoder.background import Result, Worker
from kidcoder.editor.files import ProgramFileError, ProjectFiles

ACTIONS = ("open", "save", "save_as", "autosave", "discard_autosave", "recoveries", "discard_recovery",
           "list_projects",
           # projects.store.ProgramStore's (the window's files): the collection of programs
           "list_programs", "save_named", "rename", "run_copy", "save_thumbnail", "remember_last", "open_last")


class FileWorker:
    """One lane of file operations; results wait for the UI thread."""

    def __init__(self, files: ProjectFiles):
        self.files = files
        self._worker = Worker()

    def submit(self, action: str, *args, tag: Any = None) -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown file action {action!r}")
        self._worker.submit(action, self._call, action, args, lane="files", tag=tag)

    @property
    def busy(self) -> int:
        """File operations submitted and not yet finished (an autosave on its way to the disk)."""
        return self._worker.busy

    def waiting(self) -> bool:
        """Results wait for poll()."""
        return self._worker.waiting()

    def poll(self, limit: int = 20) -> List[Result]:
        """Results that are ready (at most limit, so one frame never does too much)."""
        return self._worker.poll(limit)

    def close(self, timeout: float = 5.0) -> None:
        """Finish the queued work (a last save must reach the disk), then stop the thread."""
        self._worker.close(timeout)

    def _call(self, action: str, args: tuple):
        try:
            return getattr(self.files, action)(*args)
        except ProgramFileError:
            raise
        except Exception as exc:  # an unexpected disk error still gets a kind message
            raise ProgramFileError("editor.file_problem", f"{action} failed: {type(exc).__name__}: {exc}") from exc
