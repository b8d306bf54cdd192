"""Settings: one owner loads and saves them; everything else receives a Settings object."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Optional

from kidcoder import paths

LANGUAGES = ("en", "es")


@dataclass
class Settings:
    """What a teacher or child can change. Unknown keys in the file are ignored, bad values reset."""

    language: str = "en"
    font_size: int = 18
    theme: str = "default"              # "default" or "high_contrast"
    memory_limit_mb: int = 512          # address-space limit of a running game
    network_allowed: bool = False       # games get no network unless a teacher allows it
    model_path: Optional[str] = None    # a .gguf file the teacher chose
    model_enabled: bool = True
    model_first_token_limit_s: float = 10.0
    model_server_url: Optional[str] = None  # optional classroom server (OpenAI-compatible)
    extra: dict = field(default_factory=dict)

    def validated(self) -> "Settings":
        """A copy with every out-of-range value replaced by its default."""
        good = Settings()
        out = Settings(**asdict(self))
        if out.language not in LANGUAGES:
            out.language = good.language
        if not isinstance(out.font_size, int) or not 10 <= out.font_size <= 48:
            out.font_size = good.font_size
        if out.theme not in ("default", "high_contrast"):
            out.theme = good.theme
        if not isinstance(out.memory_limit_mb, int) or out.memory_limit_mb < 64:
            out.memory_limit_mb = good.memory_limit_mb
        return out


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"


def load_settings(path: Optional[Path] = None) -> Settings:
    """Read settings; a missing or damaged file gives the defaults (never an error for the child)."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = {}
    if not isinstance(raw, dict):
        raw = {}
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in raw.items() if k in known})
    return settings.validated()


def save_settings(settings: Settings, path: Optional[Path] = None) -> None:
    """Write settings atomically (temp file, then rename)."""
    path = path or settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    os.replace(tmp, path)
