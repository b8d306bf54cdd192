"""What the window says when a game ends: the line over the preview and the status line.

"Your game ended." is only true for a game that ran: a program Python could not
read never started, a crash says where it happened, and a program without a
window is a program, not a game. Pure (no pygame): the facts in, two texts out.
"""
from __future__ import annotations

from typing import Optional, Tuple

from kidcoder.i18n import tr

NOT_READABLE = ("SyntaxError", "IndentationError", "TabError")


def ending_words(status: str, error=None, frames: int = 0, has_window: bool = True, memory: bool = False,
                 lang: Optional[str] = None) -> Tuple[str, str]:
    """(words over the preview, status line) for a game that ended with status ("ok", "error", ...).

    error: the game's GameError (type, line) or None; frames: how many it showed.
    """
    kind = str(getattr(error, "type", "") or "").rsplit(".", 1)[-1]
    line = getattr(error, "line", None)
    if memory:
        return tr("ui.preview.memory", lang), tr("files.status.memory", lang)
    if error is not None and kind in NOT_READABLE and frames == 0:
        if line:
            return (tr("files.ended.not_started_line", lang, line=line),
                    tr("files.status.not_started_line", lang, line=line))
        return tr("files.ended.not_started", lang), tr("files.status.not_started", lang)
    if status == "error" or error is not None:
        if line:
            return tr("ui.preview.crashed", lang), tr("files.status.crashed_line", lang, line=line)
        return tr("ui.preview.crashed", lang), tr("files.status.crashed", lang)
    if not has_window and frames == 0:
        return tr("files.ended.program", lang), tr("files.status.program_ended", lang)
    return tr("ui.preview.ended", lang), tr("ui.status.ended", lang)
