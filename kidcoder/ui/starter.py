"""The program a new file starts with (the window's first frame shows it, before pygame-gui is loaded)."""
from __future__ import annotations

from kidcoder.i18n import tr


def starter_program(lang: str = "en") -> str:
    """The program a new file starts with: a working, empty game loop with comments in lang."""
    return "\n".join([
        f"# {tr('ui.starter.title', lang)}",
        "import pygame",
        "",
        "pygame.init()",
        "screen = pygame.display.set_mode((600, 400))",
        "clock = pygame.time.Clock()",
        "",
        "running = True",
        "while running:",
        "    for event in pygame.event.get():",
        "        if event.type == pygame.QUIT:",
        "            running = False",
        "",
        "    screen.fill((30, 30, 60))",
        f"    # {tr('ui.starter.draw', lang)}",
        "    pygame.draw.circle(screen, (255, 200, 0), (300, 200), 40)",
        "",
        "    pygame.display.flip()",
        "    clock.tick(60)",
        "",
        "pygame.quit()",
        "",
    ])
