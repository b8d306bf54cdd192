"""`kidcoder bench --only helper_window`: the frames in the REAL window that show the helper's words, no model.

A window process (kidcoder/ui/bench_probe.py, mode "helper"; bench_probe_helper.py) plays a gallery game
in the preview and shows real rules' answers and hints (each coming back through the window's worker, as
a child's question does), in both window sizes and both languages. Figures, the worst over them all:
helper_answer_frame_ms, the frame that showed an answer or a hint (a screen of it is laid out then);
helper_answer_later_frame_ms, the costliest frame after it while the rest of its text was laid out;
helper_answer_frame_cpu_ms and helper_answer_later_frame_cpu_ms, the same frames' CPU time of the window's
thread (on a shared machine wall time also counts other programs' turns on the core);
helper_words_worst_cost_ms and helper_words_slow_frames, the costliest frame of the window's own work
while a retold hint's words came (a stand-in sends a sentence every 0.4 s; the frame in which the text
first needs a scroll bar is one of them) and the frames over 1/60 s; helper_short_words_* the same for a
short answer, whose retold words go before its "Read more" line. helper_window_rows has each window's
worst figures.
"""
from __future__ import annotations

import tempfile
from typing import Dict, List, Optional

from kidcoder.bench import window

EXAMPLE = "bouncing_ball.py"
WINDOWS = (("1200x900", "en"), ("800x600", "es"), ("1200x900", "es"), ("800x600", "en"))


def _worst(rows: List[dict], key: str) -> Optional[float]:
    return max((row[key] for row in rows), default=None)


def window_figures(results: List[dict]) -> Dict[str, object]:
    """One window's figures from the probe's results ("shown", "words" and "short" phases)."""
    shown = [r for r in results if r["phase"] == "shown"]
    words = [r for r in results if r["phase"] == "words"]
    short = [r for r in results if r["phase"] == "short"]
    cpu = [r for r in shown if "shown_cpu_ms" in r]
    return {"answer_frame_ms": _worst(shown, "shown_ms"), "answer_later_frame_ms": _worst(shown, "later_ms"),
            "answer_slow_frames": sum(r["shown_ms"] > 1000 / 60 for r in shown),
            "answer_frame_cpu_ms": _worst(cpu, "shown_cpu_ms"), "answer_later_frame_cpu_ms": _worst(cpu, "later_cpu_ms"),
            "words_worst_cost_ms": _worst(words, "stream_worst_cost_ms"),
            "words_slow_frames": sum(r["stream_slow_frames"] for r in words),
            "short_words_worst_cost_ms": _worst(short, "stream_worst_cost_ms"),
            "short_words_slow_frames": sum(r["stream_slow_frames"] for r in short),
            "shown": [[r["label"], r["shown_ms"], r["later_ms"], r["later_frames"]] for r in shown]}


def figures(by_window: Dict[str, dict]) -> Dict[str, object]:
    """The bench figures: the worst over every window."""
    rows = list(by_window.values())
    return {
        "helper_answer_frame_ms": _worst(rows, "answer_frame_ms"),
        "helper_answer_later_frame_ms": _worst(rows, "answer_later_frame_ms"),
        "helper_answer_slow_frames": sum(r["answer_slow_frames"] for r in rows),
        "helper_answer_frame_cpu_ms": _worst([r for r in rows if r["answer_frame_cpu_ms"] is not None],
                                             "answer_frame_cpu_ms"),
        "helper_answer_later_frame_cpu_ms": _worst([r for r in rows if r["answer_later_frame_cpu_ms"] is not None],
                                                   "answer_later_frame_cpu_ms"),
        "helper_words_worst_cost_ms": _worst(rows, "words_worst_cost_ms"),
        "helper_words_slow_frames": sum(r["words_slow_frames"] for r in rows),
        "helper_short_words_worst_cost_ms": _worst(rows, "short_words_worst_cost_ms"),
        "helper_short_words_slow_frames": sum(r["short_words_slow_frames"] for r in rows),
        "helper_window_rows": by_window,
    }


def measure(windows=WINDOWS, home: Optional[str] = None) -> Dict[str, object]:
    """One window process per (size, language), in a home whose index is built first."""
    with tempfile.TemporaryDirectory(prefix="kidcoder-helper-window-") as fresh:
        home = home or fresh
        window.build_index(home)
        by_window = {}
        for size, lang in windows:
            report = window.run_probe(["helper", EXAMPLE, "--size", size, "--lang", lang], home, timeout=600)
            by_window[f"{size}-{lang}"] = window_figures(report["results"])
    return figures(by_window)
