"""Gpt4AllModel passes gpt4all what issue 9 measured it needs: no downloads, the CPU, our thread count,
the model's own chat format (never gpt4all's Alpaca fallback) and a large n_batch."""
import contextlib
import sys
import types

import pytest

from kidcoder.model.chat import CHATML, GEMMA, ChatPrompt
from kidcoder.model.gpt4all_engine import DEFAULT_N_BATCH, Gpt4AllModel
from kidcoder.model.interface import ModelError


class StubGPT4All:
    """Records how it is called; streams a fixed answer through the callback like gpt4all does."""

    instances = []

    def __init__(self, model_name, **kwargs):
        if kwargs.get("model_path", "").endswith("broken"):
            raise Exception("Model not loaded")
        self.model_name, self.kwargs = model_name, kwargs
        self.sessions, self.generations, self.threads = [], [], []
        self.model = types.SimpleNamespace(set_thread_count=self.threads.append)
        StubGPT4All.instances.append(self)

    @contextlib.contextmanager
    def chat_session(self, system_prompt=None, prompt_template=None):
        self.sessions.append((system_prompt, prompt_template))
        yield self

    def generate(self, prompt, **kwargs):
        self.generations.append((prompt, kwargs))
        for piece in ["Line ", "12 ", "is ", "fine.", "<|im_end|>", "junk"]:
            if not kwargs["callback"](0, piece):
                break

    def close(self):
        pass


@pytest.fixture
def stub(monkeypatch):
    StubGPT4All.instances.clear()
    monkeypatch.setitem(sys.modules, "gpt4all", types.SimpleNamespace(GPT4All=StubGPT4All))
    return StubGPT4All


def test_load_never_downloads_and_runs_on_the_cpu(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf", threads=1)
    model.load()
    gpt = stub.instances[0]
    assert gpt.model_name == "m.gguf"
    assert gpt.kwargs["model_path"] == str(tmp_path) and gpt.kwargs["allow_download"] is False
    assert gpt.kwargs["device"] == "cpu" and gpt.kwargs["n_threads"] == 1


def test_generate_uses_the_files_chat_format_and_a_large_batch(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf", threads=1, chat_format=CHATML)
    model.load()
    pieces = []
    result = model.generate(ChatPrompt("hint", "Be kind.", "What is wrong?", CHATML, 50), pieces.append, threads=2)
    gpt = stub.instances[0]
    system, template = gpt.sessions[0]
    assert system == "<|im_start|>system\nBe kind.<|im_end|>\n"
    assert template == "<|im_start|>user\n{0}<|im_end|>\n<|im_start|>assistant\n"
    prompt, kwargs = gpt.generations[0]
    assert prompt == "What is wrong?" and kwargs["max_tokens"] == 50
    assert kwargs["n_batch"] == DEFAULT_N_BATCH >= 256  # gpt4all's default of 8 is ~20x slower to the first token
    assert gpt.threads == [2]
    assert result.text == "Line 12 is fine." and pieces == ["Line ", "12 ", "is ", "fine."]
    assert result.reason == "stop" and result.first_token_s is not None


def test_a_format_without_system_role_sends_the_rules_with_the_question(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf", chat_format=GEMMA)
    model.load()
    model.generate(ChatPrompt("hint", "Be kind.", "What is wrong?", GEMMA, 50))
    gpt = stub.instances[0]
    assert gpt.sessions[0][0] == "" and gpt.generations[0][0] == "Be kind.\n\nWhat is wrong?"


def test_cancel_stops_at_the_next_token(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf")
    model.load()
    result = model.generate(ChatPrompt("hint", "s", "u", CHATML, 50), lambda piece: model.cancel())
    assert result.reason == "cancelled" and result.tokens == 2


def test_a_file_gpt4all_cannot_load_is_a_model_error(stub, tmp_path):
    with pytest.raises(ModelError) as failure:
        Gpt4AllModel(tmp_path / "broken" / "m.gguf").load()
    assert failure.value.reason == "model.off.load_failed" and "Model not loaded" in failure.value.detail


def test_without_gpt4all_installed_the_reason_says_so(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "gpt4all", None)  # import gpt4all raises ImportError
    with pytest.raises(ModelError) as failure:
        Gpt4AllModel(tmp_path / "m.gguf").load()
    assert failure.value.reason == "model.off.no_backend"
