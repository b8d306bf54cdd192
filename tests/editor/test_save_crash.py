"""Kill a real process (SIGKILL) while it saves or autosaves: the file is always the old or the new one, whole.

The child saves two big versions in turn as fast as it can; we kill it at
random moments. Afterwards the program file (and its .bak) must each be one
of the two versions exactly, and the next start must offer the autosaved
work back.
"""
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kidcoder.editor.files import ProjectFiles

ROOT = Path(__file__).resolve().parents[2]
VERSION_A = "a = 1\n" * 30000
VERSION_B = "bb = 22  # ñ\n" * 20000
KILLS = 6

CHILD = textwrap.dedent("""
    import sys
    from kidcoder.editor.files import ProjectFiles
    projects, autosave, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    versions = VERSIONS
    files = ProjectFiles(projects, autosave)
    doc = files.open(projects + "/game.py")
    i = 0
    while True:
        doc.text = versions[i % 2]
        if mode == "save":
            files.save(doc)
        else:
            files.autosave(doc)
        if i == 1:
            print("ready", flush=True)
        i += 1
""")


def run_and_kill(tmp_path: Path, mode: str, delay: float) -> ProjectFiles:
    projects, autosave = tmp_path / "projects", tmp_path / "autosave"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    script = tmp_path / "child.py"
    script.write_text(CHILD.replace("VERSIONS", repr([VERSION_A, VERSION_B])), encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(projects), str(autosave), mode],
                             stdout=subprocess.PIPE, env=env, cwd=str(ROOT))
    try:
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return ProjectFiles(projects, autosave)


@pytest.fixture
def program(tmp_path):
    (tmp_path / "projects").mkdir()
    path = tmp_path / "projects" / "game.py"
    path.write_text(VERSION_A, encoding="utf-8")
    return path


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_saving_leaves_a_whole_file(tmp_path, program):
    rng = random.Random(4)
    for _ in range(KILLS):
        run_and_kill(tmp_path, "save", rng.uniform(0.0, 0.05))
        assert program.read_text(encoding="utf-8") in (VERSION_A, VERSION_B)
        bak = program.with_name("game.py.bak")
        assert bak.read_text(encoding="utf-8") in (VERSION_A, VERSION_B)
    ProjectFiles(tmp_path / "projects", tmp_path / "autosave").recoveries()  # the next start tidies up
    assert sorted(p.name for p in program.parent.iterdir()) == ["game.py", "game.py.bak"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_autosaving_offers_whole_work_on_next_start(tmp_path, program):
    rng = random.Random(7)
    for _ in range(KILLS):
        next_start = run_and_kill(tmp_path, "autosave", rng.uniform(0.0, 0.05))
        assert program.read_text(encoding="utf-8") == VERSION_A  # autosave never touches the program file
        offers = next_start.recoveries()
        # The autosave holds A (same as the file: nothing to offer) or B (offered back), never a torn copy.
        assert len(offers) <= 1
        if offers:
            assert offers[0].document.text == VERSION_B
            assert offers[0].document.path == program
    # Once the file differs, the last autosave (whatever version it held) is offered back whole.
    program.write_text("something else\n", encoding="utf-8")
    offers = next_start.recoveries()
    assert len(offers) == 1 and offers[0].document.text in (VERSION_A, VERSION_B)
    assert [p.suffix for p in next_start.autosave_folder.iterdir()] == [".json"]  # torn temp files are gone
