"""Opening the window: its first whole frame comes before any background work starts, and a window
closed at once leaves nothing running (on an XO's one core, either would slow the child's window)."""
from kidcoder.ui.assist import IndexBuilder
from tests.ui.driver import close_app, make_app, step


def test_an_index_build_stopped_before_it_began_never_starts():
    builder = IndexBuilder()
    builder.stop()                       # the window closed before the worker got to the build
    assert builder.run() == -1
    assert builder.process is None


def test_the_index_check_starts_only_after_the_first_whole_frame(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    window = make_app()
    try:
        assert window.first_frame_at is None and window.worker.busy == 0
        sent = []
        window.on_present = lambda rects: sent.append((list(rects), window.worker.busy))
        step(window)
        assert window.first_frame_at is not None
        (rects, busy_when_sent), = sent
        assert busy_when_sent == 0 and rects              # the frame went out before the index check began
        assert window.worker.busy >= 1                    # ... which starts right after it (and the model)
    finally:
        close_app(window)
