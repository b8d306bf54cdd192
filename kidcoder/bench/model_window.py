"""`kidcoder bench --only model --model FILE`: late frames in the REAL window while the model answers.

A window process (kidcoder/ui/bench_probe.py, mode "model"; bench/window.py starts it) plays a gallery
game in the preview and asks its helper a question the model retells, a few times; each time, back to
back, the same window is watched as long with nothing asked (the control: late frames the busy machine
causes). A late frame is a gap longer than two 60 Hz frames between frames the window presented
(model_window_late_frames) or between new game frames the preview showed (..._game_late_frames).
Watching starts once the rules' answer is on screen and the window is back at full pace (that frame is
the answer's, with or without a model: model_window_answer_frame_ms) and ends with the model's answer.
model_window_late_paced: late frames the window's own Pacer chose (it sleeps longer after costly
frames, redraw.GIVE_WAY); the rest woke late. model_window_first_word_s: from asking to the model's
first words on screen (median; the first question, which loads the model, is model_window_first_word_cold_s);
model_window_first_token_s: from asking to the first word the model wrote, shown or held back by the checks
(model/retelling.py holds back the rules' words again, so a model may answer in time and show nothing).
While the model's words stream in (first words to the answer's end): model_window_stream_worst_cost_ms, the
costliest frame of the window's own work (laying the words out is part of it), ..._stream_worst_gap_ms, the
worst gap between presents, and ..._stream_slow_frames, frames costing more than a 60 Hz frame. The
model's answer to this question goes below the answer's first screen, so those words are not laid out
where they show: model_window_words_* are the same figures for a hint retold while the game plays (its
words a sentence every 0.4 s from a stand-in for the model: bench_probe_model.Words).
Then the game stops and the same rounds run with NO game (the model may then use every free core:
model/threads.py): model_window_nogame_* and model_window_nogame_control_*. With no game the window draws
only what changed, when it is due, so a late frame there is a step of its loop that ended more than a
60 Hz frame after it was due (bench_probe_nogame.py); ..._woke_late: steps that began that late;
..._run_delay_worst_ms: the longest the window's thread, woken, waited for a core.
"""
from __future__ import annotations

import os
import statistics
import tempfile
from typing import Dict, List, Optional

from kidcoder.bench import window

EXAMPLE = "bouncing_ball.py"
ROUNDS = 3
CONTROL_FALLBACK_S = 10.0       # a control with no question asked before it (never, with the probe's order)


def _total(rows: List[dict], key: str) -> Optional[float]:
    return sum(row[key] for row in rows) if rows else None


def _worst(rows: List[dict], key: str) -> Optional[float]:
    return max(row[key] for row in rows) if rows else None


def _per_10s(rows: List[dict], key: str) -> Optional[float]:
    seconds = sum(row["seconds"] for row in rows)
    return round(_total(rows, key) / seconds * 10, 2) if rows and seconds > 0 else None


def figures(results: List[dict]) -> Dict[str, object]:
    """The bench figures from the probe's results (one per watched phase: "warm", "model", "control")."""
    asks = [r for r in results if r["phase"] == "model"]
    controls = [r for r in results if r["phase"] == "control"]
    warm = [r for r in results if r["phase"] == "warm"]
    retold = [r for r in results if r["phase"] == "words"]
    words = [r["first_word_s"] for r in asks if r["first_word_s"] is not None]
    written = [r["first_token_s"] for r in asks if r.get("first_token_s") is not None]
    return {
        "model_window_late_frames": _total(asks, "window_late"),
        "model_window_control_late_frames": _total(controls, "window_late"),
        "model_window_late_paced": _total(asks, "window_late_paced"),
        "model_window_control_late_paced": _total(controls, "window_late_paced"),
        "model_window_late_per_10s": _per_10s(asks, "window_late"),       # a control after a question is as long
        "model_window_control_late_per_10s": _per_10s(controls, "window_late"),   # as it, one before as the last
        "model_window_worst_frame_ms": _worst(asks, "window_worst_ms"),
        "model_window_control_worst_frame_ms": _worst(controls, "window_worst_ms"),
        "model_window_game_late_frames": _total(asks, "game_late_shown"),
        "model_window_control_game_late_frames": _total(controls, "game_late_shown"),
        "model_window_seconds": round(_total(asks, "seconds") or 0.0, 1),
        "model_window_control_seconds": round(_total(controls, "seconds") or 0.0, 1),
        "model_window_first_word_s": round(statistics.median(words), 3) if words else None,
        "model_window_first_word_cold_s": warm[0]["first_word_s"] if warm else None,
        "model_window_first_token_s": round(statistics.median(written), 3) if written else None,
        "model_window_first_token_cold_s": warm[0].get("first_token_s") if warm else None,
        "model_window_answer_frame_ms": _worst(asks, "answer_frame_ms"),
        "model_window_stream_frames": _total(asks, "stream_frames"),
        "model_window_stream_worst_cost_ms": _worst(asks, "stream_worst_cost_ms"),
        "model_window_stream_worst_gap_ms": _worst(asks, "stream_worst_gap_ms"),
        "model_window_stream_slow_frames": _total(asks, "stream_slow_frames"),
        "model_window_words_worst_cost_ms": _worst(retold, "stream_worst_cost_ms"),
        "model_window_words_worst_gap_ms": _worst(retold, "stream_worst_gap_ms"),
        "model_window_words_slow_frames": _total(retold, "stream_slow_frames"),
        "model_window_words_late_frames": _total(retold, "window_late"),
        "model_window_answers_shown": sum(r["model_end"] == "final" for r in asks),
        "model_window_rounds": [[r["phase"], r["window_late"], r["game_late_shown"], r["window_worst_ms"],
                                 r["seconds"], r["load"]] for r in results if r["phase"] in ("model", "control")],
        **nogame_figures(results),
    }


def nogame_figures(results: List[dict]) -> Dict[str, object]:
    """The figures of the rounds with no game playing (bench_probe_nogame.py): a late frame is a step of the
    window's loop that ended more than a 60 Hz frame after it was due; run_delay: the window's thread ready
    to run, no core free."""
    asks = [r for r in results if r["phase"] == "nogame"]
    controls = [r for r in results if r["phase"] == "nogame_control"]
    words = [r["first_word_s"] for r in asks if r["first_word_s"] is not None]
    found: Dict[str, object] = {}
    for name, rows in (("model_window_nogame", asks), ("model_window_nogame_control", controls)):
        found.update({f"{name}_late_frames": _total(rows, "window_late"), f"{name}_late_per_10s": _per_10s(rows, "window_late"),
                      f"{name}_worst_frame_ms": _worst(rows, "window_worst_ms"), f"{name}_woke_late": _total(rows, "woke_late"),
                      f"{name}_late_own_work": _total(rows, "late_own_work"),
                      f"{name}_run_delay_in_steps_worst_ms": _worst(rows, "run_delay_in_steps_worst_ms"),
                      f"{name}_steps": _total(rows, "steps"), f"{name}_seconds": round(_total(rows, "seconds") or 0.0, 1),
                      f"{name}_run_delay_worst_ms": _worst([r for r in rows if r["run_delay_worst_ms"] is not None],
                                                           "run_delay_worst_ms")})
    found.update({
        "model_window_nogame_stream_worst_cost_ms": _worst(asks, "stream_worst_cost_ms"),
        "model_window_nogame_stream_worst_gap_ms": _worst(asks, "stream_worst_gap_ms"),
        "model_window_nogame_stream_slow_frames": _total(asks, "stream_slow_frames"),
        "model_window_nogame_first_word_s": round(statistics.median(words), 3) if words else None,
        "model_window_nogame_threads": [r["threads"] for r in asks],
        # each late step of each question: how long the window's thread waited for a core in it and at its
        # wake (ms), its own CPU time (ms); and the processor seconds of the window's threads meanwhile
        "model_window_nogame_late_detail": [[r["late_waited_ms"], r["late_cpu_ms"], r["thread_cpu_s"]] for r in asks],
        "model_window_nogame_rounds": [[r["phase"], r["window_late"], r["woke_late"], r["window_worst_ms"], r["steps"],
                                        r["run_delay_worst_ms"], r["seconds"], r["load"]]
                                       for r in results if r["phase"] in ("nogame", "nogame_control")],
    })
    return found


def measure(model_path: str, rounds: int = ROUNDS, home: Optional[str] = None) -> Dict[str, object]:
    """Run the probe with this model file in a fresh home (its index built first, as after installing)."""
    with tempfile.TemporaryDirectory(prefix="kidcoder-model-window-") as fresh:
        home = home or fresh
        if not os.path.isdir(os.path.join(home, "cache")):
            window.build_index(home)
        report = window.run_probe(["model", EXAMPLE, "--model", str(model_path), "--rounds", str(rounds),
                                   "--seconds", str(CONTROL_FALLBACK_S)], home, timeout=300 + rounds * 1400)
    return figures(report["results"])
