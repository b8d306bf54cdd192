"""Helper text (hints, answers) as the small HTML that pygame-gui's UITextBox draws (pure, no pygame).

The assistant writes a little Markdown: `code`, ```python blocks``` and "- " lists.
Code is shown in the editor's monospaced font with its indentation kept, so an
example looks the same as in the editor; everything else is escaped text.
"""
from __future__ import annotations

import html
import re
from typing import List, Optional

MONO_FONT = "kid_mono"        # registered by the window: the editor's DejaVu Sans Mono
MONO_PX = 16
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_FENCE = re.compile(r"^\s*```")


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _mono(text: str) -> str:
    return f"<font face='{MONO_FONT}' pixel_size={MONO_PX}>{text}</font>"


def _code_line(line: str) -> str:
    """One line of a code block: spaces kept (no-break spaces), escaped, monospaced."""
    body = _escape(line.expandtabs(4)).replace(" ", "\u00a0")
    return _mono(body) if body else "\u00a0"


def _prose_line(line: str) -> str:
    stripped = line.lstrip()
    bullet = ""
    if stripped.startswith(("- ", "* ")):
        bullet, line = "\u2022 ", stripped[2:]
    parts: List[str] = []
    last = 0
    for match in _INLINE_CODE.finditer(line):
        parts.append(_escape(line[last:match.start()]))
        parts.append(_mono(_escape(match.group(1))))
        last = match.end()
    parts.append(_escape(line[last:]))
    return bullet + "".join(parts)


def to_html(text: str, heading: Optional[str] = None) -> str:
    """Text with a little Markdown as pygame-gui HTML; heading (if any) in bold on its own line."""
    out: List[str] = []
    in_code = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        out.append(_code_line(line) if in_code else _prose_line(line))
    body = "<br>".join(out)
    if heading:
        return f"<b>{_escape(heading)}</b><br>{body}"
    return body
