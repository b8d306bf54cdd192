"""Background work for the window: slow calls run on worker threads, results wait in a bounded queue.

The UI thread only submits and drains (`poll()` once per frame), so hints, answers,
game generation, index builds and stopping a game never make the editor stutter.
Each lane is one thread that runs its jobs in order; a job submitted with
`replace=True` drops the older jobs of its kind still waiting in the lane (a newer
hint request makes an older one pointless).
"""
from __future__ import annotations

import itertools
import queue
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

MAX_RESULTS = 256


@dataclass
class Result:
    """What came back from one job: its value, or the exception it raised (never both)."""
    job_id: int
    kind: str
    value: Any = None
    error: Optional[BaseException] = None
    tag: Any = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Worker:
    """Lanes of daemon threads; submit(lane-kind, fn, ...) from the UI thread, poll() each frame."""

    def __init__(self, max_results: int = MAX_RESULTS):
        self._results: "queue.Queue[Result]" = queue.Queue(maxsize=max_results)
        self._lanes: Dict[str, "queue.Queue"] = {}
        self._threads: List[threading.Thread] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._latest: Dict[str, int] = {}
        self._busy = 0
        self._closed = False

    def submit(self, kind: str, fn: Callable, *args, lane: Optional[str] = None, replace: bool = False,
               tag: Any = None, **kwargs) -> int:
        """Queue fn(*args, **kwargs) on a lane (default: one lane per kind); returns the job id."""
        lane = lane or kind
        job_id = next(self._ids)
        with self._lock:
            if self._closed:
                raise RuntimeError("worker is closed")
            if replace:
                self._latest[kind] = job_id
            jobs = self._lanes.get(lane)
            if jobs is None:
                jobs = self._lanes[lane] = queue.Queue()
                thread = threading.Thread(target=self._run, args=(jobs,), daemon=True, name=f"kidcoder-{lane}")
                thread.start()
                self._threads.append(thread)
            self._busy += 1
        jobs.put((job_id, kind, fn, args, kwargs, replace, tag))
        return job_id

    def is_latest(self, result: Result) -> bool:
        """False for a result whose kind has a newer job (its answer is out of date)."""
        return self._latest.get(result.kind, result.job_id) == result.job_id

    @property
    def busy(self) -> int:
        """Jobs submitted and not yet finished."""
        return self._busy

    def poll(self, limit: int = 16) -> List[Result]:
        """Up to limit finished jobs, without waiting."""
        out: List[Result] = []
        while len(out) < limit:
            try:
                out.append(self._results.get_nowait())
            except queue.Empty:
                break
        return out

    def close(self, timeout: float = 3.0) -> None:
        """Let queued jobs finish (a last save or a game stop must happen), then end the threads."""
        with self._lock:
            self._closed = True
            lanes = list(self._lanes.values())
        for jobs in lanes:
            jobs.put(None)
        for thread in self._threads:
            thread.join(timeout)

    def _run(self, jobs: "queue.Queue") -> None:
        while True:
            job = jobs.get()
            if job is None:
                return
            job_id, kind, fn, args, kwargs, replace, tag = job
            if replace and self._latest.get(kind) != job_id:
                self._finish(None)
                continue  # a newer job of this kind is waiting: skip the stale one
            try:
                result = Result(job_id, kind, fn(*args, **kwargs), tag=tag)
            except BaseException as exc:  # reported to the UI, never kills the lane
                exc.__traceback_text__ = traceback.format_exc()
                result = Result(job_id, kind, error=exc, tag=tag)
            self._finish(result)

    def _finish(self, result: Optional[Result]) -> None:
        with self._lock:
            self._busy -= 1
        if result is None:
            return
        try:
            self._results.put(result, timeout=5.0)
        except queue.Full:
            pass  # the UI stopped draining (it is closing): the result is not needed
