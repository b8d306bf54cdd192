"""The classroom install, for real: wheelhouse, --no-index install into a fresh venv, three commands.

Slow (it builds wheels and a venv), so it runs only with KIDCODER_SLOW_TESTS=1; .ci/run sets it.
"""
import os
import zipfile

import pytest

from kidcoder.bench import install as bench_install

pytestmark = pytest.mark.skipif(os.environ.get("KIDCODER_SLOW_TESTS") != "1",
                                reason="slow: set KIDCODER_SLOW_TESTS=1 (.ci/run does)")


def test_offline_install_from_a_wheelhouse(tmp_path):
    root = bench_install.checkout_root()
    assert root is not None
    wheel = bench_install.build_wheelhouse(root, tmp_path / "wheelhouse")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("kidcoder/assets/theme.json", "kidcoder/assets/i18n/es/files.json",
                   "kidcoder/cards/en/game-loop.md", "kidcoder/cards/es/game-loop.md",
                   "kidcoder/assets/examples/index.json", "kidcoder/assets/templates/templates.json",
                   "kidcoder/runner/child.py", "kidcoder/knowledge/index/store.py",
                   "kidcoder/bench/retrieval_questions.json"):
        assert needed in names, needed
    bench_install.install_offline(tmp_path / "wheelhouse", tmp_path / "venv")
    outside = tmp_path / "somewhere else"
    outside.mkdir()
    results = bench_install.use_installed(tmp_path / "venv", outside)
    assert str(tmp_path / "venv") in results["assets_dir"]
    assert results["run"]["exit"] == "ok" and results["run"]["frames"] == 60
    assert results["hint"]["ok"] is False and results["hint"]["problem"]["line"] == 2
    assert results["ask"]["answer"] and results["ask"]["sources"]
