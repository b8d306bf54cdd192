"""Opt-in, slow: KidCoder against a real classroom server on loopback serving a small model.

Two servers, each tested when its environment variable is set:
- KIDCODER_TEST_LLAMA_SERVER: the llama-server program built from llama.cpp's source (the one
  tools/build_classroom_server.sh builds: parallel slots, continuous batching), run with 2 slots;
- KIDCODER_TEST_SERVER_PYTHON: the Python of a venv with llama-cpp-python[server] (one request at
  a time), on 1 thread.
KIDCODER_TEST_SERVER_MODEL (or KIDCODER_TEST_MODEL) names the GGUF file. Checked: JSON-schema
output is used and every reply fits its form; 20 laptops asking at once all get a checked answer
or the rules' one, never an error; a server too slow, one that goes away and a wrong address each
fall back to the rules with a note for the teacher (model-notes.log, `kidcoder model list`).
"""
import json
import os
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from real_model import Recording, report

from kidcoder.config import Settings
from kidcoder.model import catalog
from kidcoder.model.facts import ChangeFacts, DescriptionFacts, SearchFacts
from kidcoder.model.remote import RemoteModel
from kidcoder.model.service import OneShot

LLAMA_SERVER = os.environ.get("KIDCODER_TEST_LLAMA_SERVER", "")
SERVER_PYTHON = os.environ.get("KIDCODER_TEST_SERVER_PYTHON", "")
SERVER_MODEL = os.environ.get("KIDCODER_TEST_SERVER_MODEL") or os.environ.get("KIDCODER_TEST_MODEL", "")
KINDS = [kind for kind, program in (("llama-server", LLAMA_SERVER), ("llama-cpp-python", SERVER_PYTHON))
         if program and Path(program).exists()]
pytestmark = pytest.mark.skipif(
    not (KINDS and SERVER_MODEL and Path(SERVER_MODEL).is_file()),
    reason="opt-in: set KIDCODER_TEST_LLAMA_SERVER (llama-server) or KIDCODER_TEST_SERVER_PYTHON "
           "(llama-cpp-python[server]), and KIDCODER_TEST_SERVER_MODEL")

LAPTOPS = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_command(kind: str, port: int):
    if kind == "llama-server":
        return [LLAMA_SERVER, "--model", SERVER_MODEL, "--host", "127.0.0.1", "--port", str(port),
                "--ctx-size", "4096", "--parallel", "2", "--threads", "1", "--threads-batch", "1"]
    return [SERVER_PYTHON, "-m", "llama_cpp.server", "--model", SERVER_MODEL, "--host", "127.0.0.1",
            "--port", str(port), "--n_ctx", "2048", "--n_threads", "1", "--n_threads_batch", "1",
            "--interrupt_requests", "False"]


def start_server(kind: str = ""):
    port = free_port()
    process = subprocess.Popen(server_command(kind or KINDS[0], port),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/v1/models", timeout=2).read()
            return process, url
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("the classroom server did not start")
            time.sleep(1)
    process.kill()
    raise RuntimeError("the classroom server did not answer in 180 s")


def stop_server(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module", params=KINDS or ["none"])
def server(request):
    process, url = start_server(request.param)
    yield url
    stop_server(process)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    catalog.forget_switched_off()


def notes() -> str:
    from kidcoder import paths

    path = paths.data_dir() / "model-notes.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


READINGS = [
    ChangeFacts("es", "que los pececitos bajen mas despacito porfa", (("gato", "PLAYER"), ("pez", "THING"))),
    ChangeFacts("en", "the cat should go zoom zoom", (("cat", "PLAYER"), ("fish", "THING"))),
    ChangeFacts("en", "i want the bad guys to be purple", (("ship", "PLAYER"), ("alien", "THING"))),
    DescriptionFacts("en", "the player is a robot, the bad guys are ghosts", ("catch", "dodge", "pong", "maze")),
    SearchFacts("es", "komo ago k se mueba mi muñeco"),
]


def test_json_schema_output_is_used_and_every_reply_fits_its_form(server):
    recording = Recording(RemoteModel(server))
    with OneShot(Settings(model_server_url=server, model_first_token_limit_s=300.0),
                 model_factory=lambda: recording) as enrich:
        replies = [enrich(facts) for facts in READINGS]
        assert recording.model.schemas is True                     # the server took response_format
    forms = []
    for prompt, result in zip(recording.prompts, recording.generations):
        data = json.loads(result.text)                             # the schema's grammar: always valid JSON
        forms.append(set(data) == set(prompt.schema["required"]))
    report("server-json", {"replies": [r.data if r else None for r in replies], "forms_ok": sum(forms),
                           "generations": len(forms)})
    assert all(forms)


def test_twenty_laptops_at_once_get_a_checked_answer_or_the_rules_one(server):
    from kidcoder.bench import server as server_bench
    from kidcoder.bench.model import BENCH_FACTS

    outcomes, errors = [], []
    start_line = threading.Barrier(LAPTOPS)

    def laptop():
        try:
            with OneShot(Settings(model_server_url=server)) as enrich:   # the laptops' default 10 s first-word limit
                start_line.wait()
                started = time.monotonic()
                reply = enrich(BENCH_FACTS)
                outcomes.append((reply is not None, time.monotonic() - started))
        except Exception as exc:   # the test fails on any error a laptop would see
            errors.append(repr(exc))

    threads = [threading.Thread(target=laptop) for _ in range(LAPTOPS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(900)
    figures = {"laptops": LAPTOPS, "answered_by_model": sum(ok for ok, _s in outcomes),
               "fell_back_to_rules": sum(not ok for ok, _s in outcomes),
               "wait_s_max": round(max(s for _ok, s in outcomes), 1) if outcomes else None}
    figures.update(server_bench.measure(server, BENCH_FACTS))     # the same 20 with no first-word limit
    report("server-20-laptops", figures)
    assert errors == [] and len(outcomes) == LAPTOPS
    assert figures["server_answered"] == LAPTOPS


def test_a_slow_server_falls_back_to_the_rules_with_a_note_for_the_teacher(server):
    with OneShot(Settings(model_server_url=server, model_first_token_limit_s=0.05)) as enrich:
        assert enrich(READINGS[0]) is None
    assert "too slow this time" in notes()


def test_a_wrong_address_falls_back_to_the_rules_with_a_note_for_the_teacher():
    wrong = f"http://127.0.0.1:{free_port()}"
    with OneShot(Settings(model_server_url=wrong)) as enrich:
        assert enrich(READINGS[1]) is None
    assert "classroom server does not answer" in notes()
    status = catalog.list_models(Settings(model_server_url=wrong), "en")["server_status"]
    assert status["ok"] is False and wrong in status["message"]


def test_a_server_that_goes_away_falls_back_to_the_rules_with_a_note_for_the_teacher():
    process, url = start_server()
    try:
        with OneShot(Settings(model_server_url=url, model_first_token_limit_s=300.0)) as enrich:
            assert catalog.list_models(Settings(model_server_url=url), "en")["server_status"]["ok"] is True
            enrich(READINGS[1])                                      # the server answers (right or not)
            stop_server(process)
            assert enrich(READINGS[1]) is None                       # then it is gone: the rules' reading stays
    finally:
        if process.poll() is None:
            stop_server(process)
    assert "classroom server does not answer" in notes() and "then tried again" in notes()
