"""Reading and writing the child's program files safely, so work is never lost.

read_program_text() is the check every entry point shares: a file a child
(or a script) names must exist, be a file, be text in UTF-8 and be at most
1 MB. ProjectFiles adds what the editor needs: a projects folder, open, save
and save-as that write atomically (temp file, fsync, rename) and keep the
previous version as NAME.bak, autosave to a side folder, and recovery of that
autosave after a crash. Line endings and a UTF-8 BOM are remembered on open
and written back the same way; tabs are left exactly as they were.

How the window uses it (file work goes through editor.worker.FileWorker):
at start, recoveries() -> ask with recovery_message() -> restore() and
view.set_text(doc.text, saved=False), or discard_recovery(). Each frame,
when view.buffer.version changed call AutosaveTimer.edited(); when due(),
submit ("autosave", a ProgramFile copy with the current text) and done().
After a save, view.buffer.mark_saved().
"""
from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional, Tuple, Union

from kidcoder import paths
from kidcoder.i18n import tr
from kidcoder.processes import alive
from kidcoder.safe_files import FileTooLarge, NotARegularFile, read_capped

MAX_PROGRAM_BYTES = 1024 * 1024
AUTOSAVE_IDLE_S = 1.0    # save this long after the child stops typing ...
AUTOSAVE_MAX_S = 5.0     # ... and never later than this after an unsaved edit
_BOM = b"\xef\xbb\xbf"

PathLike = Union[str, Path]


class ProgramFileError(Exception):
    """A file we cannot open as a program; key/values make a tr() message, str() is plain English."""

    def __init__(self, key: str, english: str, **values):
        super().__init__(english)
        self.key = key
        self.values = values


def describe_error(error: ProgramFileError, lang: Optional[str] = None) -> str:
    """The kind message for the child, in their language."""
    return tr(error.key, lang, **error.values)


def _read_checked_bytes(path: Path) -> bytes:
    """At most MAX_PROGRAM_BYTES of a regular file: a folder, a FIFO or a device is refused before
    a byte is read (a FIFO would wait for ever, /dev/zero would never end)."""
    try:
        data = read_capped(path, MAX_PROGRAM_BYTES)
    except FileNotFoundError:
        raise ProgramFileError("file.missing", f"No such file: {path}", path=str(path)) from None
    except NotARegularFile as exc:
        if exc.kind == "a folder":
            raise ProgramFileError("file.is_dir", f"That is a folder, not a file: {path}", path=str(path)) from None
        raise ProgramFileError("file.unreadable", f"That is {exc.kind}, not a program file: {path}",
                               path=str(path)) from None
    except FileTooLarge:
        raise ProgramFileError("file.too_big", f"The file is too large (the limit is 1 MB): {path}",
                               path=str(path), size=MAX_PROGRAM_BYTES + 1) from None
    except OSError as exc:
        raise ProgramFileError("file.unreadable", f"Cannot read {path}: {exc.strerror or exc}", path=str(path)) from None
    if b"\x00" in data:
        raise ProgramFileError("file.binary", f"This is not a text file: {path}", path=str(path))
    return data


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgramFileError("file.not_utf8", f"This file is not UTF-8 text: {path}", path=str(path)) from None


def read_program_text(path) -> str:
    """The text of a program file, with Windows line endings made plain; raises ProgramFileError."""
    path = Path(path)
    text = _decode(_read_checked_bytes(path), path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_newline(text: str) -> str:
    """The line ending most lines of text use: "\\r\\n", "\\r" or "\\n"."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lone_lf = text.count("\n") - crlf
    best = max((lone_lf, "\n"), (crlf, "\r\n"), (lone_cr, "\r"), key=lambda pair: pair[0])
    return best[1] if best[0] > 0 else "\n"


def encode_program(text: str, newline: str = "\n", bom: bool = False) -> bytes:
    """The bytes to write for editor text (which always uses "\\n") in the file's own style."""
    data = text.replace("\n", newline).encode("utf-8")
    return _BOM + data if bom else data


@dataclass
class ProgramFile:
    """An open program: its text as the editor holds it, and how to write it back."""
    path: Optional[Path]
    text: str
    newline: str = "\n"
    bom: bool = False
    untitled_id: str = field(default_factory=lambda: os.urandom(6).hex())    # random, as uuid4's hex was

    @property
    def name(self) -> str:
        return self.path.name if self.path else ""


@dataclass
class Recovery:
    """Unsaved work found in the autosave folder at start-up."""
    autosave_file: Path
    document: ProgramFile
    saved_at: float

    @property
    def name(self) -> str:
        return self.document.name


def write_atomic(path: Path, data: bytes, keep_backup: bool = False) -> None:
    """Write data so that path always holds either the old or the new bytes, whole.

    With keep_backup, the old version stays next to it as NAME.bak.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if keep_backup and path.is_file():
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_folder(path.parent)


def _keep_backup(path: Path) -> None:
    """Make NAME.bak hold the current file, itself atomically (the file is never missing meanwhile)."""
    bak = path.with_name(path.name + ".bak")
    link = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
    try:
        if link.exists():
            link.unlink()
        try:
            os.link(path, link)  # a second name for the old file: instant, no copy
        except OSError:
            with open(link, "wb") as out:  # file systems without hard links (FAT USB sticks)
                out.write(path.read_bytes())
                out.flush()
                os.fsync(out.fileno())
        os.replace(link, bak)
    except OSError:
        try:
            link.unlink()
        except OSError:
            pass
        raise


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _written_by_live_process(file: Path, grace_s: float = 60.0) -> bool:
    """True when the temp file may belong to a save still running (its process is alive, or it is new)."""
    parts = file.name.split(".")
    try:
        pid = int(parts[-3])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return True
    if os.name == "posix":
        return alive(pid)
    try:
        return time.time() - file.stat().st_mtime < grace_s
    except OSError:
        return False


class AutosaveTimer:
    """Decides when to autosave: soon after typing pauses, and at most AUTOSAVE_MAX_S after an edit."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, idle_s: float = AUTOSAVE_IDLE_S,
                 max_s: float = AUTOSAVE_MAX_S):
        self._clock, self.idle_s, self.max_s = clock, idle_s, max_s
        self._first: Optional[float] = None
        self._last: Optional[float] = None

    def edited(self) -> None:
        now = self._clock()
        if self._first is None:
            self._first = now
        self._last = now

    def due(self) -> bool:
        if self._first is None:
            return False
        now = self._clock()
        return now - self._last >= self.idle_s or now - self._first >= self.max_s

    def done(self) -> None:
        self._first = self._last = None


class ProjectFiles:
    """Open, save, autosave and recover programs; safe to call from a worker thread (one lock)."""

    def __init__(self, folder: Optional[PathLike] = None, autosave_folder: Optional[PathLike] = None):
        self.folder = Path(folder) if folder else paths.projects_dir()
        self.autosave_folder = Path(autosave_folder) if autosave_folder else paths.data_dir() / "autosave"
        self._lock = threading.Lock()

    # ----- projects ---------------------------------------------------------------------------
    def new_path(self, stem: str = "my_game") -> Path:
        """A name in the projects folder that is not taken yet: my_game.py, my_game_2.py, ..."""
        self.folder.mkdir(parents=True, exist_ok=True)
        candidate = self.folder / f"{stem}.py"
        number = 2
        while candidate.exists():
            candidate = self.folder / f"{stem}_{number}.py"
            number += 1
        return candidate

    def list_projects(self) -> List[Path]:
        """The child's programs, newest first."""
        if not self.folder.is_dir():
            return []
        files = [p for p in self.folder.glob("*.py") if p.is_file()]
        return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)

    def new(self, text: str = "") -> ProgramFile:
        """A program that has no file yet (Save will ask for a name)."""
        return ProgramFile(None, text)

    def open(self, path: PathLike) -> ProgramFile:
        """Read a program; a bad file raises ProgramFileError and changes nothing."""
        path = Path(path)
        data = _read_checked_bytes(path)
        raw = _decode(data, path)
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        return ProgramFile(path, text, detect_newline(raw), data.startswith(_BOM))

    # ----- saving -----------------------------------------------------------------------------
    def save(self, document: ProgramFile, path: Optional[PathLike] = None) -> Path:
        """Write the program to its file (or to path: Save As), keep the old one as .bak, drop its autosave."""
        target = Path(path) if path else document.path
        if target is None:
            target = self.new_path()
        with self._lock:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, encode_program(document.text, document.newline, document.bom), keep_backup=True)
            except OSError as exc:
                raise ProgramFileError("editor.save_failed", f"Cannot save {target}: {exc.strerror or exc}",
                                       name=target.name, path=str(target)) from None
            self._remove_autosave(document)
            document.path = target
            self._remove_autosave(document)
        return target

    def save_as(self, document: ProgramFile, path: PathLike) -> Path:
        return self.save(document, path)

    # ----- autosave and recovery --------------------------------------------------------------
    def autosave_file(self, document: ProgramFile) -> Path:
        if document.path is not None:
            import hashlib           # here, not at the window's start (it loads OpenSSL)

            key = hashlib.sha1(str(Path(document.path).resolve()).encode("utf-8")).hexdigest()[:16]
        else:
            key = "untitled-" + document.untitled_id
        return self.autosave_folder / f"{key}.json"

    def autosave(self, document: ProgramFile) -> Path:
        """Keep a copy of unsaved work in the autosave folder (atomically, like a save)."""
        record = {"version": 1, "path": str(document.path) if document.path else None, "text": document.text,
                  "newline": document.newline, "bom": document.bom, "untitled_id": document.untitled_id,
                  "saved_at": time.time()}
        target = self.autosave_file(document)
        with self._lock:
            self.autosave_folder.mkdir(parents=True, exist_ok=True)
            write_atomic(target, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        return target

    def discard_autosave(self, document: ProgramFile) -> None:
        with self._lock:
            self._remove_autosave(document)

    def _remove_autosave(self, document: ProgramFile) -> None:
        try:
            self.autosave_file(document).unlink()
        except OSError:
            pass

    def recoveries(self) -> List[Recovery]:
        """Unsaved work left by a crash or power cut, newest first (work already saved is skipped).

        Called at start-up; it also removes half-written temp files a crash left behind.
        """
        self.clean_leftovers()
        found: List[Tuple[float, Recovery]] = []
        if not self.autosave_folder.is_dir():
            return []
        for file in self.autosave_folder.glob("*.json"):
            recovery = self._read_recovery(file)
            if recovery is not None:
                found.append((recovery.saved_at, recovery))
        return [r for _, r in sorted(found, key=lambda pair: pair[0], reverse=True)]

    def clean_leftovers(self) -> int:
        """Delete temp files from saves that a crash interrupted; returns how many went."""
        removed = 0
        for folder in (self.folder, self.autosave_folder):
            if not folder.is_dir():
                continue
            for file in folder.glob(".*.tmp"):
                if _written_by_live_process(file):
                    continue
                try:
                    file.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed

    def _read_recovery(self, file: Path) -> Optional[Recovery]:
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            path = Path(record["path"]) if record.get("path") else None
            document = ProgramFile(path, str(record["text"]), record.get("newline", "\n"), bool(record.get("bom")),
                                   record.get("untitled_id") or os.urandom(6).hex())
            saved_at = float(record.get("saved_at", 0))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if path is not None:
            try:
                if read_program_text(path) == document.text:
                    return None  # the file already holds this work
            except ProgramFileError:
                pass
        return Recovery(file, document, saved_at)

    def restore(self, recovery: Recovery) -> ProgramFile:
        """The recovered program, ready for the editor (it still needs saving); the autosave stays until then."""
        return recovery.document

    def discard_recovery(self, recovery: Recovery) -> None:
        """The child said no: forget that unsaved work."""
        with self._lock:
            try:
                recovery.autosave_file.unlink()
            except OSError:
                pass


def recovery_message(recovery: Recovery, lang: Optional[str] = None) -> str:
    """What the start-up box says when unsaved work was found."""
    name = recovery.name or tr("editor.recover.untitled", lang)
    return tr("editor.recover.offer", lang, name=name)
