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
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        pieces = ANSWER * (30 if mode == "long" else 1)
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
