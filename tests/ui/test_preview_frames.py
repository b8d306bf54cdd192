"""The preview's frames: scaled straight out of the game's shared memory, pixel-equal to a reference scale,
smoothed once the picture stays, taken only when the game drew a new one, and kept when the game is gone.
The game is a real frame buffer written in this process (runner/frames.py), handed to the pane as a game is."""
import time

import pygame
import pytest

from kidcoder.runner.frames import FrameBuffer, FrameWriter
from kidcoder.ui.preview_pane import SETTLE_S
from kidcoder.ui.redraw import wait_for_events


class BufferGame:
    """What the pane asks of a running game (runner/host.GameProcess), over a real frame buffer."""

    def __init__(self):
        self.buffer = FrameBuffer(capacity=640 * 480)
        self.writer = FrameWriter(fd=self.buffer.fd, name=self.buffer.name)
        self.number = 0

    def draw(self, surface) -> None:
        self.number += 1
        self.writer.publish(surface, self.number, float(self.number))

    def latest_number(self):
        return self.buffer.latest_info()[0]

    def latest_frame_into(self, draw):
        return self.buffer.latest_into(draw)

    def close(self):
        self.writer.close()
        self.buffer.close()


@pytest.fixture
def game():
    made = BufferGame()
    yield made
    made.close()


def stripes(size, shift=0):
    """A picture whose fast and smooth scales differ (thin stripes), at the game's size, B G R x."""
    surface = pygame.Surface(size, 0, 32, masks=(0xFF0000, 0xFF00, 0xFF, 0))
    surface.fill((30, 60, 90))
    for x in range(shift % 3, size[0], 3):
        pygame.draw.line(surface, (255, 255, (x * 7) % 256), (x, 0), (x, size[1] - 1))
    return surface


def raw(surface):
    return surface.get_view("2").raw


def shown(app):
    """The picture as the pane draws it into the window."""
    screen = pygame.Surface(app.screen.get_size(), 0, app.screen)
    app.preview.draw_picture(screen)
    return raw(screen.subsurface(app.preview.shown_box).copy())


def test_a_moving_frame_is_the_fast_scale_of_the_game_and_a_frame_that_stays_the_smooth_one(windows, game):
    app = windows()
    preview = app.preview
    picture = stripes((600, 400))
    game.draw(picture)
    assert preview.frame_waiting(game)
    assert preview.refresh(game) and preview.frames_drawn == 1 and not preview.frame_waiting(game)
    size = preview.shown_box.w, preview.shown_box.h
    assert size[0] < 600
    assert shown(app) == raw(pygame.transform.scale(picture, size))
    time.sleep(SETTLE_S * 1.5)
    assert not preview.refresh(game)                # the same frame: not taken again, but smoothed now
    assert shown(app) == raw(pygame.transform.smoothscale(picture, size)) != raw(pygame.transform.scale(picture, size))
    assert raw(preview.last_frame) == raw(picture)


def test_only_new_frames_are_taken_and_each_one_shows_its_own_picture(windows, game):
    app = windows()
    preview = app.preview
    for shift in range(3):
        picture = stripes((600, 400), shift)
        game.draw(picture)
        assert preview.refresh(game)
        assert not preview.refresh(game)            # nothing new: skipped
        size = preview.shown_box.w, preview.shown_box.h
        assert shown(app) == raw(pygame.transform.scale(picture, size))
    assert preview.frames_drawn == 3


def test_a_game_that_fits_is_shown_at_its_own_size(windows, game):
    app = windows()
    picture = stripes((160, 120))
    game.draw(picture)
    assert app.preview.refresh(game)
    assert (app.preview.shown_box.w, app.preview.shown_box.h) == (160, 120)
    assert shown(app) == raw(picture)


def test_the_last_frame_is_kept_when_the_game_is_gone_and_follows_a_new_pane_size(windows, game):
    app = windows()
    preview = app.preview
    picture = stripes((600, 400))
    game.draw(picture)
    preview.refresh(game)
    assert raw(preview.last_frame) == raw(picture)     # the thumbnail, taken while the game is there
    game.close()
    preview.refresh(None)                               # the game was stopped
    time.sleep(SETTLE_S * 1.5)
    preview.refresh(None)
    size = preview.shown_box.w, preview.shown_box.h
    assert shown(app) == raw(pygame.transform.smoothscale(picture, size))
    box = preview.box
    preview.set_box(type(box)(box.x, box.y, box.w // 2, box.h // 2))
    size = preview.shown_box.w, preview.shown_box.h
    assert shown(app) == raw(pygame.transform.smoothscale(picture, size))


def test_the_window_wakes_for_a_new_frame_before_its_timeout():
    pygame.display.init()
    pygame.event.clear()
    asked = []

    def woken():
        asked.append(1)
        return len(asked) >= 3

    started = time.perf_counter()
    assert wait_for_events(30.0, 0.001, woken) == []
    assert len(asked) == 3 and time.perf_counter() - started < 20.0


def test_a_picture_nothing_covers_is_scaled_straight_into_the_window_and_kept_before_it_is_drawn_over(windows, game):
    app = windows()
    preview = app.preview
    first, second = stripes((600, 400)), stripes((600, 400), 1)
    game.draw(first)
    preview.refresh(game)
    preview.show_picture(app.screen)                # the picture alone went out: it lives in the window now
    box = preview.shown_box
    size = box.w, box.h
    in_window = lambda: raw(app.screen.subsurface(box).copy())      # noqa: E731
    game.draw(second)
    assert preview.refresh(game)
    assert in_window() == raw(pygame.transform.scale(second, size))     # there at once, nothing else drawn
    assert shown(app) == in_window()                # drawn elsewhere, it comes from the window
    app.draw()                                      # the whole window drawn over it: kept first
    assert in_window() == raw(pygame.transform.scale(second, size))
    game.draw(first)
    assert preview.refresh(game)                    # it no longer lives in the window: the window is untouched
    assert in_window() == raw(pygame.transform.scale(second, size))
    assert shown(app) == raw(pygame.transform.scale(first, size))
