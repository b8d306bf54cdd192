"""Diagnosis of a child's program: one module per error family, found through a registry.

Nothing here imports pygame or makes text: findings carry a message key and values,
and kidcoder.helper.hints turns them into words.

To add an error family: write a module with handlers decorated by @syntax_rule(order),
@runtime_handler("TypeError", ...) or @static_check (see registry.py), name it in
registry.FAMILIES, add "<key>.nudge", "<key>.explain" and "<key>.fix" to both
assets/i18n/*/diagnose.json, map the key to a card in hints.CARDS, and (if a fix can be
guessed) add a builder with @builds(key) in one of the fixes_*.py modules.
"""
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import (compile_error, diagnose_runtime, diagnose_static,
                                                  diagnose_syntax)

__all__ = ["Finding", "Program", "compile_error", "diagnose_runtime", "diagnose_static", "diagnose_syntax"]
