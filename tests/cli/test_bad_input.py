"""Every subcommand against bad input: it exits 2 with ONE clear line, or it does its job (exit 0,
valid JSON) - never a traceback, never a hang. Homes that are read-only, full, or have a file where
a folder should be are prepared for real (tmpfs mounts as root; skipped with the reason otherwise).
"""
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.cli.cases import CASES, SETTINGS_FILES, Places
from kidcoder.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent.parent
VERDICTS = []


def _subcommands():
    parser = build_parser()
    return next(action.choices for action in parser._actions if getattr(action, "choices", None))


def _generic_cases():
    """For every subcommand, also ones added later: an unknown flag; and for one this suite has no
    cases of its own, a FIFO, a missing file and /dev/zero where its first argument goes."""
    covered = {args[0] for _, args, _ in CASES}
    cases = []
    for sub, subparser in _subcommands().items():
        cases.append((f"{sub}-unknown-flag", [sub, "--no-such-flag"], "ok"))
        takes_argument = any(action.option_strings == [] for action in subparser._actions)
        if sub not in covered and takes_argument:
            cases += [(f"{sub}-{kind}", [sub, "{" + kind + "}"], "ok") for kind in ("fifo", "missing", "devzero")]
    return cases


ALL_CASES = CASES + [case for case in _generic_cases() if case[0] not in {c[0] for c in CASES}]


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    return Places(tmp_path_factory.mktemp("bad-input"))


@pytest.fixture(scope="module")
def homes(tmp_path_factory):
    """KidCoder homes by kind, made on first use; tmpfs mounts are undone at the end."""
    made, mounts = {}, []
    base = tmp_path_factory.mktemp("homes")

    def home(kind):
        if kind in made:
            return made[kind]
        path = base / kind.replace(":", "-")
        if kind == "homefile":
            path.write_text("not a folder")
        elif kind in ("readonly", "full"):
            if os.geteuid() != 0 or shutil.which("mount") is None:
                pytest.skip(f"a {kind} home needs root to mount a small file system")
            path.mkdir()
            options = "ro,size=1m" if kind == "readonly" else "size=256k"
            if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)]).returncode != 0:
                pytest.skip(f"could not mount a {kind} file system here")
            mounts.append(path)
            if kind == "full":
                (path / "config").mkdir()
                _fill(path / "filler")
        else:
            path.mkdir()
            if kind == "cachefile":
                (path / "cache").write_text("I am a file, not the cache folder")
            if kind.startswith("settings:"):
                _settings_file(path / "config" / "settings.json", kind.split(":", 1)[1])
        made[kind] = path
        return path

    yield home
    for path in mounts:
        subprocess.run(["umount", "-l", str(path)])


def _fill(path: Path) -> None:
    """Write until the disk is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def _settings_file(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True)
    content = SETTINGS_FILES[kind]
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _judge(result, args) -> str:
    """works | clear error | traceback | unclear (several lines, or an exit code outside the contract)."""
    err = result.stderr.strip()
    if "Traceback" in result.stderr or "Traceback" in result.stdout:
        return "traceback"
    if result.returncode == 0:
        if "--json" in args:
            lines = [line for line in result.stdout.splitlines() if line.strip()]
            try:
                json.loads(lines[-1], parse_constant=lambda name: 1 / 0)
            except (IndexError, ValueError, ZeroDivisionError):
                return "unclear"
        return "works"
    if result.returncode == 2 and len(err.splitlines()) == 1 and err.startswith("kidcoder: "):
        return "clear error"
    return "unclear"


def _run(args, home, cwd):
    env = {k: v for k, v in os.environ.items() if k != "KIDCODER_HOME"}
    env.update(PYTHONPATH=str(ROOT), KIDCODER_HOME=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    argv = [sys.executable, "-m", "kidcoder", *args]
    return subprocess.run([a.encode("utf-8", "surrogateescape") for a in argv], capture_output=True,
                          text=True, errors="replace", cwd=cwd, env=env, timeout=180)


@pytest.mark.parametrize("case", ALL_CASES, ids=[case[0] for case in ALL_CASES])
def test_bad_input_gives_one_clear_line_or_the_command_works(case, places, homes, tmp_path):
    name, args, home_kind = case
    home = homes(home_kind) if home_kind != "ok" else homes("ok")
    args = places.fill(args, str(tmp_path / "fresh"))
    result = _run(args, home, tmp_path)
    verdict = _judge(result, args)
    VERDICTS.append((name, verdict))
    assert verdict in ("works", "clear error"), (verdict, result.returncode, result.stderr[-3000:],
                                                  result.stdout[-500:])
    if home_kind == "full":
        assert not [p for p in Path(home).rglob("*.py") if p.stat().st_size == 0], "an empty program was left"
    assert not [p for p in Path(places.root).rglob("*.tmp")], "a temporary file outlived a failed write"


def test_there_are_at_least_80_cases_and_every_subcommand_has_some():
    assert len(CASES) >= 80
    covered = {args[0] for _, args, _ in ALL_CASES}
    assert set(_subcommands()) <= covered


def test_summary_of_verdicts():
    """Printed for the report (-s): how many cases gave a clear error, worked, or failed."""
    counts = Counter(verdict for _, verdict in VERDICTS)
    print("\nbad-input verdicts:", dict(counts))
    assert counts.get("traceback", 0) == 0 and counts.get("unclear", 0) == 0
