"""FileWorker: file calls run off the UI thread, in order, and errors come back as kind messages."""
import dataclasses
import time

import pytest

from kidcoder.editor.files import ProjectFiles, describe_error
from kidcoder.editor.worker import FileWorker


def wait_for(worker, count, timeout=5.0):
    results = []
    end = time.monotonic() + timeout
    while len(results) < count and time.monotonic() < end:
        results += worker.poll()
        time.sleep(0.005)
    return results


@pytest.fixture
def worker(tmp_path):
    w = FileWorker(ProjectFiles(tmp_path / "projects", tmp_path / "autosave"))
    yield w
    w.close()


def test_save_then_open_in_order(worker, tmp_path):
    doc = worker.files.new("x = 1\n")
    target = tmp_path / "projects" / "game.py"
    worker.submit("save_as", dataclasses.replace(doc), target, tag="save")
    worker.submit("open", target, tag="open")
    results = wait_for(worker, 2)
    assert [r.tag for r in results] == ["save", "open"]
    assert results[0].value == target and results[0].error is None
    assert results[1].value.text == "x = 1\n"


def test_a_bad_file_comes_back_as_an_error_not_a_crash(worker, tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"\xff\xfe\x00")
    worker.submit("open", bad)
    worker.submit("list_projects")
    first, second = wait_for(worker, 2)
    assert first.error is not None and first.error.key == "file.binary"
    assert describe_error(first.error, "es")
    assert second.error is None and second.value == []


def test_unexpected_failures_get_a_kind_message(worker):
    worker.submit("save", None)  # not a document at all
    (result,) = wait_for(worker, 1)
    assert result.error.key == "editor.file_problem"


def test_unknown_actions_are_refused(worker):
    with pytest.raises(ValueError):
        worker.submit("format_disk")


def test_close_finishes_queued_saves(tmp_path):
    w = FileWorker(ProjectFiles(tmp_path / "p", tmp_path / "a"))
    doc = w.files.new("last words\n")
    w.submit("save_as", doc, tmp_path / "p" / "end.py")
    w.close()
    assert (tmp_path / "p" / "end.py").read_text() == "last words\n"
