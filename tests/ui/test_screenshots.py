"""Render the whole window to PNG at 1200x900 and 800x600 with a game running.

The pictures are for people to look at; the test checks they are real: the
right size, many colours, the game's own pixels inside the preview. They go to
a temporary folder; KIDCODER_WRITE_SCREENSHOTS=1 writes docs/screenshot*.png
(the README's picture) instead, so an ordinary test run changes no tracked file.
"""
import os
from pathlib import Path

import pygame
import pytest

from tests.ui.driver import close_app, make_app, run_until

DOCS = Path(__file__).resolve().parents[2] / "docs"
SHOTS = {(1200, 900): "screenshot.png", (800, 600): "screenshot-800x600.png"}


@pytest.mark.parametrize("size", list(SHOTS))
def test_window_screenshot(size, tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))     # a fresh projects folder: the file is catch.py
    app = make_app(size)
    try:
        app.actions.open_example("catch.py")
        run_until(app, lambda: app.docs.path is not None, what="the example")
        app.actions.do("run")
        run_until(app, lambda: app.preview.frames_drawn >= 60, what="60 frames")
        app.set_focus("editor")
        app.editor.view.goto_line(12)
        for _ in range(3):
            app.step()
        folder = DOCS if os.environ.get("KIDCODER_WRITE_SCREENSHOTS") == "1" else tmp_path
        folder.mkdir(exist_ok=True)
        target = folder / SHOTS[size]
        pygame.image.save(app.screen, str(target))
        picture = pygame.image.load(str(target))
        assert picture.get_size() == size
        colours = {tuple(picture.get_at((x, y))) for x in range(0, size[0], 7) for y in range(0, size[1], 7)}
        assert len(colours) > 50
        shown = app.preview.shown_box
        frame = app.preview.last_frame
        assert frame is not None and shown.w > 200
        sky = frame.get_at((frame.get_width() // 2, 60))     # the game's own pixels are in the window
        seen = picture.get_at((shown.x + shown.w // 2, shown.y + 60 * shown.h // frame.get_height()))
        assert all(abs(a - b) <= 8 for a, b in zip(seen[:3], sky[:3])), (seen, sky)   # smoothscale blends a bit
    finally:
        close_app(app)
