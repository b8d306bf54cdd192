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
    "helper_window": "kidcoder.bench.helper_window",
    "index": "kidcoder.bench.index",
    "hint": "kidcoder.bench.hint",
    "hint_real": "kidcoder.bench.hint_real",
    "generate": "kidcoder.bench.generate",
    "model": "kidcoder.bench.model",
    "understanding": "kidcoder.bench.understanding",
    "install": "kidcoder.bench.install",
    "xo": "kidcoder.bench.xo",
}
OPT_IN = {"xo", "understanding"}     # xo: slow, and needs root for its cgroups; understanding: part of "model"
                                     # (alone: what the model adds, without its speed and window figures)


def p95(values) -> Optional[float]:
    """The 95th percentile (nearest rank) of some figures, or None when there are none."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def machine() -> Dict[str, object]:
    """What the figures were measured on."""
    return {"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
            "system": platform.system()}


def run_benchmarks(model_file: Optional[str] = None, only: Optional[List[str]] = None,
                   options: Optional[Dict[str, dict]] = None, server_url: Optional[str] = None) -> Dict[str, object]:
    """Run each group's measure(); a group that fails reports its error, not a crash.

    `options` maps a group name to keyword options for its measure() (e.g. {"xo": {"quotas": [25]}});
    server_url: a classroom server the model group measures too."""
    result: Dict[str, object] = {"machine": machine()}
    errors: Dict[str, str] = {}
    for group, module_name in GROUPS.items():
        if (only and group not in only) or (not only and group in OPT_IN):
            continue
        module = importlib.import_module(module_name)
        group_options = ({"model_file": model_file, "server_url": server_url} if group == "model"
                         else {"model_file": model_file} if group == "understanding" else {})
        group_options.update((options or {}).get(group, {}))
        try:
            result.update(module.measure(**group_options))
        except Exception as exc:  # a benchmark failing must not hide the others
            errors[group] = f"{type(exc).__name__}: {exc}"
    if errors:
        result["errors"] = errors
    return result
