"""Property-based: after any edits, the incremental highlighter agrees with highlighting from scratch."""
import pytest

pytest.importorskip("hypothesis")
from hypothesis import example, given, settings, strategies as st  # noqa: E402

from kidcoder.editor.buffer import TextBuffer  # noqa: E402
from kidcoder.editor.highlight import Highlighter, highlight_text  # noqa: E402


def full(lines):
    return highlight_text("\n".join(lines))


EDITS = st.lists(st.tuples(st.integers(0, 10), st.integers(0, 12),
                           st.sampled_from(['"""', "'", '"', "\n", "(", ")", "#", "x", "1", "\\", " ", "def "]),
                           st.booleans()),
                 max_size=20)
LINES = st.lists(st.text('ab"\'#(1 ', max_size=8), min_size=2, max_size=14).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(start=LINES, edits=EDITS)
@example(start="a\nb\nc", edits=[(0, 0, '"""', True)])
def test_incremental_highlight_equals_full_highlight(start, edits):
    buf = TextBuffer(start)
    hl = Highlighter(buf.lines)
    buf.add_listener(hl.lines_changed)
    hl.refresh(buf.lines)
    for line, col, text, refresh_now in edits:
        buf.set_cursor((line, col))
        if text == "\n":
            buf.newline()
        else:
            buf.type_text(text)
        if refresh_now:  # otherwise several edits pile up before the next refresh
            hl.refresh(buf.lines)
    hl.refresh(buf.lines)
    assert [hl.spans(i) for i in range(len(buf.lines))] == full(buf.lines)
