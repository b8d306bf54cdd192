"""Every editor message exists in English and Spanish, and every key the code uses is in the catalog."""
import json
import re
from pathlib import Path

from kidcoder import paths
from kidcoder.i18n import tr

EDITOR_CODE = Path(__file__).resolve().parents[2] / "kidcoder" / "editor"


def catalog(lang):
    return json.loads((paths.assets_dir() / "i18n" / lang / "editor.json").read_text(encoding="utf-8"))


def test_same_keys_and_placeholders_in_both_languages():
    en, es = catalog("en"), catalog("es")
    assert set(en) == set(es)
    for key in en:
        assert key.startswith("editor.")
        assert set(re.findall(r"{(\w+)}", en[key])) == set(re.findall(r"{(\w+)}", es[key])), key
        assert es[key] != en[key], key  # really translated


def test_keys_used_in_the_editor_code_exist():
    used = set()
    for file in EDITOR_CODE.glob("*.py"):
        used |= set(re.findall(r"[\"'](editor\.[a-z_.]+)[\"']", file.read_text(encoding="utf-8")))
    assert used, "the editor code should use at least one message key"
    assert used <= set(catalog("en"))


def test_messages_are_short_for_children():
    for lang in ("en", "es"):
        for key, text in catalog(lang).items():
            assert len(text) <= 120, key
            for sentence in re.split(r"[.?!]\s", text):
                assert len(sentence.split()) <= 16, (lang, key)


def test_tr_fills_in_values():
    assert tr("editor.saved", "es", name="juego.py") == "Guardé juego.py."
