"""`kidcoder bench`: speed figures from every part, printed as one JSON object (never asserted in tests)."""
from __future__ import annotations

import importlib
import platform
import os
from typing import Dict, List, Optional

# group name -> module with measure(**options) -> dict of figures; imported only when its group runs,
# so `kidcoder bench --only index` never loads the window or the model
GROUPS = {
    "runner": "kidcoder.bench.runner",
    "editor": "kidcoder.bench.editor",
    "ui": "kidcoder.bench.window",
    "index": "kidcoder.bench.index",
    "hint": "kidcoder.bench.hint",
    "generate": "kidcoder.bench.generate",
    "model": "kidcoder.bench.model",
    "install": "kidcoder.bench.install",
}


def machine() -> Dict[str, object]:
    """What the figures were measured on."""
    return {"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
            "system": platform.system()}


def run_benchmarks(model_file: Optional[str] = None, only: Optional[List[str]] = None,
                   server_url: Optional[str] = None) -> Dict[str, object]:
    """Run each group's measure(); a group that fails reports its error, not a crash."""
    result: Dict[str, object] = {"machine": machine()}
    errors: Dict[str, str] = {}
    for group, module_name in GROUPS.items():
        if only and group not in only:
            continue
        module = importlib.import_module(module_name)
        options = {"model_file": model_file, "server_url": server_url} if group == "model" else {}
        try:
            result.update(module.measure(**options))
        except Exception as exc:  # a benchmark failing must not hide the others
            errors[group] = f"{type(exc).__name__}: {exc}"
    if errors:
        result["errors"] = errors
    return result
