"""Helper text (hints, answers, cards) as the small HTML that pygame-gui's UITextBox draws (pure, no pygame).

The helper writes a little Markdown: **bold**, `code`, ```python blocks```, "- " and "1. "
lists. Code shows in the editor's monospaced font with its indentation kept. pygame-gui
cuts a word that is wider than its box with a hyphen ("K_SPA-CE"), so code lines are
wrapped here first, to the columns that fit (`wrap_code`), never inside a name, and
inside brackets where possible so the wrapped code is still valid Python.
Links (`href`) name what a click does: "put:N" and "copy:N" (the Nth code example),
"more" (Tell me more), "card:N" (the Nth source); the helper pane acts on them.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

from kidcoder.helper.pages import CODE, split_parts

MONO_FONT = "kid_mono"        # registered by the window: the editor's DejaVu Sans Mono
MONO_PX = 16
CODE_COLOUR = "#1D4E89"
LINK_GAP = "\u00a0\u00a0\u00a0"
PARAGRAPH_GAP = "<br><br>"
_INLINE = re.compile(r"`([^`\n]+)`|\*\*([^*\n]+)\*\*")
_LIST_ITEM = re.compile(r"^\s*(?:([-*+])|(\d+)[.)])\s+")
_OPEN, _CLOSE = "([{", ")]}"


@dataclass(frozen=True)
class Links:
    """The words of the links the helper adds (already translated); empty words: no such links."""
    put: str = ""
    copy: str = ""
    more: str = ""
    read_more: str = ""
    sources: Sequence[str] = ()


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _mono(text: str, px: int, colour: str = "") -> str:
    colour_attr = f" color='{colour}'" if colour else ""
    return f"<font face='{MONO_FONT}' pixel_size={px}{colour_attr}>{text}</font>"


def _link(href: str, words: str) -> str:
    return f"<a href='{href}'>{_escape(words)}</a>"


# ---- wrapping code lines ----------------------------------------------------------------------

def _break_points(line: str):
    """(index, rank) where a line may be broken: the next piece starts at index.

    Rank 0: after a comma inside brackets (the wrapped code is still valid Python), 1: after an
    opening bracket or a deeper comma, 2: before a # comment, 3: any other space, 4: a space in
    a string, 5: after the dot of a dotted name. A name is never cut while one of these fits.
    """
    depth, quote, comment = 0, "", False
    for i, ch in enumerate(line):
        if comment:
            if ch == " ":
                yield i + 1, 3
        elif quote:
            if ch == quote and line[i - 1] != "\\":
                quote = ""
            elif ch == " ":
                yield i + 1, 4
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            comment = True
            yield i, 2
        elif ch in _OPEN:
            depth += 1
            yield i + 1, 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == ",":
            yield i + 1, (0 if depth == 1 else 1) if depth else 3
        elif ch == " ":
            yield i + 1, 3
        elif ch == "." and 0 < i < len(line) - 1 and line[i + 1].isalpha():
            yield i + 1, 5


def wrap_code(line: str, cols: int) -> List[str]:
    """A code line cut into pieces of at most cols characters, never inside a name or a string when
    a better place exists; pieces after the first are indented 4 more than the line."""
    cols = max(8, cols)
    line = line.expandtabs(4).rstrip()
    if len(line) <= cols:
        return [line]             # (most lines: their break points are not looked for, a third of an answer's frame)
    indent = " " * (len(line) - len(line.lstrip(" ")) + 4)
    if len(indent) > cols // 2:
        indent = "  "
    points = list(_break_points(line))
    pieces: List[str] = []
    prefix, start = "", 0
    while len(prefix) + len(line) - start > cols:
        room = cols - len(prefix)
        found = [(i - start, rank) for i, rank in points
                 if start < i <= start + room and line[start:i].strip()]
        pool = [point for point in found if point[0] >= room // 3] or found
        cut = start + (min(pool, key=lambda point: (point[1], -point[0]))[0] if pool else room)
        pieces.append(prefix + line[start:cut].rstrip())
        start = cut
        while start < len(line) and line[start] == " ":
            start += 1
        prefix = indent
    if start < len(line) or not pieces:
        pieces.append(prefix + line[start:])
    return pieces


# ---- Markdown to pygame-gui HTML ---------------------------------------------------------------

def _inline(text: str, px: int) -> str:
    """`code` in the mono font, **bold** in bold; everything else escaped."""
    out: List[str] = []
    last = 0
    for match in _INLINE.finditer(text):
        out.append(_escape(text[last:match.start()]))
        if match.group(1) is not None:
            out.append(_mono(_escape(match.group(1)), px, CODE_COLOUR))
        else:
            out.append(f"<b>{_inline(match.group(2), px)}</b>")
        last = match.end()
    out.append(_escape(text[last:]))
    return "".join(out)


def _prose_line(line: str, px: int) -> str:
    item = _LIST_ITEM.match(line)
    if item is None:
        return _inline(line.strip(), px)
    marker = "\u2022" if item.group(1) else f"{item.group(2)}."
    return f"{marker}\u00a0{_inline(line[item.end():].strip(), px)}"


def _is_lead_in(text: str) -> bool:
    """A short line that introduces the example after it ("Try this example:")."""
    return "\n" not in text.strip() and text.rstrip().endswith(":") and len(text) <= 60


def _code_lines(code: str, cols: int, px: int) -> List[str]:
    out = []
    for line in code.split("\n"):
        pieces = wrap_code(line, cols) if cols else [line.expandtabs(4)]
        for piece in pieces:
            body = _escape(piece).replace(" ", "\u00a0")
            out.append(_mono(body, px) if body else "\u00a0")
    return out


def _end_with(blocks: List[str], line: str) -> None:
    """A line right under the last paragraph (no blank line before it)."""
    if blocks:
        blocks[-1] += "<br>" + line
    else:
        blocks.append(line)


def to_html(text: str, heading: Optional[str] = None, *, code_cols: int = 0, px: int = MONO_PX,
            links: Links = Links()) -> str:
    """Text with a little Markdown as pygame-gui HTML; heading (if any) in bold on its own line.

    code_cols: wrap code lines to this many columns (0: never). links: the words of the links to
    add (each code example gets "put:N" and "copy:N" above it, beside the line that introduces it;
    "more" goes under the prose before the first example, or at the end; the sources end the text).
    """
    blocks: List[str] = []
    examples = 0
    more = _link("more", links.more) if links.more else ""
    parts = split_parts(text)
    lead_in, lead_in_words = "", ""
    for index, part in enumerate(parts):
        if part.kind == CODE:
            if more:                                # "Tell me more" ends the prose, before any example
                _end_with(blocks, more)
                more = ""
            lines = _code_lines(part.text, code_cols, px)
            actions = [_link(f"{kind}:{examples}", words)
                       for kind, words in (("put", links.put), ("copy", links.copy)) if words]
            words = len(lead_in_words) + len(links.put) + len(links.copy) + 8
            if lead_in and actions and code_cols and words > code_cols:
                lines.insert(0, LINK_GAP.join(f"<b>{action}</b>" for action in actions))    # links on their own line
                lines.insert(0, lead_in)
            elif lead_in or actions:                # "Try this example:  Put in my program  Copy"
                lines.insert(0, LINK_GAP.join(([lead_in] if lead_in else []) + [f"<b>{a}</b>" for a in actions]))
            blocks.append("<br>".join(lines))
            lead_in, lead_in_words = "", ""
            examples += 1
        elif index + 1 < len(parts) and parts[index + 1].kind == CODE and _is_lead_in(part.text):
            lead_in, lead_in_words = _inline(part.text.strip(), px), part.text.strip()
        else:
            blocks.append("<br>".join(_prose_line(line, px) for line in part.text.split("\n")))
    if more:
        _end_with(blocks, more)
    if links.sources:
        titles = ", ".join(_link(f"card:{index}", title) for index, title in enumerate(links.sources))
        blocks.append(f"{_escape(links.read_more)} {titles}")
    body = PARAGRAPH_GAP.join(blocks)
    if heading:
        body = f"<b>{_escape(heading)}</b><br>{body}"
    return body
