"""Reading Pippy programs and Pippy Journal files (kidcoder.sugar.pippy_program), and the names made for them."""
import json

import pytest

from kidcoder.editor.files import ProgramFileError
from kidcoder.sugar.names import ascii_slug, display_name, file_stem
from kidcoder.sugar.pippy_program import (PippyProgram, parse_pippy_text, read_pippy_file, save_programs,
                                          strip_pippy_header)

CODE = "import pippy\nprint('hi')\n"


def test_a_pippy_py_file_opens_as_it_is(tmp_path):
    path = tmp_path / "My Bounce.py"
    path.write_text(CODE, encoding="utf-8")
    assert read_pippy_file(path) == [PippyProgram("My_Bounce.py", CODE)]


def test_the_header_pippy_writes_on_top_is_hidden_like_pippy_does():
    assert strip_pippy_header("#!/usr/bin/python3\n# -*- coding: utf-8 -*-\n" + CODE) == CODE
    assert strip_pippy_header("#!/usr/bin/python3\r\n# -*- coding: utf-8 -*-\r\n" + CODE) == CODE
    only_one = "#!/usr/bin/python3\n" + CODE             # not Pippy's header: kept
    assert strip_pippy_header(only_one) == only_one


def test_a_pippy_session_reads_examples_and_journal_entries(tmp_path):
    example = tmp_path / "bounce"
    example.write_text("print('bounce')\n", encoding="utf-8")
    session = json.dumps([["bounce", str(example)], ["Mine", "1234-abcd"], ["Gone", "dead-beef"],
                          ["Missing example", str(tmp_path / "nothere")]])
    journal = {"1234-abcd": "#!/usr/bin/python3\n# -*- coding: utf-8 -*-\nprint('mine')\n"}
    path = tmp_path / "Pippy Activity"
    path.write_text(session, encoding="utf-8")
    programs = read_pippy_file(path, resolve=journal.get)
    assert programs == [PippyProgram("bounce.py", "print('bounce')\n"), PippyProgram("Mine.py", "print('mine')\n")]


def test_a_session_without_the_journal_keeps_only_what_it_can_read(tmp_path):
    path = tmp_path / "session.json"
    path.write_text(json.dumps([["Mine", "1234-abcd"]]), encoding="utf-8")
    with pytest.raises(ProgramFileError) as caught:
        read_pippy_file(path)
    assert caught.value.key == "sugar.pippy.empty"


def test_text_that_only_looks_like_json_is_a_program():
    text = "[1, 2, 3]\n"
    assert parse_pippy_text(text, "list") == [PippyProgram("list.py", text)]


def test_bad_files_give_the_usual_file_messages(tmp_path):
    with pytest.raises(ProgramFileError) as caught:
        read_pippy_file(tmp_path / "nothere.py")
    assert caught.value.key == "file.missing"
    binary = tmp_path / "picture.py"
    binary.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(ProgramFileError) as caught:
        read_pippy_file(binary)
    assert caught.value.key == "file.binary"


def test_saving_uses_free_names_and_reuses_an_identical_file(tmp_path):
    programs = [PippyProgram("bounce.py", "a\n"), PippyProgram("bounce.py", "b\n")]
    first = save_programs(programs, tmp_path)
    assert [p.name for p in first] == ["bounce.py", "bounce_2.py"]
    assert [p.read_text() for p in first] == ["a\n", "b\n"]
    again = save_programs([PippyProgram("bounce.py", "a\n")], tmp_path)
    assert again == [tmp_path / "bounce.py"]                # the same program opened twice: no copy


def test_names():
    assert file_stem("My Pong!.py") == "My_Pong"
    assert file_stem("../../etc/passwd") == "etc_passwd"
    assert file_stem("  ") == "my_game"
    assert file_stem("Ñandú") == "Ñandú"
    assert ascii_slug("Mi juego Ñandú 2") == "MiJuegoNandu2"
    assert ascii_slug("3 in a row") == "G3InARow"
    assert ascii_slug("¡¡!!") == "game"
    assert display_name("space_shooter.py") == "space shooter"
    assert display_name("a\nb\tc") == "a b c"
    assert len(display_name("x" * 100)) == 40
