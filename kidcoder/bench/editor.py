"""Editor speed figures for `kidcoder bench`: per-keystroke cost and opening a 1,000-line game.

editor_keystroke_ms_p95: typing 500 characters (letters, brackets, Enter) into
the middle of a 1,000-line game; each keystroke is the buffer update, the
highlight refresh and drawing the whole pane, 95th percentile in ms (goal <= 8).
editor_open_1000_lines_ms: reading the file, loading it into the view,
highlighting it and drawing the first screen. editor_open_string_keystroke_ms:
the one keystroke that opens a triple-quoted string at line 300, so the 700
lines after it are recoloured (the worst single keystroke).
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Dict, List

from kidcoder.editor.clipboard import InAppClipboard
from kidcoder.editor.files import ProjectFiles

TYPED = (
    "def jump(player, power=12):\n"
    "if player.on_ground:\n"
    "player.speed_y = -power  # go up!\n"
    "player.on_ground = False\n"
    "print(\"jump\", player.x, player.y)\n"
)


def sample_game(lines: int = 1000) -> str:
    """A plausible child's game of about the given number of lines."""
    head = [
        "import random",
        "import pygame",
        "",
        "pygame.init()",
        "WIDTH, HEIGHT = 800, 600",
        "screen = pygame.display.set_mode((WIDTH, HEIGHT))",
        "clock = pygame.time.Clock()",
        'font = pygame.font.SysFont(None, 36)',
        "",
    ]
    block = [
        "class Enemy{n}(pygame.sprite.Sprite):",
        '    """Enemy number {n}: it walks and bounces."""',
        "    def __init__(self, x, y):",
        "        super().__init__()",
        "        self.image = pygame.Surface((32, 32))",
        "        self.image.fill((200, {n} % 255, 40))",
        "        self.rect = self.image.get_rect(topleft=(x, y))",
        "        self.speed = random.choice([-3, -2, 2, 3])",
        "",
        "    def update(self):",
        "        self.rect.x += self.speed",
        "        if self.rect.left < 0 or self.rect.right > WIDTH:",
        "            self.speed = -self.speed  # bounce back",
        "        label = 'enemy {n}'",
        "",
    ]
    out = list(head)
    n = 0
    while len(out) < lines - 12:
        out.extend(line.format(n=n) for line in block)
        n += 1
    out = out[:lines - 12]
    out += [
        "running = True",
        "while running:",
        "    for event in pygame.event.get():",
        "        if event.type == pygame.QUIT:",
        "            running = False",
        "    screen.fill((30, 30, 60))",
        '    text = font.render("Score: 0", True, (255, 255, 255))',
        "    screen.blit(text, (10, 10))",
        "    pygame.display.flip()",
        "    clock.tick(60)",
        "pygame.quit()",
        "",
    ]
    return "\n".join(out[:lines])


def _keystrokes(count: int) -> List[str]:
    text = (TYPED * (count // len(TYPED) + 1))[:count]
    return list(text)


def measure(**_options) -> Dict[str, float]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # imported only now, with the variables above set: pygame greets on stdout, where the JSON goes
    import pygame
    from kidcoder.editor.view import EditorView

    pygame.font.init()
    surface = pygame.Surface((900, 700))
    rect = pygame.Rect(0, 0, 900, 700)
    with tempfile.TemporaryDirectory(prefix="kidcoder-bench-") as folder:
        path = Path(folder) / "big_game.py"
        path.write_text(sample_game(1000), encoding="utf-8")
        files = ProjectFiles(folder, Path(folder) / "autosave")
        view = EditorView(rect, font_size=18, clipboard=InAppClipboard())
        view.draw(surface)  # fonts warmed up, like a window that is already open
        start = time.perf_counter()
        document = files.open(path)
        view.set_text(document.text)
        view.draw(surface)
        open_ms = (time.perf_counter() - start) * 1000

    view.goto_line(500)
    view.buffer.end()
    view.buffer.newline()
    view.ensure_cursor_visible()
    view.draw(surface)
    times = []
    for ch in _keystrokes(500):
        if ch == "\n":
            event = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
        else:
            event = pygame.event.Event(pygame.TEXTINPUT, text=ch)
        t0 = time.perf_counter()
        view.handle_event(event)
        view.update(1 / 60)
        view.draw(surface)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    return {
        "editor_keystroke_ms_p95": round(p95, 3),
        "editor_keystroke_ms_median": round(statistics.median(times), 3),
        "editor_open_1000_lines_ms": round(open_ms, 2),
        "editor_open_string_keystroke_ms": round(_open_string_cost(view, surface), 3),
    }


def _open_string_cost(view, surface) -> float:
    """The worst keystroke: the third quote of \"\"\" turns the rest of the file into a string (recoloured)."""
    import pygame  # already loaded by measure(), after the environment was set

    view.goto_line(300)
    view.buffer.end()
    view.handle_event(pygame.event.Event(pygame.TEXTINPUT, text='""'))
    view.draw(surface)
    t0 = time.perf_counter()
    view.handle_event(pygame.event.Event(pygame.TEXTINPUT, text='"'))
    view.draw(surface)
    return (time.perf_counter() - t0) * 1000


if __name__ == "__main__":
    import json
    print(json.dumps(measure(), indent=2))
