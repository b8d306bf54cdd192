"""Property-based: any sequence of edits can be undone back to the start and redone to the end."""
import pytest

pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

from kidcoder.editor.buffer import TextBuffer  # noqa: E402
from kidcoder.editor.clipboard import InAppClipboard  # noqa: E402


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def make(text=""):
    clock = FakeClock()
    return TextBuffer(text, InAppClipboard(), clock=clock), clock


# ----- property-based round trips -------------------------------------------------------------------
ACTIONS = st.lists(st.one_of(
    st.tuples(st.just("type"), st.sampled_from(list("ab :(#\"é"))),
    st.tuples(st.just("newline"), st.none()),
    st.tuples(st.just("backspace"), st.none()),
    st.tuples(st.just("delete"), st.none()),
    st.tuples(st.just("tab"), st.none()),
    st.tuples(st.just("dedent"), st.none()),
    st.tuples(st.just("comment"), st.none()),
    st.tuples(st.just("move"), st.tuples(st.integers(0, 6), st.integers(0, 12), st.booleans())),
    st.tuples(st.just("replace"), st.tuples(st.integers(1, 8), st.integers(0, 2), st.text("xy\n", max_size=6))),
    st.tuples(st.just("paste"), st.text("pq\n\t", max_size=5)),
    st.tuples(st.just("pause"), st.none()),
), max_size=40)


def apply(buf, clock, action, arg):
    if action == "type":
        buf.type_text(arg)
    elif action == "newline":
        buf.newline()
    elif action == "backspace":
        buf.backspace()
    elif action == "delete":
        buf.delete_forward()
    elif action == "tab":
        buf.tab()
    elif action == "dedent":
        buf.dedent_lines()
    elif action == "comment":
        buf.toggle_comment()
    elif action == "move":
        buf.set_cursor(arg[:2], select=arg[2])
    elif action == "replace":
        start = min(arg[0], len(buf.lines))
        buf.replace_lines(start, min(len(buf.lines), start + arg[1]), arg[2])
    elif action == "paste":
        buf.clipboard.put(arg)
        buf.paste()
    elif action == "pause":
        clock.now += 2


@settings(max_examples=150, deadline=None)
@given(start=st.text("ab \n:", max_size=30), actions=ACTIONS)
def test_undo_all_then_redo_all_round_trips(start, actions):
    buf, clock = make(start)
    snapshots = [buf.get_text()]
    for action, arg in actions:
        apply(buf, clock, action, arg)
        clock.now += 0.01
        assert 0 <= buf.cursor[0] < len(buf.lines)
        assert 0 <= buf.cursor[1] <= len(buf.lines[buf.cursor[0]])
        snapshots.append(buf.get_text())
    final = buf.get_text()
    while buf.undo():
        assert buf.get_text() in snapshots
    assert buf.get_text() == start
    assert not buf.modified
    while buf.redo():
        pass
    assert buf.get_text() == final
