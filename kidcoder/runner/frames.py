"""Frames from the game to the app: a double-buffered frame buffer of fixed size that the APP makes.

The app makes the buffer before the game starts: on Linux a memory file (memfd) sealed so that
nobody can shrink or grow it (so a game cannot truncate it under the app's mapping and crash the
app with SIGBUS), passed to the game as an open file; elsewhere a named shared-memory segment.
Layout: a header, then two slots of a fixed capacity. Each slot has a sequence number that is
odd while the writer is inside it (a seqlock), so the reader never returns a torn frame. Pixels
are 32-bit XRGB (bytes B, G, R, then one ignored), SDL's software surface format, so publishing
is usually one memcpy. A game window bigger than the capacity is scaled down to fit.
After each frame the game rings a doorbell (one byte down a pipe the app made), so the window's loop
sleeps in select() until a frame comes instead of looking at the buffer every few milliseconds.
The game writes this memory, so the app believes nothing in it: every value it reads is range-checked.
"""
from __future__ import annotations

import math
import mmap
import os
import select
import struct
import time
import uuid
from dataclasses import dataclass
from multiprocessing import resource_tracker, shared_memory
from typing import List, Optional, Tuple

from kidcoder.processes import alive

MAGIC = 0x4B434642  # "KCFB"
VERSION = 2
_HEADER = struct.Struct("<IIIIiI")          # magic, version, capacity in pixels, pad, latest slot, pad
_LATEST = struct.Struct("<i")
LATEST_OFFSET = 16
HEADER_SIZE = 64
_SLOT = struct.Struct("<QQdII")             # seq, frame number, publish time, width, height
SLOT_HEADER_SIZE = 32
BYTES_PER_PIXEL = 4
MAX_SIDE = 4096
FRAME_CAPACITY = 1920 * 1080                # pixels per slot: bigger windows are scaled down to fit
MAX_FRAME_NUMBER = 2 ** 53
SEGMENT_PREFIX = "kc"            # fallback segment names: kc<app pid>x<random>
PIXEL_FORMAT = "BGRA"                        # frombuffer format for the slow path's views
XRGB_MASKS = (0xFF0000, 0xFF00, 0xFF, 0)
_SEALS = ("F_SEAL_SHRINK", "F_SEAL_GROW", "F_SEAL_SEAL")


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


def buffer_size(capacity: int = FRAME_CAPACITY) -> int:
    return HEADER_SIZE + 2 * (SLOT_HEADER_SIZE + capacity * BYTES_PER_PIXEL)


def slot_offset(slot: int, capacity: int) -> int:
    return HEADER_SIZE + slot * (SLOT_HEADER_SIZE + capacity * BYTES_PER_PIXEL)


def fit_size(width: int, height: int, capacity: int = FRAME_CAPACITY) -> Tuple[int, int]:
    """The frame size for a game window of width x height: the same, or scaled down to fit. Pure."""
    width, height = max(1, min(MAX_SIDE, width)), max(1, min(MAX_SIDE, height))
    if width * height <= capacity:
        return width, height
    scale = math.sqrt(capacity / (width * height))
    width, height = max(1, int(width * scale)), max(1, int(height * scale))
    while width * height > capacity:
        width, height = max(1, width - 1), max(1, height - 1)
    return width, height


def _open_untracked(name: str, create: bool, size: int = 0) -> shared_memory.SharedMemory:
    """Open a segment without multiprocessing's resource tracker (which would unlink it when a
    process exits and spawn a helper process); the app unlinks it itself."""
    saved = resource_tracker.register
    resource_tracker.register = lambda *args, **kwargs: None
    try:
        return shared_memory.SharedMemory(name=name, create=create, size=size)
    finally:
        resource_tracker.register = saved


def _sealed_memfd(size: int) -> Optional[int]:
    """A memory file of exactly `size` bytes that can never shrink or grow; None where there is none."""
    import fcntl   # lazy: not on Windows

    if not hasattr(os, "memfd_create") or not all(hasattr(fcntl, name) for name in _SEALS + ("F_ADD_SEALS",)):
        return None
    try:
        fd = os.memfd_create("kidcoder-frames", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    except OSError:
        return None
    try:
        os.ftruncate(fd, size)
        seals = 0
        for name in _SEALS:
            seals |= getattr(fcntl, name)
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, seals)
    except OSError:
        os.close(fd)
        return None
    return fd


def _bell() -> Tuple[Optional[int], Optional[int]]:
    """A doorbell: (the end the app listens on, the end the game rings), both never blocking; (None, None)
    where select() cannot wait on a pipe (Windows: the window then looks at the buffer now and then)."""
    if os.name != "posix":
        return None, None
    listen, ring = os.pipe()
    for fd in (listen, ring):
        os.set_blocking(fd, False)
    return listen, ring


def ring(fd: Optional[int]) -> None:
    """The game rings after each frame; a full pipe (the window has not answered yet) or one the window
    closed is no error: the window is already due to look."""
    if fd is not None:
        try:
            os.write(fd, b"\0")
        except OSError:
            pass


def rang(fd: int, timeout_s: float) -> bool:
    """The window's side: sleep until the doorbell fd rings or timeout_s passes; True when it rang (it is
    then answered: emptied)."""
    try:
        ready = select.select([fd], [], [], timeout_s)[0]
    except (OSError, ValueError):       # the game's doorbell was closed meanwhile
        time.sleep(timeout_s)
        return False
    if not ready:
        return False
    try:
        got = os.read(fd, 4096)         # one byte a frame: a window 4096 frames behind looks again at once
    except OSError:
        got = b""
    if not got:                         # readable but empty (nobody can ring any more): never a busy loop
        time.sleep(timeout_s)
    return bool(got)


class FrameBuffer:
    """The app's side: makes the buffer, hands it to the game (child_args, pass_fds), reads frames."""

    def __init__(self, capacity: int = FRAME_CAPACITY, prefix: Optional[str] = None):
        self.capacity = capacity
        self.size = buffer_size(capacity)
        self.fd: Optional[int] = _sealed_memfd(self.size)
        self.name: Optional[str] = None
        self._segment = None
        header = _HEADER.pack(MAGIC, VERSION, capacity, 0, -1, 0)
        if self.fd is not None:
            os.pwrite(self.fd, header, 0)
            self._map = mmap.mmap(self.fd, self.size, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ)
        else:
            self.name = f"{prefix or SEGMENT_PREFIX}{os.getpid()}x{uuid.uuid4().hex[:10]}"
            self._segment = _open_untracked(self.name, create=True, size=self.size)
            self._segment.buf[:len(header)] = header
            self._map = self._segment.buf
        self._last = (0, 0.0)
        self.bell, self._ring = _bell()     # select() on bell wakes when the game drew a frame

    @property
    def sealed(self) -> bool:
        return self.fd is not None

    def child_args(self) -> List[str]:
        """How the game finds the buffer and the doorbell (see child.parse_args)."""
        where = ["--frames-fd", str(self.fd)] if self.fd is not None else ["--frames-shm", str(self.name)]
        return where + (["--frames-bell", str(self._ring)] if self._ring is not None else [])

    @property
    def pass_fds(self) -> Tuple[int, ...]:
        return tuple(fd for fd in (self.fd, self._ring) if fd is not None)

    def _slot(self) -> Optional[int]:
        slot = _LATEST.unpack_from(self._map, LATEST_OFFSET)[0]
        return slot if slot in (0, 1) else None

    def _slot_header(self, slot: int):
        """(seq, number, time, width, height) of a slot, or None when a value is out of range."""
        seq, number, when, width, height = _SLOT.unpack_from(self._map, slot_offset(slot, self.capacity))
        if not (0 < number <= MAX_FRAME_NUMBER and math.isfinite(when) and 1 <= width <= MAX_SIDE
                and 1 <= height <= MAX_SIDE and width * height <= self.capacity):
            return None
        return seq, number, when, width, height

    def latest_info(self) -> Tuple[int, float]:
        """(number, publish time) of the newest frame, without copying it; (0, 0.0) before the first.
        A value out of range is ignored: the last good one stays."""
        if self._map is None:
            return self._last
        slot = self._slot()
        header = self._slot_header(slot) if slot is not None else None
        if header is not None:
            self._last = (header[1], header[2])
        return self._last

    def latest(self, tries: int = 8) -> Optional[Frame]:
        """A copy of the newest whole frame, or None (before the first, or nothing believable)."""
        got: dict = {}

        def copy(pixels, width: int, height: int) -> None:
            got.update(pixels=bytes(pixels), width=width, height=height)

        info = self.latest_into(copy, tries)
        return Frame(info[0], got["width"], got["height"], got["pixels"], info[1]) if info else None

    def latest_into(self, draw, tries: int = 8) -> Optional[Tuple[int, float]]:
        """Hands draw(pixels, width, height) the newest frame's pixels where they lie in shared memory (a
        read-only memoryview, B G R x: no copy; draw must not keep it), and returns (number, publish time)
        when that frame stayed whole while draw read it; None when there is none or it was torn (what
        draw made of it is then not to be shown)."""
        for _ in range(tries):
            if self._map is None:
                return None
            slot = self._slot()
            header = self._slot_header(slot) if slot is not None else None
            if header is None:
                return None
            seq1, number, when, width, height = header
            if seq1 % 2:
                continue
            start = slot_offset(slot, self.capacity) + SLOT_HEADER_SIZE
            with memoryview(self._map) as whole, whole[start:start + width * height * BYTES_PER_PIXEL] as pixels:
                draw(pixels, width, height)
            seq2 = struct.unpack_from("<Q", self._map, slot_offset(slot, self.capacity))[0]
            if seq1 == seq2:
                return number, when
        return None

    def close(self) -> None:
        """Unmap and free the buffer and its doorbell (safe to call twice)."""
        for fd in (self.bell, self._ring):
            if fd is not None:
                os.close(fd)
        self.bell = self._ring = None
        if self._segment is not None:
            self._map = None
            try:
                self._segment.close()
            except BufferError:
                pass
            unlink_segment(self.name)
            self._segment = None
        elif self.fd is not None:
            self._map.close()
            self._map = None
            os.close(self.fd)
            self.fd = None


class FrameWriter:
    """The game's side: publish() copies the display surface into the slot the reader is not using."""

    def __init__(self, fd: Optional[int] = None, name: Optional[str] = None, bell: Optional[int] = None):
        self.bell = bell                # rung after each frame (FrameBuffer.bell); None: nobody listens
        if fd is not None:
            size = os.fstat(fd).st_size
            self._map = mmap.mmap(fd, size, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ | mmap.PROT_WRITE)
            self._segment = None
        else:
            self._segment = _open_untracked(str(name), create=False)
            self._map = self._segment.buf
            size = self._segment.size
        magic, version, capacity, _, _, _ = _HEADER.unpack_from(self._map, 0)
        if magic != MAGIC or version != VERSION or buffer_size(capacity) > size:
            raise ValueError("not a KidCoder frame buffer")
        self.capacity = capacity
        self._latest = -1
        self._seq = [0, 0]
        self._views = {}

    def frame_size(self, width: int, height: int) -> Tuple[int, int]:
        """The size frames of a width x height window have in the buffer."""
        return fit_size(width, height, self.capacity)

    def _slot_surface(self, slot: int, size: Tuple[int, int]):
        """A pygame Surface that *is* the slot's pixel memory, so a blit is the only copy."""
        if (slot, size) not in self._views:
            import pygame   # lazy: this module is imported by the app side too, which must stay pygame-free

            start = slot_offset(slot, self.capacity) + SLOT_HEADER_SIZE
            length = size[0] * size[1] * BYTES_PER_PIXEL
            self._views = {key: view for key, view in self._views.items() if key[1] == size}
            self._views[(slot, size)] = pygame.image.frombuffer(memoryview(self._map)[start:start + length],
                                                                size, PIXEL_FORMAT)
        return self._views[(slot, size)]

    def publish(self, surface, number: int, when: float) -> None:
        """Copy surface (scaled down if it is bigger than the buffer) into a free slot; make it the latest."""
        import pygame   # lazy: see _slot_surface

        width, height = self.frame_size(*surface.get_size())
        slot = 0 if self._latest != 0 else 1
        offset = slot_offset(slot, self.capacity)
        buf = self._map
        self._seq[slot] += 1                                   # odd: writing
        struct.pack_into("<Q", buf, offset, self._seq[slot])
        if _is_plain_xrgb(surface, width, height):
            start = offset + SLOT_HEADER_SIZE
            buf[start:start + width * height * BYTES_PER_PIXEL] = memoryview(surface.get_buffer()).cast("B")
        else:
            if surface.get_size() != (width, height):
                surface = pygame.transform.scale(surface, (width, height))
            self._slot_surface(slot, (width, height)).blit(surface, (0, 0))
        self._seq[slot] += 1                                   # even: done
        _SLOT.pack_into(buf, offset, self._seq[slot], number, when, width, height)
        _LATEST.pack_into(buf, LATEST_OFFSET, slot)
        self._latest = slot
        ring(self.bell)

    def close(self) -> None:
        """Let go of the pixel views, then of the mapping (the app frees the buffer)."""
        self._views = {}
        try:
            if self._segment is not None:
                self._segment.close()
            else:
                self._map.close()
        except BufferError:
            pass


def _is_plain_xrgb(surface, width: int, height: int) -> bool:
    """True when the surface's memory is already our layout, so one memcpy publishes it."""
    masks = surface.get_masks()
    return (surface.get_size() == (width, height) and surface.get_bitsize() == 32
            and surface.get_pitch() == width * 4 and masks[:3] == XRGB_MASKS[:3])


def unlink_segment(name: Optional[str]) -> bool:
    """Remove a fallback segment by name if it still exists (the app's cleanup)."""
    if not name:
        return False
    try:
        import _posixshmem
    except ImportError:          # Windows: a mapping disappears with its last handle
        return False
    try:
        _posixshmem.shm_unlink("/" + name)
    except (FileNotFoundError, OSError):
        return False
    return True


def remove_stale_segments() -> int:
    """Remove fallback frame buffers left in /dev/shm by a KidCoder that was killed (its pid is in the name)."""
    removed = 0
    for name in _all_kidcoder_segments():
        owner = name[len(SEGMENT_PREFIX):].split("x", 1)[0]
        if not owner.isdigit() or alive(int(owner)):
            continue
        removed += unlink_segment(name)
    return removed


def _all_kidcoder_segments() -> list:
    try:
        return [n for n in os.listdir("/dev/shm") if n.startswith(SEGMENT_PREFIX) and "x" in n]
    except OSError:
        return []
