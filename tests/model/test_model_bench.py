"""`kidcoder bench --only model`: null figures without a model, real figures (never asserted) with one."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from tiny_gguf import missing_tools

from kidcoder.bench import model as bench_model

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ("model_load_s", "model_first_token_s", "model_tokens_per_s", "model_rss_mb")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KIDCODER_MODEL", raising=False)


def test_no_model_gives_null_figures():
    assert bench_model.measure() == {name: None for name in FIGURES}


def test_a_file_that_cannot_be_used_gives_nulls_and_the_reason(tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 10)
    result = bench_model.measure(str(bad))
    assert all(result[name] is None for name in FIGURES) and result["model_error"] == "damaged"


def test_the_bench_prompt_is_a_real_hint():
    facts = bench_model.BENCH_FACTS
    assert "scor" in facts.source_excerpt and facts.finding.line > 20


@pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))
def test_the_command_measures_a_model_file(tmp_path):
    from tiny_gguf import build_tiny_model

    path = build_tiny_model(tmp_path / "tiny.gguf")
    out = subprocess.run([sys.executable, "-m", "kidcoder", "bench", "--json", "--only", "model", "--model", str(path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert "errors" not in result
    for name in FIGURES:
        assert isinstance(result[name], (int, float)) and result[name] >= 0, (name, result)
    assert result["model_file"] == "tiny.gguf"
