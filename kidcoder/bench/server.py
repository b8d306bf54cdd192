"""`kidcoder bench --only model --server URL`: a classroom server with 20 laptops asking at once.

Each of CLIENTS threads retells the bench's hint through RemoteModel (streamed, as a
laptop does) at the same moment; the figures are the seconds until each answer is
complete (p50, p95), until its first word, how many answered, and how many a laptop
with the default first-word limit would have given up on (it shows the rules' hint).
Without --server every figure is null and server_note says so.
"""
from __future__ import annotations

import statistics
import threading
import time
from typing import Dict, List, Optional

CLIENTS = 20


def _percentile(values: List[float], share: float) -> Optional[float]:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))], 2)


def measure(server_url: Optional[str] = None, facts=None, clients: int = CLIENTS,
            limit_s: float = 10.0) -> Dict[str, object]:
    """facts: the hint every laptop asks to be retold (bench/model.py's BENCH_FACTS)."""
    if not server_url:
        return {"server_hint_s_p95": None, "server_note": "no classroom server measured: give --server URL"}
    from kidcoder.model.interface import ModelError
    from kidcoder.model.prompts import build_prompt
    from kidcoder.model.remote import RemoteModel

    probe = RemoteModel(server_url)
    try:
        probe.load()
    except ModelError as exc:
        return {"server_hint_s_p95": None, "server_note": f"the server did not answer: {exc.detail}"}
    prompt = build_prompt(facts)
    done: List[Dict[str, object]] = []
    start_line = threading.Barrier(clients)

    def laptop() -> None:
        model = RemoteModel(server_url, model=probe.model)
        start_line.wait()
        started = time.monotonic()
        try:
            result = model.generate(prompt, timeout_s=900.0, first_token_timeout_s=900.0)
            done.append({"s": time.monotonic() - started, "first": result.first_token_s, "ok": bool(result.text)})
        except ModelError:
            done.append({"s": time.monotonic() - started, "first": None, "ok": False})

    threads = [threading.Thread(target=laptop, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(1200)
    seconds = [float(d["s"]) for d in done if d["ok"]]
    firsts = [float(d["first"]) for d in done if d["first"] is not None]
    return {
        "server_model": probe.model,
        "server_clients": clients,
        "server_answered": len(seconds),
        "server_hint_s_p50": _percentile(seconds, 0.5),
        "server_hint_s_p95": _percentile(seconds, 0.95),
        "server_first_token_s_p50": _percentile(firsts, 0.5),
        "server_first_token_s_p95": _percentile(firsts, 0.95),
        "server_first_token_s_median": round(statistics.median(firsts), 2) if firsts else None,
        "server_over_first_word_limit": sum(1 for d in done if d["first"] is None or d["first"] > limit_s),
    }
