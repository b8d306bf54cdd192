"""ProgramStore: the projects folder as the child's collection, on top of ProjectFiles' safe saving.

It adds what a collection needs: the list of programs with their pictures, saving
under a name the child chose, renaming (the old .bak and picture follow), a hidden
run copy for a program that has no name yet (so Run never asks for one), thumbnails
and the note of the last program. The window calls these on its FileWorker.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import List, Optional

from kidcoder.editor.files import ProgramFile, ProgramFileError, ProjectFiles, write_atomic
from kidcoder.projects import catalog, last_program, thumbnails

RUN_COPY_PREFIX = ".run-"       # projects/.run-<id>.py: a program without a name, ready to run
RUN_COPY_KEEP_S = 60.0          # a run copy older than this at start-up is left over: removed


class ProgramStore(ProjectFiles):
    """ProjectFiles plus the collection: list, name, rename, run copies, thumbnails, the last program."""

    @property
    def last_note(self) -> Path:
        return self.autosave_folder.parent / last_program.NOTE

    # ---- the list -------------------------------------------------------------------------------
    def list_projects(self) -> List[Path]:
        """The child's programs, newest first (never KidCoder's own hidden files)."""
        return [entry.path for entry in catalog.list_programs(self.folder)]

    def list_programs(self) -> List[catalog.ProgramEntry]:
        """Every program, newest first, each with its thumbnail's PNG bytes when it has one."""
        thumbnails.prune_thumbnails(self.folder)
        entries = catalog.list_programs(self.folder)
        for entry in entries:
            entry.thumbnail = thumbnails.read_thumbnail(entry.path)
        return entries

    # ---- names ----------------------------------------------------------------------------------
    def save_named(self, document: ProgramFile, path, replace: bool = False) -> Path:
        """Save under a name the child chose (Save the first time, Save as). An existing file there is
        only replaced when the child agreed (replace=True); its old picture goes."""
        path = Path(path)
        if path.exists() and not replace and path != document.path:
            raise ProgramFileError("files.name.exists", f"{path.name} already exists", name=path.stem)
        old_run_copy = self.run_copy_path(document) if document.path is None else None
        if path != document.path:
            thumbnails.remove_thumbnail(path)
        target = self.save(document, path)
        if old_run_copy is not None:
            _unlink(old_run_copy)
        self.remember_last(target)
        return target

    def rename(self, program, new_path) -> Path:
        """Give a saved program a new name in the same folder; never replaces another program."""
        old, new = Path(program), Path(new_path)
        if new.exists() and new.resolve() != old.resolve():
            raise ProgramFileError("files.name.exists", f"{new.name} already exists", name=new.stem)
        with self._lock:
            try:
                os.rename(old, new)
            except OSError as exc:
                raise ProgramFileError("files.rename_failed", f"Cannot rename {old}: {exc.strerror or exc}",
                                       name=old.name) from None
            backup = old.with_name(old.name + ".bak")
            if backup.is_file():
                try:
                    os.replace(backup, new.with_name(new.name + ".bak"))
                except OSError:
                    pass
            thumbnails.move_thumbnail(old, new)
        note = last_program.recall(self.last_note)
        if note is None or note.resolve() == new.resolve():
            self.remember_last(new)
        return new

    # ---- running a program that has no name yet -------------------------------------------------
    def run_copy_path(self, document: ProgramFile) -> Path:
        return self.folder / f"{RUN_COPY_PREFIX}{document.untitled_id}.py"

    def run_copy(self, document: ProgramFile) -> Path:
        """Write a program without a name to a hidden file in the projects folder (so its pictures and
        sounds are found) and return it; its unsaved text stays in the autosave until it is named."""
        target = self.run_copy_path(document)
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            write_atomic(target, document.text.encode("utf-8"))
        except OSError as exc:
            raise ProgramFileError("editor.save_failed", f"Cannot write {target}: {exc.strerror or exc}",
                                   name=target.name, path=str(target)) from None
        return target

    def clean_leftovers(self) -> int:
        """Half-written temp files, and run copies a closed window left behind."""
        removed = super().clean_leftovers()
        if self.folder.is_dir():
            for copy in self.folder.glob(f"{RUN_COPY_PREFIX}*.py"):
                try:
                    if time.time() - copy.stat().st_mtime > RUN_COPY_KEEP_S:
                        copy.unlink()
                        removed += 1
                except OSError:
                    pass
        return removed

    # ---- thumbnails and the last program ----------------------------------------------------------
    def save_thumbnail(self, program, png: bytes) -> Optional[Path]:
        """Keep a picture of the game's last frame for a program in the projects folder (one elsewhere, a
        teacher's folder or a USB stick, gets no hidden folder from us; a program without a file: none)."""
        if program is None or not Path(program).is_file() or Path(program).parent.resolve() != self.folder.resolve():
            return None
        target = thumbnails.thumbnail_path(Path(program))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, png)
        except OSError:
            return None         # a picture is nice to have: never an error for the child
        return target

    def remember_last(self, program) -> None:
        try:
            self.last_note.parent.mkdir(parents=True, exist_ok=True)
            last_program.remember(self.last_note, Path(program))
        except OSError:
            pass

    def open_last(self) -> Optional[ProgramFile]:
        """The program open when the window last closed, or None (no note, or the file is gone or bad)."""
        path = last_program.recall(self.last_note)
        if path is None:
            return None
        try:
            return self.open(path)
        except ProgramFileError:
            return None


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
