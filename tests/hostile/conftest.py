"""Counts the hostile suite's outcomes (contained, escaped, host crash, traceback) for the summary."""
import json
import os
from collections import Counter

OUTCOMES = []


def pytest_terminal_summary(terminalreporter):
    if not OUTCOMES:
        return
    counts = Counter((outcome.user, outcome.verdict) for outcome in OUTCOMES)
    terminalreporter.write_sep("-", "hostile programs")
    for (user, verdict), number in sorted(counts.items()):
        terminalreporter.write_line(f"{user}: {verdict} {number}")
    for outcome in OUTCOMES:
        if outcome.verdict != "contained":
            terminalreporter.write_line(f"{outcome.user} {outcome.attack}: {outcome.verdict} {outcome.escapes}")
    report = os.environ.get("KC_HOSTILE_REPORT")
    if report:
        with open(report, "w") as handle:
            json.dump([{"attack": o.attack, "user": o.user, "verdict": o.verdict, "escapes": o.escapes,
                        "contained": o.contained, "seconds": round(o.seconds, 1)} for o in OUTCOMES], handle, indent=1)
