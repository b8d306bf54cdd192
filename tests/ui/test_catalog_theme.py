"""Every message the window shows exists in English and Spanish; both themes load in pygame-gui and are readable."""
import json
import re
import warnings
from pathlib import Path

import pytest

from kidcoder import paths
from kidcoder.editor.theme import contrast_ratio
from kidcoder.i18n import catalog
from kidcoder.ui import style

UI_DIR = Path(__file__).resolve().parents[2] / "kidcoder" / "ui"
KEY = re.compile(r"[\"']((?:ui|editor)\.[a-z_]+(?:\.[a-z_]+)+)[\"']")


def used_keys():
    found = set()
    for file in UI_DIR.glob("*.py"):
        found.update(KEY.findall(file.read_text(encoding="utf-8")))
    for prefix in ("ui.preview.pause", "ui.preview.step"):   # built as key + "_tip"
        found.add(prefix + "_tip")
    return found


def test_every_key_the_window_uses_exists_in_both_languages():
    keys = used_keys()
    assert len(keys) > 80
    for lang in ("en", "es"):
        missing = sorted(k for k in keys if k not in catalog(lang))
        assert not missing, (lang, missing)


def test_ui_catalogs_have_the_same_keys_and_no_empty_text():
    en = json.loads((paths.assets_dir() / "i18n" / "en" / "ui.json").read_text(encoding="utf-8"))
    es = json.loads((paths.assets_dir() / "i18n" / "es" / "ui.json").read_text(encoding="utf-8"))
    assert set(en) == set(es)
    assert all(v.strip() for v in list(en.values()) + list(es.values()))
    for key in en:          # the same {names} in both languages
        assert set(re.findall(r"{(\w+)}", en[key])) == set(re.findall(r"{(\w+)}", es[key])), key


@pytest.mark.parametrize("name", ["default", "high_contrast"])
def test_theme_loads_without_warnings_and_text_is_readable(name):
    import pygame
    import pygame_gui

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((200, 100))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pygame_gui.UIManager((200, 100), str(style.theme_path(name)))
    assert not [w for w in caught if "theme" in str(w.message).lower() or "font" in str(w.message).lower()]
    col = style.colours(name)
    for text, background in [("text", "pane"), ("title_text", "title"), ("title_text", "title_idle"),
                             ("console_text", "console_bg"), ("status_text", "status"), ("preview_text", "preview_bg"),
                             ("on_run", "run"), ("on_run", "stop"), ("text", "button"), ("text", "field")]:
        assert contrast_ratio(col[text], col[background]) >= 4.5, (name, text, background)
    assert contrast_ratio(col["focus"], col["pane"]) >= 3.0     # the focus ring stands out
    data = style.theme_data(name)
    assert int(data["button"]["font"]["size"]) >= 16 and int(data["text_box"]["font"]["size"]) >= 16
