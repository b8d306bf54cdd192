"""The full program list: every program (not 12), newest first, searchable, hidden files left out."""
import os
import time

from kidcoder.projects.catalog import folded, list_programs, search, when_text


def _programs(folder, names):
    now = time.time()
    for age, name in enumerate(names):
        path = folder / name
        path.write_text("print('hi')\n", encoding="utf-8")
        os.utime(path, (now - age * 60, now - age * 60))


def test_every_program_is_listed_newest_first(tmp_path):
    names = [f"game_{number}.py" for number in range(20)]
    _programs(tmp_path, names)
    (tmp_path / ".run-abc.py").write_text("x")             # KidCoder's hidden run copy
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "images").mkdir()
    listed = list_programs(tmp_path)
    assert [entry.path.name for entry in listed] == names   # all 20, newest first
    assert list_programs(tmp_path / "missing") == []


def test_search_ignores_capitals_accents_and_underscores_and_keeps_the_order(tmp_path):
    _programs(tmp_path, ["Ñandú_veloz.py", "cat_and_fish.py", "space_cat.py", "pong.py"])
    entries = list_programs(tmp_path)
    assert [e.name for e in search(entries, "cat")] == ["cat_and_fish", "space_cat"]
    assert [e.name for e in search(entries, "NANDU")] == ["Ñandú_veloz"]
    assert [e.name for e in search(entries, "and fish")] == ["cat_and_fish"]
    assert [e.name for e in search(entries, "fish cat")] == ["cat_and_fish"]     # every word, any order
    assert search(entries, "zebra") == []
    assert search(entries, "  ") == entries
    assert folded("Año_Nuevo") == "ano nuevo"


def test_when_a_program_changed_reads_like_a_child_says_it():
    now = time.mktime((2025, 3, 20, 15, 0, 0, 0, 0, -1))
    assert when_text(now - 3600, now, "en") == "today"
    assert when_text(now - 86400, now, "es") == "ayer"
    assert when_text(now - 3 * 86400, now, "en") == "3 days ago"
    assert when_text(now - 30 * 86400, now, "en") == "18 Feb 2025"
    assert when_text(now - 30 * 86400, now, "es") == "18 feb 2025"
