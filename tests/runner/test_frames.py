"""The shared-memory frame buffer: frames arrive whole, never torn, across real processes."""
import multiprocessing
import uuid

import pygame

from kidcoder.runner.frames import FrameReader, FrameWriter, unlink_segment


def _write_many(name, count):
    import pygame as pg
    writer = FrameWriter(name, 32, 16)
    surface = pg.Surface((32, 16))
    for number in range(1, count + 1):
        surface.fill((number % 256, 0, 255 - number % 256))
        writer.publish(surface, number, float(number))


def test_reader_sees_the_newest_frame_with_its_pixels():
    name = "kct" + uuid.uuid4().hex[:10]
    writer = FrameWriter(name, 8, 4)
    try:
        reader = FrameReader(name)
        assert reader.latest() is None and reader.latest_info() == (0, 0.0)
        surface = pygame.Surface((8, 4))
        surface.fill((10, 20, 30))
        writer.publish(surface, 1, 5.0)
        surface.fill((200, 100, 50))
        writer.publish(surface, 2, 6.0)
        frame = reader.latest()
        assert (frame.number, frame.width, frame.height, frame.time) == (2, 8, 4, 6.0)
        assert frame.to_surface().get_at((3, 2))[:3] == (200, 100, 50)
        reader.close()
    finally:
        writer.close()
        unlink_segment(name)


def test_no_torn_frames_while_another_process_writes_fast():
    name = "kct" + uuid.uuid4().hex[:10]
    ctx = multiprocessing.get_context("spawn")
    # The writer creates the segment; wait for it, then read while it keeps writing.
    proc = ctx.Process(target=_write_many, args=(name, 3000))
    proc.start()
    try:
        reader = None
        for _ in range(2000):
            try:
                reader = FrameReader(name)
                break
            except (FileNotFoundError, ValueError):
                proc.join(0.005)
        assert reader is not None, "the writer never made its frame buffer"
        seen = 0
        while proc.is_alive() or seen == 0:
            frame = reader.latest()
            if frame is None:
                continue
            pixels = frame.pixels
            first = pixels[:4]
            # Every pixel of a whole frame has the same colour, from the same frame number.
            assert pixels == first * (len(pixels) // 4), f"torn frame {frame.number}"
            assert first[2] == frame.number % 256       # BGRA: red is byte 2
            seen += 1
        assert seen > 0
        reader.close()
    finally:
        proc.join(10)
        unlink_segment(name)


def test_unlink_of_missing_segment_is_harmless():
    assert unlink_segment("kct-does-not-exist") is False
