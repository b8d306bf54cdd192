"""Syntax family: indentation — unexpected indent, unindent that matches nothing, a block with no
indented line, tabs mixed with spaces.

Indentation is invisible structure, so each message names the line above it that
decides how far in this line should start.
"""
from __future__ import annotations

import re
from typing import Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import syntax_rule

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.unexpected_indent": "indentation-error", "diag.unindent_mismatch": "indentation-error",
         "diag.expected_indent": "indentation", "diag.mixed_tabs": "indentation-error"}

_AFTER = re.compile(r"after '(\w+)' statement on line (\d+)")
_FUNC = re.compile(r"after (function|class) definition on line (\d+)")


@syntax_rule(60)
def indentation(program: Program, error: SyntaxError) -> Optional[Finding]:
    if not isinstance(error, IndentationError):
        return None
    line = error.lineno or 1
    msg = error.msg
    if isinstance(error, TabError) or "inconsistent use of tabs" in msg:
        return Finding("syntax", line, 1, "diag.mixed_tabs", {"line": line})
    if msg.startswith("unexpected indent"):
        return Finding("syntax", line, 1, "diag.unexpected_indent", {"line": line})
    if msg.startswith("unindent does not match"):
        return Finding("syntax", line, 1, "diag.unindent_mismatch", {"line": line})
    if msg.startswith("expected an indented block"):
        match = _AFTER.search(msg) or _FUNC.search(msg)
        header = int(match.group(2)) if match else max(1, line - 1)
        word = match.group(1) if match else ""
        word = {"function": "def", "class": "class"}.get(word, word)
        return Finding("syntax", line, 1, "diag.expected_indent",
                       {"line": line, "header": header, "keyword": word or "if"})
    return Finding("syntax", line, 1, "diag.unexpected_indent", {"line": line})
