"""KidCoder as a Sugar activity: Sugar's arguments, resuming from the Journal, keeping the work there,
and the window's host seam (run_app(host=...)) in a real window on the dummy driver."""
import json
import os
import subprocess
import sys
from pathlib import Path

from kidcoder.sugar.activity import ActivityArgs, SugarHost, parse_activity_args, text_to_keep
from kidcoder.sugar.journal import Journal, open_journal
from tests.sugar.fake_datastore import FakeDatastore

ROOT = Path(__file__).resolve().parents[2]
OURS = "org.kidcoder.KidCoder"
PROGRAM = "import pygame\nprint('hello')\n"


def test_sugars_arguments():
    args = parse_activity_args(["-b", OURS, "-a", "f00d", "-o", "1234", "-i", "--extra"])
    assert args == ActivityArgs(OURS, "f00d", "1234", None)
    by_hand = parse_activity_args([])
    assert by_hand.bundle_id == OURS and len(by_hand.activity_id) == 32 and by_hand.object_id is None


def test_what_is_kept_when_the_window_closes():
    assert text_to_keep(PROGRAM, modified=False, saved_text=None) == PROGRAM
    assert text_to_keep(PROGRAM + "# more", modified=True, saved_text=PROGRAM) == PROGRAM   # "don't save"
    assert text_to_keep(PROGRAM, modified=True, saved_text=None) is None
    assert text_to_keep("  \n", modified=False, saved_text=None) is None


def host_with(tmp_path, object_id=None):
    store = FakeDatastore(str(tmp_path))
    host = SugarHost(ActivityArgs(OURS, "act1", object_id), Journal(store, colour="#FF0000,#00FF00"),
                     tmp_path / "projects")
    return host, store


def test_a_pippy_entry_opens_as_a_new_program_and_is_kept_as_a_kidcoder_entry(tmp_path):
    host, store = host_with(tmp_path, object_id="pippy-1")
    store.add("pippy-1", "#!/usr/bin/python3\n# -*- coding: utf-8 -*-\n" + PROGRAM, title="Bouncing sun",
              activity="org.laptop.Pippy", mime_type="text/x-python")
    opened = host.resume()
    assert [Path(p).name for p in opened] == ["Bouncing_sun.py"]
    assert Path(opened[0]).read_text() == PROGRAM
    host.finished(opened[0], PROGRAM, modified=False)
    assert store.text("pippy-1").startswith("#!/usr/bin/python3")          # Pippy's entry is left alone
    kept = host.kept_id
    assert kept != "pippy-1" and store.text(kept) == PROGRAM
    assert store.entries[kept] == {"title": "Bouncing sun", "title_set_by_user": "1", "mime_type": "text/x-python",
                                   "activity": OURS, "activity_id": "act1", "icon-color": "#FF0000,#00FF00"}


def test_resuming_our_own_entry_keeps_the_work_in_the_same_entry(tmp_path):
    host, store = host_with(tmp_path, object_id="ours-1")
    store.add("ours-1", PROGRAM, title="my game", activity=OURS, mime_type="text/x-python")
    opened = host.resume()
    host.finished(opened[0], PROGRAM + "print('more')\n", modified=False)
    assert host.kept_id == "ours-1" and len(store.entries) == 1
    assert store.text("ours-1").endswith("print('more')\n")


def test_a_pippy_session_entry_opens_every_tab_it_can_read(tmp_path):
    host, store = host_with(tmp_path, object_id="session")
    store.add("tab-a", "print('a')\n", title="a")
    store.add("session", json.dumps([["First", "tab-a"], ["Lost", "no-such-entry"]]), title="Pippy Activity",
              activity="org.laptop.Pippy", mime_type="application/json")
    opened = host.resume()
    assert [Path(p).name for p in opened] == ["First.py"]


def test_nothing_is_kept_without_a_journal_or_a_program(tmp_path):
    host, store = host_with(tmp_path)
    assert host.resume() == []
    host.finished(None, "   ", modified=False)
    assert store.writes == 0
    outside = SugarHost(ActivityArgs(OURS, "act1"), None, tmp_path)
    assert outside.resume() == []
    outside.finished(None, PROGRAM, modified=False)            # no Journal outside Sugar: nothing to do


def test_outside_sugar_there_is_no_journal():
    try:
        import sugar3  # noqa: F401
    except ImportError:
        assert open_journal() is None


WINDOW = """
import json, os, sys
from kidcoder.app import main
from kidcoder.sugar.activity import ActivityArgs, SugarHost
from kidcoder.sugar.journal import Journal
from tests.sugar.fake_datastore import FakeDatastore

calls = []
store = FakeDatastore(sys.argv[2])

class Host(SugarHost):
    def window_ready(self):
        import pygame
        calls.append(("window_ready", pygame.display.get_surface() is not None))
        super().window_ready()

    def finished(self, path, text, modified):
        calls.append(("finished", str(path), text, modified))
        super().finished(path, text, modified)

host = Host(ActivityArgs("org.kidcoder.KidCoder", "act9"), Journal(store), sys.argv[2])
code = main([sys.argv[1]], host=host)
print(json.dumps({"code": code, "calls": calls, "kept": store.text(host.kept_id) if host.kept_id else None}))
"""


def test_the_window_calls_its_host_when_it_opens_and_when_it_closes(tmp_path):
    program = tmp_path / "mine.py"
    program.write_text(PROGRAM, encoding="utf-8")
    demo = tmp_path / "demo.json"
    demo.write_text(json.dumps([{"wait": 1.5}, {"quit": True}]), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), KIDCODER_DEMO=str(demo))
    done = subprocess.run([sys.executable, "-c", WINDOW, str(program), str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["calls"][0] == ["window_ready", True]
    assert seen["calls"][1] == ["finished", str(program), PROGRAM, False]
    assert seen["kept"] == PROGRAM
