"""Print the requirements of a KidCoder wheel for another kind of laptop, markers judged for THAT laptop.

pip judges environment markers for the machine it runs on, even with --platform: on an x86-64 build
machine the gpt4all marker would say yes for an i686 or armv7l wheelhouse. This reads the wheel's
Requires-Dist lines and keeps those whose marker holds on the target (Linux, the given machine and
Python), without the marker, one a line, ready for `pip download -r`.

    python3 target_requirements.py dist/kidcoder-0.1.0-py3-none-any.whl --machine i686 --python 3.11
"""
import argparse
import sys
import zipfile

try:
    from packaging.requirements import Requirement
except ImportError:                      # pip always carries a copy
    from pip._vendor.packaging.requirements import Requirement


def target_environment(machine: str, python: str) -> dict:
    major_minor = ".".join(python.split(".")[:2])
    return {"platform_machine": machine, "sys_platform": "linux", "platform_system": "Linux",
            "os_name": "posix", "python_version": major_minor, "python_full_version": python if python.count(".") == 2 else python + ".0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "platform_release": "", "platform_version": "", "implementation_version": python, "extra": ""}


def requirements(wheel: str, machine: str, python: str, extras=()) -> list:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode("utf-8")
    env = target_environment(machine, python)
    wanted = []
    for line in metadata.splitlines():
        if not line.startswith("Requires-Dist:"):
            continue
        requirement = Requirement(line.split(":", 1)[1].strip())
        if requirement.marker is not None:
            if not any(requirement.marker.evaluate(dict(env, extra=extra)) for extra in ("", *extras)):
                continue
        requirement.marker = None
        wanted.append(str(requirement))
    return wanted


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel")
    parser.add_argument("--machine", required=True, help="platform_machine of the laptops: i686, armv7l, ...")
    parser.add_argument("--python", required=True, help="the laptops' Python version, e.g. 3.11")
    parser.add_argument("--extra", action="append", default=[], help="also the requirements of this extra")
    args = parser.parse_args(argv)
    for line in requirements(args.wheel, args.machine, args.python, args.extra):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
