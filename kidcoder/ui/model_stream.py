"""Optional: a language model, where the machine has one, says the helper's words again, streamed in beneath them.

The rules' hint or answer always shows first, and stays whole (with its card and
example). If a model is set up, the same facts go to kidcoder.model.service.ModelService;
its checked sentences arrive beneath the rules' text, after "In other words:"
(helper/retell.py), and a "dropped" answer leaves the rules' text alone. A note for
the teacher (a server that does not answer, a model too slow) goes to the status line.
Without a model nothing here does anything.
"""
from __future__ import annotations

import re
from typing import Optional

from kidcoder.helper.retell import beneath, heading
from kidcoder.i18n import tr

MAX_EVENTS_PER_FRAME = 32
# The spaces after the last whole word and what follows them (growing_text.py lays out only what is added
# after a space, and the final text, stripped, is then already on screen).
_WORD_BEING_WRITTEN = re.compile(r"\s+\S*\Z")


def _open_service(settings):
    """Runs on the worker: the service, or None when no model can be used here."""
    from kidcoder.model.choose import model_wanted      # loaded on the worker, after the window shows
    from kidcoder.model.service import ModelService

    return ModelService(settings) if model_wanted(settings) else None


class ModelStream:
    """Owns the optional ModelService; `request()` after the rules' text is shown, `drain()` each frame.
    `app` is the helper's view of the window (shell.HelperContext), not the App."""

    def __init__(self, app):
        self.app = app
        self.service = None
        self.request_id: Optional[int] = None
        self.heading = ""
        self.rules_text = ""
        self._lang = "en"
        self._streaming = False
        self._held = ""                         # the end kept back: the text on screen ends in a whole word
        self.last_end: Optional[str] = None     # how the last request ended: "final", "dropped" or "off"

    def start(self) -> None:
        self.app.worker.submit("model-open", _open_service, self.app.settings)

    def opened(self, result) -> None:
        if result.ok and result.value is not None:
            self.service = result.value

    @property
    def streaming(self) -> bool:
        """The model's words for the current request are on screen (benchmarks time the first)."""
        return self._streaming

    @property
    def available(self) -> bool:
        return self.service is not None and self.service.available()

    def enrich(self):
        """The model as a blocking `enrich` callable for work on the background worker ("Change my game"),
        or None when there is none (the rules alone answer). A game playing now keeps the model to one
        thread (model/threads.py), as for a retelling; before, the last retelling's game decided."""
        service = self.service
        if service is None or not service.available():
            return None
        service.set_busy_cores(1 if self.app.games.live else 0)
        return service.answer_now

    def request(self, facts, heading: str, rules_text: str) -> None:
        """Ask the model to retell facts (HintFacts or AnswerFacts from kidcoder.helper, forwarded unchanged)."""
        if not self.available:
            return
        self.heading, self.rules_text, self._streaming, self._held = heading, rules_text, False, ""
        self._lang = facts.lang
        self.service.set_busy_cores(1 if self.app.games.live else 0)
        self.request_id = self.service.request(facts)

    def cancel(self) -> None:
        if self.service is not None and self.request_id is not None:
            self.service.cancel()
            self.request_id = None

    def drain(self) -> None:
        if self.service is None:
            return
        helper = self.app.helper
        pieces = []              # one frame's pieces shown at once
        for event in self.service.poll(MAX_EVENTS_PER_FRAME):
            if event.request_id != self.request_id:
                continue
            if event.kind == "status":
                self.app.status = tr(event.text)
            elif event.kind == "token":
                pieces.append(event.text)
            elif event.kind == "final":
                pieces = []
                helper.retell(self.heading, beneath(self.rules_text, event.text, self._lang))
                self.request_id, self.last_end = None, event.kind
            elif event.kind == "note":
                self.app.status = tr("model.status.teacher", reason=tr(event.text))
            elif event.kind in ("dropped", "off"):
                pieces = []
                if self._streaming:
                    helper.retell(self.heading, self.rules_text)
                self.request_id, self.last_end = None, event.kind
        if not pieces:
            return
        text = self._held + "".join(pieces)     # a word still being written, and the spaces before it, wait
        end = _WORD_BEING_WRITTEN.search(text)  # for the next piece: the helper adds only after whole words
        shown, self._held = (text[:end.start()], text[end.start():]) if end else ("", text)
        if shown and self._streaming:
            helper.append(shown)
        elif shown:
            self._streaming = True
            helper.retell(self.heading, f"{self.rules_text.rstrip()}\n\n{heading(self._lang)}\n{shown}")

    def close(self) -> None:
        if self.service is not None:
            try:
                self.service.close()
            except Exception:
                pass
