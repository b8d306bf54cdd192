"""The model service with FakeModel: rules first, model text streamed safely, cancel on edit, timeouts,
crashes restarted once, and OneShot, the same path blocking, for the command line (also on the real tiny model)."""
import time

import pytest
from tiny_gguf import missing_tools

from kidcoder.config import Settings
from kidcoder.diagnosis.finding import Finding
from kidcoder.knowledge.cards import Card
from kidcoder.model import catalog
from kidcoder.model.facts import AnswerFacts, ChangeFacts, HintFacts, ModelReply
from kidcoder.model.fake import FakeModel
from kidcoder.model.review import StreamGate
from kidcoder.model.service import ModelService, OneShot

FINDING = Finding("runtime", 12, None, "diag.name_error", {"line": 12, "name": "scor", "suggestion": "score"})
FACTS = HintFacts("en", FINDING, "Did you mean score?", 2, ">12 | print(scor)",
                  error_message="NameError: name 'scor' is not defined")
GOOD = "On line 12 you wrote scor. Your program made a name called score. Check the letters!"


@pytest.fixture(autouse=True)
def clean_state(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KIDCODER_MODEL", raising=False)
    catalog.forget_switched_off()
    yield
    catalog.forget_switched_off()


def one_shot(model_factory, **settings):
    return OneShot(Settings(**settings), model_factory=model_factory)


def collect(service, until, timeout=10.0):
    """Drain events like the UI does each frame, until one satisfies until (or time runs out)."""
    events, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch = service.poll()
        events += batch
        if any(until(e) for e in batch):
            return events
        time.sleep(0.01)
    raise AssertionError(f"no such event; got {events}")


def ends(request_id):
    return lambda e: e.request_id == request_id and e.kind in ("final", "dropped", "off")


def make_service(model, **settings):
    return ModelService(Settings(**settings), model_factory=lambda: model)


def test_without_a_model_the_service_says_off_and_one_shot_returns_none():
    service = ModelService(Settings(), model_factory=lambda: None)
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    assert [e.kind for e in events] == ["off"] and not service.available()
    service.close()
    with OneShot(Settings()) as enrich:          # no model file anywhere in the test home
        assert enrich(FACTS) is None
    with OneShot(Settings(model_enabled=False)) as enrich:
        assert enrich(FACTS) is None


def test_grounded_answer_streams_sentence_by_sentence_then_final():
    model = FakeModel(GOOD, token_delay_s=0.001)
    service = make_service(model)
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    kinds = [e.kind for e in events]
    assert kinds[0] == "status" and events[0].text == "model.status.waking"
    assert kinds[-1] == "final" and events[-1].text == GOOD and events[-1].model == "fake"
    streamed = "".join(e.text for e in events if e.kind == "token")
    assert GOOD.startswith(streamed) and streamed.endswith("score. ")
    assert "Name written: scor" in model.prompts[0].user
    service.close()
    assert model.closed


def test_request_returns_at_once_while_the_model_thinks():
    model = FakeModel(GOOD, first_token_delay_s=1.0)
    service = make_service(model)
    request_id = service.request(FACTS)
    assert not any(e.kind == "final" for e in service.poll())  # the caller shows the rules' answer meanwhile
    collect(service, ends(request_id))
    service.close()


def test_an_edit_cancels_the_answer_in_flight():
    model = FakeModel(GOOD + " " + "More words here. " * 40, token_delay_s=0.02)
    service = make_service(model)
    first = service.request(FACTS)
    collect(service, lambda e: e.kind == "token")
    service.cancel()
    time.sleep(0.3)
    late = service.poll()
    assert not any(e.kind in ("final", "dropped") for e in late)
    second = service.request(FACTS)
    events = collect(service, ends(second))
    assert events[-1].kind == "final" and not any(e.request_id == first and e.kind == "final" for e in events)
    service.close()


def test_a_new_request_replaces_the_one_in_flight():
    model = FakeModel([GOOD + " Also this. " * 30, GOOD], token_delay_s=0.01)
    service = make_service(model)
    first = service.request(FACTS)
    collect(service, lambda e: e.kind == "token")
    second = service.request(FACTS)
    events = collect(service, ends(second))
    finals = [e for e in events if e.kind == "final"]
    assert [e.request_id for e in finals] == [second] and first != second
    service.close()


def test_a_model_too_slow_for_its_first_token_twice_is_switched_off_with_a_note_for_the_teacher():
    model = FakeModel(GOOD, first_token_delay_s=5.0)
    service = make_service(model, model_first_token_limit_s=0.1)
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    assert events[-1].kind == "dropped" and service.available()        # once may be a busy moment
    assert ("note", "model.off.too_slow") in [(e.kind, e.text) for e in events]
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    assert events[-1].kind == "dropped" and not service.available() and model.closed
    next_id = service.request(FACTS)
    assert collect(service, ends(next_id))[-1].kind == "off"
    service.close()
    notes = (catalog.paths.data_dir() / "model-notes.log").read_text(encoding="utf-8")
    assert "too slow" in notes and "switched off" in notes


def test_a_stuck_answer_ends_at_the_timeout():
    model = FakeModel(GOOD + " And more. " * 50, token_delay_s=0.05)
    service = ModelService(Settings(), model_factory=lambda: model, timeouts_s={"hint": 0.3})
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    assert events[-1].kind == "dropped"  # a cut-off answer is not shown as final
    service.close()


def test_unsafe_text_never_reaches_the_child():
    reply = "On line 12 you wrote scor, not score. Ask for help at www.example.com today. Bye."
    service = make_service(FakeModel(reply, token_delay_s=0.001))
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    streamed = "".join(e.text for e in events if e.kind == "token")
    assert streamed == "On line 12 you wrote scor, not score. "
    assert events[-1].kind == "dropped"
    service.close()


def test_an_ungrounded_answer_is_dropped_for_the_rules_answer():
    service = make_service(FakeModel("Names are tricky. Try again and have fun!"))
    request_id = service.request(FACTS)
    assert collect(service, ends(request_id))[-1].kind == "dropped"
    service.close()


def test_a_crashed_model_is_restarted_once_then_switched_off():
    crashing = iter([FakeModel(GOOD, crash_on="scor"), FakeModel(GOOD)])
    service = ModelService(Settings(), model_factory=lambda: next(crashing))
    request_id = service.request(FACTS)
    assert collect(service, ends(request_id))[-1].kind == "final"
    service.close()

    always = FakeModel(GOOD, crash_on="scor")
    service = ModelService(Settings(), model_factory=lambda: always)
    request_id = service.request(FACTS)
    assert collect(service, ends(request_id))[-1].kind == "dropped"
    assert not service.available()
    service.close()


def test_a_model_that_cannot_load_means_off():
    service = make_service(FakeModel(GOOD, fail_load="model.off.load_failed"))
    request_id = service.request(FACTS)
    assert collect(service, ends(request_id))[-1].kind == "off"
    service.close()


def test_stream_gate_holds_open_code_blocks_and_checks_them_when_closed():
    gate = StreamGate("en")
    assert gate.feed("Try this. ") == "Try this. "
    assert gate.feed("```python\nx = 1\n") == ""
    assert gate.feed("```\nDone. ") == "```python\nx = 1\n```\nDone. "
    bad = StreamGate("en")
    bad.feed("Look:\n```python\nimport os\n```\nok. ")
    assert bad.unsafe


def test_one_shot_with_a_fake_model():
    replies = {"hint": GOOD, "answer": "Call pygame.display.flip() after you draw, once per frame.",
               "change": '{"thing": "cat", "property": "speed", "change": "more", "number": null}'}
    with one_shot(lambda: FakeModel(lambda p: replies[p.kind])) as enrich:
        assert enrich(FACTS) == ModelReply(GOOD, "fake")
        answer = enrich(AnswerFacts("en", "Why is my screen black?", "Call `pygame.display.flip()` each frame."))
        assert answer and "flip" in answer.text
        change = enrich(ChangeFacts("en", "cat zoom zoom", (("cat", "PLAYER"),)))
        assert change.data == {"thing": "cat", "property": "speed", "change": "more", "number": None,
                               "colour": None, "shape": None} and change.model == "fake"


def test_a_childs_own_request_goes_before_a_retelling_in_flight():
    model = FakeModel(lambda p: GOOD + " More words here." * 60 if p.kind == "hint" else
                      '{"thing": "cat", "property": "speed", "change": "more", "number": null}', token_delay_s=0.02)
    service = make_service(model)
    retelling = service.request(FACTS)
    collect(service, lambda e: e.kind == "token")
    reply = service.answer_now(ChangeFacts("en", "cat zoom zoom", (("cat", "PLAYER"),)))
    assert reply is not None and reply.data["property"] == "speed"
    time.sleep(0.2)
    assert not any(e.request_id == retelling and e.kind == "final" for e in service.poll())
    service.close()


def test_one_shot_drops_what_fails_grounding():
    with one_shot(lambda: FakeModel("Just try harder.")) as enrich:
        assert enrich(FACTS) is None


def test_one_shot_restarts_a_crashed_model_once():
    models = iter([FakeModel(GOOD, crash_on="scor"), FakeModel(GOOD)])
    with one_shot(lambda: next(models)) as enrich:
        assert enrich(FACTS).text == GOOD


@pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))
def test_one_shot_on_the_real_tiny_model_rejects_its_gibberish(tmp_path, monkeypatch):
    from tiny_gguf import build_tiny_model

    path = build_tiny_model(tmp_path / "tiny.gguf")
    monkeypatch.setenv("KIDCODER_MODEL", str(path))
    assert catalog.find_model(Settings()).path == str(path)
    with OneShot(Settings()) as enrich:
        assert enrich(FACTS) is None  # random weights cannot keep the facts
        model = enrich.service.loaded_model
        assert model is not None and model.alive  # loaded once, kept for the next one-shot call
    assert not model.alive


def test_a_contradiction_stops_the_model_early():
    reply = "Look at line 40 first. " + "Then more words follow here. " * 40
    model = FakeModel(reply, token_delay_s=0.001)
    service = make_service(model)
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    assert events[-1].kind == "dropped" and not any(e.kind == "token" for e in events)
    service.close()
    assert model.results[0].reason == "cancelled" and model.results[0].tokens < 20


def test_one_shot_stops_listening_after_a_contradiction():
    fake = FakeModel("The child wrote scor on line 12. " + "Blah blah blah. " * 50)
    with one_shot(lambda: fake) as enrich:
        assert enrich(FACTS) is None
    assert fake.results[0].reason == "cancelled" and fake.results[0].tokens < 20


def test_the_card_and_its_example_never_reach_the_prompt_and_a_retelling_naming_its_code_is_dropped():
    card = Card("names", "Names", ("name",), 1, (), "A name is spelled the same way every time.",
                "def jump():\n    y = y - 10", "en")
    facts = HintFacts("en", FINDING, "Did you mean score?", 2, ">12 | print(scor)", cards=(card,),
                      program="score = 0\n" * 11 + "print(scor)\n", rules_words="Line 12 uses scor.")
    model = FakeModel("On line 12 you wrote scor, like in def jump(), but you made score.")
    service = make_service(model)
    request_id = service.request(facts)
    assert collect(service, ends(request_id))[-1].kind == "dropped"
    service.close()
    assert "spelled the same way" not in model.prompts[0].user and "jump" not in model.prompts[0].user


def test_warm_up_loads_the_model_before_the_first_request():
    model = FakeModel(GOOD)
    service = make_service(model)
    service.warm_up()
    events = collect(service, lambda e: e.text == "model.status.ready")
    assert model.loaded and [e.request_id for e in events] == [0, 0]
    request_id = service.request(FACTS)
    events = collect(service, ends(request_id))
    assert "model.status.waking" not in [e.text for e in events]  # already awake
    service.close()


@pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))
def test_the_service_with_the_real_worker_process(tmp_path):
    from tiny_gguf import build_tiny_model

    from kidcoder.model.process import ProcessModel

    worker = ProcessModel(build_tiny_model(tmp_path / "tiny.gguf"), threads=1)
    service = ModelService(Settings(), model_factory=lambda: worker)
    service.warm_up()
    collect(service, lambda e: e.text == "model.status.ready")
    first = service.request(FACTS)
    service.cancel()  # an edit straight away
    second = service.request(FACTS)
    events = collect(service, ends(second))
    assert events[-1].kind == "dropped"  # random weights never keep the facts: the rules' answer stays
    assert not any(e.request_id == first and e.kind in ("final", "token") for e in events)
    service.close()
    assert not worker.alive
