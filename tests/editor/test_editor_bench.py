"""The editor benchmark runs and reports its figures (their values are printed by `kidcoder bench`, never asserted)."""
from kidcoder.bench import editor as benchmarks


def test_sample_game_has_the_asked_size_and_compiles():
    text = benchmarks.sample_game(1000)
    assert len(text.split("\n")) == 1000
    compile(text, "big_game.py", "exec")


def test_measure_reports_the_figures_named_in_the_issue():
    figures = benchmarks.measure()
    for name in ("editor_keystroke_ms_p95", "editor_open_1000_lines_ms"):
        assert isinstance(figures[name], float) and figures[name] > 0
