"""Gpt4AllModel passes gpt4all what issue 9 measured it needs: no downloads, the CPU, our thread count,
the model's own chat format (never gpt4all's Alpaca fallback) and a large n_batch; and (issue 19) it reads a
system part once and starts every later request with the same system part from just after it."""
import sys
import types

import pytest

from kidcoder.model.chat import CHATML, GEMMA, ChatPrompt
from kidcoder.model.gpt4all_engine import DEFAULT_N_BATCH, Gpt4AllModel
from kidcoder.model.interface import ModelError


class StubLLModel:
    """gpt4all's LLModel as the engine uses it: prompt_model() with a context whose n_past counts tokens
    (here one per word), set_thread_count()."""

    def __init__(self):
        self.context = None
        self.calls, self.threads = [], []

    def set_thread_count(self, threads):
        self.threads.append(threads)

    def prompt_model(self, prompt, template, callback, n_predict=4096, reset_context=False, special=False, **kwargs):
        if self.context is None:
            self.context = types.SimpleNamespace(n_past=0)
        if reset_context:
            self.context.n_past = 0
        self.calls.append({"prompt": prompt, "template": template, "n_predict": n_predict, "reset": reset_context,
                           "special": special, "n_past": self.context.n_past, **kwargs})
        self.context.n_past += len(template.replace("%1", prompt).replace("%2", "").split())
        if n_predict == 0:
            return
        for piece in ["Line ", "12 ", "is ", "fine.", "<|im_end|>", "junk"]:
            if not callback(0, piece):
                break
            self.context.n_past += 1


class StubGPT4All:
    """Records how it is loaded; its model is a StubLLModel."""

    instances = []

    def __init__(self, model_name, **kwargs):
        if kwargs.get("model_path", "").endswith("broken"):
            raise Exception("Model not loaded")
        self.model_name, self.kwargs = model_name, kwargs
        self.model = StubLLModel()
        StubGPT4All.instances.append(self)

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
    llm = stub.instances[0].model
    system, user = llm.calls
    assert system["prompt"] == "<|im_start|>system\nBe kind.<|im_end|>\n" and system["template"] == "%1%2"
    assert system["n_predict"] == 0 and system["reset"] and system["special"]
    assert user["template"] == "<|im_start|>user\n%1<|im_end|>\n<|im_start|>assistant\n%2"
    assert user["prompt"] == "What is wrong?" and user["n_predict"] == 50 and not user["special"]
    assert user["n_batch"] == DEFAULT_N_BATCH >= 256  # gpt4all's default of 8 is ~20x slower to the first token
    assert llm.threads == [2]
    assert result.text == "Line 12 is fine." and pieces == ["Line ", "12 ", "is ", "fine."]
    assert result.reason == "stop" and result.first_token_s is not None
    assert result.prompt_tokens == 3 + 5        # the words of the system part and of the user part, in this stub


def test_the_system_part_is_read_once_and_every_request_starts_just_after_it(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf", threads=1, chat_format=CHATML)
    model.load()
    for question in ("What is wrong?", "And now?", "One more question here?"):
        model.generate(ChatPrompt("hint", "Be kind.", question, CHATML, 50))
    calls = stub.instances[0].model.calls
    assert [call["n_predict"] for call in calls] == [0, 50, 50, 50]       # the system part once
    assert [call["n_past"] for call in calls[1:]] == [3, 3, 3] and not any(call["reset"] for call in calls[1:])
    model.generate(ChatPrompt("hint", "Be very kind.", "Hi?", CHATML, 50))
    assert calls[-2]["n_predict"] == 0 and calls[-2]["reset"]              # another system part: read afresh


def test_a_warm_start_reads_the_system_part_before_the_first_request(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf", threads=1, chat_format=CHATML)
    model.load()
    model.warm("Be kind.")
    calls = stub.instances[0].model.calls
    assert [call["n_predict"] for call in calls] == [0]                   # read now, before anyone asks
    model.generate(ChatPrompt("hint", "Be kind.", "What is wrong?", CHATML, 50))
    assert [call["n_predict"] for call in calls] == [0, 50] and calls[-1]["n_past"] == 3
    Gpt4AllModel(tmp_path / "g.gguf", chat_format=GEMMA).warm("Be kind.")  # not loaded, no system role: nothing


def test_a_json_request_starts_the_answer_with_its_prefill(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf", threads=1, chat_format=CHATML)
    model.load()
    model.generate(ChatPrompt("change", "Read.", "Wish: faster", CHATML, 50, prefill='{"thing": "'))
    assert stub.instances[0].model.calls[-1]["template"].endswith('<|im_start|>assistant\n{"thing": "%2')
    assert stub.instances[0].model.calls[-1]["top_k"] == 1            # a reading job takes the likeliest word
    model.generate(ChatPrompt("hint", "Be kind.", "Hi?", CHATML, 50))
    assert stub.instances[0].model.calls[-1]["top_k"] == 40


def test_a_format_without_system_role_sends_the_rules_with_the_question(stub, tmp_path):
    model = Gpt4AllModel(tmp_path / "m.gguf", chat_format=GEMMA)
    model.load()
    model.generate(ChatPrompt("hint", "Be kind.", "What is wrong?", GEMMA, 50))
    (call,) = stub.instances[0].model.calls
    assert call["prompt"] == "Be kind.\n\nWhat is wrong?" and call["reset"]


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
