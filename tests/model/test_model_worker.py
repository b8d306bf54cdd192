"""The real gpt4all backend, in its own worker process, on a tiny GGUF model the tests build themselves.

Its text is gibberish, but loading, streaming, cancel, timeouts, crashes and the stdout/stderr
noise of the native code are all real.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tiny_gguf import missing_tools

from kidcoder.model.chat import ChatPrompt
from kidcoder.model.interface import ModelError
from kidcoder.model.priority import nice_for
from kidcoder.model.threads import usable_cores
from kidcoder.model.process import ProcessModel
from kidcoder.model.worker_link import PROTOCOL_VERSION, Cancel, Done, Generate, Quit, Ready, Token, decode, encode

ROOT = Path(__file__).resolve().parents[2]
needs_backend = pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory):
    """The tiny models, built once per test session under the test tmp dir."""
    from tiny_gguf import build_tiny_model

    folder = tmp_path_factory.getbasetemp() / "tiny-models"
    folder.mkdir(exist_ok=True)
    good, broken = folder / "tiny.gguf", folder / "tiny-nobytes.gguf"
    if not good.exists():
        build_tiny_model(good)
    if not broken.exists():
        build_tiny_model(broken, with_bytes=False)
    half = folder / "tiny-half.gguf"
    half.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return {"good": good, "no_bytes": broken, "half": half}


def prompt(max_tokens=40):
    return ChatPrompt("answer", "You help children.", "What is a game loop?", max_tokens=max_tokens)


def test_protocol_round_trip_and_rejects_strangers():
    for message in (Ready(1, "m", 0.1, 2), Token(3, "héllo\n"), Done(3, "stop", 5, 0.2, 1.0, "hi"),
                    Generate(4, "sys", "user", 10, 2, None), Cancel(4), Quit()):
        line = encode(message)
        assert line.endswith("\n") and line.count("\n") == 1
        assert decode(line) == message
    for bad in ('{"type": "exec", "code": "1"}', "[1, 2]", "print('hi')"):
        with pytest.raises(ValueError):
            decode(bad)


def test_importing_the_model_modules_loads_neither_gpt4all_nor_pygame():
    code = ("import sys\n"
            "import kidcoder.model.choose, kidcoder.model.worker, kidcoder.model.service\n"
            "import kidcoder.model.remote, kidcoder.bench.model, kidcoder.model.prompts\n"
            "import kidcoder.model.grounding, kidcoder.model.safety, kidcoder.model.gpt4all_engine\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('gpt4all', 'pygame')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@needs_backend
def test_load_and_stream_tokens(tiny_models):
    model = ProcessModel(tiny_models["good"], threads=1)
    try:
        model.load()
        assert model.alive and model.load_s is not None
        assert os.getsid(model.pid) == model.pid      # its own session, so its work is not the window's share
        assert os.getpriority(os.PRIO_PROCESS, model.pid) == max(os.nice(0), nice_for(usable_cores()))  # the cores it may run on, as the worker counts them
        for _attempt in range(4):       # the gibberish is sampled: a rare answer is only unprintable bytes
            pieces = []
            result = model.generate(prompt(), pieces.append)
            if result.text:
                break
        assert result.reason in ("stop", "length")
        assert 0 < result.tokens <= 40 and result.first_token_s is not None
        assert pieces and len(pieces) <= result.tokens
        spanish = ChatPrompt("answer", "Ayudas a niños.", "¿Qué es un bucle? ñandú 🎮", max_tokens=5)
        again = model.generate(spanish)  # the same worker answers again, in UTF-8 both ways
        assert again.reason in ("stop", "length") and again.tokens <= 5
    finally:
        model.close()
    assert not model.alive


@needs_backend
def test_a_worker_that_reads_the_system_part_ahead_still_answers(tiny_models, tmp_path):
    log = tmp_path / "worker.log"
    model = ProcessModel(tiny_models["good"], threads=1, warm_system="Be kind.", log_path=log)
    try:
        model.load()
        result = model.generate(ChatPrompt("hint", "Be kind.", "What is wrong?", max_tokens=5))
        assert result.reason in ("stop", "length") and result.tokens <= 5
        assert "could not read the system part" not in log.read_text(encoding="utf-8", errors="replace")
    finally:
        model.close()


@needs_backend
def test_cancel_stops_at_the_next_token(tiny_models):
    model = ProcessModel(tiny_models["good"], threads=1)
    try:
        pieces = []

        def on_token(piece):
            pieces.append(piece)
            model.cancel()

        for _attempt in range(4):       # a sampled answer of only unprintable bytes gives no piece to cancel at
            result = model.generate(prompt(400), on_token)
            if pieces:
                break
        assert result.reason == "cancelled"
        assert result.tokens < 400 and len(pieces) == 1
        assert model.alive  # cancelled between tokens: no need to kill the worker
    finally:
        model.close()


@needs_backend
def test_a_model_slower_than_the_limit_is_killed_and_restarts_next_time(tiny_models):
    model = ProcessModel(tiny_models["good"], threads=1)
    try:
        model.load()
        pid = model.pid
        result = model.generate(prompt(), first_token_timeout_s=0.0)
        assert result.reason == "timeout" and not model.alive
        result = model.generate(prompt(5))
        assert result.reason in ("stop", "length") and model.pid != pid
    finally:
        model.close()


@needs_backend
def test_a_native_crash_ends_only_the_worker(tiny_models):
    # A model without byte tokens makes the C++ backend abort the whole process (issue 9).
    model = ProcessModel(tiny_models["no_bytes"], threads=1)
    try:
        model.load()
        with pytest.raises(ModelError) as crash:
            model.generate(prompt())
        assert crash.value.reason == "model.off.crashed"
        assert not model.alive
    finally:
        model.close()


@needs_backend
def test_a_damaged_file_fails_to_load_with_a_reason(tiny_models, tmp_path):
    for path in (tiny_models["half"], tmp_path / "missing.gguf"):
        model = ProcessModel(path, threads=1)
        with pytest.raises(ModelError) as failure:
            model.load()
        assert failure.value.reason in ("model.off.load_failed", "model.off.crashed")
        assert not model.alive


@needs_backend
def test_native_noise_stays_out_of_the_protocol(tiny_models, tmp_path):
    log = tmp_path / "worker.log"
    command = [sys.executable, "-m", "kidcoder.model.worker", str(tiny_models["good"]),
               "--threads", "1", "--log", str(log)]
    requests = encode(Generate(1, "You help.", "Hi", 8, 1, None)) + encode(Quit())
    out = subprocess.run(command, input=requests, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    messages = [decode(line) for line in out.stdout.splitlines()]  # every line is ours
    assert isinstance(messages[0], Ready) and messages[0].version == PROTOCOL_VERSION
    assert isinstance(messages[-1], Done)
    assert all(isinstance(m, Token) for m in messages[1:-1])
    assert "cuda" not in out.stdout.lower()
