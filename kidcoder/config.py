"""Settings: one owner loads and saves them; everything else receives a Settings object.

The file is JSON at `kidcoder.paths.config_dir()/settings.json` (schema: SETTINGS_HELP
below and docs/settings.md). A missing, damaged, odd (a folder, a FIFO, deeply nested,
huge) or half-wrong file never stops the app: bad values fall back to their defaults and
the load report says what happened, with the range each value must be in. Saving is atomic
and safe with several writers at once (a lock, then write-and-rename); each save writes only
the values its process changed, so two windows and a teacher's edit never undo each other.
"""
from __future__ import annotations

import contextlib
import json
import locale
import math
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from kidcoder import paths
from kidcoder.safe_files import read_capped, write_replacing

LANGUAGES = ("en", "es")
THEMES = ("default", "high_contrast")
MAX_SETTINGS_BYTES = 256 * 1024
LOCK_SUFFIX = ".lock"


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _setting(default, help_text: str, valid: Callable[[object], bool]):
    """A field of Settings: its one default, what it means (for `kidcoder settings`) and what is allowed."""
    return field(default=default, metadata={"help": help_text, "valid": valid})


def _choice(default: str, choices: Tuple[str, ...], help_text: str):
    return _setting(default, help_text.format(choices=" or ".join(choices)), lambda v: v in choices)


def _whole(default: int, help_text: str, low: int, high: Optional[int] = None):
    return _setting(default, help_text.format(low=low, high=high),
                    lambda v: _is_int(v) and v >= low and (high is None or v <= high))


def _flag(default: bool, help_text: str):
    return _setting(default, help_text, lambda v: isinstance(v, bool))


@dataclass
class Settings:
    """What a teacher or child can change. Unknown keys in the file are ignored, bad values reset."""

    language: str = _choice("en", LANGUAGES, "{choices}; when absent, taken from the system locale")
    font_size: int = _whole(18, "editor text size in points, {low} to {high}", 10, 48)
    theme: str = _choice("default", THEMES, "{choices}")
    max_hint_level: int = _whole(3, "highest hint level children may open: 1 nudge, 2 explanation, 3 fix", 1, 3)
    autosave_seconds: int = _whole(5, "save unsaved work this many seconds after the last edit, {low} to {high}",
                                   1, 60)
    # the memory cgroup and address-space limit of a running game (runner/limits.py keeps the same range)
    memory_limit_mb: int = _whole(512, "memory a running game may use, in MB, {low} to {high}", 64, 2048)
    # games get no network unless a teacher allows it
    network_allowed: bool = _flag(False, "true lets games use the network (off by default)")
    model_enabled: bool = _flag(True, "false switches the optional helper model off")
    model_path: Optional[str] = _setting(None, "a .gguf model file to use instead of the first one in the models folder",
                                         lambda v: v is None or (isinstance(v, str) and v.strip() != ""))
    model_first_token_limit_s: float = _setting(
        10.0, "a model slower than this many seconds to start answering is switched off, more than 0 to 600",
        lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and 0 < v <= 600)
    model_server_url: Optional[str] = _setting(
        None, "an OpenAI-compatible classroom server, e.g. http://10.0.0.5:8080 (optional)",
        lambda v: v is None or (isinstance(v, str) and v.startswith(("http://", "https://"))))
    extra: dict = field(default_factory=dict, metadata={"valid": lambda v: isinstance(v, dict)})

    def validated(self) -> "Settings":
        """A copy with every out-of-range value replaced by its default."""
        return validate(self)[0]


# name -> what it means, for `kidcoder settings` and the teacher's guide
SETTINGS_HELP: Dict[str, str] = {f.name: f.metadata["help"] for f in fields(Settings) if "help" in f.metadata}


def default(name: str):
    """The default value of one setting (defined once, in Settings)."""
    return getattr(Settings(), name)


def validate(settings: Settings) -> Tuple[Settings, List[str]]:
    """(a copy with bad values reset to defaults, the names of the values that were reset). Pure."""
    good = Settings()
    values = asdict(settings)
    reset = []
    for f in fields(Settings):
        if not f.metadata["valid"](values[f.name]):
            values[f.name] = getattr(good, f.name)
            reset.append(f.name)
    return Settings(**values), reset


def system_language(environ=None) -> str:
    """en or es from the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), default en."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "es" if value.lower().startswith("es") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "es" if code.lower().startswith("es") else "en"


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"


@dataclass
class LoadReport:
    """Where each value came from (file, locale, default) and anything wrong with the file."""
    path: str
    sources: Dict[str, str]
    problems: List[str]


def _read_raw(path: Path, problems: List[str]) -> dict:
    """The JSON object in the settings file ({} when there is none or it cannot be used)."""
    try:
        raw = json.loads(read_capped(path, MAX_SETTINGS_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, UnicodeDecodeError, RecursionError) as exc:
        problems.append(f"{path} could not be read ({exc if isinstance(exc, OSError) else type(exc).__name__});"
                        " using the defaults")
        return {}
    if not isinstance(raw, dict):
        problems.append(f"{path} is not a JSON object; using the defaults")
        return {}
    return raw


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def load_settings_with_report(path: Optional[Path] = None) -> Tuple[Settings, LoadReport]:
    """Read settings and say where each value came from. Never raises for a bad file."""
    path = Path(path) if path else settings_path()
    problems: List[str] = []
    raw = _read_raw(path, problems)
    known = {f.name for f in fields(Settings)}
    unknown = sorted(str(k) for k in raw if k not in known and not str(k).startswith("_"))
    if unknown:
        problems.append("unknown settings ignored: " + ", ".join(_shown(k) for k in unknown[:20]))
    chosen = {k: v for k, v in raw.items() if k in known}
    sources = {name: "file" if name in chosen else "default" for name in known}
    if "language" not in chosen:
        chosen["language"] = system_language()
        sources["language"] = "system locale"
    settings, reset = validate(Settings(**chosen))
    for name in reset:
        allowed = SETTINGS_HELP.get(name, "")
        problems.append(f"{name}: {_shown(raw.get(name))} is not allowed ({allowed}); using {getattr(settings, name)!r}")
        sources[name] = "default (bad value in file)"
    settings._loaded = asdict(settings)     # what this process saw: a save writes only what changed since
    return settings, LoadReport(path=str(path), sources=sources, problems=problems)


def load_settings(path: Optional[Path] = None) -> Settings:
    """Read settings; a missing or damaged file gives the defaults (never an error for the child)."""
    return load_settings_with_report(path)[0]


@contextlib.contextmanager
def _locked(path: Path):
    """Hold the settings lock file (other savers wait); where there is no flock, go on without it."""
    try:
        import fcntl
    except ImportError:          # Windows: write-and-rename alone
        yield
        return
    with open(path.with_name(path.name + LOCK_SUFFIX), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def save_settings(settings: Settings, path: Optional[Path] = None) -> None:
    """Write settings atomically, under the lock: the values this Settings changed since it was loaded
    (all of them for one made in code) go over what the file holds now; the rest of the file stays.
    Raises OSError when the file cannot be written (a read-only home, a full disk)."""
    path = Path(path) if path else settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    values = asdict(settings)
    loaded = getattr(settings, "_loaded", None)
    with _locked(path):
        current = _read_raw(path, [])
        for name, value in values.items():
            if loaded is None or loaded.get(name) != value:
                current[name] = value
        write_replacing(path, (json.dumps(current, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    settings._loaded = values
