"""Settings: one owner loads and saves them; everything else receives a Settings object.

The file is JSON at `kidcoder.paths.config_dir()/settings.json` (schema: SETTINGS_HELP
below and docs/settings.md). A missing, damaged or half-wrong file never stops the
app: bad values fall back to their defaults and load_report() says what happened.
"""
from __future__ import annotations

import json
import locale
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from kidcoder import paths

LANGUAGES = ("en", "es")
THEMES = ("default", "high_contrast")


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
    # the address-space limit of a running game
    memory_limit_mb: int = _whole(512, "memory a running game may use, in MB (at least {low})", 64)
    # games get no network unless a teacher allows it
    network_allowed: bool = _flag(False, "true lets games use the network (off by default)")
    model_enabled: bool = _flag(True, "false switches the optional helper model off")
    model_path: Optional[str] = _setting(None, "a .gguf model file to use instead of the first one in the models folder",
                                         lambda v: v is None or (isinstance(v, str) and v.strip() != ""))
    model_first_token_limit_s: float = _setting(
        10.0, "a model slower than this to start answering is switched off",
        lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0)
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


def load_settings_with_report(path: Optional[Path] = None) -> Tuple[Settings, LoadReport]:
    """Read settings and say where each value came from. Never raises for a bad file."""
    path = Path(path) if path else settings_path()
    problems: List[str] = []
    raw: dict = {}
    if path.exists():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            problems.append(f"{path} could not be read ({type(exc).__name__}); using the defaults")
            raw = {}
        if not isinstance(raw, dict):
            problems.append(f"{path} is not a JSON object; using the defaults")
            raw = {}
    known = {f.name for f in fields(Settings)}
    unknown = sorted(k for k in raw if k not in known and not k.startswith("_"))
    if unknown:
        problems.append("unknown settings ignored: " + ", ".join(unknown))
    chosen = {k: v for k, v in raw.items() if k in known}
    sources = {name: "file" if name in chosen else "default" for name in known}
    if "language" not in chosen:
        chosen["language"] = system_language()
        sources["language"] = "system locale"
    settings, reset = validate(Settings(**chosen))
    for name in reset:
        problems.append(f"{name}: {raw.get(name)!r} is not allowed; using {getattr(settings, name)!r}")
        sources[name] = "default (bad value in file)"
    return settings, LoadReport(path=str(path), sources=sources, problems=problems)


def load_settings(path: Optional[Path] = None) -> Settings:
    """Read settings; a missing or damaged file gives the defaults (never an error for the child)."""
    return load_settings_with_report(path)[0]


def save_settings(settings: Settings, path: Optional[Path] = None) -> None:
    """Write settings atomically (temp file, then rename)."""
    path = Path(path) if path else settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    os.replace(tmp, path)
