"""The optional model's words stream into the helper after the rules' text, and never replace it with nothing."""
from types import SimpleNamespace

from kidcoder.diagnosis.finding import Finding
from kidcoder.model.facts import AnswerFacts, HintFacts
from kidcoder.model.service import ModelEvent
from kidcoder.ui.model_stream import ModelStream

HINT = HintFacts("es", Finding("runtime", 4, None, "diag.name_error"), "rules words", 1)


class FakeHelper:
    def __init__(self):
        self.heading, self.text = "", ""
        self.renders = 0        # each one lays the whole text out again in the real pane

    def show(self, heading, text):
        self.heading, self.text = heading, text
        self.renders += 1

    def retell(self, heading, text):
        self.show(heading, text)

    def append(self, text):
        self.text += text
        self.renders += 1


class FakeService:
    def __init__(self, events):
        self.events, self.requests, self.cancelled = events, [], 0

    def available(self):
        return True

    def set_busy_cores(self, busy):
        self.busy = busy

    def request(self, facts):
        self.requests.append(facts)
        return 7

    def cancel(self):
        self.cancelled += 1

    def poll(self, limit):
        out, self.events = self.events[:limit], self.events[limit:]
        return out

    def answer_now(self, facts):
        return None


def make(events):
    app = SimpleNamespace(helper=FakeHelper(), settings=SimpleNamespace(language="es"), status="",
                          games=SimpleNamespace(live=True))
    stream = ModelStream(app)
    stream.service = FakeService(events)
    app.helper.show("Pista", "rules words")
    return app, stream


def test_tokens_stream_in_beneath_the_rules_text_which_always_stays():
    app, stream = make([ModelEvent(7, "token", "Mira "), ModelEvent(3, "token", "old request "),
                        ModelEvent(7, "token", "la línea 4. ")])
    stream.request(HINT, "Pista", "rules words")
    assert stream.service.requests[0] is HINT and stream.service.busy == 1   # the helper's facts, unchanged
    stream.drain()
    assert (app.helper.heading, app.helper.text) == ("Pista", "rules words\n\nEn otras palabras:\nMira la línea 4.")
    stream.service.events = [ModelEvent(7, "final", "Mira la línea 4.")]
    stream.drain()
    assert app.helper.text == "rules words\n\nEn otras palabras:\nMira la línea 4." and stream.request_id is None


def test_one_frames_pieces_are_laid_out_once():
    app, stream = make([ModelEvent(7, "token", piece) for piece in ("Mira ", "la ", "línea ", "4. ")])
    stream.request(HINT, "Pista", "rules words")
    before = app.helper.renders
    stream.drain()
    assert app.helper.renders == before + 1 and app.helper.text.endswith("Mira la línea 4.")
    stream.service.events = [ModelEvent(7, "token", "Luego"), ModelEvent(7, "token", " corre.\n")]
    stream.drain()
    assert app.helper.renders == before + 2 and app.helper.text.endswith("Mira la línea 4. Luego corre.")
    stream.drain()                                   # nothing new: nothing laid out
    assert app.helper.renders == before + 2


def test_the_word_being_written_and_the_spaces_before_it_wait_for_the_next_piece():
    app, stream = make([ModelEvent(7, "token", piece) for piece in ("Mira la lí", "nea")])
    stream.request(HINT, "Pista", "rules words")
    stream.drain()
    assert app.helper.text.endswith("palabras:\nMira la")          # the screen ends in a whole word
    stream.service.events = [ModelEvent(7, "token", " 4.\n"), ModelEvent(7, "token", "Luego")]
    stream.drain()
    assert app.helper.text.endswith("palabras:\nMira la línea 4.")  # what follows a space is added after it
    stream.service.events = [ModelEvent(7, "final", "Mira la línea 4.\nLuego corre.")]
    stream.drain()
    assert app.helper.text.endswith("palabras:\nMira la línea 4.\nLuego corre.")


def test_a_dropped_answer_leaves_only_the_rules_text():
    app, stream = make([ModelEvent(7, "token", "Something wrong."), ModelEvent(7, "dropped")])
    stream.request(AnswerFacts("es", "¿qué?", "rules words"), "Pista", "rules words")
    stream.drain()
    assert app.helper.text == "rules words"


def test_a_note_for_the_teacher_goes_to_the_status_line():
    app, stream = make([ModelEvent(7, "note", "model.off.server_unreachable"), ModelEvent(7, "off")])
    stream.request(HINT, "Pista", "rules words")
    stream.drain()
    assert "classroom server does not answer" in app.status and app.helper.text == "rules words"


def test_without_a_model_nothing_is_requested():
    app, stream = make([])
    stream.service = None
    stream.request(HINT, "Pista", "rules words")
    stream.drain()
    assert app.helper.text == "rules words" and stream.request_id is None


def test_a_change_asked_while_the_game_plays_keeps_the_model_to_one_thread():
    app, stream = make([])
    stream.service.busy = 0                          # the last retelling was asked with no game playing
    assert stream.enrich() is not None and stream.service.busy == 1
    app.games.live = False
    stream.enrich()
    assert stream.service.busy == 0
    stream.service = None
    assert stream.enrich() is None
