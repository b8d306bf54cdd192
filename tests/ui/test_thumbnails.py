"""The Pictures picker's small pictures: made on the background Worker, cached, the oldest let go first."""
import threading
import time

import pygame

from kidcoder.background import Worker
from kidcoder.making import library
from kidcoder.ui.thumbnails import Thumbnails, load_thumbnail


def drain(worker, thumbnails, until, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for result in worker.poll():
            thumbnails.result(result)
        if until():
            return
        time.sleep(0.01)
    raise AssertionError("the pictures did not come")


def test_pictures_are_made_off_the_ui_thread_kept_and_the_oldest_let_go():
    pygame.display.init()
    pygame.display.set_mode((50, 50))
    worker = Worker(name="thumbs-test")
    try:
        thumbnails = Thumbnails(worker, limit=5)
        entries = library.pictures()[:8]
        assert thumbnails.get("cat", 64) is None
        thumbnails.want(entries[:4], 64)
        thumbnails.want(entries[:4], 64)                   # asked already: no second batch
        assert worker.busy <= 1
        drain(worker, thumbnails, lambda: len(thumbnails) == 4)
        cat = thumbnails.get("cat", 64)
        assert cat.get_size() == (64, 64) and cat.get_at((32, 32))[3] == 255     # the cat's face, not see-through
        thumbnails.want(entries[4:8], 64)
        drain(worker, thumbnails, lambda: thumbnails.get(entries[7].id, 64) is not None)
        assert len(thumbnails) == 5 and thumbnails.get("cat", 64) is not None    # the cat was looked at last
        assert thumbnails.get(entries[1].id, 64) is None                        # the oldest went
        gate = threading.Event()
        worker.submit("thumbnail", gate.wait, 10, lane="thumbnail", report=False)   # the lane is busy...
        thumbnails.want(library.pictures()[20:40], 96)
        thumbnails.stop()                                  # ... when the picker closes: that batch never runs
        gate.set()
        drain(worker, thumbnails, lambda: worker.busy == 0)
        assert all(thumbnails.get(entry.id, 96) is None for entry in library.pictures()[20:40])
    finally:
        worker.close()


def test_a_picture_keeps_its_shape_inside_its_square(tmp_path):
    pygame.display.init()
    wide = pygame.Surface((100, 50))
    wide.fill((200, 0, 0))
    pygame.image.save(wide, str(tmp_path / "wide.png"))
    square = load_thumbnail(str(tmp_path / "wide.png"), 40)
    assert square.get_size() == (40, 40)
    red = square.get_at((20, 20))
    assert red[0] > 190 and red[1] < 10 and red[3] == 255 and square.get_at((20, 2))[3] == 0     # see-through above
