"""The window benchmark's model mode: late frames in the real window while the helper's model answers.

Run by bench_probe.py (`python -m kidcoder.ui.bench_probe model EXAMPLE --model FILE`): a gallery game
plays in the preview; after a warm-up question (the model loads and answers once), each round asks the
helper a question the model retells (Ask) and, back to back, watches the same window as long with
nothing asked (Control). Ask and Control take turns in both orders (A C, C A, A C, ...), so a machine
getting busier is not blamed on one of them. While each is watched: every window present (a gap longer
than two 60 Hz frames is a late window frame), every new game frame the preview showed (late, and
frames the game drew that were never shown), the game's own publish times (late when the game process
itself was slow), and the processor time of the window's threads, the game and the model's worker.
"""
from __future__ import annotations

import os
import statistics
import threading
import time
from typing import Dict, List, Optional, Tuple

from kidcoder.model.service import ModelEvent
from kidcoder.ui.proc_cpu import process_cpu
from kidcoder.ui.redraw import GIVE_WAY

QUESTION = "how do I make the ball bounce?"
LATE_S = 2 / 60            # a gap longer than two frames at 60 Hz is a late frame
MODEL_TIMEOUT_S = 300.0    # a model still answering after this long fails the probe
OPEN_TIMEOUT_S = 120.0     # the model's service must be open this long after the window's first frame
CONTROL_MIN_S = 1.0        # a control is watched at least this long (a tiny model may answer within a frame)
FIRST_TOKEN_LIMIT_S = 120.0   # the window's model settings: never switched off for slowness while measured


def use_model(model_file: str) -> None:
    """The window about to open uses this model file (its settings in KIDCODER_HOME: the probe's own home)."""
    from kidcoder.config import load_settings, save_settings

    settings = load_settings()
    settings.model_enabled, settings.model_path = True, str(model_file)
    settings.model_first_token_limit_s = FIRST_TOKEN_LIMIT_S
    save_settings(settings)


def gaps(times: List[float]) -> List[float]:
    return [b - a for a, b in zip(times, times[1:])]


GAP_BINS_MS = (20, 30, 34, 40, 50, 70)


def gap_counts(window_gaps: List[float]) -> Dict[str, int]:
    """How many gaps between window frames fell under each bound (ms; the last key counts the rest)."""
    counts = {f"<{bound}": 0 for bound in GAP_BINS_MS}
    counts[f">={GAP_BINS_MS[-1]}"] = 0
    for gap in window_gaps:
        key = next((f"<{b}" for b in GAP_BINS_MS if gap * 1000 < b), f">={GAP_BINS_MS[-1]}")
        counts[key] += 1
    return counts


def late_figures(presents: List[float], shown: List[Tuple[float, int]],
                 published: List[Tuple[int, float]], planned: Optional[List[float]] = None) -> Dict[str, object]:
    """Lateness from what was watched: presents (window frame times), shown ((time, game frame number) when
    the preview showed a new game frame), published ((number, the game's publish time), each newest frame
    seen at a present) and planned (the sleep the window's Pacer chose before each present: a late frame
    after a planned sleep longer than a frame is the window's own choice, the others woke late)."""
    window = gaps(presents)
    planned = planned or [0.0] * len(presents)
    game = gaps([t for t, _ in shown])
    numbers = [n for _, n in shown]
    skipped = sum(max(0, b - a - 1) for a, b in zip(numbers, numbers[1:]))
    game_late = sum(1 for (n1, t1), (n2, t2) in zip(published, published[1:]) if t2 - t1 > (n2 - n1 + 1) / 60)
    return {
        "window_frames": len(presents), "window_late": sum(g > LATE_S for g in window),
        "window_worst_ms": round(max(window, default=0.0) * 1000, 1),
        "window_late_paced": sum(g > LATE_S and p > 1 / 60 for g, p in zip(window, planned[1:])),
        "game_shown": len(shown), "game_late_shown": sum(g > LATE_S for g in game),
        "game_worst_ms": round(max(game, default=0.0) * 1000, 1), "game_skipped": skipped,
        "game_published_late": game_late,
        "gaps_ms": gap_counts(window),
        "late_at_s": [round(t - presents[0], 2) for t, g in zip(presents[1:], window) if g > LATE_S],
    }


def stream_figures(presents: List[float], costs: List[float], streaming: List[bool]) -> Dict[str, object]:
    """The window while the model's words streamed in (from its first words on screen to its answer's end):
    the costliest frame of the window's own work (laying the words out is part of it), the worst gap
    between presents, and the frames that cost more than a 60 Hz frame."""
    during = [(gap, cost) for gap, cost, on in zip([0.0] + gaps(presents), costs, streaming) if on]
    return {"stream_frames": len(during),
            "stream_worst_cost_ms": round(max((c for _, c in during), default=0.0) * 1000, 1),
            "stream_worst_gap_ms": round(max((g for g, _ in during), default=0.0) * 1000, 1),
            "stream_slow_frames": sum(c > 1 / 60 for _, c in during)}


def thread_cpu() -> Dict[str, float]:
    """Processor seconds of each of this process's threads, by Python thread name ("native" for the rest)."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    found: Dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        name = names.get(int(tid), "native")
        found[name] = found.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return found


def _pids(app) -> Dict[str, Optional[int]]:
    game = app.games.game
    model = app.assist.stream.service.loaded_model if app.assist.stream.service is not None else None
    return {"game": getattr(getattr(game, "process", None), "pid", None), "model": getattr(model, "pid", None)}


class Watch:
    """What went to the screen between start() and stop(), and who used the processor meanwhile."""

    def __init__(self, app):
        self.app = app
        self.presents: List[float] = []
        self.planned: List[float] = []
        self.shown: List[Tuple[float, int]] = []
        self.published: List[Tuple[int, float]] = []
        self.streaming: List[bool] = []     # at each present: the model's words were on screen (or coming)

    def start(self) -> None:
        self.began, self.load = time.perf_counter(), os.getloadavg()[0]
        self.pids = _pids(self.app)
        self.cpu = thread_cpu()
        self.process = {name: process_cpu(pid) for name, pid in self.pids.items()}
        self.app.on_present = self.presented

    def presented(self, _rects) -> None:
        now = time.perf_counter()
        self.presents.append(now)
        self.planned.append(GIVE_WAY * self.app.pacer.cost)     # the least sleep the Pacer chose before it
        self.streaming.append(self.app.assist.stream.streaming)
        number = self.app.preview.shown_number
        if number and (not self.shown or self.shown[-1][1] != number):
            self.shown.append((now, number))
        game = self.app.games.game
        info = game._latest_info() if game is not None else None      # the game's (number, publish time)
        if info and info[0] and (not self.published or self.published[-1][0] != info[0]):
            self.published.append(info)

    def stop(self) -> Dict[str, object]:
        self.app.on_present = None
        wall = time.perf_counter() - self.began
        cpu = thread_cpu()
        costs = list(self.app.frame_times)[-len(self.presents):] if self.presents else []   # one per present
        slow = [(round(t - self.presents[0], 2), round(c * 1000, 1)) for t, c in zip(self.presents, costs)
                if c > 1 / 60]
        return dict(late_figures(self.presents, self.shown, self.published, self.planned), seconds=round(wall, 3),
                    slow_frames=slow, **stream_figures(self.presents, costs, self.streaming), cost_ms_p50=round(statistics.median(costs or [0.0]) * 1000, 2),
                    planned_ms_p50=round(statistics.median(self.planned or [0.0]) * 1000, 2),
                    load=round(self.load, 2),
                    thread_cpu_s={name: round(cpu[name] - self.cpu.get(name, 0.0), 2) for name in cpu},
                    process_cpu_s={name: round(process_cpu(pid) - self.process[name], 2)
                                   for name, pid in self.pids.items() if pid})


class Ask:
    """Ask the helper QUESTION; watch from the model's request until its answer ends (shown or dropped)."""

    def __init__(self, results: list, label: str, durations: list):
        self.results, self.label, self.durations = results, label, durations
        self.asked = self.requested = self.first_word = None
        self.watch: Optional[Watch] = None

    def tick(self, window, app, now: float) -> bool:
        stream = app.assist.stream
        if self.asked is None:
            if stream.service is None:
                if now - app.first_frame_at > OPEN_TIMEOUT_S:
                    raise RuntimeError("the model was not opened (is the file usable?)")
                return False
            self.asked, self.drawn = now, app.drawn
            app.assist.ask(QUESTION)
            return False
        if now - self.asked > MODEL_TIMEOUT_S:
            raise RuntimeError(f"the model did not finish in {MODEL_TIMEOUT_S:.0f} s")
        if self.requested is None:
            if stream.request_id is None:
                return False
            self.requested = now
        if self.watch is None:       # the rules' answer was just laid out: its frame is the answer's, and so is
            if GIVE_WAY * app.pacer.cost > 1 / 60 and stream.request_id is not None:   # the slower pace after it
                return False
            since = list(app.frame_times)[-max(1, app.drawn - self.drawn):]
            self.answer_ms = round(max(since, default=0.0) * 1000, 1)
            self.settled = now
            self.watch = Watch(app)
            self.watch.start()
        if stream.request_id is not None:
            if self.first_word is None and stream.streaming:
                self.first_word = now
            return False
        if self.first_word is None and stream.last_end == "final":
            self.first_word = now          # the whole answer came in one frame's events
        written = getattr(stream.service, "first_token_at", None)     # the model's first word, shown or not
        figures = self.watch.stop()
        self.durations.append(figures["seconds"])
        self.results.append(dict(figures, phase=self.label, rules_s=round(self.requested - self.asked, 3),
                                 answer_frame_ms=self.answer_ms, settle_s=round(self.settled - self.requested, 3),
                                 first_word_s=None if self.first_word is None else round(self.first_word - self.asked, 3),
                                 first_token_s=round(written - self.asked, 3) if written and written > self.asked else None,
                                 model_end=stream.last_end))
        return True


class Control:
    """Watch the same window as long as the last Ask was watched (at least CONTROL_MIN_S), with nothing asked."""

    def __init__(self, results: list, durations: list, fallback_s: float, label: str = "control"):
        self.results, self.durations, self.fallback_s, self.label = results, durations, fallback_s, label
        self.watch: Optional[Watch] = None

    def tick(self, window, app, now: float) -> bool:
        if self.watch is None:
            self.seconds = max(CONTROL_MIN_S, self.durations[-1] if self.durations else self.fallback_s)
            self.watch = Watch(app)
            self.watch.start()
            return False
        if time.perf_counter() - self.watch.began < self.seconds:     # as long as the watch itself says
            return False
        self.results.append(dict(self.watch.stop(), phase=self.label))
        return True


WORDS_EVERY_S = 0.4        # Words: a sentence this often (Qwen 0.5B writes one in about that time)
RETOLD = ("Line 12 uses `speed_x`, but the program never gave `speed_x` a value before it. Give it a first "
          "value near the top of the program, before the game loop starts.",
          ("To make the ball move, **give** `speed_x` a number before the loop, like five. ", "The loop adds it "
           "to the ball's x each frame.\n", "When the ball reaches a side, make `speed_x` the opposite number, "
           "so it goes back the other way. ", "Then it bounces off every wall, again and again. ",
           "That is how the ball keeps moving while the game runs. "))


class Retold:
    """Stands in for the model's service in Words: a hint's retelling, a sentence every WORDS_EVERY_S, then
    its end (the words a model's checks let through come a sentence at a time)."""

    loaded_model = None

    def __init__(self, sentences, every_s: float = WORDS_EVERY_S, clock=time.perf_counter):
        self.sentences, self.every_s, self.clock = list(sentences), every_s, clock
        self.sent, self.started, self.ended = 0, 0.0, False

    def available(self) -> bool:
        return True

    def set_busy_cores(self, _busy: int) -> None:
        pass

    def request(self, _facts) -> int:
        self.started = self.clock()
        return -1

    def cancel(self) -> None:
        self.ended = True

    def poll(self, limit: int) -> list:
        due = int((self.clock() - self.started) / self.every_s)
        out = []
        while self.sent < min(due, len(self.sentences)) and len(out) < limit:
            out.append(ModelEvent(-1, "token", self.sentences[self.sent]))
            self.sent += 1
        if not self.ended and due > len(self.sentences):
            out.append(ModelEvent(-1, "final", "".join(self.sentences).strip()))
            self.ended = True
        return out


class Words:
    """The helper's hint retold while the game plays, its words coming as a model's do (Retold, no model):
    the window watched from the request to the end, so the frames that lay the words out are measured the
    same way on every machine (the model's answer to QUESTION goes below the first screen of the answer,
    where a child sees it only after "Tell me more")."""

    def __init__(self, results: list):
        self.results = results
        self.watch: Optional[Watch] = None

    def tick(self, window, app, now: float) -> bool:
        stream = app.assist.stream
        if self.watch is None:
            self.real = stream.service
            stream.service = Retold(RETOLD[1])
            app.helper.show("Line 12", RETOLD[0])
            stream.request(_Lang(app.settings.language), app.helper.heading, app.helper.text)
            self.watch = Watch(app)
            self.watch.start()
            return False
        if stream.request_id is not None:
            return False
        figures = self.watch.stop()
        stream.service = self.real
        self.results.append(dict(figures, phase="words", model_end=stream.last_end))
        return True


class _Lang:
    """What ModelStream.request reads of the facts it passes on (Retold reads none)."""

    def __init__(self, lang: str):
        self.lang = lang


def model_tasks(rounds: int, fallback_s: float, results: list) -> list:
    """Warm-up (the model loads and answers once), then rounds of Ask and Control in turn: A C, C A, ...,
    then Words."""
    durations: list = []
    tasks: list = [Ask(results, "warm", durations)]
    for number in range(rounds):
        pair = [Ask(results, "model", durations), Control(results, durations, fallback_s)]
        tasks += pair if number % 2 == 0 else pair[::-1]
    return tasks + [Words(results)]
