"""Screenshots of what a child sees when naming, renaming and finding programs (issue 16, docs/walk/files/).

    SDL_VIDEODRIVER=dummy python3 tools/files_walk.py [OUT_FOLDER]

It makes a private KIDCODER_HOME with 16 programs (the examples, run for a moment
so each has a thumbnail of its last frame, plus a few without a picture), then
drives the real window at 1200x900 and 800x600 in English and Spanish: the
naming dialog with its suggestion, a bad name, a name that is taken, Rename,
My programs (all, scrolled, searched) and the console after a crash.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["KIDCODER_HOME"] = tempfile.mkdtemp(prefix="kidcoder-walk-")

import pygame  # noqa: E402

from kidcoder import paths  # noqa: E402
from kidcoder.config import Settings  # noqa: E402
from kidcoder.projects.store import ProgramStore  # noqa: E402
from kidcoder.runner.headless import run_program  # noqa: E402

CRASH = """import pygame
pygame.init()
screen = pygame.display.set_mode((400, 300))
pygame.display.set_caption("Cat and fish")
clock = pygame.time.Clock()
cat_x, running = 0, True
while running:
    running = not any(event.type == pygame.QUIT for event in pygame.event.get())
    cat_x += 2
    screen.fill((20, 30, 70))
    pygame.draw.circle(screen, (255, 165, 0), (cat_x, 150), 20)
    if cat_x > 60:
        pygame.draw.circle(screen, (80, 160, 255), (300, 150), fish_size)
    pygame.display.flip()
    clock.tick(60)
"""


def make_programs() -> None:
    """The examples with pictures of their last frame, and some programs never run (no picture)."""
    store = ProgramStore()
    store.folder.mkdir(parents=True, exist_ok=True)
    examples = sorted((paths.assets_dir() / "examples").glob("*.py"))
    from kidcoder.ui.program_grid import encode_thumbnail

    from kidcoder.ui.gallery import copy_example

    for number, example in enumerate(examples):
        target = copy_example(example.name, store.folder)          # with the pictures it loads
        shot = Path(tempfile.mkdtemp()) / "last.png"
        run_program(target, frames=90, seconds=20, screenshot=str(shot))
        if shot.is_file():
            store.save_thumbnail(target, encode_thumbnail(pygame.image.load(str(shot))))
        os.utime(target, (time.time() - number * 7200, time.time() - number * 7200))
    for number, name in enumerate(("my_first_game", "gato_y_pez", "ñandú_veloz", "rocket_race_to_the_moon")):
        target = store.folder / f"{name}.py"
        target.write_text("print('hello')\n", encoding="utf-8")
        when = time.time() - (number + 1) * 86400 * (3 if number else 1)
        os.utime(target, (when, when))


def shoot(app, out: Path, name: str) -> None:
    for _ in range(3):
        app.step()
    pygame.image.save(app.screen, str(out / name))
    print("saved", out / name)


def key(app, k, mod=0, text=None):
    from tests.ui.driver import key as press

    if text is not None:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        app.step()
    if k is not None:
        press(app, k, mod=mod)


def walk(out: Path, size, lang: str) -> None:
    from tests.ui.driver import close_app, run_until
    from kidcoder.ui.app import App

    tag = f"{size[0]}x{size[1]}_{lang}"
    app = App(Settings(language=lang), size=size)
    try:
        run_until(app, lambda: app.dialog is None and app.frames > 3, what="start")
        key(app, pygame.K_n, pygame.KMOD_LCTRL)                    # the last program came back: start anew
        app.editor.set_text(CRASH)
        key(app, pygame.K_s, pygame.KMOD_LCTRL)                     # the first Save asks for a name
        shoot(app, out, f"{tag}_1_name.png")
        key(app, pygame.K_BACKSPACE)
        key(app, None, text="cat/fish")                            # a name with a slash: a kind message
        shoot(app, out, f"{tag}_2_bad_name.png")
        for _ in range(8):
            key(app, pygame.K_BACKSPACE)
        key(app, None, text="snake")                               # a name that is taken: ask first
        key(app, pygame.K_RETURN)
        shoot(app, out, f"{tag}_3_name_taken.png")
        key(app, pygame.K_ESCAPE)
        key(app, pygame.K_s, pygame.KMOD_LCTRL)
        key(app, pygame.K_RETURN)                                  # keep the suggestion
        run_until(app, lambda: app.docs.path is not None and app.docs.pending_saves == 0, what="the save")
        key(app, pygame.K_F5)                                      # run it: it crashes at line 13
        run_until(app, lambda: app.games.state == "ended", what="the crash")
        run_until(app, lambda: not app.helper.busy, timeout=60, what="the hint")
        shoot(app, out, f"{tag}_4_console_short.png")
        key(app, pygame.K_F12)
        shoot(app, out, f"{tag}_5_console_whole.png")
        key(app, pygame.K_F12)
        key(app, pygame.K_o, pygame.KMOD_LCTRL)                    # My programs
        run_until(app, lambda: app.dialog is not None, what="My programs")
        shoot(app, out, f"{tag}_6_my_programs.png")
        for _ in range(4):
            key(app, pygame.K_DOWN)
        shoot(app, out, f"{tag}_7_my_programs_scrolled.png")
        key(app, None, text="an")
        shoot(app, out, f"{tag}_8_my_programs_search.png")
        key(app, pygame.K_F2)                                      # rename the chosen one
        shoot(app, out, f"{tag}_9_rename.png")
        key(app, pygame.K_ESCAPE)
    finally:
        close_app(app)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "walk" / "files"
    out.mkdir(parents=True, exist_ok=True)
    make_programs()
    for size in ((1200, 900), (800, 600)):
        for lang in ("en", "es"):
            walk(out, size, lang)


if __name__ == "__main__":
    main()
