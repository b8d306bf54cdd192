"""Diagnosis of a child's program: one module per error family, found through a registry.

Nothing here imports pygame or makes text: findings carry a message key and values,
and kidcoder.assistant.hints turns them into words.
"""
from kidcoder.assistant.diagnose.finding import Finding, Program
from kidcoder.assistant.diagnose.registry import (compile_error, diagnose_runtime, diagnose_static,
                                                  diagnose_syntax)

__all__ = ["Finding", "Program", "compile_error", "diagnose_runtime", "diagnose_static", "diagnose_syntax"]
