"""The open program: its file, saving and autosaving through the editor's FileWorker (off the UI thread).

Every file call goes to one background thread in order, so a Save never
overtakes an earlier autosave and the window never waits for the disk. The
keeper sends snapshots (copies), never the live document, to that thread.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable, List, Optional

from kidcoder.editor.files import AutosaveTimer, ProgramFile, ProjectFiles
from kidcoder.editor.worker import FileWorker


class DocumentKeeper:
    """Owns the current ProgramFile; the app calls edited() on each change and tick() each frame."""

    def __init__(self, files: Optional[ProjectFiles] = None, worker=None):
        self.files = files or ProjectFiles()
        self.worker = worker or FileWorker(self.files)
        self.doc: ProgramFile = self.files.new("")
        self.timer = AutosaveTimer()
        self.pending_saves = 0
        self._save_versions = {}
        self._save_docs = {}          # tag -> the document a save was for (New or Open may replace it)
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

    def new(self, text: str = "") -> None:
        self.doc = self.files.new(text)
        self.timer.done()

    def adopt(self, document: ProgramFile) -> None:
        """Take an opened or recovered document as the current one."""
        self.doc = document
        self.timer.done()

    def edited(self) -> None:
        self.timer.edited()

    def save(self, text: str, version: int, purpose: str = "save") -> tuple:
        """Queue a save of text (version = the editor's buffer version); returns the tag of the result."""
        tag = self._tag(purpose)
        self._save_versions[tag] = version
        self._save_docs[tag] = self.doc
        self.pending_saves += 1
        self.timer.done()
        self.worker.submit("save", self._snapshot(text), tag=tag)
        return tag

    def saved_version(self, tag) -> Optional[int]:
        return self._save_versions.pop(tag, None)

    def saved_current(self, tag) -> bool:
        """The save with this tag was for the program open now (not one that New or Open replaced)."""
        return self._save_docs.pop(tag, None) is self.doc

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

    def ask_recoveries(self) -> None:
        self.worker.submit("recoveries", tag=self._tag("recoveries"))

    def discard_autosave(self) -> None:
        self.worker.submit("discard_autosave", dataclasses.replace(self.doc), tag=self._tag("discard"))

    def poll(self) -> List[object]:
        results = self.worker.poll()
        for result in results:
            if result.kind == "save":
                self.pending_saves -= 1
        return results

    def close(self) -> None:
        self.worker.close()
