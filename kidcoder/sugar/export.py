"""`kidcoder export GAME.py --xo`: a finished game becomes a Sugar activity bundle (.xo) to share.

The bundle holds the game exactly as written (plus the modules next to it that it
imports), its images/ and sounds/ folders, an activity.info, an icon (a picture of
the game's last frame, a picture the child chose, or a joystick), our `pippy` module
when the game imports it, and launch_game.py, which runs the game full screen in
Sugar. plan_bundle() is pure; export_game() reads the files, makes the icon and
writes the .xo.
"""
from __future__ import annotations

import ast
import hashlib
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from kidcoder.editor.files import ProgramFileError, read_program_text
from kidcoder.sugar.bundle import INFO_PATH, ActivityInfo, activity_info_text, minutes_version, write_xo
from kidcoder.sugar.icon import joystick_icon_svg, picture_icon_svg
from kidcoder.sugar.names import ascii_slug, display_name
from kidcoder.diagnosis import pyparse

MEDIA_FOLDERS = ("images", "sounds")
MAX_BUNDLE_BYTES = 40 * 1024 * 1024
MAX_MEDIA_FILES = 2000
LAUNCHER = "launch_game.py"
WINDOW_MODULE = "sugar_window.py"
ICON_NAME = "activity-icon"
ICON_PIXELS = 96
BUNDLE_PREFIX = "org.kidcoder.game"
SAFE_FILE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.py$")
SKIPPED = re.compile(r"(^\.|~$|\.bak$|\.pyc$|^__pycache__$)")
_PIPPY_IMPORT = re.compile(r"^\s*(?:import|from)\s+pippy\b", re.MULTILINE)


class ExportError(ProgramFileError):
    """A game we cannot share as it is: key/values make a tr() message, str() is plain English."""


@dataclass(frozen=True)
class BundlePlan:
    """Everything that goes into one .xo: its folder name, files (path -> bytes) and facts to report."""
    name: str
    bundle_id: str
    root: str
    game_file: str
    files: Dict[str, bytes]


def bundle_game_name(file_name: str) -> str:
    """The game's file name inside the bundle: its own when Sugar's command line can hold it."""
    if SAFE_FILE.match(file_name) and file_name not in (LAUNCHER, WINDOW_MODULE):
        return file_name
    return "game.py"


def bundle_id_for(name: str, game_key: str) -> str:
    """A bundle id that stays the same when the same game is shared again from the same KidCoder
    (so the new bundle replaces the old one) and differs between two children's games of one name."""
    digest = hashlib.sha1(game_key.encode("utf-8")).hexdigest()[:6]
    return f"{BUNDLE_PREFIX}.{ascii_slug(name)}.k{digest}"


def plan_bundle(game_file: str, source: bytes, name: str, game_key: str, icon_svg: str,
                extra: Dict[str, bytes], support: Dict[str, bytes], now: Optional[float] = None) -> BundlePlan:
    """The files of a game's bundle. extra: the game's own modules and media (bundle path -> bytes);
    support: launch_game.py, sugar_window.py and, when the game needs it, pippy/."""
    name = display_name(name)
    bundle_id = bundle_id_for(name, game_key)
    slug = ascii_slug(name)
    inner = bundle_game_name(game_file)
    info = ActivityInfo(name=name, bundle_id=bundle_id, exec_line=f"python3 {LAUNCHER} {inner}", icon=ICON_NAME,
                        version=minutes_version(now), summary=f"{name}: a game made with KidCoder.")
    files = dict(extra)
    files.update(support)
    files[inner] = source
    files[INFO_PATH] = activity_info_text(info).encode("utf-8")
    files[f"activity/{ICON_NAME}.svg"] = icon_svg.encode("utf-8")
    return BundlePlan(name=name, bundle_id=bundle_id, root=f"{slug}{bundle_id[-6:]}.activity",
                      game_file=inner, files=files)


def needs_pippy(source: str) -> bool:
    return bool(_PIPPY_IMPORT.search(source))


def local_imports(source: str, folder: Path, game: Path) -> List[Path]:
    """The .py files next to the game that it imports by name (import enemies / from enemies import ...)."""
    try:
        tree = pyparse.parse(source)
    except SyntaxError:
        return []
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    found = [folder / f"{name}.py" for name in sorted(names)]
    return [path for path in found if path.is_file() and not path.is_symlink() and path.resolve() != game.resolve()]


def _media_files(folder: Path) -> Dict[str, bytes]:
    """images/ and sounds/ next to the game, without hidden files, backups or links leading elsewhere."""
    files: Dict[str, bytes] = {}
    for media in MEDIA_FOLDERS:
        top = folder / media
        if not top.is_dir() or top.is_symlink():
            continue
        for path in sorted(top.rglob("*")):
            relative = path.relative_to(folder)
            if any(SKIPPED.search(part) for part in relative.parts) or path.is_symlink() or not path.is_file():
                continue
            if len(files) >= MAX_MEDIA_FILES:
                break
            files[relative.as_posix()] = path.read_bytes()
    return files


def _support_files(with_pippy: bool) -> Dict[str, bytes]:
    here = Path(__file__).resolve().parent
    files = {LAUNCHER: (here / "game_launcher.py").read_bytes(), WINDOW_MODULE: (here / "xwindow.py").read_bytes()}
    if with_pippy:
        from kidcoder.paths import assets_dir

        for module in sorted((assets_dir() / "gamelib" / "pippy").glob("*.py")):
            files[f"pippy/{module.name}"] = module.read_bytes()
    return files


def installation_key() -> str:
    """A random id made once per KidCoder installation (in its data folder)."""
    from kidcoder.paths import data_dir

    path = data_dir() / "sugar-install-id"
    try:
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        key = ""
    if not re.fullmatch(r"[0-9a-f]{16}", key):
        key = secrets.token_hex(8)
        try:
            path.write_text(key, encoding="ascii")
        except OSError:
            pass
    return key


def square_png(image_path: str, pixels: int = ICON_PIXELS) -> bytes:
    """The middle square of a picture, scaled to pixels x pixels, as PNG bytes."""
    import io

    import pygame

    picture = pygame.image.load(image_path)
    side = min(picture.get_size())
    if side < 1:
        raise ValueError("empty picture")
    square = pygame.Surface((side, side), pygame.SRCALPHA)
    square.blit(picture, ((side - picture.get_width()) // 2, (side - picture.get_height()) // 2))
    buffer = io.BytesIO()
    pygame.image.save(pygame.transform.smoothscale(square, (pixels, pixels)), buffer, "icon.png")
    return buffer.getvalue()


def last_frame_png(game: Path, frames: int = 30) -> Optional[bytes]:
    """A picture of the game after a short headless run (None when it shows nothing)."""
    from kidcoder.runner.headless import run_program

    with tempfile.TemporaryDirectory(prefix="kidcoder-icon-") as folder:
        shot = Path(folder) / "frame.png"
        run_program(game, frames=frames, seconds=10.0, screenshot=str(shot), fast_clock=True)
        if not shot.is_file():
            return None
        return square_png(str(shot))


def make_icon(game: Path, picture: Optional[str]) -> tuple:
    """(svg text, how it was made: "picture" | "frame" | "joystick")."""
    if picture:
        try:
            return picture_icon_svg(square_png(picture)), "picture"
        except Exception as exc:      # pygame.error or OSError: the picture cannot be read
            raise ExportError("file.unreadable", f"Cannot read the picture {picture}: {exc}", path=str(picture))
    png = last_frame_png(game)
    if png:
        return picture_icon_svg(png), "frame"
    return joystick_icon_svg(), "joystick"


def check_game(path: Path) -> str:
    """The game's text; ProgramFileError (ExportError) when it is not a Python file that compiles."""
    if path.suffix.lower() != ".py":
        raise ExportError("sugar.export.not_python", f"Only a .py program can become an activity: {path}")
    source = read_program_text(path)
    try:
        compile(source, str(path), "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        raise ExportError("sugar.export.syntax", f"{path.name} line {line}: {exc}", line=line) from None
    return source


def export_game(path, name: Optional[str] = None, out=None, picture: Optional[str] = None,
                now: Optional[float] = None) -> dict:
    """Make the .xo for the game at path. Returns {"file", "name", "bundle_id", "icon", "files", "bytes"};
    raises ExportError for a game that cannot be shared (the message says why)."""
    game = Path(path).resolve()
    source = check_game(game)
    name = display_name(name or game.stem)
    if not ascii_slug(name, default=""):
        raise ExportError("sugar.export.bad_name", f"The name needs letters or numbers: {name!r}")
    extra = _media_files(game.parent)
    for module in local_imports(source, game.parent, game):
        extra[module.name] = module.read_bytes()
    icon_svg, icon_kind = make_icon(game, picture)
    plan = plan_bundle(game.name, game.read_bytes(), name, f"{installation_key()}:{game}", icon_svg, extra,
                       _support_files(needs_pippy(source)), now=now)
    size = sum(len(data) for data in plan.files.values())
    if size > MAX_BUNDLE_BYTES:
        raise ExportError("sugar.export.too_big", f"The bundle would be {size // 2**20} MB; the limit is "
                          f"{MAX_BUNDLE_BYTES // 2**20} MB", size=size // 2**20)
    target = Path(out) if out else game.parent / f"{ascii_slug(name)}.xo"
    try:
        write_xo(target, plan.root, plan.files)
    except OSError as exc:
        raise ExportError("sugar.export.no_write", f"Cannot write {target}: {exc.strerror or exc}",
                          file=str(target)) from None
    return {"file": str(target), "name": plan.name, "bundle_id": plan.bundle_id, "icon": icon_kind,
            "files": len(plan.files), "bytes": target.stat().st_size}
