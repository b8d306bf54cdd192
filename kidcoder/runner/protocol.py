"""Typed messages between the app and a game process, as JSON lines.

The child speaks first with Ready (which carries PROTOCOL_VERSION). Each message class
has a tag in MESSAGES, the one table both sides encode and decode with; FROM_GAME and
TO_GAME say which way each one goes. Nothing the child sends is ever eval'd or
unpickled: decode() only builds known dataclasses from plain JSON values of the declared
types (whole numbers in range, finite, enum fields from their known values, short lists)
and drops anything else, so NaN or a forged type never reaches the app.
"""
from __future__ import annotations

import json
import math
import os
import typing
from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from typing import Dict, List, Optional, Tuple, Type, Union

from kidcoder.strenum import StrEnum

PROTOCOL_VERSION = 1
MAX_LINE_BYTES = 1024 * 1024
MAX_WHOLE = 2 ** 53          # whole numbers beyond this are not believed (JSON safe, never an overflow)
MAX_LIST = 64
KIND = "@"               # the JSON key naming the message's tag (no field is called that)

MESSAGES: Dict[str, Type] = {}     # tag -> message dataclass
_TAGS: Dict[Type, str] = {}        # message dataclass -> tag


def message(tag: str):
    """Class decorator: a dataclass that travels as a JSON line tagged `tag`."""
    def register(cls):
        cls = dataclass(cls)
        MESSAGES[tag], _TAGS[cls] = cls, tag
        return cls
    return register


class FinishReason(StrEnum):
    """Why a game program ended (Finished.reason)."""
    QUIT = "quit"           # it ended by itself
    FRAMES = "frames"       # it reached the frame limit
    STOPPED = "stopped"     # the app asked it to stop
    ERROR = "error"         # an exception (see GameError)
    MEMORY = "memory"       # it ran out of its memory limit


class Press(StrEnum):
    """A key or mouse button going down or coming up."""
    DOWN = "down"
    UP = "up"


# ---- child -> host -------------------------------------------------------------

@message("Ready")
class Ready:
    """First message, sent before any of the game's code runs: the child speaks this protocol
    version, and these containment layers are up (see runner/confine.py)."""
    version: int
    pid: int
    contained: List[str] = field(default_factory=list)


@message("DisplayOpened")
class DisplayOpened:
    """The game called set_mode: frames of this size will follow."""
    width: int
    height: int


@message("Caption")
class Caption:
    """The game called pygame.display.set_caption."""
    text: str


@message("Paused")
class Paused:
    """The game is held inside display.flip after publishing this frame."""
    frame: int


@message("InputRequest")
class InputRequest:
    """The program called input() and waits for one line."""
    prompt: str


@message("InputAnswered")
class InputAnswered:
    """input() got its line (from the console or from --stdin): the program runs on."""


@message("WaitingForEvents")
class WaitingForEvents:
    """After this frame the game sits in pygame.event.wait(): no new frame until the player acts."""
    frame: int = 0


@message("ProbeReport")
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


@message("GameError")
class GameError:
    """An exception ended the program; line is in the child's own file (None if not there)."""
    type: str
    message: str
    line: Optional[int]
    traceback: str
    column: Optional[int] = None


@message("Finished")
class Finished:
    """The program ended, for a FinishReason."""
    reason: FinishReason
    frames: int
    exit_code: int = 0
    output_truncated: bool = False


# ---- host -> child -------------------------------------------------------------

@message("KeyEvent")
class KeyEvent:
    """A key went down or up; key is a pygame key code."""
    action: Press
    key: int
    mod: int = 0
    unicode: str = ""
    scancode: int = 0


@message("TextEvent")
class TextEvent:
    """Text typed (TEXTINPUT), accents included."""
    text: str


@message("MouseMotion")
class MouseMotion:
    pos: List[int]
    rel: List[int]
    buttons: List[int]


@message("MouseButton")
class MouseButton:
    """A mouse button went down or up at pos, in game coordinates."""
    action: Press
    pos: List[int]
    button: int


@message("MouseWheel")
class MouseWheel:
    x: int
    y: int


@message("QuitEvent")
class QuitEvent:
    """The game's window was closed: the game receives pygame.QUIT."""


@message("ProbeAsk")
class ProbeAsk:
    """Where are you now? (the helper's probe run; answered with ProbeReport)"""


@message("Pause")
class Pause:
    pass


@message("Resume")
class Resume:
    pass


@message("Step")
class Step:
    """While paused: let exactly one more frame through."""


@message("Stop")
class Stop:
    """Please end now (the host kills the process group if this is ignored)."""


@message("InputLine")
class InputLine:
    """A line for input(); eof=True means nobody can type (the program gets a clear error)."""
    text: str = ""
    eof: bool = False


FROM_GAME: Tuple[Type, ...] = (Ready, DisplayOpened, Caption, Paused, InputRequest, InputAnswered,
                               WaitingForEvents, ProbeReport, GameError, Finished)
TO_GAME: Tuple[Type, ...] = (KeyEvent, TextEvent, MouseMotion, MouseButton, MouseWheel, QuitEvent,
                             ProbeAsk, Pause, Resume, Step, Stop, InputLine)
INPUT_EVENTS: Tuple[Type, ...] = (KeyEvent, TextEvent, MouseMotion, MouseButton, MouseWheel, QuitEvent)
CONTROLS: Tuple[Type, ...] = (Pause, Resume, Step)      # taken by the game between frames
Message = Union[FROM_GAME + TO_GAME]  # type: ignore[valid-type]

_SIMPLE = (str, int, float, bool, type(None))
_ENUM_FIELDS: Dict[Type, Dict[str, Type[Enum]]] = {}


def _enum_fields(cls) -> Dict[str, Type[Enum]]:
    """The fields of a message class that hold an enum, by name (worked out once per class)."""
    if cls not in _ENUM_FIELDS:
        hints = typing.get_type_hints(cls, globalns=globals())
        _ENUM_FIELDS[cls] = {name: kind for name, kind in hints.items()
                             if isinstance(kind, type) and issubclass(kind, Enum)}
    return _ENUM_FIELDS[cls]


def encode(message) -> bytes:
    """One JSON line for a message."""
    payload = asdict(message)
    payload[KIND] = _TAGS[type(message)]
    return (json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8")


def _fits(value, kind) -> bool:
    """Is a plain JSON value of the declared field type? (whole numbers in range, floats finite)"""
    origin = typing.get_origin(kind)
    if origin is Union:
        return any(_fits(value, option) for option in typing.get_args(kind))
    if origin in (list, List):
        (item,) = typing.get_args(kind) or (object,)
        return isinstance(value, list) and len(value) <= MAX_LIST and all(_fits(v, item) for v in value)
    if kind is type(None):
        return value is None
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool) and -MAX_WHOLE <= value <= MAX_WHOLE
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if kind is str:
        return isinstance(value, str)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return isinstance(value, str)
    return isinstance(value, _SIMPLE)


_HINTS: Dict[Type, Dict[str, object]] = {}


def _hints(cls) -> Dict[str, object]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, globalns=globals())
    return _HINTS[cls]


def decode(line: Union[bytes, str], kinds: Optional[Tuple[Type, ...]] = None):
    """The message in one JSON line, or None if it is not a message we know, with every field of
    its declared type (never raises).
    kinds: the message classes this side accepts (FROM_GAME or TO_GAME); None accepts all."""
    if isinstance(line, bytes):
        if len(line) > MAX_LINE_BYTES:
            return None
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            return None
    try:
        payload = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(payload, dict):
        return None
    cls = MESSAGES.get(payload.get(KIND)) if isinstance(payload.get(KIND), str) else None
    if cls is None or (kinds is not None and cls not in kinds):
        return None
    values = {}
    enums = _enum_fields(cls)
    hints = _hints(cls)
    for f in fields(cls):
        if f.name in payload:
            value = payload[f.name]
            if not _fits(value, hints[f.name]):
                return None
            if f.name in enums:
                try:
                    value = enums[f.name](value)
                except (ValueError, TypeError):
                    return None
            values[f.name] = value
    try:
        return cls(**values)
    except TypeError:
        return None


def read_messages(fd: int, kinds: Optional[Tuple[Type, ...]] = None, chunk_size: int = 65536):
    """Messages read from a pipe until it closes: JSON lines split and decoded; junk, over-long
    lines and messages not in `kinds` are dropped. Both sides use it (the game for TO_GAME
    commands, the app for FROM_GAME reports)."""
    buffer = b""
    while True:
        try:
            chunk = os.read(fd, chunk_size)
        except OSError:
            chunk = b""
        if not chunk:
            return
        buffer += chunk
        if b"\n" in chunk:
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                message = decode(line, kinds)
                if message is not None:
                    yield message
        if len(buffer) > MAX_LINE_BYTES:
            buffer = b""
