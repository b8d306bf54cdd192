"""What the app and the model's worker process share: typed JSON-line messages and the worker's log file.

Like the game runner, the two sides talk in JSON lines over pipes; every line is a
dataclass with a "type" field, decoded by a table, never eval'd or unpickled.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Optional

from kidcoder import paths

PROTOCOL_VERSION = 2
LOG_LIMIT_BYTES = 1_000_000


@dataclass
class Ready:
    version: int
    name: str
    load_s: float
    threads: int


@dataclass
class Token:
    id: int
    text: str


@dataclass
class Done:
    id: int
    reason: str
    tokens: int
    first_token_s: Optional[float]
    seconds: float
    text: str
    prompt_tokens: Optional[int] = None


@dataclass
class Failed:
    id: Optional[int]
    reason: str
    detail: str = ""


@dataclass
class Generate:
    id: int
    system: str
    user: str
    max_tokens: int
    threads: int = 0
    timeout_s: Optional[float] = None
    prefill: str = ""
    kind: str = "request"            # the ChatPrompt's kind (a reading job is answered with top_k 1)


@dataclass
class Cancel:
    id: int


@dataclass
class Quit:
    pass


MESSAGES = {"ready": Ready, "token": Token, "done": Done, "failed": Failed, "generate": Generate,
            "cancel": Cancel, "quit": Quit}
_TYPES = {cls: name for name, cls in MESSAGES.items()}


def encode(message) -> str:
    """One JSON line: {"type": "token", ...fields}."""
    return json.dumps({"type": _TYPES[type(message)], **asdict(message)}, ensure_ascii=False) + "\n"


def decode(line: str):
    """The typed message of a JSON line; ValueError for anything else (never eval, never pickle)."""
    data = json.loads(line)
    if not isinstance(data, dict) or data.get("type") not in MESSAGES:
        raise ValueError(f"not a worker message: {line[:80]!r}")
    cls = MESSAGES[data["type"]]
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def default_log_path() -> Path:
    """Where the worker's native noise goes (CUDA probing, llama.cpp warnings): out of the child's view."""
    return paths.cache_dir() / "model-worker.log"


def open_log(path: Path):
    """The log file for appending; started afresh once it grows past LOG_LIMIT_BYTES."""
    path = Path(path)
    try:
        if path.stat().st_size > LOG_LIMIT_BYTES:
            path.unlink()
    except OSError:
        pass
    return open(path, "ab")
