"""Model files: the header is read without native code, bad files are turned away with a reason,
a known pre-tokenizer rename makes a corrected copy, and discovery follows settings > env > folder."""
from pathlib import Path

import pytest

from kidcoder import paths
from kidcoder.model import gguf_meta
from kidcoder.model import catalog as model
from kidcoder.model import files as model_files
from kidcoder.model.threads import choose_threads
from kidcoder.config import Settings

NEEDS_GGUF = "the gguf package (a test-only need) builds the tiny model files"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    pytest.importorskip("gguf", reason=NEEDS_GGUF)
    from tiny_gguf import build_tiny_model

    folder = tmp_path_factory.mktemp("gguf-files")
    made = {
        "good": build_tiny_model(folder / "good.gguf"),
        "smollm": build_tiny_model(folder / "smol.gguf", pre_tokenizer="smollm"),
        "unknown_pre": build_tiny_model(folder / "weird.gguf", pre_tokenizer="kitten-bpe"),
        "no_bytes": build_tiny_model(folder / "nobytes.gguf", with_bytes=False),
        "too_new": build_tiny_model(folder / "new.gguf", architecture="gemma3"),
    }
    truncated = folder / "half.gguf"
    truncated.write_bytes(made["good"].read_bytes()[:50_000])
    made["truncated"] = truncated
    text = folder / "notes.gguf"
    text.write_text("not a model")
    made["text"] = text
    return made


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KIDCODER_MODEL", raising=False)
    model.forget_switched_off()
    return tmp_path / "home"


def test_header_is_read_without_the_backend(files):
    header = gguf_meta.read_header(files["good"])
    assert header.architecture == "llama" and header.version == 3
    assert header.has_byte_tokens() and "<|im_start|>" in header.chat_template
    assert gguf_meta.read_header(files["smollm"]).pre_tokenizer == "smollm"


@pytest.mark.parametrize("name, reason", [
    ("good", "model.check.ok"), ("smollm", "model.check.needs_fix"), ("unknown_pre", "model.check.pre_tokenizer"),
    ("no_bytes", "model.check.no_byte_tokens"), ("too_new", "model.check.arch_too_new"),
    ("truncated", "model.check.damaged"), ("text", "model.check.not_gguf"),
])
def test_each_file_gets_its_verdict(files, name, reason):
    check = model_files.check_model_file(files[name])
    assert check.reason == reason
    assert check.ok == (reason == "model.check.ok")


def test_missing_file(tmp_path):
    assert model_files.check_model_file(tmp_path / "nope.gguf").reason == "model.check.missing"


def test_machine_checks(files):
    size = files["good"].stat().st_size
    low = model_files.check_model_file(files["good"], memory=size)  # needs twice the file size
    assert low.reason == "model.check.memory" and low.values["need_mb"] >= 0
    assert model_files.check_model_file(files["good"], memory=3 * size).ok
    assert model_files.cpu_problem("x86_64", frozenset({"sse2", "sse4_2"})) == "model.check.cpu"
    assert model_files.cpu_problem("x86_64", frozenset({"sse2", "avx", "avx2"})) is None
    assert model_files.cpu_problem("arm64", None) is None


def test_corrected_copy_keeps_every_tensor_byte(files, tmp_path):
    gguf = pytest.importorskip("gguf", reason=NEEDS_GGUF)
    check = model_files.usable_model(files["smollm"], tmp_path)
    assert check.ok and check.path.endswith(".kidcoder-fixed.gguf")
    assert check.values["fixed_to"] == "starcoder"
    original, fixed = gguf.GGUFReader(str(files["smollm"])), gguf.GGUFReader(str(check.path))
    assert fixed.fields["tokenizer.ggml.pre"].contents() == "starcoder"
    assert [t.name for t in original.tensors] == [t.name for t in fixed.tensors]
    assert all((a.data == b.data).all() for a, b in zip(original.tensors, fixed.tensors))
    assert files["smollm"].exists()  # the teacher's file is untouched


def test_add_model_copies_a_good_file(files, home):
    result = model.add_model(str(files["good"]), lang="en")
    assert result["ok"] and not result["fixed"]
    assert Path(result["path"]).parent == paths.models_dir()
    assert "good.gguf" in result["message"]


def test_add_model_stores_a_corrected_copy_and_says_so(files, home):
    result = model.add_model(str(files["smollm"]), lang="es")
    assert result["ok"] and result["fixed"]
    assert Path(result["path"]).name == "smol.kidcoder-fixed.gguf"
    assert "copia corregida" in result["message"]


@pytest.mark.parametrize("name, words", [("too_new", "gemma3"), ("no_bytes", "byte"), ("truncated", "damaged"),
                                         ("text", "not a GGUF")])
def test_add_model_says_why_a_file_cannot_be_used(files, home, name, words):
    result = model.add_model(str(files[name]), lang="en")
    assert not result["ok"] and words in result["message"]
    assert not any(paths.models_dir().iterdir())


def test_discovery_order_settings_then_env_then_folder(files, home):
    assert model.find_model(Settings()) is None
    dropped = paths.models_dir() / "b.gguf"
    dropped.write_bytes(files["good"].read_bytes())
    assert model.find_model(Settings()).path == str(dropped)
    env_file = files["smollm"]
    found = model.find_model(Settings(), {"KIDCODER_MODEL": str(env_file)})
    assert found.path.endswith("smol.kidcoder-fixed.gguf")  # corrected into the models folder
    chosen = model.find_model(Settings(model_path=str(files["good"])), {"KIDCODER_MODEL": str(env_file)})
    assert chosen.path == str(files["good"])
    assert model.find_model(Settings(model_enabled=False)) is None


def test_a_dropped_in_file_that_cannot_be_used_is_skipped(files, home):
    (paths.models_dir() / "a-broken.gguf").write_bytes(files["truncated"].read_bytes())
    (paths.models_dir() / "b-good.gguf").write_bytes(files["good"].read_bytes())
    assert model.find_model(Settings()).path.endswith("b-good.gguf")
    listing = model.list_models(Settings(), lang="en")
    reasons = {Path(row["path"]).name: row["reason"] for row in listing["models"]}
    assert reasons == {"a-broken.gguf": "damaged", "b-good.gguf": "ok"}
    assert listing["active"].endswith("b-good.gguf")


def test_a_switched_off_model_is_not_found_again(files, home):
    (paths.models_dir() / "m.gguf").write_bytes(files["good"].read_bytes())
    check = model.find_model(Settings())
    model.switch_off(check.path, "model.off.too_slow")
    assert model.find_model(Settings()) is None
    assert "m.gguf" in (paths.data_dir() / "model-notes.log").read_text()


def test_thread_choice_leaves_busy_cores_alone():
    assert choose_threads(2, busy=1) == 1
    assert choose_threads(2, busy=0) == 1       # while a game plays, one core stays with the window and the game
    assert choose_threads(4, busy=0) == 3
    assert choose_threads(4, busy=1) == 2
    assert choose_threads(16, busy=2) == 4
    assert choose_threads(1, busy=3) == 1
    assert choose_threads(2, busy=0, keep=0) == 2
    assert choose_threads(2, busy=1, keep=0) == 1


class _Meter:
    """Other programs keeping `busy` cores busy (what LoadMeter reads from /proc/stat)."""

    def __init__(self, busy):
        self.busy = busy

    def others_busy(self, own_pids=()):
        return self.busy


def test_an_idle_two_core_laptop_gives_the_model_both_cores(monkeypatch):
    """Issue 19: Qwen 0.5B's first word took 4.1-4.5 s on 1 thread on an idle 2-core machine, 2.5-2.7 s on 2;
    the model now takes every core nobody else uses when no game plays, and one while a game plays."""
    from kidcoder.model import threads

    monkeypatch.setattr(threads, "usable_cores", lambda: 2)
    assert threads.threads_now(False, _Meter(0.05)) == 2
    assert threads.threads_now(True, _Meter(0.05)) == 1
    assert threads.threads_now(False, _Meter(0.9)) == 1           # another program keeps a core busy
    assert threads.threads_now(False, None) == 1                  # load unknown
    monkeypatch.setattr(threads, "usable_cores", lambda: 1)       # one core (taskset, an XO)
    assert threads.threads_now(False, _Meter(0.0)) == 1


def test_the_model_commands(files, home):
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]

    def kidcoder(*args):
        return subprocess.run([sys.executable, "-m", "kidcoder", "model", *args], cwd=root, capture_output=True,
                              text=True, timeout=120)

    added = kidcoder("add", str(files["smollm"]), "--json")
    assert added.returncode == 0 and json.loads(added.stdout)["fixed"] is True
    refused = kidcoder("add", str(files["too_new"]))
    assert refused.returncode == 2 and "gemma3" in refused.stderr      # one clear line on stderr (issue 18)
    listing = json.loads(kidcoder("list", "--json").stdout)
    assert [Path(m["path"]).name for m in listing["models"]] == ["smol.kidcoder-fixed.gguf"]
    assert listing["active"].endswith("smol.kidcoder-fixed.gguf")


def test_a_question_is_measured_over_the_seconds_before_it_not_the_click(monkeypatch):
    """The first question of a session got 1 thread on an idle 2-core machine: the only look at the load was
    the 0.1 s after the click, while the window laid out the helper's text. The window now keeps a reading
    every few seconds (LoadMeter.mark, from ModelService.poll) and the question is measured from it."""
    from kidcoder.model import threads

    clock = {"t": 0.0}
    monkeypatch.setattr(threads, "_now", lambda: clock["t"])
    monkeypatch.setattr(threads, "_sleep", lambda s: clock.update(t=clock["t"] + s))
    monkeypatch.setattr(threads.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(threads, "usable_cores", lambda: 2)
    # (all ticks, busy ticks) at 100 ticks a second on 2 cores: idle for 10 s, then the click's 0.3 s of drawing,
    # which goes on through the 0.1 s a question with no mark looks at.
    readings = {0.0: (0, 0), 10.0: (2000, 30), 10.1: (2020, 40)}
    monkeypatch.setattr(threads, "_cpu_ticks", lambda: readings[round(clock["t"], 3)])
    unmarked = threads.LoadMeter()
    clock["t"] = 10.0
    assert threads.threads_now(False, unmarked) == 1           # the click alone: a busy core
    marked = threads.LoadMeter()
    clock["t"] = 0.0
    marked.mark()
    clock["t"] = 10.0
    assert threads.threads_now(False, marked) == 2             # 10 s, nearly idle: both cores
    clock["t"] = 10.1                                          # a question right after: the reading at 10.0 is
    assert marked.others_busy() < 0.1                          # too fresh, the one from 0.0 is used
