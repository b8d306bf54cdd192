"""Playing many games in one window keeps nothing of each game: counted (objects, open files, threads),
never measured in bytes or time (issue 17: the window grew with every game played)."""
import gc
import io
import os
import threading

import pygame

from kidcoder.ui.editor_pane import LINES_KEPT
from kidcoder.ui.program_grid import encode_thumbnail, png_bytes
from tests.ui.driver import key, run_until, step, type_program
from tests.ui.test_redraw import GAME


def kept():
    """What a played game could leave behind: file objects in memory, open files and pipes, threads."""
    gc.collect()
    return {"BytesIO": sum(1 for o in gc.get_objects() if isinstance(o, io.BytesIO)),
            "open files": len(os.listdir("/proc/self/fd")), "threads": threading.active_count()}


def lines_kept(app) -> int:
    """How many rendered lines of code the editor keeps (pictures, each ~40 KB)."""
    return len(app.editor.view.renderer._cache)


def program(number: int) -> str:
    """GAME with lines of its own, like another example from the gallery."""
    return GAME + "".join(f"\n# game {number}, line {line}: the ball bounces" for line in range(20))


def play_once(app):
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3 and app.games.live, what="game frames")
    app.actions.do("stop")
    run_until(app, lambda: not app.games.live and not app.worker.busy, what="the game stopped")
    app.preview.frames_drawn = 0


def test_playing_games_in_one_window_keeps_nothing_of_each(windows):
    app = windows()
    app.editor.set_text(program(0))
    play_once(app)                                      # the first game starts what stays (its threads)
    first = kept()
    for number in range(1, 4):
        app.editor.set_text(program(number))
        play_once(app)
        assert lines_kept(app) <= len(program(number).splitlines())     # this program's lines only
    run_until(app, lambda: kept() == first, timeout=10, what=f"only what the first game left: {first}")
    assert app.files.waiting_thumbnail is not None      # each stopped game did make its picture


def test_the_editor_keeps_the_lines_of_the_open_program_only_and_not_each_typed_letter(windows):
    app = windows()
    renderer = app.editor.view.renderer
    app.editor.set_text(program(1))
    step(app, 2)
    drawn = renderer.renders
    assert drawn > 20 and lines_kept(app) <= len(program(1).splitlines())
    app.editor.set_text(program(2))
    step(app, 2)
    app.editor.set_text(program(1))
    step(app, 2)
    assert renderer.renders >= drawn + 2 * 20            # program 1 was drawn again: nothing of it was kept
    app.set_focus("editor")
    for _ in range(LINES_KEPT + 50):                    # each letter drawn makes a picture of its line
        type_program(app, "x")
    assert LINES_KEPT - 10 <= lines_kept(app) <= LINES_KEPT


def test_a_thumbnail_keeps_no_file_object_and_is_a_png_of_the_frame():
    frame = pygame.Surface((320, 240), 0, 32)
    frame.fill((200, 40, 10))
    pygame.draw.rect(frame, (10, 220, 30), (0, 0, 160, 120))
    before = kept()["BytesIO"]
    pictures = [encode_thumbnail(frame) for _ in range(5)]
    assert kept()["BytesIO"] == before
    picture = pygame.image.load(io.BytesIO(pictures[0]), "thumbnail.png")
    w, h = picture.get_size()
    assert w < 320 and abs(w / h - 4 / 3) < 0.05
    assert tuple(picture.get_at((w // 4, h // 4)))[:3] == (10, 220, 30)
    assert tuple(picture.get_at((3 * w // 4, 3 * h // 4)))[:3] == (200, 40, 10)


def test_png_bytes_is_read_back_pixel_for_pixel():
    rgb = bytes(range(0, 2 * 3 * 3))                     # 3 wide, 2 high
    picture = pygame.image.load(io.BytesIO(png_bytes(3, 2, rgb)), "p.png")
    assert pygame.image.tobytes(picture, "RGB") == rgb
