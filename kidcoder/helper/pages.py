"""An answer as the helper pane shows it: prose paragraphs and code examples, and its first screen.

Pure text functions (no pygame, no index). A long answer first shows `first_screen()`:
at most ~120 words of its prose, every code example (with its "Try this example:" line),
and "Tell me more" shows the whole text, which is always kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Tuple

FIRST_SCREEN_WORDS = 120
PROSE, CODE = "prose", "code"

_FENCE = re.compile(r"^\s*```")
_WORDLIKE = re.compile(r"\w")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Part:
    """One paragraph of prose, or one fenced code example (its text without the fences)."""
    kind: str
    text: str


def split_parts(text: str) -> List[Part]:
    """Prose paragraphs (split at blank lines) and fenced code blocks, in order.

    An unclosed fence runs to the end of the text (the code still shows).
    """
    return list(_split_parts(text))


@lru_cache(maxsize=64)
def _split_parts(text: str) -> Tuple[Part, ...]:
    """split_parts, kept for the texts seen last: the helper's first screen tries ten lengths of one answer
    in the frame that shows it (its Parts are frozen: sharing them is safe)."""
    parts: List[Part] = []
    prose: List[str] = []
    code: List[str] = []
    in_code = False

    def end_prose() -> None:
        if any(line.strip() for line in prose):
            parts.append(Part(PROSE, "\n".join(prose).strip("\n")))
        prose.clear()

    for line in text.split("\n"):
        if _FENCE.match(line):
            if in_code:
                parts.append(Part(CODE, "\n".join(code)))
                code.clear()
            else:
                end_prose()
            in_code = not in_code
        elif in_code:
            code.append(line)
        elif line.strip():
            prose.append(line)
        else:
            end_prose()
    if in_code:
        parts.append(Part(CODE, "\n".join(code)))
    end_prose()
    return tuple(parts)


def join_parts(parts: List[Part]) -> str:
    """The text again (code back between ```python fences)."""
    return "\n\n".join(f"```python\n{part.text}\n```" if part.kind == CODE else part.text for part in parts)


def code_examples(text: str) -> List[str]:
    """Every code example of the text, in order (the helper's "Put in my program" and "Copy" use them)."""
    return [part.text for part in split_parts(text) if part.kind == CODE]


def words_in(text: str) -> int:
    """Words a child reads (pieces between spaces with a letter or digit; `code` counts as one)."""
    return sum(1 for piece in text.split() if _WORDLIKE.search(piece))


def _leads_in(parts: List[Part], index: int) -> bool:
    """A short prose line that introduces the code right after it ("Try this example:")."""
    part = parts[index]
    return (part.kind == PROSE and index + 1 < len(parts) and parts[index + 1].kind == CODE
            and part.text.rstrip().endswith(":") and words_in(part.text) <= 12)


def _sentences_within(text: str, budget: int) -> str:
    """The first sentences (and list lines) of a paragraph that fit the budget (at least one)."""
    lines: List[str] = []
    used = 0
    for line in text.split("\n"):
        kept: List[str] = []
        for piece in _SENTENCE_END.split(line):
            size = words_in(piece)
            if (kept or lines) and used + size > budget:
                break
            kept.append(piece)
            used += size
        if kept:
            lines.append(" ".join(kept))
        if len(kept) < len(_SENTENCE_END.split(line)):
            break
    return "\n".join(lines)


def first_screen(text: str, max_words: int = FIRST_SCREEN_WORDS) -> Tuple[str, bool]:
    """(what the first screen shows, whether "Tell me more" has more to show).

    Prose paragraphs are kept in order while they fit max_words; the first one is cut at a
    sentence when it alone is too long. Every code example and the line that introduces it are
    kept, so the example's place in the answer (and its number) never changes.
    """
    parts = split_parts(text)
    kept: List[Part] = []
    used = 0
    full = True            # still taking prose
    left_out = False
    for index, part in enumerate(parts):
        if part.kind == CODE or _leads_in(parts, index):
            kept.append(part)
            continue
        size = words_in(part.text)
        if full and used + size <= max_words:
            kept.append(part)
            used += size
            continue
        if full and used < max_words // 2:
            short = _sentences_within(part.text, max_words - used)
            if short and words_in(short) < size:
                kept.append(Part(PROSE, short))
                used += words_in(short)
        full = False
        left_out = True
    if not left_out:
        return text, False
    return join_parts(kept), True
