"""Settings under stress: two processes saving 1,000 times each lose nothing and never see a broken
file; odd or hostile settings files (a folder, a FIFO, deep nesting, huge values) give clear problems."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kidcoder.config import load_settings, load_settings_with_report, save_settings, Settings

ROOT = Path(__file__).resolve().parent.parent

SAVER = """
import sys
from kidcoder.config import load_settings, load_settings_with_report, save_settings
path, name, low, span, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
settings = load_settings(path)
broken = 0
for i in range(count):
    setattr(settings, name, low + i % span)
    save_settings(settings, path)
    seen, report = load_settings_with_report(path)
    broken += bool(report.problems)
print(broken, getattr(settings, name))
"""


def test_two_processes_saving_a_thousand_times_each_lose_nothing(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(theme="high_contrast"), path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    savers = [subprocess.Popen([sys.executable, "-c", SAVER, str(path), name, str(low), str(span), "1000"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for name, low, span in (("font_size", 10, 39), ("autosave_seconds", 1, 60))]
    results = [saver.communicate(timeout=600) for saver in savers]
    for (out, err), saver in zip(results, savers):
        assert saver.returncode == 0, err[-2000:]
        assert out.split()[0] == "0", "a reader saw a broken settings file"
    final = load_settings(path)
    assert final.font_size == int(results[0][0].split()[1]) == 10 + 999 % 39
    assert final.autosave_seconds == int(results[1][0].split()[1]) == 1 + 999 % 60
    assert final.theme == "high_contrast"            # a value neither saver touched survives both
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json", "settings.json.lock"]


def test_a_save_keeps_values_another_process_changed_meanwhile(tmp_path):
    path = tmp_path / "settings.json"
    window = load_settings(path)
    teacher = load_settings(path)
    teacher.memory_limit_mb = 256
    save_settings(teacher, path)
    window.font_size = 30
    save_settings(window, path)
    final = load_settings(path)
    assert (final.memory_limit_mb, final.font_size) == (256, 30)


@pytest.mark.parametrize("text,problem", [
    ('{"memory_limit_mb": 8796093022208}', "memory_limit_mb: 8796093022208 is not allowed (memory a running "
                                           "game may use, in MB, 64 to 2048); using 512"),
    ('{"memory_limit_mb": 100000, "network_allowed": "yes"}', "memory_limit_mb: 100000 is not allowed"),
    ('{"memory_limit_mb": 32}', "64 to 2048"),
    ('{"model_first_token_limit_s": NaN}', "model_first_token_limit_s: nan is not allowed"),
    ('{"model_first_token_limit_s": Infinity}', "model_first_token_limit_s: inf is not allowed"),
    ("[" * 100000 + "]" * 100000, "could not be read (RecursionError)"),
    ("[1, 2, 3]", "is not a JSON object"),
    ("\x00\xff\xfe binary", "could not be read"),
    ("{" + '"a": 1, ' * 40000 + '"b": 2}', "is larger than"),
])
def test_odd_settings_files_give_the_defaults_and_a_clear_problem(tmp_path, text, problem):
    path = tmp_path / "settings.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape") if "\x00" not in text else b"\x00\xff\xfe binary")
    settings, report = load_settings_with_report(path)
    assert any(problem in line for line in report.problems), report.problems
    assert 64 <= settings.memory_limit_mb <= 2048 and settings.network_allowed is False


@pytest.mark.parametrize("make", ["folder", "fifo"])
def test_a_folder_or_a_fifo_in_place_of_the_settings_is_refused_without_waiting(tmp_path, make):
    path = tmp_path / "settings.json"
    path.mkdir() if make == "folder" else os.mkfifo(path)
    settings, report = load_settings_with_report(path)
    assert settings == Settings(language=settings.language)
    assert report.problems and ("folder" in report.problems[0] or "FIFO" in report.problems[0])


def test_a_failed_save_leaves_no_temporary_file_and_the_old_settings(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save_settings(Settings(font_size=20), path)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        save_settings(Settings(font_size=30), path)
    assert json.loads(path.read_text())["font_size"] == 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json", "settings.json.lock"]
