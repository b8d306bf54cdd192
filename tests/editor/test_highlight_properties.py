"""Property-based: after any edits, the incremental highlighter agrees with highlighting from scratch."""
import pytest

pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

from kidcoder.editor.buffer import TextBuffer  # noqa: E402
from kidcoder.editor.highlight import Highlighter, highlight_text  # noqa: E402


def full(lines):
    return highlight_text("\n".join(lines))


EDITS = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 20),
                           st.sampled_from(['"""', "'", '"', "\n", "(", ")", "#", "x", "1", "\\", " ", "def "])),
                 max_size=25)


@settings(max_examples=120, deadline=None)
@given(start=st.text('ab"\'\n#(1 ', max_size=40), edits=EDITS)
def test_incremental_highlight_equals_full_highlight(start, edits):
    buf = TextBuffer(start)
    hl = Highlighter(buf.lines)
    buf.add_listener(hl.lines_changed)
    hl.refresh(buf.lines)
    for line, col, text in edits:
        buf.set_cursor((line, col))
        if text == "\n":
            buf.newline()
        else:
            buf.type_text(text)
        if line % 3 == 0:  # sometimes several edits pile up before a refresh
            hl.refresh(buf.lines)
    hl.refresh(buf.lines)
    expected = full(buf.lines)
    assert [hl.spans(i) for i in range(len(buf.lines))] == expected
