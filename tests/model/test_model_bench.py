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


def test_no_model_gives_null_figures_and_says_no_server_was_measured():
    result = bench_model.measure(understanding=False)
    assert {name: result[name] for name in FIGURES} == {name: None for name in FIGURES}
    assert result["server_hint_s_p95"] is None and "--server" in result["server_note"]


def test_a_file_that_cannot_be_used_gives_nulls_and_the_reason(tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 10)
    result = bench_model.measure(str(bad), understanding=False)
    assert all(result[name] is None for name in FIGURES) and result["model_error"] == "damaged"


def test_a_server_that_is_not_there_is_said_so():
    result = bench_model.measure(server_url="http://127.0.0.1:9", understanding=False)
    assert result["server_hint_s_p95"] is None and "did not answer" in result["server_note"]


def test_the_frames_control_burns_beside_the_ticker_and_leaves_nothing_running():
    import os

    before = set(os.listdir("/proc")) if os.path.isdir("/proc") else set()
    frames = bench_model.control_frames(0.0)
    assert frames["worst_ms"] > 0 and frames["late"] >= 0
    if before:
        children = [pid for pid in set(os.listdir("/proc")) - before if pid.isdigit()
                    and _parent(pid) == os.getpid()]
        assert children == []


def _parent(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def test_the_bench_prompt_is_a_real_hint_of_the_size_every_hint_has():
    from kidcoder.model.prompts import PROMPT_BUDGET, build_prompt, estimate_tokens

    facts = bench_model.BENCH_FACTS
    assert "scor" in facts.source_excerpt and facts.finding.line > 20 and "scor)" in facts.program
    assert estimate_tokens(build_prompt(facts).full_text()) <= PROMPT_BUDGET


def test_without_a_model_the_understanding_figures_are_the_rules_alone():
    from kidcoder.bench import understanding

    calls = []
    figures = understanding.measure(model_factory=None)
    assert figures["generate_relevant_pct_with_model"] is None and figures["change_request_count"] == 40
    assert figures["change_request_ok_pct"] == figures["change_request_ok_pct_rules"] >= 90
    assert figures["generate_relevant_pct_without_model"] >= 95 and not calls


@pytest.mark.skipif(missing_tools() is not None, reason=str(missing_tools()))
def test_the_command_measures_a_model_file(tmp_path):
    from tiny_gguf import build_tiny_model

    path = build_tiny_model(tmp_path / "tiny.gguf")
    out = subprocess.run([sys.executable, "-m", "kidcoder", "bench", "--json", "--only", "model", "--model", str(path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert "errors" not in result
    for name in FIGURES:
        assert isinstance(result[name], (int, float)) and result[name] >= 0, (name, result)
    assert result["model_file"] == "tiny.gguf" and result["model_prompt_tokens"] > 0   # its vocabulary is mostly bytes
    for name in ("model_worst_frame_ms", "model_control_worst_frame_ms"):      # the frames, and their control
        assert result[name] > 0 and result[name.replace("worst_frame_ms", "late_frames")] >= 0, (name, result)
    # the tiny model's gibberish is never valid JSON: with it, every figure is the rules' own
    assert result["change_request_ok_pct"] == result["change_request_ok_pct_rules"]
    assert result["generate_relevant_pct_with_model"] == result["generate_relevant_pct_without_model"]
