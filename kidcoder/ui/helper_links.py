"""What the links in the helper's text do: Put in my program, Copy, Tell me more, Read more.

"Put in my program" puts the example in at the cursor (or makes it the program when the
program is empty or the untouched starter; see editor/put_code.py) as one undo step,
then shows the child where it went. The helper pane says which link was clicked
(`helper.link`: "put:0", "copy:0", "more", "card:1").
"""
from __future__ import annotations

from typing import Callable, Optional

from kidcoder.editor.put_code import Placement, place_example
from kidcoder.i18n import tr
from kidcoder.ui.shell import Shell


class HelperLinks:
    """The helper's link commands, for the program in the editor pane."""

    def __init__(self, shell: Shell, editor, helper, starter: Callable[[], str]):
        self.shell, self.editor, self.helper = shell, editor, helper
        self._starter = starter          # the new-program text in the child's language

    def _link_number(self) -> int:
        try:
            return int(self.helper.link.split(":", 1)[1])
        except (IndexError, ValueError):
            return -1

    def _example(self) -> Optional[str]:
        return self.helper.example(self._link_number())

    def put_example(self) -> None:
        """Put the clicked example in the program as one undo step, and show where."""
        code = self._example()
        if not code:
            return
        view = self.editor.view
        buffer = view.buffer
        placed = place_example(buffer.lines, buffer.cursor, code, self._starter(), buffer.indent_unit)
        put_in(buffer, placed)
        view.clear_error_marker()
        view.reveal_lines(placed.first_line, placed.last_line)
        self.shell.say(tr("ui.helper.put_done", first=placed.first_line, last=placed.last_line))
        self.shell.set_focus("editor")

    def copy_example(self) -> None:
        code = self._example()
        if code:
            self.editor.view.buffer.clipboard.put(code.strip("\n") + "\n")
            self.shell.say(tr("ui.helper.copied"))

    def tell_more(self) -> None:
        self.helper.tell_more()

    def read_source(self) -> None:
        self.helper.show_source(self._link_number())


def put_in(buffer, placed: Placement) -> None:
    """Write a placement into a TextBuffer as one undo step; the cursor goes to the first line put in."""
    text = "\n".join(placed.lines)
    if placed.whole:
        buffer.replace_lines(1, len(buffer.lines), text)
    elif placed.before >= len(buffer.lines):
        last = len(buffer.lines) - 1
        buffer.set_cursor((last, len(buffer.lines[last])))
        buffer.insert_text("\n" + text, "example")
    else:
        buffer.set_cursor((placed.before, 0))
        buffer.insert_text(text + "\n", "example")
    buffer.set_cursor((placed.first_line - 1, 0))
