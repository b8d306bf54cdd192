"""Pictures of what a child sees in the window, for people to look at: python3 tools/walk_layout.py [OUT]

Renders the real window (SDL's dummy driver: no screen needed) at 1200x900 and 800x600,
in English and Spanish, in these states: the starter program, a game running, a hint at
level 2 and level 3 with its fix, an answer with code and "Tell me more", the console
after a game printed and failed. PNGs go to OUT (default docs/walk/layout), named
<size>-<lang>-<state>.png, scaled down to keep them small (SCALE).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BROKEN = """import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
clock = pygame.time.Clock()
x = 100

running = True
while running
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((30, 30, 60))
    pygame.draw.circle(screen, (255, 200, 0), (x, 200), 40)
    x = x + 2
    pygame.display.flip()
    clock.tick(60)
pygame.quit()
"""
PRINTS = """import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
score = 0
for turn in range(5):
    score = score + 10
    print("Score:", score)
print("Now the game breaks:")
print(lives)
"""
SCALE = {1200: 0.6, 800: 0.75}
QUESTION = {"en": "how do I make my player jump with gravity", "es": "como hago que mi jugador salte con gravedad"}


def wait(app, condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.step()
        if condition():
            return True
        time.sleep(0.01)
    print("  (timed out)", file=sys.stderr)
    return False


def steps(app, count=3):
    for _ in range(count):
        app.step()


def save(app, out: Path, name: str, scale: float = 0.75) -> None:
    import pygame

    picture = app.screen
    if scale != 1.0:
        w, h = picture.get_size()
        picture = pygame.transform.smoothscale(picture, (int(w * scale), int(h * scale)))
    path = out / name
    pygame.image.save(picture, str(path))
    print(path)


def walk(size, lang: str, out: Path, full: bool = False) -> None:
    import pygame

    from kidcoder.config import Settings
    from kidcoder.ui.app import App

    app = App(Settings(language=lang), size=size)
    tag = f"{size[0]}x{size[1]}-{lang}"
    scale = 1.0 if full else SCALE.get(size[0], 0.75)
    try:
        wait(app, lambda: app.assist.index_ready, timeout=240)
        steps(app, 5)
        save(app, out, f"{tag}-1-starter.png", scale)

        app.actions.open_example("catch.py")
        wait(app, lambda: app.docs.path is not None and app.docs.path.stem.startswith("catch"))
        app.actions.do("run")
        wait(app, lambda: app.preview.frames_drawn >= 60)
        steps(app, 3)
        save(app, out, f"{tag}-2-game-running.png", scale)
        app.actions.do("stop")
        wait(app, lambda: not app.games.live)

        app.editor.set_text(BROKEN)
        app.actions.do("run")
        wait(app, lambda: app.helper.hint is not None and not app.helper.busy)
        app.actions.do("help")
        wait(app, lambda: app.helper.level == 2 and not app.helper.busy)
        steps(app, 3)
        save(app, out, f"{tag}-3-hint-level2.png", scale)
        app.actions.do("help")
        wait(app, lambda: app.helper.level == 3 and not app.helper.busy)
        steps(app, 3)
        save(app, out, f"{tag}-4-hint-level3-fix.png", scale)

        app.helper.question.set_text(QUESTION[lang])
        app.actions.do("send_question")
        wait(app, lambda: app.helper.page.kind == "answer")
        steps(app, 3)
        save(app, out, f"{tag}-5-answer.png", scale)

        app.editor.set_text(PRINTS)
        app.actions.do("run")
        wait(app, lambda: app.helper.hint is not None and not app.helper.busy)
        app.actions.do("show_console")
        steps(app, 3)
        save(app, out, f"{tag}-6-console-error.png", scale)
    finally:
        app.shutdown()
        pygame.display.quit()


def main(argv) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "walk" / "layout"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KIDCODER_HOME", tempfile.mkdtemp(prefix="kidcoder-walk-"))
    sizes = [(1200, 900), (800, 600)]
    langs = ["en", "es"]
    for size in sizes:
        for lang in langs:
            walk(size, lang, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
