"""A gentle tip (a remark that is not a problem for this program, such as no clock in a game that
draws only when a key is pressed) is shown under "no problems", in the window and by `kidcoder hint`."""
import os
import subprocess
import sys

import pygame
import pytest

from kidcoder.i18n import tr
from tests.ui.driver import close_app, key, make_app, run_until

DRAWS_ON_KEYS = """import pygame
pygame.init()
screen = pygame.display.set_mode((400, 300))
x = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            raise SystemExit
        if event.type == pygame.KEYDOWN:
            x += 10
            screen.fill((0, 0, 0))
            pygame.draw.circle(screen, (255, 0, 0), (x, 100), 20)
            pygame.display.flip()
"""


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    window = make_app()
    yield window
    close_app(window)


def test_the_window_shows_the_tip_under_no_problems(app):
    app.editor.set_text(DRAWS_ON_KEYS)
    key(app, pygame.K_F1)
    run_until(app, lambda: app.helper.hint is not None and not app.helper.busy, timeout=60, what="the hint")
    hint = app.helper.hint
    assert hint["ok"] is True and hint["tip"]
    assert tr("ui.helper.tip", tip=hint["tip"]) in app.helper.text
    assert app.helper.text.startswith(hint["hint"])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_kidcoder_hint_prints_the_tip_on_its_own_line(tmp_path, lang):
    program = tmp_path / "keys_game.py"
    program.write_text(DRAWS_ON_KEYS, encoding="utf-8")
    env = dict(os.environ, KIDCODER_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "kidcoder", "hint", "--no-model", "--lang", lang, str(program)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.strip().split("\n")
    assert second.startswith(tr("cli.tip", lang=lang, tip="").strip())
    assert "clock" in second.lower() or "reloj" in second.lower()
