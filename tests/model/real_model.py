"""What the opt-in tests with a real model share: the model file from the environment, a recording model, and
where figures go.

KIDCODER_TEST_MODEL names a GGUF file (the test models are built by tools/fetch_test_models.sh);
without it the real-model tests are skipped with that reason. KIDCODER_TEST_REPORT names a folder
where each test writes its figures as JSON (for the notes on the issue); KIDCODER_TEST_LANGS
limits the corpus languages ("en es" by default), KIDCODER_TEST_CORPORA the corpora ("corpus real_corpus"); KIDCODER_TEST_LOAD_TIMEOUT gives the model's
worker longer to load than the app does (seconds; for a busy shared machine).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List, Optional

import pytest

from kidcoder.model.interface import Generation, HintModel

MODEL_ENV = "KIDCODER_TEST_MODEL"


def model_file() -> Optional[str]:
    path = os.environ.get(MODEL_ENV, "")
    return path if path and Path(path).is_file() else None


needs_model = pytest.mark.skipif(model_file() is None,
                                 reason=f"opt-in: set {MODEL_ENV} to a GGUF model file (tools/fetch_test_models.sh)")


def languages() -> List[str]:
    return os.environ.get("KIDCODER_TEST_LANGS", "en es").split()


def hint_corpora() -> List[str]:
    """Which hint corpora the never-worse test reads (KIDCODER_TEST_CORPORA, "corpus real_corpus" by default)."""
    return os.environ.get("KIDCODER_TEST_CORPORA", "corpus real_corpus").split()


def report(name: str, figures: dict) -> None:
    """Print the figures, and keep them as JSON in KIDCODER_TEST_REPORT when it is set."""
    print(f"\n{name}: {json.dumps({k: v for k, v in figures.items() if k != 'cases'}, ensure_ascii=False)}")
    folder = os.environ.get("KIDCODER_TEST_REPORT")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        label = Path(model_file() or "model").stem
        (Path(folder) / f"{name}-{label}.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1),
                                                         encoding="utf-8")


class Recording(HintModel):
    """A real model that keeps every generation (text, prompt size, first word) for the figures."""

    def __init__(self, model: HintModel):
        self.model = model
        self.name, self.path, self.chat_format = model.name, model.path, model.chat_format
        self.generations: List[Generation] = []
        self.prompts = []

    def load(self) -> None:
        self.model.load()

    def generate(self, prompt, on_token=None, **kwargs) -> Generation:
        result = self.model.generate(prompt, on_token, **kwargs)
        self.generations.append(result)
        self.prompts.append(prompt)
        return result

    def cancel(self) -> None:
        self.model.cancel()

    def close(self) -> None:
        self.model.close()

    @property
    def pids(self) -> tuple:
        return self.model.pids


def local_model():
    """The model file in its worker process, recording (not loaded yet)."""
    from kidcoder.bench.model import prepare
    from kidcoder.model.chat import format_for_template
    from kidcoder.model.process import ProcessModel

    check = prepare(model_file())
    assert check is not None and check.ok, check
    load_timeout = float(os.environ.get("KIDCODER_TEST_LOAD_TIMEOUT", 0) or 0)   # a busy shared machine loads slowly
    extra = {"load_timeout_s": load_timeout} if load_timeout > 0 else {}
    return Recording(ProcessModel(check.path, chat_format=format_for_template(check.chat_template), **extra))


def note_case(name: str, case: dict) -> None:
    """One case's figures appended to KIDCODER_TEST_REPORT/<name>-cases.jsonl as it is done (a long run that
    is stopped still says what it saw)."""
    folder = os.environ.get("KIDCODER_TEST_REPORT")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        with open(Path(folder) / f"{name}-cases.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(case, ensure_ascii=False, default=str) + "\n")
