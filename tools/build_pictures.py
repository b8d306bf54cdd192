"""Build KidCoder's picture library from Twemoji: assets/pictures/*.png and assets/pictures/pictures.json.

    python3 tools/build_pictures.py [--package TGZ] [--work DIR]

It fetches the npm package @discordapp/twemoji (pinned below, checked by its
SHA-256) with `npm pack` unless --package names the downloaded file, renders
each SVG listed in tools/picture_table.py to a 128x128 PNG with pygame-ce's
own SVG loader, and writes the catalog. The download is not committed; the
PNGs and the catalog are. Why PNG, not SVG: a child's game must run with plain
`python game.py` on any pygame (old pygame and some Linux builds have no SVG
loader), and a PNG loads fast on a slow laptop.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402  (a build tool, not part of the kidcoder package)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from picture_table import TABLE  # noqa: E402

PACKAGE = "@discordapp/twemoji"
VERSION = "16.0.1"
TARBALL_SHA256 = "2278fd609501e20dc646a546c1d7bbcab86a4c38010ded12b45e61f9687b9d0a"
SIZE = 128
OUT = ROOT / "assets" / "pictures"
KINDS = {"c": "character", "t": "thing"}


def parse_table(text: str = TABLE) -> list:
    """The rows of picture_table.TABLE as dicts (names and tags split, kind spelt out)."""
    rows = []
    for line in text.strip().splitlines():
        fields = [field.strip() for field in line.split("|")]
        if len(fields) not in (7, 8):
            raise ValueError(f"bad picture line: {line}")
        ident, code, english, spanish, tags, kind, group = fields[:7]
        rows.append({"id": ident, "twemoji": code, "en": _split(english), "es": _split(spanish),
                     "tags": _split(tags), "kind": KINDS[kind], "group": group,
                     "rotate": int(fields[7]) if len(fields) == 8 else 0})
    ids = [row["id"] for row in rows]
    if len(ids) != len(set(ids)):
        raise ValueError("two pictures share an id")
    return rows


def _split(text: str) -> list:
    return [part.strip() for part in text.split(";") if part.strip()]


def fetch_package(work: Path) -> Path:
    """The npm tarball in work/, packed by npm when it is not there yet; its checksum must match."""
    work.mkdir(parents=True, exist_ok=True)
    tarball = work / f"discordapp-twemoji-{VERSION}.tgz"
    if not tarball.exists():
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(work)], check=True)
    return checked(tarball)


def checked(tarball: Path) -> Path:
    """The tarball, when it is the exact package this library was made from."""
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != TARBALL_SHA256:
        raise SystemExit(f"{tarball} has SHA-256 {digest}, expected {TARBALL_SHA256}")
    return tarball


def render(svg: Path, rotate: int) -> pygame.Surface:
    """The SVG as a SIZE x SIZE picture, centred; a turned picture is cropped to what it shows, then fitted."""
    shown = pygame.image.load_sized_svg(str(svg), (SIZE * 2, SIZE * 2) if rotate else (SIZE, SIZE))
    if rotate:
        big = pygame.transform.rotate(shown, rotate)
        shown = big.subsurface(big.get_bounding_rect(min_alpha=8)).copy()
    if max(shown.get_size()) != SIZE or rotate:
        scale = (SIZE - (4 if rotate else 0)) / max(shown.get_size())
        shown = pygame.transform.smoothscale(shown, (round(shown.get_width() * scale),
                                                     round(shown.get_height() * scale)))
    picture = pygame.Surface((SIZE, SIZE), pygame.SRCALPHA)
    picture.blit(shown, shown.get_rect(center=(SIZE // 2, SIZE // 2)))
    return picture


def main_colour(picture: pygame.Surface) -> list:
    """The average colour of the picture's solid pixels (the shape drawn when the picture is taken away)."""
    total = [0, 0, 0]
    count = 0
    for x in range(0, SIZE, 4):
        for y in range(0, SIZE, 4):
            r, g, b, a = picture.get_at((x, y))
            if a > 128:
                total[0] += r
                total[1] += g
                total[2] += b
                count += 1
    return [round(part / max(1, count)) for part in total]


def build(tarball: Path, out: Path = OUT) -> int:
    """Render every picture of the table into out/ and write out/pictures.json; returns how many."""
    pygame.init()
    rows = parse_table()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, tarfile.open(tarball) as archive:
        wanted = {f"package/dist/svg/{row['twemoji']}.svg" for row in rows}
        members = [member for member in archive.getmembers() if member.name in wanted]
        missing = wanted - {member.name for member in members}
        if missing:
            raise SystemExit(f"not in the package: {sorted(missing)}")
        archive.extractall(folder, members=members)
        pictures = []
        for row in rows:
            picture = render(Path(folder) / f"package/dist/svg/{row['twemoji']}.svg", row.pop("rotate"))
            file = f"{row['id']}.png"
            pygame.image.save(picture, str(out / file))
            pictures.append({"id": row["id"], "file": file, "en": row["en"], "es": row["es"], "tags": row["tags"],
                             "kind": row["kind"], "group": row["group"], "colour": main_colour(picture),
                             "twemoji": row["twemoji"]})
    for old in out.glob("*.png"):
        if old.name not in {picture["file"] for picture in pictures}:
            old.unlink()
    catalog = {"about": "KidCoder's picture library, made by tools/build_pictures.py from Twemoji "
                        f"({PACKAGE} {VERSION}, graphics CC-BY 4.0: see ATTRIBUTION.md). Do not edit by hand: "
                        "change tools/picture_table.py and run the tool again.",
               "size": SIZE, "pictures": pictures}
    (out / "pictures.json").write_text(json.dumps(catalog, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(pictures)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", help="the downloaded npm tarball (else npm pack fetches it)")
    parser.add_argument("--work", default=str(ROOT / "build" / "twemoji"), help="where npm pack puts the tarball")
    options = parser.parse_args(argv)
    tarball = checked(Path(options.package)) if options.package else fetch_package(Path(options.work))
    print(f"{build(tarball)} pictures in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
