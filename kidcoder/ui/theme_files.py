"""The theme files, the colours KidCoder draws itself and the text face, found without importing
pygame-gui (the start-up picture needs them first; style.py builds the rest of the look on them)."""
from __future__ import annotations

import importlib.util
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Dict, Tuple

from kidcoder import paths

RGB = Tuple[int, int, int]
THEME_FILES = {"default": "theme.json", "high_contrast": "theme_high_contrast.json"}


def theme_path(name: str) -> Path:
    return paths.assets_dir() / THEME_FILES.get(name, THEME_FILES["default"])


@lru_cache(maxsize=4)
def theme_data(name: str) -> dict:
    """The whole theme file as a dict (pygame-gui reads it; we read its _kidcoder block)."""
    return json.loads(theme_path(name).read_text(encoding="utf-8"))


def parse_hex(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def colours(name: str) -> Dict[str, RGB]:
    """Pane colours by name: background, pane, title, title_text, text, focus, console_bg, ..."""
    block = theme_data(name)["_kidcoder"]
    return {key: parse_hex(value) for key, value in block.items()
            if isinstance(value, str) and value.startswith("#")}


def ui_font_file(bold: bool = False) -> str:
    """Noto Sans as shipped with pygame-gui (the same face the buttons use), so all text matches."""
    spec = importlib.util.find_spec("pygame_gui")           # where it is, without importing it
    folder = os.path.join(list(spec.submodule_search_locations)[0], "data")
    return os.path.join(folder, "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")
