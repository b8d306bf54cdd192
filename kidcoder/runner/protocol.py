"""Typed messages between the app and a game process, as JSON lines.

The child speaks first with Ready (which carries PROTOCOL_VERSION). Nothing the
child sends is ever eval'd or unpickled: decode() only builds known dataclasses
from plain JSON values and drops anything it does not recognise.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from typing import Dict, List, Optional, Type, Union

PROTOCOL_VERSION = 1
MAX_LINE_BYTES = 1024 * 1024
KIND = "@"               # the JSON key naming the message class (no field is called that)


# ---- child -> host -------------------------------------------------------------

@dataclass
class Ready:
    """First message: the child started and speaks this protocol version."""
    version: int
    pid: int


@dataclass
class DisplayOpened:
    """The game called set_mode: frames of this size will follow."""
    width: int
    height: int


@dataclass
class Caption:
    """The game called pygame.display.set_caption."""
    text: str


@dataclass
class Paused:
    """The game is held inside display.flip after publishing this frame."""
    frame: int


@dataclass
class InputRequest:
    """The program called input() and waits for one line."""
    prompt: str


@dataclass
class InputAnswered:
    """input() got its line (from the console or from --stdin): the program runs on."""


@dataclass
class WaitingForEvents:
    """After this frame the game sits in pygame.event.wait(): no new frame until the player acts."""
    frame: int = 0


@dataclass
class ProbeReport:
    """Answer to ProbeAsk, sent from the game's command thread even while the game is stuck:
    counters since the start and the line of the child's file the main thread is running now."""
    frames: int
    event_reads: int
    set_modes: int
    line: Optional[int] = None
    function: str = ""
    waiting: str = ""          # "events" (inside event.wait), "input" (inside input()), or ""
    pygame: bool = False       # the program has imported pygame
    cpu: float = 0.0           # CPU seconds the game process has used (a stuck loop keeps using it)


@dataclass
class GameError:
    """An exception ended the program; line is in the child's own file (None if not there)."""
    type: str
    message: str
    line: Optional[int]
    traceback: str
    column: Optional[int] = None


@dataclass
class Finished:
    """The program ended. reason: quit (it ended by itself), frames (the frame limit),
    stopped (the host asked), error (see GameError), memory (the memory limit)."""
    reason: str
    frames: int
    exit_code: int = 0
    output_truncated: bool = False


# ---- host -> child -------------------------------------------------------------

@dataclass
class KeyEvent:
    """A key went down ("down") or up ("up"); key is a pygame key code."""
    action: str
    key: int
    mod: int = 0
    unicode: str = ""
    scancode: int = 0


@dataclass
class TextEvent:
    """Text typed (TEXTINPUT), accents included."""
    text: str


@dataclass
class MouseMotion:
    pos: List[int]
    rel: List[int]
    buttons: List[int]


@dataclass
class MouseButton:
    """A mouse button went down ("down") or up ("up") at pos, in game coordinates."""
    action: str
    pos: List[int]
    button: int


@dataclass
class MouseWheel:
    x: int
    y: int


@dataclass
class QuitEvent:
    """The game's window was closed: the game receives pygame.QUIT."""


@dataclass
class ProbeAsk:
    """Where are you now? (the helper's probe run; answered with ProbeReport)"""


@dataclass
class Pause:
    pass


@dataclass
class Resume:
    pass


@dataclass
class Step:
    """While paused: let exactly one more frame through."""


@dataclass
class Stop:
    """Please end now (the host kills the process group if this is ignored)."""


@dataclass
class InputLine:
    """A line for input(); eof=True means nobody can type (the program gets a clear error)."""
    text: str = ""
    eof: bool = False


Message = Union[Ready, DisplayOpened, Caption, Paused, InputRequest, InputAnswered, WaitingForEvents,
                ProbeReport, GameError, Finished,
                KeyEvent, TextEvent, MouseMotion, MouseButton, MouseWheel, QuitEvent,
                ProbeAsk, Pause, Resume, Step, Stop, InputLine]

_TYPES: Dict[str, Type] = {cls.__name__: cls for cls in (
    Ready, DisplayOpened, Caption, Paused, InputRequest, InputAnswered, WaitingForEvents, ProbeReport, GameError,
    Finished, KeyEvent, TextEvent, MouseMotion, MouseButton, MouseWheel, QuitEvent,
    ProbeAsk, Pause, Resume, Step, Stop, InputLine)}

_SIMPLE = (str, int, float, bool, type(None))


def encode(message) -> bytes:
    """One JSON line for a message."""
    payload = asdict(message)
    payload[KIND] = type(message).__name__
    return (json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8")


def decode(line: Union[bytes, str]):
    """The message in one JSON line, or None if it is not a message we know (never raises)."""
    if isinstance(line, bytes):
        if len(line) > MAX_LINE_BYTES:
            return None
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            return None
    try:
        payload = json.loads(line)
    except ValueError:
        return None
    if not isinstance(payload, dict):
        return None
    cls = _TYPES.get(payload.get(KIND))
    if cls is None:
        return None
    values = {}
    for f in fields(cls):
        if f.name in payload:
            value = payload[f.name]
            if isinstance(value, list):
                if not all(isinstance(v, _SIMPLE) for v in value):
                    return None
            elif not isinstance(value, _SIMPLE):
                return None
            values[f.name] = value
    try:
        return cls(**values)
    except TypeError:
        return None


def read_messages(fd: int, chunk_size: int = 65536):
    """Messages read from a pipe until it closes: JSON lines split and decoded; junk and
    over-long lines are dropped. Both sides use it (the game for commands, the app for reports)."""
    buffer = b""
    while True:
        try:
            chunk = os.read(fd, chunk_size)
        except OSError:
            chunk = b""
        if not chunk:
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            message = decode(line)
            if message is not None:
                yield message
        if len(buffer) > MAX_LINE_BYTES:
            buffer = b""
