"""Background work: slow calls run on worker threads, and what they produce waits in a bounded queue.

The one polling loop of the app. The caller (the UI thread) only submits and drains:
`poll()` once per frame never waits. Each lane is one daemon thread that runs its jobs
in order; a job submitted with `replace=True` drops the older jobs of its kind still
waiting (a newer hint request makes an older one pointless). A job's return value (or
the exception it raised) comes back as a Result; a job may also `post()` items while it
runs (a streamed answer). Used by the window (helper work, game stops, settings), the
editor's FileWorker (one lane, so a save never overtakes an earlier autosave) and the
model service. No pygame, no KidCoder imports: any layer may use it.
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
    """Lanes of daemon threads; submit(kind, fn, ...) from the caller's thread, poll() to drain."""

    def __init__(self, max_results: int = MAX_RESULTS, name: str = "kidcoder"):
        self._results: "queue.Queue[Any]" = queue.Queue(maxsize=max_results)
        self._name = name
        self._lanes: Dict[str, "queue.Queue"] = {}
        self._threads: List[threading.Thread] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._latest: Dict[str, int] = {}
        self._busy = 0
        self._closed = False

    def submit(self, kind: str, fn: Callable, *args, lane: Optional[str] = None, replace: bool = False,
               tag: Any = None, report: bool = True, **kwargs) -> int:
        """Queue fn(*args, **kwargs) on a lane (default: one lane per kind); returns the job id.

        report=False: the job's return value is not queued (a job that post()s what it makes);
        an exception it raises is logged."""
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
                thread = threading.Thread(target=self._run, args=(jobs,), daemon=True, name=f"{self._name}-{lane}")
                thread.start()
                self._threads.append(thread)
            self._busy += 1
        jobs.put((job_id, kind, fn, args, kwargs, replace, tag, report))
        return job_id

    def is_latest(self, result: Result) -> bool:
        """False for a result whose kind has a newer job (its answer is out of date)."""
        return self._latest.get(result.kind, result.job_id) == result.job_id

    @property
    def busy(self) -> int:
        """Jobs submitted and not yet finished."""
        return self._busy

    def waiting(self) -> bool:
        """Results (or posted items) wait for poll() (cheap: nothing is taken)."""
        return not self._results.empty()

    def post(self, item: Any, timeout: float = 0.0) -> bool:
        """Queue an item for poll() from inside a job (waiting up to timeout); False when the queue stayed full."""
        try:
            if timeout > 0:
                self._results.put(item, timeout=timeout)
            else:
                self._results.put_nowait(item)
        except queue.Full:
            return False
        return True

    def poll(self, limit: int = 16) -> list:
        """Up to limit finished results (and posted items), oldest first, without waiting."""
        out: list = []
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
            job_id, kind, fn, args, kwargs, replace, tag, report = job
            if replace and self._latest.get(kind) != job_id:
                self._finish(None)
                continue  # a newer job of this kind is waiting: skip the stale one
            try:
                result = Result(job_id, kind, fn(*args, **kwargs), tag=tag)
            except BaseException as exc:  # reported to the caller, never kills the lane
                exc.__traceback_text__ = traceback.format_exc()
                result = Result(job_id, kind, error=exc, tag=tag)
                if not report:
                    import logging       # only when a job fails: not at every window's start

                    logging.getLogger("kidcoder.background").error("background job %s failed: %s", kind,
                                                                   exc.__traceback_text__)
            self._finish(result if report else None)

    def _finish(self, result: Optional[Result]) -> None:
        with self._lock:
            self._busy -= 1
        if result is not None:
            self.post(result, timeout=5.0)   # False only when the caller stopped draining (it is closing)
