"""The window benchmark's model mode: a real window plays a game and asks its helper a question the model
(here the tiny model the tests build, whose gibberish the checks drop) answers, against a control.

Only that it runs and what it reports are checked, never how fast (speed lives in `kidcoder bench`)."""
import pytest
from tiny_gguf import missing_tools

from kidcoder.bench import model_window

needs_backend = pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))


@needs_backend
def test_the_window_is_watched_while_the_model_answers_and_as_long_without(tmp_path):
    from tiny_gguf import build_tiny_model

    model = build_tiny_model(tmp_path / "tiny.gguf")
    figures = model_window.measure(str(model), rounds=2)
    phases = [row[0] for row in figures["model_window_rounds"]]
    assert phases == ["model", "control", "control", "model"]         # in turns, both orders
    for name in ("late_frames", "game_late_frames", "late_paced"):
        assert figures[f"model_window_{name}"] >= 0 and figures[f"model_window_control_{name}"] >= 0
    # each control is watched as long as the phase before it, at least a second (the tiny model answers at
    # once), and sees the game's frames; the last question may take longer than both controls on a busy machine
    assert figures["model_window_seconds"] >= 0
    assert figures["model_window_control_late_per_10s"] >= 0
    assert figures["model_window_control_seconds"] >= 2 and figures["model_window_control_worst_frame_ms"] > 0
    assert figures["model_window_answers_shown"] == 0        # the tiny model's answers never pass the review
    first = figures["model_window_first_word_s"]              # (a sentence may show while it streams)
    assert first is None or first > 0
    # the model's own first word is timed whether or not the checks let it show (the tiny model always writes)
    assert figures["model_window_first_token_s"] > 0 and (first is None or first >= figures["model_window_first_token_s"])
    assert figures["model_window_words_worst_cost_ms"] > 0 and figures["model_window_words_late_frames"] >= 0
    # then the game stops and the same rounds run with no game: the loop's steps are timed in each
    nogame = [row[0] for row in figures["model_window_nogame_rounds"]]
    assert nogame == ["nogame", "nogame_control", "nogame_control", "nogame"]
    # (the tiny model may answer within a frame: its rounds may time no step; a control is watched a second)
    assert figures["model_window_nogame_steps"] >= 0 and figures["model_window_nogame_control_steps"] > 0
    assert figures["model_window_nogame_control_seconds"] >= 2
    assert figures["model_window_nogame_control_worst_frame_ms"] > 0
    assert figures["model_window_nogame_late_frames"] >= 0 and figures["model_window_nogame_worst_frame_ms"] >= 0
    assert len(figures["model_window_nogame_threads"]) == 2       # how many threads the model was given
    assert all("MainThread" in threads for _, _, threads in figures["model_window_nogame_late_detail"])


def test_late_frames_are_gaps_longer_than_two_frames_and_the_pacer_owns_some():
    from kidcoder.ui.bench_probe_model import late_figures

    presents = [0.0, 0.016, 0.032, 0.1, 0.116, 0.2]
    shown = [(0.0, 1), (0.016, 2), (0.1, 5), (0.2, 6)]
    published = [(1, 0.0), (2, 0.016), (5, 0.066), (6, 0.2)]
    planned = [0.0, 0.0, 0.0, 0.0, 0.0, 0.05]       # the Pacer chose to sleep 50 ms before the last frame
    found = late_figures(presents, shown, published, planned)
    assert found["window_late"] == 2 and found["window_late_paced"] == 1
    assert found["window_worst_ms"] == 84.0
    assert found["game_late_shown"] == 2 and found["game_skipped"] == 2
    assert found["game_published_late"] == 1          # 6 came 134 ms after 5
    assert found["late_at_s"] == [0.1, 0.2]


def test_frames_while_the_words_stream_are_those_from_the_first_words_on():
    from kidcoder.ui.bench_probe_model import stream_figures

    presents = [0.0, 0.016, 0.060, 0.076, 0.2]
    costs = [0.030, 0.002, 0.020, 0.003, 0.001]      # the first frame (no words yet) was the costliest
    found = stream_figures(presents, costs, [False, False, True, True, True])
    assert found == {"stream_frames": 3, "stream_worst_cost_ms": 20.0, "stream_worst_gap_ms": 124.0,
                     "stream_slow_frames": 1}
    assert stream_figures(presents, costs, [False] * 5)["stream_frames"] == 0


def test_the_stand_in_retells_a_sentence_at_a_time_then_ends():
    from kidcoder.ui.bench_probe_model import Retold

    now = [0.0]
    retold = Retold(["One. ", "Two. "], every_s=0.4, clock=lambda: now[0])
    assert retold.request(None) == -1 and retold.poll(10) == []
    now[0] = 0.5
    assert [e.text for e in retold.poll(10)] == ["One. "]
    now[0] = 1.3
    events = retold.poll(10)
    assert [(e.kind, e.text) for e in events] == [("token", "Two. "), ("final", "One. Two.")]
    assert retold.poll(10) == []


def test_a_step_is_late_when_it_ends_more_than_a_frame_after_it_was_due():
    from kidcoder.ui.bench_probe_nogame import punctual_figures

    steps = [(0.0, 0.0, 0.002, True, 0.0, 0.0, 0.002),        # on time
             (0.05, 0.07, 0.072, False, 0.019, 0.0, 0.001),    # woke 20 ms late (waited 19 ms for a core)
             (0.1, 0.1, 0.12, True, None, 0.0, 0.02),          # on time, but its work took 20 ms
             (0.2, 0.2, 0.21, True, 0.001, 0.004, 0.006)]      # 10 ms: not late
    found = punctual_figures(steps)
    assert found["window_late"] == 2 and found["woke_late"] == 1
    assert found["window_worst_ms"] == 22.0 and found["steps"] == 4 and found["steps_presented"] == 3
    assert found["run_delay_worst_ms"] == 19.0 and found["run_delay_ms"] == 20.0
    assert found["late_own_work"] == 1 and found["late_waited_ms"] == [19.0, 0.0]
    assert found["run_delay_in_steps_worst_ms"] == 4.0
