"""A double-buffered frame buffer in shared memory, written by the game and read by the app.

Layout: a header, then two slots. Each slot has a sequence number that is odd
while the writer is inside it (a seqlock), so the reader never returns a torn
frame: it copies a slot and keeps the copy only if the number did not move.
Pixels are stored as 32-bit little-endian XRGB (bytes B, G, R, then one ignored byte),
the format of SDL's software display surface, so publishing is usually one memcpy.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from multiprocessing import resource_tracker, shared_memory
from typing import Optional

MAGIC = 0x4B434642  # "KCFB"
VERSION = 1
_HEADER = struct.Struct("<IIIIiI")          # magic, version, width, height, latest slot, pad
HEADER_SIZE = 64
_SLOT = struct.Struct("<QQdII")             # seq, frame number, publish time, width, height
SLOT_HEADER_SIZE = 32
BYTES_PER_PIXEL = 4
SEGMENT_PREFIX = "kc"            # segment names: kc<app pid>x<random>_<display number>
PIXEL_FORMAT = "BGRA"                        # frombuffer format for the slow path's views
XRGB_MASKS = (0xFF0000, 0xFF00, 0xFF, 0)


@dataclass
class Frame:
    """One finished frame copied out of shared memory."""
    number: int
    width: int
    height: int
    pixels: bytes          # width * height * 4 bytes: B, G, R, ignored
    time: float            # time.monotonic() in the game process when it was published

    def to_surface(self):
        """The frame as a pygame Surface (the app and screenshots use it)."""
        import pygame   # lazy: the app side of the runner stays pygame-free until it shows a frame

        surface = pygame.Surface((self.width, self.height), 0, 32, masks=XRGB_MASKS)
        surface.get_buffer().write(self.pixels)
        return surface


def segment_size(width: int, height: int) -> int:
    return HEADER_SIZE + 2 * (SLOT_HEADER_SIZE + width * height * BYTES_PER_PIXEL)


def _open_untracked(name: str, create: bool, size: int = 0) -> shared_memory.SharedMemory:
    """Open a segment without multiprocessing's resource tracker (which would unlink it when the
    *game* exits and spawn a helper process); the app unlinks it itself."""
    saved = resource_tracker.register
    resource_tracker.register = lambda *args, **kwargs: None
    try:
        return shared_memory.SharedMemory(name=name, create=create, size=size)
    finally:
        resource_tracker.register = saved


def unlink_segment(name: str) -> bool:
    """Remove a segment by name if it still exists (the app's cleanup), even one a killed game
    left half made (created but still empty, which SharedMemory itself refuses to open)."""
    try:
        import _posixshmem
    except ImportError:          # Windows: a mapping disappears with its last handle
        return False
    try:
        _posixshmem.shm_unlink("/" + name)
    except (FileNotFoundError, OSError):
        return False
    return True


def _is_plain_xrgb(surface, width: int, height: int) -> bool:
    """True when the surface's memory is already our layout, so one memcpy publishes it."""
    masks = surface.get_masks()
    return (surface.get_size() == (width, height) and surface.get_bitsize() == 32
            and surface.get_pitch() == width * 4 and masks[:3] == XRGB_MASKS[:3])


class FrameWriter:
    """The game's side: publish() copies the display surface into the slot the reader is not using."""

    def __init__(self, name: str, width: int, height: int):
        self.width, self.height = width, height
        self.segment = _open_untracked(name, create=True, size=segment_size(width, height))
        self.name = name
        _HEADER.pack_into(self.segment.buf, 0, MAGIC, VERSION, width, height, -1, 0)
        self._latest = -1
        self._seq = [0, 0]
        self._views = [None, None]

    def _slot_offset(self, slot: int) -> int:
        return HEADER_SIZE + slot * (SLOT_HEADER_SIZE + self.width * self.height * BYTES_PER_PIXEL)

    def _slot_surface(self, slot: int):
        """A pygame Surface that *is* the slot's pixel memory, so a blit is the only copy."""
        if self._views[slot] is None:
            import pygame   # lazy: this module is imported by the app side too, which must stay pygame-free

            start = self._slot_offset(slot) + SLOT_HEADER_SIZE
            size = self.width * self.height * BYTES_PER_PIXEL
            self._views[slot] = pygame.image.frombuffer(self.segment.buf[start:start + size],
                                                        (self.width, self.height), PIXEL_FORMAT)
        return self._views[slot]

    def publish(self, surface, number: int, when: float) -> None:
        """Copy surface (scaled if its size changed) into a free slot and make it the latest."""
        import pygame   # lazy: see _slot_surface

        slot = 0 if self._latest != 0 else 1
        offset = self._slot_offset(slot)
        buf = self.segment.buf
        self._seq[slot] += 1                                   # odd: writing
        struct.pack_into("<Q", buf, offset, self._seq[slot])
        if _is_plain_xrgb(surface, self.width, self.height):
            start = offset + SLOT_HEADER_SIZE
            buf[start:start + self.width * self.height * BYTES_PER_PIXEL] = memoryview(surface.get_buffer()).cast("B")
        else:
            if surface.get_size() != (self.width, self.height):
                surface = pygame.transform.scale(surface, (self.width, self.height))
            self._slot_surface(slot).blit(surface, (0, 0))
        self._seq[slot] += 1                                   # even: done
        _SLOT.pack_into(buf, offset, self._seq[slot], number, when, self.width, self.height)
        struct.pack_into("<i", buf, 16, slot)
        self._latest = slot

    def close(self) -> None:
        """Let go of the pixel views, then of the segment (the app unlinks it)."""
        self._views = [None, None]
        try:
            self.segment.close()
        except BufferError:
            pass


class FrameReader:
    """The app's side: latest() returns the newest whole frame, or None before the first one."""

    def __init__(self, name: str):
        self.name = name
        self.segment = _open_untracked(name, create=False)
        magic, version, self.width, self.height, _, _ = _HEADER.unpack_from(self.segment.buf, 0)
        if magic != MAGIC or version != VERSION:
            self.segment.close()
            raise ValueError("not a KidCoder frame buffer")
        self._pixel_bytes = self.width * self.height * BYTES_PER_PIXEL

    def latest_info(self):
        """(number, publish time) of the newest frame, without copying it; (0, 0.0) before the first."""
        slot = struct.unpack_from("<i", self.segment.buf, 16)[0]
        if slot < 0:
            return 0, 0.0
        offset = HEADER_SIZE + slot * (SLOT_HEADER_SIZE + self._pixel_bytes)
        _, number, when, _, _ = _SLOT.unpack_from(self.segment.buf, offset)
        return number, when

    def latest(self, tries: int = 8) -> Optional[Frame]:
        buf = self.segment.buf
        for _ in range(tries):
            slot = struct.unpack_from("<i", buf, 16)[0]
            if slot < 0:
                return None
            offset = HEADER_SIZE + slot * (SLOT_HEADER_SIZE + self._pixel_bytes)
            seq1, number, when, width, height = _SLOT.unpack_from(buf, offset)
            if seq1 % 2:
                continue
            start = offset + SLOT_HEADER_SIZE
            pixels = bytes(buf[start:start + self._pixel_bytes])
            seq2 = struct.unpack_from("<Q", buf, offset)[0]
            if seq1 == seq2:
                return Frame(number, width, height, pixels, when)
        return None

    def close(self) -> None:
        try:
            self.segment.close()
        except BufferError:
            pass


def segments_named(prefix: str) -> list:
    """Frame buffers of one game still in /dev/shm (Linux), found by their name prefix."""
    try:
        return [name for name in os.listdir("/dev/shm") if name.startswith(prefix + "_")]
    except OSError:
        return []


def remove_stale_segments() -> int:
    """Remove frame buffers left in /dev/shm by a KidCoder that was killed (its pid is in the name)."""
    removed = 0
    for name in _all_kidcoder_segments():
        owner = name[len(SEGMENT_PREFIX):].split("x", 1)[0]
        if not owner.isdigit() or _alive(int(owner)):
            continue
        removed += unlink_segment(name)
    return removed


def _all_kidcoder_segments() -> list:
    try:
        return [n for n in os.listdir("/dev/shm") if n.startswith(SEGMENT_PREFIX) and "x" in n and "_" in n]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
