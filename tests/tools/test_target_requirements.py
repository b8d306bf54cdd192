"""tools/i686/target_requirements.py judges a wheel's markers for the laptops, not for the build machine."""
import importlib.util
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("target_requirements", ROOT / "tools" / "i686" / "target_requirements.py")
target_requirements = importlib.util.module_from_spec(spec)
spec.loader.exec_module(target_requirements)

METADATA = """Metadata-Version: 2.1
Name: kidcoder
Version: 0.1.0
Requires-Dist: pygame-ce>=2.4
Requires-Dist: whoosh-reloaded>=2.7.5
Requires-Dist: gpt4all>=2.8; (sys_platform == 'linux' and platform_machine == 'x86_64') or sys_platform == 'win32'
Requires-Dist: old-thing; python_version < "3.8"
Provides-Extra: dev
Requires-Dist: pytest>=7; extra == "dev"
"""


def make_wheel(folder: Path) -> str:
    wheel = folder / "kidcoder-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("kidcoder-0.1.0.dist-info/METADATA", METADATA)
    return str(wheel)


def test_the_model_engine_is_left_out_on_32_bit_x86_and_arm(tmp_path):
    wheel = make_wheel(tmp_path)
    for machine in ("i686", "armv7l"):
        assert target_requirements.requirements(wheel, machine, "3.11") == ["pygame-ce>=2.4", "whoosh-reloaded>=2.7.5"]
    assert "gpt4all>=2.8" in target_requirements.requirements(wheel, "x86_64", "3.11")


def test_extras_are_added_only_when_asked(tmp_path):
    wheel = make_wheel(tmp_path)
    assert "pytest>=7" in target_requirements.requirements(wheel, "i686", "3.11", extras=["dev"])
    assert "old-thing" in target_requirements.requirements(wheel, "i686", "3.7")
