"""Sugar activity bundles (.xo): the activity.info text and the zip file, as pure data.

A bundle is a zip with one top folder NAME.activity; inside, activity/activity.info
names the activity, its icon (activity/ICON.svg) and the command Sugar runs in the
bundle's folder (`exec`, with `-b BUNDLE_ID -a ACTIVITY_ID` added). Sugar reads
activity.info with Python's ConfigParser, so a "%" must be written twice.
"""
from __future__ import annotations

import stat
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple

INFO_PATH = "activity/activity.info"
FILE_MODE = 0o644
EXEC_MODE = 0o755
ZIP_TIME = (2024, 1, 1, 0, 0, 0)     # every entry gets the same time: the same game gives the same bytes


@dataclass(frozen=True)
class ActivityInfo:
    """What activity/activity.info says. icon is the SVG's name without .svg, in activity/."""
    name: str
    bundle_id: str
    exec_line: str
    icon: str
    version: str = "1"
    summary: str = ""
    license: str = ""
    extra: Tuple[Tuple[str, str], ...] = field(default_factory=tuple)


def _value(text: str) -> str:
    """One line, with % doubled for ConfigParser's interpolation."""
    return " ".join(str(text).split()).replace("%", "%%")


def activity_info_text(info: ActivityInfo) -> str:
    """The text of activity/activity.info."""
    if not info.bundle_id or any(ch.isspace() for ch in info.bundle_id):
        raise ValueError(f"a bundle id cannot be empty or hold spaces: {info.bundle_id!r}")
    lines = ["[Activity]",
             f"name = {_value(info.name)}",
             f"bundle_id = {info.bundle_id}",
             f"exec = {_value(info.exec_line)}",
             f"icon = {_value(info.icon)}",
             f"activity_version = {_value(info.version)}",
             "show_launcher = yes"]
    if info.summary:
        lines.append(f"summary = {_value(info.summary)}")
    if info.license:
        lines.append(f"license = {_value(info.license)}")
    lines += [f"{key} = {_value(value)}" for key, value in info.extra]
    return "\n".join(lines) + "\n"


def minutes_version(now: Optional[float] = None) -> str:
    """An activity_version that grows with time (YYYYMMDD.HHMM), so a game shared again replaces the
    older bundle instead of being refused as a downgrade. Sugar refuses a segment with a leading zero
    ("20261202.0002"), so the minutes of the day are written as a plain number (00:02 -> 2, 22:13 -> 2213)."""
    moment = time.gmtime(time.time() if now is None else now)
    return f"{time.strftime('%Y%m%d', moment)}.{moment.tm_hour * 100 + moment.tm_min}"


def write_xo(out_path, root_name: str, files: Dict[str, bytes], executables: Iterable[str] = ()) -> Path:
    """Write a .xo: every files[relative path] = bytes under ROOT_NAME/ (which must end in .activity).
    Paths in executables get mode 755 (Sugar unzips with `unzip`, which keeps modes)."""
    if not root_name.endswith(".activity") or "/" in root_name or root_name.startswith("."):
        raise ValueError(f"not a bundle folder name: {root_name!r}")
    if INFO_PATH not in files:
        raise ValueError("a bundle needs activity/activity.info")
    outside = [relative for relative in files if relative.startswith("/") or ".." in Path(relative).parts]
    if outside:
        raise ValueError(f"a bundle path must stay inside the bundle: {outside[0]!r}")
    executables = set(executables)
    out_path = Path(out_path)
    partial = out_path.with_name(out_path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for relative in sorted(files):
                entry = zipfile.ZipInfo(f"{root_name}/{relative}", date_time=ZIP_TIME)
                mode = EXEC_MODE if relative in executables else FILE_MODE
                entry.external_attr = (stat.S_IFREG | mode) << 16
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, files[relative])
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out_path)
    return out_path
