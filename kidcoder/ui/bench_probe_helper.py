"""The window benchmark's helper mode: the frames that show the helper's answers and hints, no model needed.

Run by bench_probe.py (`python -m kidcoder.ui.bench_probe helper EXAMPLE --size WxH --lang en|es`): a
gallery game plays in the preview while the helper shows real rules' answers and hints (worked out
before, on the probe's thread; each comes back through the window's worker, as a child's question does,
so its frame is the real one: background work came back, the window is drawn whole). For each: the cost
of the frame that showed it (`shown_ms`) and the costliest frame after it while the rest of its text
was laid out (`later_ms`, helper_pane.laying_out). Then a hint retold by a stand-in for the model (its
sentences every 0.4 s: bench_probe_model.Words) and a short answer retold, whose words go before its
"Read more" line: the costliest frame while the words came, and the frames over 1/60 s.
"""
from __future__ import annotations

import time
from collections import deque
from typing import List, Optional

from kidcoder.ui.bench_probe_model import RETOLD, Retold, Watch, Words, _Lang

QUESTIONS = {"en": ("how do I make the ball bounce?", "what is a variable?", "how do I move with the arrow keys?",
                    "how do I play a sound?"),
             "es": ("¿cómo hago que la pelota rebote?", "¿qué es una variable?", "¿cómo muevo con las flechas?",
                    "¿cómo pongo un sonido?")}
SHORT_QUESTION = {"en": "what does print do?", "es": "¿qué hace print?"}
BROKEN = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((400, 300))\nclock = pygame.time.Clock()\n"
          "x = 10\nrunning = True\nwhile running:\n    for event in pygame.event.get():\n"
          "        if event.type == pygame.QUIT:\n            running = False\n    x = x + speed_x\n"
          "    screen.fill((0, 0, 0))\n    pygame.draw.circle(screen, (255, 200, 0), (x, 150), 20)\n"
          "    pygame.display.flip()\n    clock.tick(60)\npygame.quit()\n",
          "score = 0\nfor i in range(3)\n    score = score + i\nprint(score)\n")
RETOLD_ES = ("La línea 12 usa `speed_x`, pero el programa nunca le dio un valor antes. Dale un primer valor arriba "
             "del programa, antes del bucle del juego.",
             ("Para que la pelota se mueva, **dale** a `speed_x` un número antes del bucle, como cinco. ",
              "El bucle lo suma a la x de la pelota en cada cuadro.\n",
              "Cuando la pelota llega a un lado, cambia `speed_x` al número opuesto, así vuelve hacia el otro lado. ",
              "Entonces rebota en cada pared, una y otra vez. ",
              "Así la pelota sigue moviéndose mientras el juego corre. "))
AFTER_FRAMES = 3           # frames still watched after the text is whole


def clock_cpu(app) -> None:
    """app.frame_cpu: the window thread's CPU time for each frame drawn, beside app.frame_times (wall): on a
    shared machine a frame's wall time also counts other programs' turns on the core."""
    app.frame_cpu = deque(maxlen=app.frame_times.maxlen)
    step = app.step

    def timed(dt: float = 1 / 60) -> None:
        drawn, began = app.drawn, time.thread_time()
        step(dt)
        if app.drawn != drawn:
            app.frame_cpu.append(time.thread_time() - began)
    app.step = timed


def answers_and_hints(lang: str) -> list:
    """(label, kind, result) worked out before anything is timed: the rules' answers and hints."""
    from kidcoder.helper.answers import answer_question
    from kidcoder.helper.hints import find_hint
    from kidcoder.knowledge.index import shared_index

    found = [(f"answer: {q}", ("ask", q), answer_question(q, lang, index=shared_index())) for q in QUESTIONS[lang]]
    for number, source in enumerate(BROKEN):
        for level in (2, 3):
            hint = find_hint(source, None, level, lang, check_fix=level >= 3)
            found.append((f"hint {number} level {level}", ("hint", source, level), hint))
    return found


class Shown:
    """One answer or hint comes back through the worker; the frame that shows it and the frames after it."""

    def __init__(self, label: str, kind, result, results: list):
        self.label, self.kind, self.result, self.results = label, kind, result, results
        self.version: Optional[int] = None
        self.index = self.whole_at = None

    def tick(self, window, app, now: float) -> bool:
        helper = app.helper
        if self.version is None:
            self.version = helper.version
            self._submit(app)
            return False
        if self.index is None:
            if helper.version == self.version:
                return False
            self.index = len(app.frame_times)          # this frame shows it (its cost is appended after)
            return False
        if getattr(helper, "laying_out", False):        # (a window that lays a text out whole: never)
            return False
        self.whole_at = self.whole_at or len(app.frame_times)
        if len(app.frame_times) < self.whole_at + AFTER_FRAMES:
            return False
        costs, cpu = list(app.frame_times), list(getattr(app, "frame_cpu", ()))
        self.results.append({"phase": "shown", "label": self.label, "shown_ms": round(costs[self.index] * 1000, 1),
                             "later_ms": round(max(costs[self.index + 1:] or [0.0]) * 1000, 1),
                             "later_frames": self.whole_at - self.index, "laid_out": helper.laid_out})
        if len(cpu) == len(costs):
            self.results[-1].update(shown_cpu_ms=round(cpu[self.index] * 1000, 1),
                                    later_cpu_ms=round(max(cpu[self.index + 1:] or [0.0]) * 1000, 1))
        return True

    def _submit(self, app) -> None:
        result = self.result
        if self.kind[0] == "ask":
            app.worker.submit("ask", lambda: result, replace=True, tag=self.kind[1])
            return
        _, source, level = self.kind
        app.assist.hint_source = source
        app.worker.submit("hint", lambda: result, replace=True, tag={"source": source, "level": level})


class Retelling(Words):
    """bench_probe_model.Words in the window's language; with `short`, a short answer (its words go before
    its "Read more" line) instead of a hint."""

    def __init__(self, results: list, lang: str, short=None):
        super().__init__(results)
        self.lang, self.short = lang, short

    def tick(self, window, app, now: float) -> bool:
        if self.watch is not None:
            done = super().tick(window, app, now)
            if done:
                self.results[-1]["phase"] = "short" if self.short else "words"
            return done
        rules, sentences = RETOLD_ES if self.lang == "es" else RETOLD
        stream = app.assist.stream
        self.real = stream.service
        stream.service = Retold(sentences)
        if self.short is not None:
            app.helper.show_answer(self.short[0], self.short[1].text, self.short[1].sources)
        else:
            app.helper.show("Line 12", rules)
        stream.request(_Lang(self.lang), app.helper.heading, app.helper.text)
        self.watch = Watch(app)
        self.watch.start()
        return False


def use_language(lang: str) -> None:
    """The window about to open speaks this language (its settings in KIDCODER_HOME: the probe's own home)."""
    from kidcoder.config import load_settings, save_settings

    settings = load_settings()
    settings.language = lang
    save_settings(settings)


def helper_tasks(lang: str, results: list) -> List[object]:
    """Every answer and hint shown, then the retold hint and the retold short answer."""
    from kidcoder.helper.answers import answer_question
    from kidcoder.knowledge.index import shared_index

    tasks: List[object] = [Shown(label, kind, result, results) for label, kind, result in answers_and_hints(lang)]
    short = SHORT_QUESTION[lang]
    tasks.append(Retelling(results, lang))
    tasks.append(Retelling(results, lang, short=(short, answer_question(short, lang, index=shared_index()))))
    return tasks
