"""ProgramStore: saving under a chosen name, renaming, run copies, thumbnails and the last program."""
import os
import time

import pytest

from kidcoder.editor.files import ProgramFileError
from kidcoder.editor.worker import FileWorker
from kidcoder.projects.store import RUN_COPY_KEEP_S, ProgramStore
from kidcoder.projects.thumbnails import fitted_size, thumbnail_path

PNG = b"\x89PNG\r\n\x1a\n fake picture bytes"


@pytest.fixture
def store(tmp_path):
    return ProgramStore(tmp_path / "projects", tmp_path / "data" / "autosave")


def test_a_new_program_is_saved_only_under_the_name_the_child_chose(store):
    doc = store.new("print('cat')\n")
    store.autosave(doc)                                    # typed before the first save: kept safe
    assert store.recoveries()
    path = store.save_named(doc, store.folder / "cat game.py")
    assert path.name == "cat game.py" and path.read_text() == "print('cat')\n"
    assert store.recoveries() == []                        # the untitled autosave went with the save
    assert [p.name for p in store.list_projects()] == ["cat game.py"]


def test_a_taken_name_is_only_replaced_when_the_child_agreed(store):
    store.folder.mkdir(parents=True)
    old = store.folder / "pong.py"
    old.write_text("old pong\n")
    store.save_thumbnail(old, PNG)
    doc = store.new("new pong\n")
    with pytest.raises(ProgramFileError) as info:
        store.save_named(doc, old)
    assert info.value.key == "files.name.exists" and old.read_text() == "old pong\n"
    store.save_named(doc, old, replace=True)
    assert old.read_text() == "new pong\n"
    assert not thumbnail_path(old).exists()                # the old game's picture is not this one's


def test_rename_moves_the_program_its_backup_and_its_picture_and_never_replaces(store):
    doc = store.new("v1\n")
    path = store.save_named(doc, store.folder / "rocket.py")
    doc.text = "v2\n"
    store.save(doc)                                        # now rocket.py.bak holds v1
    store.save_thumbnail(path, PNG)
    new = store.rename(path, store.folder / "space rocket.py")
    assert not path.exists() and new.read_text() == "v2\n"
    assert (store.folder / "space rocket.py.bak").read_text() == "v1\n"
    assert thumbnail_path(new).read_bytes() == PNG and not thumbnail_path(path).exists()
    (store.folder / "other.py").write_text("other\n")
    with pytest.raises(ProgramFileError) as info:
        store.rename(new, store.folder / "other.py")
    assert info.value.key == "files.name.exists" and new.exists()
    assert (store.folder / "other.py").read_text() == "other\n"


def test_a_program_without_a_name_runs_from_a_hidden_copy_that_is_cleaned_up(store):
    doc = store.new("print('run me')\n")
    copy = store.run_copy(doc)
    assert copy.parent == store.folder and copy.name.startswith(".") and copy.read_text() == "print('run me')\n"
    assert store.list_projects() == [] and store.list_programs() == []
    store.save_named(doc, store.folder / "run_me.py")
    assert not copy.exists()                               # named: the copy goes
    left = store.run_copy(store.new("x"))
    old = time.time() - RUN_COPY_KEEP_S - 10
    os.utime(left, (old, old))
    ProgramStore(store.folder, store.autosave_folder).recoveries()     # the next start tidies up
    assert not left.exists()


def test_the_list_has_every_program_with_its_picture_and_forgets_pictures_of_programs_gone(store):
    store.folder.mkdir(parents=True)
    now = time.time()
    for number in range(15):
        path = store.folder / f"game_{number:02d}.py"
        path.write_text("x\n")
        os.utime(path, (now - number, now - number))
        if number % 2 == 0:
            store.save_thumbnail(path, PNG + bytes([number]))
    gone = store.folder / "deleted.py"
    thumbnail_path(gone).write_bytes(PNG)                  # its program was deleted in a file manager
    entries = store.list_programs()
    assert [e.name for e in entries] == [f"game_{n:02d}" for n in range(15)]
    assert [e.thumbnail is not None for e in entries] == [n % 2 == 0 for n in range(15)]
    assert entries[4].thumbnail == PNG + bytes([4])
    assert not thumbnail_path(gone).exists()
    assert store.save_thumbnail(store.folder / "never_saved.py", PNG) is None
    elsewhere = store.folder.parent / "teacher" / "lesson.py"
    elsewhere.parent.mkdir()
    elsewhere.write_text("x\n")
    assert store.save_thumbnail(elsewhere, PNG) is None and not (elsewhere.parent / ".thumbnails").exists()


def test_thumbnails_keep_the_games_shape():
    assert fitted_size((600, 400)) == (160, 107)
    assert fitted_size((400, 600)) == (80, 120)
    assert fitted_size((1, 1)) == (120, 120)


def test_the_last_program_is_remembered_in_the_data_folder_and_forgotten_when_gone(store, tmp_path):
    assert store.open_last() is None
    path = store.save_named(store.new("print('last')\n"), store.folder / "last.py")
    assert store.last_note.parent == tmp_path / "data"
    assert store.open_last().text == "print('last')\n"
    renamed = store.rename(path, store.folder / "first.py")
    assert store.open_last().path == renamed
    renamed.unlink()
    assert store.open_last() is None                      # gone: start as usual
    store.last_note.write_text("{not json")
    assert store.open_last() is None


def test_the_file_worker_runs_the_collections_actions(store):
    worker = FileWorker(store)
    doc = store.new("print(1)\n")
    worker.submit("save_named", doc, store.folder / "one.py", False, tag="named")
    worker.submit("list_programs", tag="list")
    results = []
    deadline = time.monotonic() + 10
    while len(results) < 2 and time.monotonic() < deadline:
        results += worker.poll()
        time.sleep(0.01)
    worker.close()
    assert [r.tag for r in results] == ["named", "list"] and all(r.ok for r in results)
    assert [e.name for e in results[1].value] == ["one"]
