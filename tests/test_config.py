"""Teacher settings: validated, never fatal, and traceable to where each value came from."""
import json

from kidcoder.config import Settings, load_settings_with_report, save_settings, system_language, validate


def test_missing_file_gives_defaults_and_locale_language(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    settings, report = load_settings_with_report(tmp_path / "settings.json")
    assert settings.language == "es" and report.sources["language"] == "system locale"
    assert settings.memory_limit_mb == 512 and report.problems == []


def test_broken_file_gives_defaults_and_a_clear_problem(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"font_size": 20,')
    settings, report = load_settings_with_report(path)
    assert settings.font_size == Settings().font_size
    assert len(report.problems) == 1 and "could not be read" in report.problems[0]


def test_bad_values_are_reset_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "es", "font_size": 500, "max_hint_level": 2,
                                "network_allowed": "yes", "memory_limit_mb": 256, "colour": "red"}))
    settings, report = load_settings_with_report(path)
    assert (settings.language, settings.max_hint_level, settings.memory_limit_mb) == ("es", 2, 256)
    assert settings.font_size == 18 and settings.network_allowed is False
    assert report.sources["font_size"].startswith("default (bad value")
    assert report.sources["language"] == "file"
    assert any("colour" in p for p in report.problems)


def test_save_then_load_round_trips(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(language="es", font_size=24, max_hint_level=1), path)
    settings, report = load_settings_with_report(path)
    assert (settings.language, settings.font_size, settings.max_hint_level) == ("es", 24, 1)
    assert report.problems == []


def test_validate_is_pure_and_names_what_it_reset():
    fixed, reset = validate(Settings(theme="neon", autosave_seconds=0))
    assert fixed.theme == "default" and fixed.autosave_seconds == 5
    assert sorted(reset) == ["autosave_seconds", "theme"]


def test_system_language():
    assert system_language({"LANG": "es_ES.UTF-8"}) == "es"
    assert system_language({"LANGUAGE": "en_GB", "LANG": "es_ES"}) == "en"
    assert system_language({"LC_ALL": "C"}) == "en"


def test_each_setting_is_described_once_and_its_default_is_allowed():
    from dataclasses import fields

    from kidcoder.config import SETTINGS_HELP, default
    from kidcoder.editor.render import DEFAULT_FONT_SIZE

    names = [f.name for f in fields(Settings)]
    assert list(SETTINGS_HELP) == [name for name in names if name != "extra"]
    assert validate(Settings()) == (Settings(), [])
    assert "10 to 48" in SETTINGS_HELP["font_size"] and "default or high_contrast" == SETTINGS_HELP["theme"]
    assert DEFAULT_FONT_SIZE == default("font_size") == Settings().font_size
