"""The window's doors to Sugar: open a Pippy program (real Pippy files), share a game as an activity (a real
.xo, read by sugar3 when it is installed), and keys and words that work inside Sugar's shell."""
import json
import os
import subprocess
from pathlib import Path

import pygame
import pytest

from kidcoder.i18n import tr
from kidcoder.sugar.journal import Journal
from kidcoder.sugar.pippy_program import PIPPY_HEADER
from tests.sugar.fake_datastore import FakeDatastore
from tests.sugar.test_export import READ_BUNDLE, SUGAR_PYTHON, _sugar_reader_or_skip
from tests.ui.driver import key, run_until, step

# Pippy's own examples (GPL), where Debian's sugar-pippy-activity installs them (as tests/pippy reads them).
PIPPY_EXAMPLES = Path(os.environ.get("KIDCODER_PIPPY_EXAMPLES",
                                     "/usr/share/sugar/activities/Pippy.activity/data/en")) / "graphics"
needs_pippy = pytest.mark.skipif(not (PIPPY_EXAMPLES / "bounce").is_file(),
                                 reason=f"Pippy's examples are not installed ({PIPPY_EXAMPLES}): "
                                        "apt-get install sugar-pippy-activity")
CTRL = pygame.KMOD_CTRL
GAME = """import pygame

pygame.init()
screen = pygame.display.set_mode((200, 150))
clock = pygame.time.Clock()
for frame in range(60):
    screen.fill((250, 200, 40))
    pygame.draw.circle(screen, (200, 30, 30), (100, 75), 40)
    pygame.display.flip()
    clock.tick(60)
"""


@pytest.fixture
def window(windows, tmp_path):
    def make(sugar=False, lang="en"):
        app = windows(lang, sugar=sugar)
        if sugar:                                          # Sugar's Journal: a stand-in datastore
            store = tmp_path / "datastore"
            store.mkdir(exist_ok=True)
            app.datastore = FakeDatastore(str(store))
            app.more.sugar.journal_maker = lambda: Journal(app.datastore)
        return app
    return make


def pick_file(app, path):
    """In the open file picker: type the file's path and press Enter."""
    assert app.dialog.name == "pippy"
    app.dialog.window.file_path_text_line.set_text(str(path))
    key(app, pygame.K_RETURN)


@needs_pippy
def test_a_pippy_journal_file_opens_without_pippys_header_and_runs(window, tmp_path):
    app = window()
    source = (PIPPY_EXAMPLES / "bounce").read_text(encoding="utf-8")
    kept = tmp_path / "Bounce Activity"                   # how Pippy keeps it: no .py, its two header lines
    kept.write_text("\n".join(PIPPY_HEADER) + "\n" + source, encoding="utf-8")
    app.actions.do("more")
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)                              # Pictures, Sounds, Open a Pippy program
    key(app, pygame.K_RETURN)
    pick_file(app, kept)
    run_until(app, lambda: app.docs.path is not None, what="the Pippy program")
    assert app.docs.path.name == "Bounce_Activity.py" and app.docs.path.parent == Path(app.docs.files.folder)
    assert app.editor.get_text() == source and "import pippy" in source
    app.actions.do("run")
    run_until(app, lambda: app.preview.frames_drawn >= 10, what="the bounce example's frames")
    assert app.games.live
    app.actions.do("stop")


@needs_pippy
def test_a_pippy_session_opens_its_first_tab_and_keeps_the_others(window, tmp_path):
    app = window(sugar=True)
    app.datastore.add("mine-1", "\n".join(PIPPY_HEADER) + "\nprint('mine')\n", title="Mine")
    session = tmp_path / "Pippy session"
    session.write_text(json.dumps([["bounce", str(PIPPY_EXAMPLES / "bounce")], ["Mine", "mine-1"],
                                   ["Gone", "not-in-the-journal"]]), encoding="utf-8")
    key(app, pygame.K_o, mod=CTRL | pygame.KMOD_SHIFT)
    pick_file(app, session)
    run_until(app, lambda: app.docs.path is not None, what="the session's first tab")
    assert app.docs.path.name == "bounce.py"
    mine = Path(app.docs.files.folder) / "Mine.py"
    assert mine.read_text(encoding="utf-8") == "print('mine')\n"        # from the Journal, header hidden
    assert "Mine.py" in app.helper.text and "2" in app.helper.text


def test_a_file_that_is_not_a_program_gets_a_kind_message(window, tmp_path):
    app = window()
    junk = tmp_path / "photo"
    junk.write_bytes(bytes(range(256)) * 8)
    app.actions.do("open_pippy")
    pick_file(app, junk)
    run_until(app, lambda: app.helper.heading == tr("ui.helper.problem_title"), what="the message")
    assert app.docs.path is None and app.helper.text == tr("file.binary")


def share(app, name):
    app.actions.do("share")
    assert app.dialog.name == "share"
    entry = app.dialog.entry
    entry.set_text(name)
    key(app, pygame.K_RETURN)
    naming = lambda: app.dialog is not None and app.dialog.name == "save_name"      # noqa: E731
    run_until(app, lambda: not app.more.sugar.sharing or naming(), timeout=90, what="the activity or a name")
    if naming():                      # a new program is named first: keep the suggested name
        key(app, pygame.K_RETURN)
        run_until(app, lambda: not app.more.sugar.sharing, timeout=90, what="the activity")


def test_sharing_saves_first_then_makes_an_activity_sugar_can_read(window):
    app = window()
    app.editor.set_text(GAME)
    app.editor.view.buffer.insert_text("# my sun game\n")      # unsaved: sharing saves it first
    share(app, "Sunny Day")
    xo = Path(app.docs.path).parent / "SunnyDay.xo"
    assert xo.is_file(), app.helper.text
    assert str(xo) in app.helper.text and not app.editor.modified
    _sugar_reader_or_skip()
    read = subprocess.run([SUGAR_PYTHON, "-c", READ_BUNDLE, str(xo)], capture_output=True, text=True, timeout=60)
    assert read.returncode == 0, read.stderr
    seen = json.loads(read.stdout)
    assert seen["name"] == "Sunny Day" and seen["command"] == f"python3 launch_game.py {app.docs.path.name}"


def test_inside_sugar_the_activity_goes_to_the_journal_and_ctrl_keys_work(window):
    app = window(sugar=True, lang="es")
    assert app.toolbar.buttons["run"].text == "Jugar Ctrl+R" and app.toolbar.buttons["stop"].text == "Parar Ctrl+."
    assert "F5" not in app.helper.text and "Ctrl+R" in app.helper.text          # the welcome names Ctrl+R
    app.editor.set_text(GAME.replace("range(60)", "range(100000)"))
    key(app, pygame.K_r, mod=CTRL)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="the game")
    assert app.focus == "preview"                      # the game has the keyboard, and Ctrl+. still stops it
    key(app, pygame.K_PERIOD, mod=CTRL)
    assert not app.games.live and app.focus == "editor"
    key(app, pygame.K_h, mod=CTRL)                     # Ctrl+H is Help
    share(app, "Sol")
    assert app.datastore.writes == 1, app.helper.text
    kept = next(iter(app.datastore.entries.values()))
    assert kept["mime_type"] == "application/vnd.olpc-sugar" and kept["title"] == "Sol"
    assert "Diario" in app.helper.text
