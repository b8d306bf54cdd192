"""The Sugar Journal (its datastore): keep the child's program there, and read entries back.

Only inside Sugar: open_journal() returns None when sugar3 cannot be imported or its
datastore does not answer, and KidCoder then works exactly as it does anywhere else.
sugar3 is imported here and nowhere else, and only when open_journal() is called.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

MIME_PYTHON = "text/x-python"
MIME_BUNDLE = "application/vnd.olpc-sugar"
MAX_ENTRY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class JournalEntry:
    """What KidCoder needs of one Journal entry: its facts, and its file's text (None if not text)."""
    object_id: str
    title: str
    activity: str
    mime_type: str
    text: Optional[str]


def _text(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return str(value or "")


def _read_text(path: Optional[str]) -> Optional[str]:
    try:
        if not path or os.path.getsize(path) > MAX_ENTRY_BYTES:
            return None
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


class Journal:
    """Reads and writes entries through sugar3's datastore module (passed in, so tests can use a fake)."""

    def __init__(self, datastore, colour: str = ""):
        self._datastore = datastore
        self._colour = colour

    def read(self, object_id: str) -> Optional[JournalEntry]:
        """One entry with its text, or None when it is gone or the datastore does not answer."""
        try:
            entry = self._datastore.get(object_id)
            metadata = entry.get_metadata()
            text = _read_text(entry.get_file_path())
        except Exception:          # dbus errors: the entry is gone, or the datastore is not there
            return None
        entry.destroy()            # removes the datastore's temporary copy of the file
        return JournalEntry(object_id=object_id, title=_text(metadata.get("title")),
                            activity=_text(metadata.get("activity")), mime_type=_text(metadata.get("mime_type")),
                            text=text)

    def text_of(self, object_id: str) -> Optional[str]:
        """The text of an entry's file (Pippy sessions point at other entries this way), or None."""
        entry = self.read(object_id)
        return entry.text if entry is not None else None

    def _write(self, object_id: Optional[str], metadata: dict, file_path: str) -> str:
        entry = self._datastore.get(object_id) if object_id else self._datastore.create()
        for key, value in metadata.items():
            entry.metadata[key] = value
        if self._colour and not object_id:
            entry.metadata["icon-color"] = self._colour
        entry.set_file_path(file_path)
        self._datastore.write(entry, transfer_ownership=True)
        new_id = entry.object_id
        entry.destroy()
        return new_id

    def keep_program(self, title: str, text: str, bundle_id: str, activity_id: str,
                     object_id: Optional[str] = None) -> str:
        """Save a program as a Journal entry of this activity (a new one, or object_id again); its id."""
        folder = os.environ.get("SUGAR_ACTIVITY_ROOT")
        folder = os.path.join(folder, "instance") if folder and os.path.isdir(os.path.join(folder, "instance")) \
            else None
        handle, path = tempfile.mkstemp(suffix=".py", prefix="kidcoder-", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        metadata = {"title": title, "title_set_by_user": "1", "mime_type": MIME_PYTHON,
                    "activity": bundle_id, "activity_id": activity_id}
        return self._write(object_id, metadata, path)

    def keep_bundle(self, xo_path: str, title: str) -> str:
        """Put a copy of an activity bundle in the Journal, where a child can install and share it."""
        handle, path = tempfile.mkstemp(suffix=".xo", prefix="kidcoder-")
        with os.fdopen(handle, "wb") as out, open(xo_path, "rb") as source:
            out.write(source.read())
        return self._write(None, {"title": title, "title_set_by_user": "1", "mime_type": MIME_BUNDLE}, path)


def open_journal() -> Optional[Journal]:
    """The Journal when KidCoder runs inside Sugar, else None."""
    try:
        from dbus.mainloop.glib import DBusGMainLoop
        from sugar3 import profile
        from sugar3.datastore import datastore
    except Exception:               # no sugar3 (or its gi/dbus parts): not in Sugar
        return None
    DBusGMainLoop(set_as_default=True)   # datastore entries listen for D-Bus signals
    try:
        colour = profile.get_color().to_string()
    except Exception:
        colour = ""
    return Journal(datastore, colour)
