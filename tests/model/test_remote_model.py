"""The classroom-server model against a small stand-in OpenAI-compatible server on 127.0.0.1."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kidcoder.diagnosis.finding import Finding
from kidcoder.model.chat import ChatPrompt
from kidcoder.model.facts import HintFacts
from kidcoder.model.interface import ModelError
from kidcoder.model.remote import RemoteModel, endpoint
from kidcoder.model.service import ModelService
from kidcoder.config import Settings

ANSWER = ["On line 12 ", "you wrote scor. ", "Your program ", "calls it score."]


class StandIn(BaseHTTPRequestHandler):
    """Streams ANSWER as server-sent events; behaviour set by the server's .mode."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path != "/v1/models":
            self.send_error(404)
            return
        body = json.dumps({"object": "list", "data": [{"id": "qwen2.5-coder-1.5b"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        request = json.loads(self.rfile.read(length))
        self.server.requests.append((self.path, request, dict(self.headers)))
        mode = self.server.mode
        if mode == "stall":
            time.sleep(3)
        if mode == "no_schema" and "response_format" in request:
            self.send_error(400, "response_format is not supported")
            return
        if mode == "refused":            # llama-server on a prompt longer than its slot: an OpenAI-style error
            body = json.dumps({"error": {"code": 400, "message": "the request exceeds the available context size",
                                         "type": "exceed_context_size_error"}}).encode()
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        pieces = ANSWER * (30 if mode == "long" else 1)
        if mode == "interrupted":       # llama-cpp-python's server when another request comes in
            self.wfile.write(b'data: {"choices": [{"index": 0, "delta": {"content": "On line"}, '
                             b'"finish_reason": null}]}\n\ndata: [DONE]\n\n')
            self.wfile.flush()
            return
        if mode == "llama-server":       # as llama.cpp's llama-server streams (recorded from the real one)
            first = {"choices": [{"finish_reason": None, "index": 0, "delta": {"role": "assistant", "content": None}}],
                     "object": "chat.completion.chunk"}
            last = {"choices": [{"finish_reason": "stop", "index": 0, "delta": {}}], "object": "chat.completion.chunk",
                    "timings": {"cache_n": 29, "prompt_n": 1, "predicted_n": 4}}
            self.wfile.write(f"data: {json.dumps(first)}\n\n".encode())
            for piece in ANSWER:
                chunk = {"choices": [{"finish_reason": None, "index": 0, "delta": {"content": piece}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.write(f"data: {json.dumps(last)}\n\ndata: [DONE]\n\n".encode())
            self.wfile.flush()
            return
        if mode in ("json", "no_schema"):
            pieces = ['{"thing": "cat", ', '"property": "speed", "change": "more", ', '"number": null}']
        try:
            for piece in pieces:
                chunk = {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
                time.sleep(0.02 if mode == "long" else 0.001)
            done = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    httpd.mode, httpd.requests = "normal", []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def url(server):
    return f"http://127.0.0.1:{server.server_address[1]}"


def prompt():
    return ChatPrompt("hint", "You help children.", "Explain line 12.", max_tokens=50)


def test_endpoint_accepts_what_a_teacher_types():
    assert endpoint("http://10.0.0.5:8080") == "http://10.0.0.5:8080/v1/chat/completions"
    assert endpoint("http://10.0.0.5:8080/v1/") == "http://10.0.0.5:8080/v1/chat/completions"
    assert endpoint("http://h/v1/chat/completions", "models") == "http://h/v1/models"
    with pytest.raises(ValueError):
        RemoteModel("10.0.0.5:8080")


def test_streams_an_answer(server):
    model = RemoteModel(url(server))
    model.load()
    assert model.name == "server:qwen2.5-coder-1.5b"
    pieces = []
    result = model.generate(prompt(), pieces.append)
    assert result.reason == "stop" and result.text == "".join(ANSWER) and pieces == ANSWER
    path, body, headers = server.requests[0]
    assert path == "/v1/chat/completions" and body["stream"] is True
    assert body["messages"][0] == {"role": "system", "content": "You help children."}
    assert body["model"] == "qwen2.5-coder-1.5b" and body["max_tokens"] == 50


def test_streams_an_answer_as_llama_server_sends_it(server):
    server.mode = "llama-server"
    pieces = []
    result = RemoteModel(url(server)).generate(prompt(), pieces.append)
    assert result.reason == "stop" and result.text == "".join(ANSWER) and pieces == ANSWER


def test_a_request_the_server_refuses_even_without_its_schema_is_an_error_with_the_servers_words(server):
    server.mode = "refused"
    model = RemoteModel(url(server))
    json_prompt = ChatPrompt("change", "Read the wish.", "faster", max_tokens=20, schema={"type": "object"})
    with pytest.raises(ModelError) as raised:
        model.generate(json_prompt)
    assert raised.value.reason == "model.off.server_lost" and "exceeds the available context" in raised.value.detail
    assert model.schemas is True                       # the schema was not what the server refused
    assert "response_format" in server.requests[0][1] and "response_format" not in server.requests[1][1]


def test_cancel_stops_the_stream(server):
    server.mode = "long"
    model = RemoteModel(url(server))
    pieces = []

    def on_token(piece):
        pieces.append(piece)
        if len(pieces) == 3:
            model.cancel()

    result = model.generate(prompt(), on_token)
    assert result.reason == "cancelled" and len(pieces) == 3


def test_an_answer_the_server_cut_off_is_not_taken_as_finished(server):
    server.mode = "interrupted"
    result = RemoteModel(url(server)).generate(prompt())
    assert result.reason == "error" and result.text == "On line"


def test_a_silent_server_times_out(server):
    server.mode = "stall"
    result = RemoteModel(url(server)).generate(prompt(), first_token_timeout_s=0.3)
    assert result.reason == "timeout" and result.text == ""


def test_an_unreachable_server_is_an_error_not_a_crash(server):
    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    model = RemoteModel(f"http://127.0.0.1:{port}")
    with pytest.raises(ModelError):
        model.load()
    with pytest.raises(ModelError):
        model.generate(prompt())


def test_the_service_uses_the_classroom_server_from_settings(server, tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    service = ModelService(Settings(model_server_url=url(server)))
    facts = HintFacts("en", Finding("runtime", 12, None, "diag.name_error"), "", 2, ">12 | print(scor)",
                      error_message="NameError: name 'scor' is not defined. Did you mean: 'score'?")
    request_id = service.request(facts)
    deadline, events = time.monotonic() + 10, []
    while time.monotonic() < deadline and not any(e.request_id == request_id and e.kind in ("final", "dropped", "off")
                                                  for e in events):
        events += service.poll()
        time.sleep(0.01)
    assert events[-1].kind == "final" and events[-1].text == "".join(ANSWER)
    assert events[-1].model == "server:qwen2.5-coder-1.5b"
    service.close()


def change_facts():
    from kidcoder.model.facts import ChangeFacts

    return ChangeFacts("en", "the cat goes zoom", (("cat", "PLAYER"),))


def one_shot_on(address, home, monkeypatch, **settings):
    from kidcoder.model import catalog
    from kidcoder.model.service import OneShot

    monkeypatch.setenv("KIDCODER_HOME", str(home))
    catalog.forget_switched_off()
    return OneShot(Settings(model_server_url=address, **settings))


def notes():
    """The teacher's notes (model-notes.log in the data folder of the test's KIDCODER_HOME)."""
    from kidcoder import paths

    path = paths.data_dir() / "model-notes.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_json_request_sends_its_schema_to_the_server(server, tmp_path, monkeypatch):
    server.mode = "json"
    with one_shot_on(url(server), tmp_path, monkeypatch) as enrich:
        reply = enrich(change_facts())
    assert reply is not None and reply.data["property"] == "speed"
    _path, body, _headers = server.requests[-1]
    schema = body["response_format"]["schema"]
    assert body["response_format"]["type"] == "json_object" and "cat" in schema["properties"]["thing"]["enum"]
    assert body["temperature"] == 0.0


def test_a_server_without_json_schemas_is_asked_without_one_and_checked_here(server, tmp_path, monkeypatch):
    server.mode = "no_schema"
    with one_shot_on(url(server), tmp_path, monkeypatch) as enrich:
        reply = enrich(change_facts())
        assert reply is not None and reply.data["thing"] == "cat"
        assert enrich.service.loaded_model.schemas is False
    assert "response_format" not in server.requests[-1][1]


def test_a_wrong_address_falls_back_to_the_rules_with_a_note_for_the_teacher(tmp_path, monkeypatch):
    from kidcoder.model.catalog import list_models

    with one_shot_on("http://127.0.0.1:9", tmp_path, monkeypatch) as enrich:
        assert enrich(change_facts()) is None and enrich(FACTS_FOR_SERVER) is None
    assert "classroom server does not answer" in notes()
    listed = list_models(Settings(model_server_url="http://127.0.0.1:9"), "en")
    assert listed["server_status"]["ok"] is False and "does not answer" in listed["server_status"]["message"]
    assert any("does not answer" in note for note in listed["notes"])


def test_a_server_that_goes_away_falls_back_then_is_tried_again(server, tmp_path, monkeypatch):
    server.mode = "json"
    address = url(server)
    with one_shot_on(address, tmp_path, monkeypatch) as enrich:
        assert enrich(change_facts()) is not None
        server.shutdown()
        server.server_close()
        assert enrich(change_facts()) is None                 # the rules' reading stays
        assert "server" in notes() and not enrich.service.available()
        enrich.service._retry_at = time.monotonic()           # as if RETRY_AFTER_S had passed
        assert enrich.service.available()


def test_a_slow_server_falls_back_and_twice_in_a_row_is_switched_off(server, tmp_path, monkeypatch):
    server.mode = "stall"
    with one_shot_on(url(server), tmp_path, monkeypatch, model_first_token_limit_s=0.3) as enrich:
        assert enrich(FACTS_FOR_SERVER) is None and enrich.service.available()
        assert "too slow this time" in notes()
        assert enrich(FACTS_FOR_SERVER) is None and not enrich.service.available()
    assert "then tried again" in notes()


FACTS_FOR_SERVER = HintFacts("en", Finding("runtime", 12, None, "diag.name_error",
                                           {"line": 12, "name": "scor", "suggestion": "score"}),
                             "", 2, ">12 | print(scor)", error_message="NameError: name 'scor' is not defined")
