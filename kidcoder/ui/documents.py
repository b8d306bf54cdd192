"""The open program: its file, saving and autosaving through the editor's FileWorker (off the UI thread).

Every file call goes to one background thread in order, so a Save never
overtakes an earlier autosave and the window never waits for the disk. The
keeper sends snapshots (copies), never the live document, to that thread.
A program without a name is never saved under a made-up one: Run writes a
hidden run copy, and the autosave keeps its text until the child names it.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable, List, Optional

from kidcoder.editor.files import AutosaveTimer, ProgramFile
from kidcoder.editor.worker import FileWorker
from kidcoder.projects.store import ProgramStore

SAVES = ("save", "save_named")


class DocumentKeeper:
    """Owns the current ProgramFile; the app calls edited() on each change and tick() each frame."""

    def __init__(self, files: Optional[ProgramStore] = None, worker=None):
        self.files = files or ProgramStore()
        self.worker = worker or FileWorker(self.files)
        self.doc: ProgramFile = self.files.new("")
        self.hint = ""                 # what a made game was made from (a name is suggested from it)
        self.timer = AutosaveTimer()
        self.pending_saves = 0
        self._save_versions = {}
        self._named_from = {}          # tag of a save under a new name -> the path the document had
        self._saved_doc = {}           # tag of a save -> the id of the document it saved
        self._tags = 0

    @property
    def path(self) -> Optional[Path]:
        return self.doc.path

    def _snapshot(self, text: str) -> ProgramFile:
        self.doc.text = text
        return dataclasses.replace(self.doc)

    def _tag(self, kind: str):
        self._tags += 1
        return (kind, self._tags)

    def new(self, text: str = "", hint: str = "") -> None:
        self.doc = self.files.new(text)
        self.hint = hint
        self.timer.done()

    def adopt(self, document: ProgramFile) -> None:
        """Take an opened or recovered document as the current one."""
        self.doc = document
        self.hint = ""
        self.timer.done()

    def edited(self) -> None:
        self.timer.edited()

    def save(self, text: str, version: int, purpose: str = "save") -> tuple:
        """Queue a save of text (version = the editor's buffer version); returns the tag of the result.

        A program without a name gets only a hidden run copy (purpose "run"); naming it is save_named()."""
        tag = self._tag(purpose)
        if self.doc.path is None:
            if purpose != "run":
                raise ValueError("a program without a name is saved with save_named()")
            self.worker.submit("run_copy", self._snapshot(text), tag=tag)
            return tag
        self._save_versions[tag] = version
        self._saved_doc[tag] = self.doc.untitled_id
        self.pending_saves += 1
        self.timer.done()
        self.worker.submit("save", self._snapshot(text), tag=tag)
        return tag

    def save_named(self, text: str, version: int, path, replace: bool = False, purpose: str = "save") -> tuple:
        """Queue a save under a name the child chose (the first save, or Save as)."""
        tag = self._tag(purpose)
        self._save_versions[tag] = version
        self._saved_doc[tag] = self.doc.untitled_id
        self.pending_saves += 1
        self.timer.done()
        snapshot = self._snapshot(text)
        self._named_from[tag] = self.doc.path
        self.doc.path = Path(path)          # from now on autosaves belong to the new name
        self.worker.submit("save_named", snapshot, Path(path), replace, tag=tag)
        return tag

    def rename(self, program, new_path) -> tuple:
        """Queue a rename; the result's tag is ("rename", n, the old path)."""
        tag = self._tag("rename") + (str(program),)
        self.worker.submit("rename", Path(program), Path(new_path), tag=tag)
        return tag

    def saved_version(self, tag) -> Optional[int]:
        """The editor version a finished save wrote, or None when the save was of another document
        (the child opened or started another program meanwhile)."""
        self._named_from.pop(tag, None)
        version = self._save_versions.pop(tag, None)
        return version if self._saved_doc.pop(tag, None) == self.doc.untitled_id else None

    def is_current(self, tag) -> bool:
        """Was the save with this tag one of the open document (not of one closed since)?"""
        return self._saved_doc.get(tag) == self.doc.untitled_id

    def save_failed(self, tag) -> None:
        """A save under a new name did not happen: the document keeps the name it had."""
        self._save_versions.pop(tag, None)
        current = self._saved_doc.pop(tag, None) == self.doc.untitled_id
        if tag in self._named_from:
            previous = self._named_from.pop(tag)
            if current:
                self.doc.path = previous

    def tick(self, get_text: Callable[[], str], modified: bool) -> None:
        """Autosave when it is due (only unsaved work is autosaved)."""
        if self.timer.due():
            self.timer.done()
            if modified:
                self.worker.submit("autosave", self._snapshot(get_text()), tag=self._tag("autosave"))

    def open(self, path) -> tuple:
        tag = self._tag("open")
        self.worker.submit("open", Path(path), tag=tag)
        return tag

    def open_last(self) -> tuple:
        """Bring back the program that was open when the window last closed (result None: there is none)."""
        tag = self._tag("last")
        self.worker.submit("open_last", tag=tag)
        return tag

    def ask_recoveries(self) -> None:
        self.worker.submit("recoveries", tag=self._tag("recoveries"))

    def discard_autosave(self) -> None:
        self.worker.submit("discard_autosave", dataclasses.replace(self.doc), tag=self._tag("discard"))

    def results_waiting(self) -> bool:
        """The file worker has results for poll() (a worker that cannot say: always)."""
        waiting = getattr(self.worker, "waiting", None)
        return waiting is None or waiting()

    def poll(self) -> List[object]:
        results = self.worker.poll()
        for result in results:
            if result.kind in SAVES:
                self.pending_saves -= 1
        return results

    def close(self) -> None:
        self.worker.close()

    def rescue(self, editor) -> None:
        """KidCoder itself broke: keep the child's unsaved text in the autosave folder right now, so the next
        start offers it back (never raises: the window is going down already)."""
        try:
            if editor.view.buffer.modified:
                self.doc.text = editor.get_text()
                self.files.autosave(self.doc)
        except Exception:
            pass
