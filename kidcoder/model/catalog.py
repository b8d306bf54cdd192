"""Which model files KidCoder can see and use: the teacher's setting, KIDCODER_MODEL, the models folder.

Also the `kidcoder model add` and `kidcoder model list` commands, and the list of
files switched off until the app restarts (a model that crashed twice or was too
slow), with a note a teacher can read. Nothing here loads a model.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path
from typing import Dict, List, Optional

from kidcoder import paths
from kidcoder.config import Settings
from kidcoder.i18n import tr
from kidcoder.model import files as model_files

log = logging.getLogger("kidcoder.model")

_switched_off: Dict[str, str] = {}


def switch_off(path, reason: str, detail: str = "", retry_s: Optional[float] = None) -> None:
    """Stop using a model file until the app restarts (a classroom server: for retry_s seconds), with a note
    for the teacher in the log."""
    if retry_s:
        note = tr("model.note.server_off", file=str(path), reason=tr(reason), minutes=max(1, round(retry_s / 60)))
    else:
        _switched_off[str(path)] = reason
        note = tr("model.note.switched_off", file=Path(str(path)).name, reason=tr(reason))
    teacher_note(note + (f" ({detail})" if detail else ""))


def is_switched_off(path) -> bool:
    return str(path) in _switched_off


def forget_switched_off() -> None:
    """Give every switched-off file another chance (as a restart would)."""
    _switched_off.clear()


def teacher_note(text: str) -> None:
    """A line in the log a teacher can read (data folder, model-notes.log) and in the app's logging."""
    log.warning(text)
    try:
        with open(paths.data_dir() / "model-notes.log", "a", encoding="utf-8") as notes:
            notes.write(time.strftime("%Y-%m-%d %H:%M:%S ") + text + "\n")
    except OSError:
        pass


def candidate_files(settings: Settings, environ=None) -> List[Path]:
    """Where a model may be, in order: the teacher's setting, KIDCODER_MODEL, the models folder."""
    environ = os.environ if environ is None else environ
    found: List[Path] = []
    if settings.model_path:
        found.append(Path(settings.model_path).expanduser())
    if environ.get("KIDCODER_MODEL"):
        found.append(Path(environ["KIDCODER_MODEL"]).expanduser())
    found += model_files.model_files_in(paths.models_dir())
    return found


def find_model(settings: Settings, environ=None) -> Optional[model_files.ModelCheck]:
    """The first model file that can be used here (corrected if needed), or None: then the helper
    simply works without a model, and the child is never told about it."""
    if not settings.model_enabled:
        return None
    seen = set()
    for path in candidate_files(settings, environ):
        key = str(path.resolve()) if path.exists() else str(path)
        if key in seen:
            continue
        seen.add(key)
        check = model_files.usable_model(path, paths.models_dir())
        if check.ok and not is_switched_off(check.path):
            return check
        if not check.ok and check.reason != "model.check.missing":
            log.info("model file %s not used: %s %s", path, check.reason, check.values)
    return None


def _message(check: model_files.ModelCheck, lang: str) -> str:
    values = {"file": Path(check.path).name, **check.values}
    return tr(check.reason, lang=lang, **values)


def add_model(path, lang: str) -> dict:
    """`kidcoder model add FILE`: check a file, copy it (corrected if needed) into the models folder.

    {"ok", "path", "message", "reason", "fixed", "model"}; ok is False with the reason when it cannot be used.
    """
    source = Path(path).expanduser()
    folder = paths.models_dir()
    check = model_files.check_model_file(source)
    fixed = False
    if check.reason == "model.check.needs_fix":
        check = model_files.usable_model(source, folder)
        fixed = check.ok
    elif check.ok and source.resolve().parent != folder.resolve():
        target = folder / source.name
        partial = target.with_name(target.name + ".partial")
        try:
            shutil.copyfile(source, partial)
            os.replace(partial, target)
        finally:                     # a full disk leaves no half-copied .partial file behind
            if partial.exists():
                partial.unlink()
        check = model_files.check_model_file(target)
    reason = "model.add.fixed" if fixed else ("model.add.ok" if check.ok else check.reason)
    message = tr(reason, lang=lang, file=Path(check.path).name, **check.values)
    return {"ok": check.ok, "path": check.path, "message": message, "reason": reason.rsplit(".", 1)[-1],
            "fixed": fixed, "model": check.as_dict()}


def recent_notes(count: int = 5) -> List[str]:
    """The last lines of the teacher's notes (model-notes.log), newest last."""
    try:
        with open(paths.data_dir() / "model-notes.log", encoding="utf-8") as notes:
            return [line.rstrip("\n") for line in notes.readlines()[-count:]]
    except OSError:
        return []


def server_status(settings: Settings, lang: str) -> dict:
    """Whether the classroom server (if one is set) answers now, which model it serves, in the teacher's words."""
    from kidcoder.model.remote import served_model   # urllib only; the server's address decides

    url = settings.model_server_url
    if not url:
        return {"ok": None, "model": None, "message": tr("model.server.none", lang=lang)}
    found = served_model(url)
    if isinstance(found, Exception):
        return {"ok": False, "model": None,
                "message": tr("model.off.server_unreachable", lang=lang) + f" ({url}: {found})"}
    return {"ok": True, "model": found or None, "message": tr("model.server.ok", lang=lang, model=found or url)}


def list_models(settings: Settings, lang: Optional[str] = None) -> dict:
    """`kidcoder model list`: every file KidCoder can see, whether it can be used, which one it uses, whether
    the classroom server answers, and the last notes for the teacher (why a model was not used)."""
    lang = lang or settings.language
    rows = []
    for path in candidate_files(settings):
        check = model_files.check_model_file(path)
        row = check.as_dict()
        row["message"] = _message(check, lang)
        rows.append(row)
    chosen = find_model(settings)
    return {"models": rows, "active": chosen.path if chosen else None, "folder": str(paths.models_dir()),
            "server": settings.model_server_url, "server_status": server_status(settings, lang),
            "notes": recent_notes()}
