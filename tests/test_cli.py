"""The command-line contract: one JSON object with --json, exit 2 and one clear line for bad input."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAMES = ROOT / "tests" / "games"


def kidcoder(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kidcoder", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)


def test_run_json_contract(tmp_path):
    shot = tmp_path / "shot.png"
    out = kidcoder("run", str(GAMES / "colour_frames.py"), "--headless", "--frames", "12", "--json",
                   "--screenshot", str(shot))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"exit", "frames", "fps", "error", "contained"}
    assert result["exit"] == "ok" and result["frames"] == 12 and result["error"] is None
    assert isinstance(result["fps"], float)
    assert shot.stat().st_size > 0


def test_run_reports_the_childs_error_and_still_exits_0(tmp_path):
    program = tmp_path / "oops.py"
    program.write_text("lives = 3\nprint(lifes)\n")
    out = kidcoder("run", str(program), "--headless", "--json")
    assert out.returncode == 0
    result = json.loads(out.stdout)
    assert result["exit"] == "error"
    assert result["error"] == {"type": "NameError", "message": "name 'lifes' is not defined", "line": 2}


def test_run_stdin_feeds_input():
    out = kidcoder("run", str(GAMES / "quiz.py"), "--headless", "--json", "--stdin", "Ana\\n9")
    assert json.loads(out.stdout)["exit"] == "ok"


def test_run_timeout(tmp_path):
    program = tmp_path / "forever.py"
    program.write_text("while True:\n    pass\n")
    out = kidcoder("run", str(program), "--headless", "--json", "--seconds", "1")
    assert json.loads(out.stdout)["exit"] == "timeout"


def _bad_files(tmp_path):
    binary = tmp_path / "picture.py"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin.py"
    latin1.write_bytes("print('año')\n".encode("latin-1"))
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * 200000)
    folder = tmp_path / "a folder"
    folder.mkdir()
    return {"missing": tmp_path / "nope.py", "folder": folder, "binary": binary, "not utf-8": latin1,
            "too big": big}


@pytest.mark.parametrize("command", [["run", "--headless"], ["hint"]])
def test_bad_input_exits_2_with_one_line(tmp_path, command):
    for label, path in _bad_files(tmp_path).items():
        out = kidcoder(command[0], str(path), *command[1:], "--json")
        assert out.returncode == 2, (label, out.stdout, out.stderr)
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kidcoder: "), (label, out.stderr)
        assert "Traceback" not in out.stderr and out.stdout == ""


def test_bad_arguments_exit_2():
    for args in (["run"], ["run", "x.py", "--frames", "zero"], ["hint", "x.py", "--level", "7"],
                 ["ask", "hi", "--lang", "fr"], ["nosuchcommand"]):
        out = kidcoder(*args)
        assert out.returncode == 2, args
        assert "Traceback" not in out.stderr


def test_windows_line_endings_and_bom_are_accepted(tmp_path):
    program = tmp_path / "crlf.py"
    program.write_bytes(b"\xef\xbb\xbfprint('hola')\r\nprint('adios')\r\n")
    out = kidcoder("run", str(program), "--headless", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["exit"] == "ok"
