"""Diagnosis of a child's program: one module per error family, found through a registry.

Nothing here imports pygame or makes text: findings carry a message key and values,
and kidcoder.helper.hints turns them into words.

To add an error family, write ONE module in this package (it is found on its own):
handlers decorated by @syntax_rule(order), @runtime_handler("TypeError", ...) or
@static_check (registry.py); if a fix can be guessed, a builder decorated by @builds(key)
(fixes.py); and CARDS = {key: card id} for the level-2 hint. Then add "<key>.nudge",
"<key>.explain" and "<key>.fix" to both assets/i18n/*/diagnose.json. A static finding that
must outrank others gets a place in registry.SEVERITY (else it comes after them).
"""
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import (compile_error, diagnose_runtime, diagnose_static,
                                                  diagnose_syntax)

__all__ = ["Finding", "Program", "compile_error", "diagnose_runtime", "diagnose_static", "diagnose_syntax"]
