"""safe_files: special files are refused before a byte is read, reads are capped, and a failed write
leaves neither half a file nor a temporary file."""
import os
import socket

import pytest

from kidcoder.safe_files import FileTooLarge, NotARegularFile, read_capped, write_new, write_replacing


def test_special_files_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    for path, kind in ((fifo, "a FIFO (named pipe)"), (tmp_path / "sock", "a socket"), (tmp_path, "a folder"),
                       ("/dev/zero", "a device")):
        with pytest.raises(NotARegularFile) as info:
            read_capped(path, 100)
        assert info.value.kind == kind
    server.close()


def test_reads_are_capped(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge):
        read_capped(path, 100)
    assert read_capped(path, 101) == b"x" * 101
    with pytest.raises(FileNotFoundError):
        read_capped(tmp_path / "missing", 100)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    write_replacing(path, b"old")

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as info:
        write_replacing(path, b"new")
    assert info.value.filename == str(path)            # the error names the file, not the temporary one
    with pytest.raises(OSError):
        write_new(tmp_path / "game.py", b"print(1)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"] and path.read_bytes() == b"old"


def test_write_new_never_overwrites(tmp_path):
    path = tmp_path / "game.py"
    write_new(path, b"first")
    with pytest.raises(FileExistsError):
        write_new(path, b"second")
    assert path.read_bytes() == b"first" and [p.name for p in tmp_path.iterdir()] == ["game.py"]
