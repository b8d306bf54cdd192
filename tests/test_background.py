"""The background worker: jobs run off the calling thread, in order per lane, errors come back as results."""
import threading
import time

from kidcoder.background import Worker


def wait_for(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.005)
    return condition()


def drain(worker, count, timeout=5.0):
    results = []
    deadline = time.monotonic() + timeout
    while len(results) < count and time.monotonic() < deadline:
        results.extend(worker.poll())
        time.sleep(0.005)
    return results


def test_jobs_run_on_another_thread_in_order():
    worker = Worker()
    caller = threading.get_ident()
    seen = []
    for n in range(5):
        worker.submit("job", lambda n=n: seen.append((n, threading.get_ident())) or n)
    results = drain(worker, 5)
    assert [r.value for r in results] == [0, 1, 2, 3, 4]
    assert all(ident != caller for _, ident in seen)
    worker.close()


def test_an_error_is_a_result_and_the_lane_goes_on():
    worker = Worker()
    worker.submit("job", lambda: 1 / 0)
    worker.submit("job", lambda: "still here")
    first, second = drain(worker, 2)
    assert not first.ok and isinstance(first.error, ZeroDivisionError)
    assert second.ok and second.value == "still here"
    worker.close()


def test_replace_skips_older_waiting_jobs_and_marks_old_results_stale():
    worker = Worker()
    gate = threading.Event()
    worker.submit("block", gate.wait, 5, lane="hint")          # keeps the lane busy
    first = worker.submit("hint", lambda: "old", replace=True)
    worker.submit("hint", lambda: "new", replace=True)
    gate.set()
    results = drain(worker, 2)
    assert [r.value for r in results] == [True, "new"]         # "old" was skipped, never run
    assert worker.is_latest(results[1])
    stale = type(results[1])(first, "hint", "old")
    assert not worker.is_latest(stale)
    worker.close()


def test_a_slow_lane_does_not_hold_up_another():
    worker = Worker()
    gate = threading.Event()
    worker.submit("game-close", gate.wait, 5)
    worker.submit("ask", lambda: "answer")
    results = drain(worker, 1)
    assert results and results[0].value == "answer"
    gate.set()
    worker.close()
    assert worker.busy == 0


def test_a_job_can_post_what_it_makes_as_it_goes():
    worker = Worker(max_results=3)

    def stream():
        return [worker.post(piece) for piece in ("a", "b", "c", "d")]

    worker.submit("model", stream, report=False)
    assert drain(worker, 3) == ["a", "b", "c"]          # no Result for the job itself
    worker.close()
    assert worker.poll() == []


def test_a_silent_job_that_fails_does_not_stop_its_lane():
    worker = Worker()
    worker.submit("model", lambda: 1 / 0, report=False)
    worker.submit("model", lambda: worker.post("after"), report=False)
    assert drain(worker, 1) == ["after"]
    worker.close()
    assert worker.busy == 0


def test_waiting_says_when_a_result_is_there_to_poll_without_taking_it():
    worker = Worker()
    assert not worker.waiting()
    worker.submit("job", lambda: 42)
    assert wait_for(worker.waiting)
    assert worker.waiting()                     # asking takes nothing
    assert [result.value for result in worker.poll()] == [42]
    assert not worker.waiting()
    worker.close()
