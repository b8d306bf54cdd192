"""ProjectFiles: open/save/save-as, .bak, line endings, tabs, BOM, bad files, autosave timing and recovery."""
import pytest

from kidcoder.editor.files import (AutosaveTimer, ProgramFileError, ProjectFiles, describe_error, detect_newline,
                                   read_program_text, recovery_message)


@pytest.fixture
def files(tmp_path):
    return ProjectFiles(tmp_path / "projects", tmp_path / "autosave")


def test_default_folders_live_in_the_users_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    default = ProjectFiles()
    assert default.folder == tmp_path / "home" / "data" / "projects"
    assert default.folder.is_dir()
    assert default.autosave_folder.parent == tmp_path / "home" / "data"


def test_new_path_never_reuses_a_taken_name(files):
    first = files.new_path()
    first.write_text("x")
    second = files.new_path()
    assert first.name == "my_game.py" and second.name == "my_game_2.py"


def test_save_and_open_round_trip_and_list(files):
    doc = files.new("print('¡hola!')\n")
    path = files.save(doc)
    assert path.parent == files.folder and doc.path == path
    assert files.open(path).text == "print('¡hola!')\n"
    assert files.list_projects() == [path]


def test_save_keeps_previous_version_as_bak(files, tmp_path):
    path = tmp_path / "game.py"
    path.write_text("old = 1\n")
    doc = files.open(path)
    doc.text = "new = 2\n"
    files.save(doc)
    assert path.read_text() == "new = 2\n"
    assert (tmp_path / "game.py.bak").read_text() == "old = 1\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_save_as_writes_a_new_file_and_leaves_the_old_one(files, tmp_path):
    old = tmp_path / "a.py"
    old.write_text("a\n")
    doc = files.open(old)
    new = files.save_as(doc, tmp_path / "b.py")
    assert new.read_text() == "a\n" and old.read_text() == "a\n" and doc.path == new


def test_windows_line_endings_and_tabs_are_saved_back_unchanged(files, tmp_path):
    original = b"if x:\r\n\tjump()\r\n\tprint('a\tb')\r\n"
    path = tmp_path / "win.py"
    path.write_bytes(original)
    doc = files.open(path)
    assert doc.text == "if x:\n\tjump()\n\tprint('a\tb')\n"
    assert doc.newline == "\r\n"
    files.save(doc)
    assert path.read_bytes() == original
    doc.text += "\tmore()\n"
    files.save(doc)
    assert path.read_bytes() == original + b"\tmore()\r\n"


def test_utf8_bom_is_kept(files, tmp_path):
    path = tmp_path / "bom.py"
    path.write_bytes(b"\xef\xbb\xbfx = '\xc3\xb1'\n")
    doc = files.open(path)
    assert doc.text == "x = 'ñ'\n" and doc.bom
    files.save(doc)
    assert path.read_bytes() == b"\xef\xbb\xbfx = '\xc3\xb1'\n"


def test_detect_newline_picks_the_most_common_ending():
    assert detect_newline("a\r\nb\r\nc\n") == "\r\n"
    assert detect_newline("a\nb") == "\n"
    assert detect_newline("one line") == "\n"
    assert detect_newline("a\rb\r") == "\r"


@pytest.mark.parametrize("content, key", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "file.binary"),
    (b"caf\xe9 = 1\n", "file.not_utf8"),
    (b"x" * (1024 * 1024 + 1), "file.too_big"),
])
def test_bad_files_give_a_kind_message_and_change_nothing(files, tmp_path, content, key):
    path = tmp_path / "bad.py"
    path.write_bytes(content)
    with pytest.raises(ProgramFileError) as info:
        files.open(path)
    assert info.value.key == key
    assert path.read_bytes() == content
    for lang in ("en", "es"):
        message = describe_error(info.value, lang)
        assert message and not message.startswith("file.")


def test_missing_file_and_folder(files, tmp_path):
    with pytest.raises(ProgramFileError) as info:
        files.open(tmp_path / "nope.py")
    assert info.value.key == "file.missing"
    with pytest.raises(ProgramFileError) as info:
        files.open(tmp_path)
    assert info.value.key == "file.is_dir"


def test_read_program_text_still_normalises_line_endings(tmp_path):
    path = tmp_path / "p.py"
    path.write_bytes(b"a\r\nb\rc\n")
    assert read_program_text(path) == "a\nb\nc\n"


def test_save_failure_is_a_kind_error_and_the_old_file_survives(files, tmp_path, monkeypatch):
    path = tmp_path / "game.py"
    path.write_text("safe\n")
    doc = files.open(path)
    doc.text = "new\n"

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kidcoder.editor.files.os.replace", disk_full)
    with pytest.raises(ProgramFileError) as info:
        files.save(doc)
    monkeypatch.undo()
    assert info.value.key == "editor.save_failed"
    assert path.read_text() == "safe\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.py"]  # no temp files left behind
    assert "game.py" in describe_error(info.value, "es")


# ----- autosave ---------------------------------------------------------------------------------------
class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_autosave_timer_waits_for_a_pause_but_never_more_than_five_seconds():
    clock = FakeClock()
    timer = AutosaveTimer(clock)
    assert not timer.due()
    timer.edited()
    clock.now = 0.5
    assert not timer.due()
    clock.now = 1.0
    assert timer.due()  # the child paused for a second
    timer.done()
    for step in range(1, 60):  # typing without a pause, every 0.2 s
        clock.now = 10 + step * 0.2
        timer.edited()
        if timer.due():
            break
    assert clock.now - 10.2 <= 5.0 + 1e-9


def test_autosave_is_offered_back_after_a_crash_and_skipped_once_saved(files, tmp_path):
    path = tmp_path / "game.py"
    path.write_text("v1\n")
    doc = files.open(path)
    doc.text = "v2 unsaved\n"
    files.autosave(doc)
    untitled = files.new("brand new\n")
    files.autosave(untitled)

    fresh = ProjectFiles(files.folder, files.autosave_folder)  # the next start
    found = {r.document.text: r for r in fresh.recoveries()}
    assert set(found) == {"v2 unsaved\n", "brand new\n"}
    assert found["v2 unsaved\n"].document.path == path
    assert "game.py" in recovery_message(found["v2 unsaved\n"], "en")
    assert recovery_message(found["brand new\n"], "es").startswith("KidCoder")

    restored = fresh.restore(found["v2 unsaved\n"])
    fresh.save(restored)
    fresh.discard_recovery(found["brand new\n"])
    assert fresh.recoveries() == []
    assert path.read_text() == "v2 unsaved\n"


def test_autosave_that_matches_the_file_is_not_offered(files, tmp_path):
    path = tmp_path / "same.py"
    path.write_text("same\n")
    doc = files.open(path)
    files.autosave(doc)
    assert files.recoveries() == []


def test_broken_autosave_file_is_ignored(files):
    files.autosave_folder.mkdir(parents=True)
    (files.autosave_folder / "junk.json").write_text("{not json")
    assert files.recoveries() == []
