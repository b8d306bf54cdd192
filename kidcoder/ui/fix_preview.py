"""The checked fix as a small before/after a child can compare with their own lines (pure text)."""
from __future__ import annotations

from typing import Optional

from kidcoder.i18n import tr

MAX_PREVIEW_LINES = 8


def before_after(source: str, fix: Optional[dict], lang: Optional[str] = None) -> str:
    """Markdown with the lines the fix changes, then the same lines after the fix; "" when it can't show."""
    if not fix:
        return ""
    lines = source.split("\n")
    try:
        start, end = int(fix["start_line"]), int(fix["end_line"])
    except (KeyError, TypeError, ValueError):
        return ""
    if not 1 <= start <= end <= len(lines):
        return ""
    before = lines[start - 1:end][:MAX_PREVIEW_LINES]
    after = str(fix.get("replacement", "")).split("\n")[:MAX_PREVIEW_LINES]
    width = len(str(max(end, start + len(after) - 1)))

    def numbered(chunk, first):
        return "\n".join(f"{first + i:>{width}}  {text}" for i, text in enumerate(chunk))

    return (f"\n\n{tr('ui.helper.before', lang=lang)}\n```python\n{numbered(before, start)}\n```\n"
            f"{tr('ui.helper.after', lang=lang)}\n```python\n{numbered(after, start)}\n```")
