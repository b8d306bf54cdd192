"""English and Spanish parity: every key in both catalogs, with the same {placeholders}."""
import json
import string

from kidcoder import paths
from kidcoder.i18n import catalog, tr


def _placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalog_files_are_valid_json_objects_of_strings():
    for lang in ("en", "es"):
        for file in (paths.assets_dir() / "i18n" / lang).glob("*.json"):
            data = json.loads(file.read_text(encoding="utf-8"))
            assert isinstance(data, dict), file
            assert all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in data.items()), file


def test_same_files_in_both_languages():
    en = {f.name for f in (paths.assets_dir() / "i18n" / "en").glob("*.json")}
    es = {f.name for f in (paths.assets_dir() / "i18n" / "es").glob("*.json")}
    assert en == es


def test_every_key_in_both_languages_with_the_same_placeholders():
    en, es = catalog("en"), catalog("es")
    assert sorted(set(en) - set(es)) == [], "missing in Spanish"
    assert sorted(set(es) - set(en)) == [], "missing in English"
    differing = [k for k in en if _placeholders(en[k]) != _placeholders(es[k])]
    assert differing == []


def test_tr_fills_values_and_falls_back():
    assert "nope.py" in tr("file.missing", lang="en", path="nope.py")
    assert "nope.py" in tr("file.missing", lang="es", path="nope.py")
    assert tr("no.such.key", lang="es") == "no.such.key"


def test_text_already_said_can_be_said_again_in_the_other_language():
    from kidcoder.i18n import retranslate

    said = tr("ui.run.failed", lang="en", reason=tr("ui.error.unknown", lang="en"))
    assert type(said) is str                                     # plain text, wherever it goes
    assert retranslate(said, "es") == tr("ui.run.failed", lang="es", reason=tr("ui.error.unknown", lang="es"))
    assert retranslate("words nobody translated", "es") == "words nobody translated"
    assert retranslate(None, "es") is None
