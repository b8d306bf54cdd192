"""Build KidCoder's own activity bundle: `python tools/sugar/build_kidcoder_xo.py [--out dist/KidCoder.xo] [--python PATH]`.

The bundle holds the activity/ folder (activity.info, the icon and the kidcoder-activity
launcher); KidCoder itself is installed in a Python the launcher finds (see the README's
section for XO and Sugar users). --python writes that Python's path into the bundle.
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kidcoder.sugar.bundle import write_xo  # noqa: E402

LAUNCHER = "activity/kidcoder-activity"


def bundle_files(python=None):
    folder = ROOT / "activity"
    files = {f"activity/{path.name}": path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}
    if python:
        files["activity/kidcoder-python"] = (str(python) + "\n").encode("utf-8")
    return files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "dist" / "KidCoder.xo"))
    parser.add_argument("--python", help="the python3 that has KidCoder installed (written into the bundle)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_xo(out, "KidCoder.activity", bundle_files(args.python), executables=[LAUNCHER])
    print(out)


if __name__ == "__main__":
    main()
