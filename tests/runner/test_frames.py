"""The frame buffer: made by the app, frames arrive whole across real processes, and nothing a game
writes into it (a bad slot, NaN, huge sizes, a truncation) can crash or fool the app."""
import multiprocessing
import os
import struct
import time

import pygame
import pytest

from kidcoder.runner import frames
from kidcoder.runner.frames import FrameBuffer, FrameWriter, fit_size, rang, unlink_segment


def _write_many(fd, name, count, bell=None):
    import pygame as pg
    writer = FrameWriter(fd=fd, name=name, bell=bell)
    surface = pg.Surface((32, 16))
    for number in range(1, count + 1):
        surface.fill((number % 256, 0, 255 - number % 256))
        writer.publish(surface, number, float(number))


def _writer_for(buffer):
    return FrameWriter(fd=buffer.fd, name=buffer.name)


def test_reader_sees_the_newest_frame_with_its_pixels():
    buffer = FrameBuffer(capacity=64)
    writer = _writer_for(buffer)
    try:
        assert buffer.latest() is None and buffer.latest_info() == (0, 0.0)
        surface = pygame.Surface((8, 4))
        surface.fill((10, 20, 30))
        writer.publish(surface, 1, 5.0)
        surface.fill((200, 100, 50))
        writer.publish(surface, 2, 6.0)
        frame = buffer.latest()
        assert (frame.number, frame.width, frame.height, frame.time) == (2, 8, 4, 6.0)
        assert frame.to_surface().get_at((3, 2))[:3] == (200, 100, 50)
    finally:
        writer.close()
        buffer.close()


def test_latest_into_hands_over_the_pixels_in_place_and_refuses_a_frame_written_meanwhile():
    buffer = FrameBuffer(capacity=64)
    writer = _writer_for(buffer)
    surface = pygame.Surface((8, 4))
    try:
        assert buffer.latest_into(lambda *args: None) is None         # no frame yet
        surface.fill((200, 100, 50))
        writer.publish(surface, 7, 3.0)
        seen = []
        assert buffer.latest_into(lambda pixels, w, h: seen.append((bytes(pixels[:4]), w, h))) == (7, 3.0)
        assert seen == [(bytes((50, 100, 200)) + bytes(pixels_x(surface)), 8, 4)]

        def meanwhile(pixels, w, h):             # the game publishes twice while the window reads: the second
            for _ in range(2):                  # lands in the slot being read (a torn frame)
                writer.publish(surface, writer_numbers.pop(0), 4.0)

        writer_numbers = list(range(8, 40))
        assert buffer.latest_into(meanwhile) is None
        buffer.close()                          # nothing kept a view of the memory
    finally:
        writer.close()
        buffer.close()


def pixels_x(surface):
    """The fourth byte of an XRGB pixel as the game's surface has it."""
    return surface.get_buffer().raw[3:4]


def test_a_window_bigger_than_the_buffer_is_scaled_down_to_fit():
    assert fit_size(640, 480) == (640, 480)
    width, height = fit_size(3000, 3000)
    assert width * height <= frames.FRAME_CAPACITY and abs(width - height) <= 1
    assert fit_size(10 ** 9, 0) == (frames.MAX_SIDE, 1)
    buffer = FrameBuffer(capacity=100)
    writer = _writer_for(buffer)
    surface = pygame.Surface((40, 40))
    surface.fill((1, 2, 3))
    writer.publish(surface, 1, 1.0)
    frame = buffer.latest()
    assert frame.width * frame.height <= 100 and frame.to_surface().get_at((0, 0))[:3] == (1, 2, 3)
    writer.close()
    buffer.close()


@pytest.mark.skipif(not hasattr(os, "memfd_create"), reason="no memfd on this system: the fallback is used")
def test_the_buffer_is_sealed_so_a_game_cannot_truncate_it_under_the_app():
    buffer = FrameBuffer(capacity=64)
    assert buffer.sealed
    for size in (0, 10, buffer.size * 2):
        with pytest.raises(PermissionError):
            os.ftruncate(buffer.fd, size)
    assert buffer.latest_info() == (0, 0.0)       # still mapped, still readable: no SIGBUS
    buffer.close()


def test_values_out_of_range_are_ignored_not_believed():
    buffer = FrameBuffer(capacity=64)
    writer = _writer_for(buffer)
    surface = pygame.Surface((8, 4))
    writer.publish(surface, 3, 7.0)
    good = buffer.latest_info()
    raw = writer._map
    for slot in (2, -5, 2 ** 31 - 1):                       # a slot that does not exist
        struct.pack_into("<i", raw, frames.LATEST_OFFSET, slot)
        assert buffer.latest_info() == good and buffer.latest() is None
    struct.pack_into("<i", raw, frames.LATEST_OFFSET, 0)
    offset = frames.slot_offset(0, 64)
    for seq, number, when, width, height in [(2, 9, float("nan"), 8, 4), (2, 9, 1.0, 4096, 4096),
                                             (2, 9, 1.0, 0, 4), (2, 2 ** 60, 1.0, 8, 4),
                                             (2, 9, float("inf"), 8, 4)]:
        frames._SLOT.pack_into(raw, offset, seq, number, when, width, height)
        assert buffer.latest_info() == good and buffer.latest() is None
    writer.close()
    buffer.close()


def test_no_torn_frames_while_another_process_writes_fast():
    buffer = FrameBuffer(capacity=32 * 16)
    ctx = multiprocessing.get_context("fork")
    proc = ctx.Process(target=_write_many, args=(buffer.fd, buffer.name, 3000))
    proc.start()
    try:
        seen = 0
        while proc.is_alive() or seen == 0:
            frame = buffer.latest()
            if frame is None:
                if not proc.is_alive():
                    break
                continue
            pixels = frame.pixels
            first = pixels[:4]
            # Every pixel of a whole frame has the same colour, from the same frame number.
            assert pixels == first * (len(pixels) // 4), f"torn frame {frame.number}"
            assert first[2] == frame.number % 256       # BGRA: red is byte 2
            seen += 1
        assert seen > 0
    finally:
        proc.join(10)
        buffer.close()


def _bell_of(buffer):
    """The doorbell's ringing end, as the game is told of it (child_args), and handed over (pass_fds)."""
    args = buffer.child_args()
    ring = int(args[args.index("--frames-bell") + 1])
    assert ring in buffer.pass_fds and ring != buffer.bell
    return ring


def test_the_game_rings_the_doorbell_after_each_frame_from_another_process():
    buffer = FrameBuffer(capacity=32 * 16)
    assert rang(buffer.bell, 0.0) is False                  # nothing drawn: silent
    proc = multiprocessing.get_context("fork").Process(target=_write_many,
                                                       args=(buffer.fd, buffer.name, 1, _bell_of(buffer)))
    proc.start()
    try:
        assert rang(buffer.bell, 60.0) is True              # wakes as soon as the frame is there
        assert buffer.latest_info()[0] == 1                 # ... and the frame is whole by then
        assert rang(buffer.bell, 0.0) is False              # answered: silent again until the next frame
    finally:
        proc.join(10)
        buffer.close()
    assert buffer.bell is None and rang(-1, 0.0) is False   # closed; a closed doorbell is no error


def test_a_doorbell_nobody_answers_never_blocks_the_game():
    buffer = FrameBuffer(capacity=8 * 8)
    writer = FrameWriter(fd=buffer.fd, name=buffer.name, bell=_bell_of(buffer))
    surface = pygame.Surface((8, 8))
    try:
        for number in range(1, 70_001):          # more rings than a pipe holds (64 KiB): the rest are dropped
            writer.publish(surface, number, float(number))
        assert rang(buffer.bell, 0.0) is True and buffer.latest_info()[0] == 70_000
    finally:
        writer.close()
        buffer.close()
    listen, ring = os.pipe()
    os.close(listen)
    frames.ring(ring)                           # the window closed its end (it quit): still no error
    os.close(ring)


def test_a_doorbell_nobody_can_ring_any_more_is_slept_on_not_spun_on():
    listen, ring = os.pipe()
    os.close(ring)                              # readable at once (end of file), with nothing in it
    started = time.perf_counter()
    assert rang(listen, 0.05) is False
    assert time.perf_counter() - started >= 0.05
    os.close(listen)


def test_the_shared_memory_fallback_works_the_same(monkeypatch):
    monkeypatch.setattr(frames, "_sealed_memfd", lambda size: None)
    buffer = FrameBuffer(capacity=64)
    assert not buffer.sealed and buffer.child_args()[0] == "--frames-shm"
    writer = _writer_for(buffer)
    surface = pygame.Surface((8, 8))
    surface.fill((9, 8, 7))
    writer.publish(surface, 1, 1.0)
    assert buffer.latest().to_surface().get_at((1, 1))[:3] == (9, 8, 7)
    writer.close()
    buffer.close()
    assert unlink_segment(buffer.name) is False          # already gone


def test_a_writer_refuses_memory_that_is_not_a_frame_buffer():
    fd = os.memfd_create("junk") if hasattr(os, "memfd_create") else None
    if fd is None:
        pytest.skip("no memfd on this system")
    os.ftruncate(fd, 4096)
    with pytest.raises(ValueError):
        FrameWriter(fd=fd)
    os.close(fd)
