"""Adding an error family is one new module in kidcoder/diagnosis/: the registry finds it, with no other edit."""
import json
import subprocess
import sys
from pathlib import Path

from kidcoder.diagnosis import registry
from kidcoder.diagnosis.fixes import BUILDERS
from kidcoder.knowledge.cards import cards_by_id

ROOT = Path(__file__).resolve().parents[2]

# A whole new family: a runtime handler, a static check, a fix builder and its card, nothing else.
WOBBLE_FAMILY = '''
"""Runtime family for the test: WobbleError."""
from kidcoder.diagnosis.finding import Finding
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.registry import runtime_handler, static_check

CARDS = {"diag.wobble": "variables", "diag.wobble_static": "comments"}


@runtime_handler("WobbleError", order=5)
def wobble(program, error):
    return Finding("runtime", error["line"], None, "diag.wobble", {"line": error["line"]})


@static_check
def wobbly_words(program):
    return [Finding("logic", 1, None, "diag.wobble_static", {"line": 1})] if "wobble" in program.source else []


@builds("diag.wobble")
def steady(program, finding):
    return [Fix(finding.line, finding.line, "steady = True")]
'''

PROBE = '''
import json, sys
import kidcoder.diagnosis as package
package.__path__.append(sys.argv[1])      # the new module's folder joins the package, as a new file would
from kidcoder.diagnosis import Program, diagnose_runtime, diagnose_static
from kidcoder.diagnosis.fixes import candidate_fixes
from kidcoder.diagnosis.registry import finding_cards
source = "wobble = 1\\n"
runtime = diagnose_runtime(source, {"type": "WobbleError", "message": "it wobbles", "line": 1})
static = diagnose_static(source)
print(json.dumps({"runtime": runtime.key, "static": [f.key for f in static],
                  "fix": [f.replacement for f in candidate_fixes(Program(source), runtime)],
                  "card": finding_cards().get("diag.wobble")}))
'''


def test_a_new_family_module_is_found_with_no_other_edit(tmp_path):
    (tmp_path / "runtime_wobble.py").write_text(WOBBLE_FAMILY, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found == {"runtime": "diag.wobble", "static": ["diag.wobble_static"], "fix": ["steady = True"],
                     "card": "variables"}


def test_without_the_new_module_nothing_wobbles():
    finding = registry.diagnose_runtime("wobble = 1\n", {"type": "WobbleError", "message": "x", "line": 1})
    assert finding.key == "diag.runtime_generic"
    assert "diag.wobble" not in registry.finding_cards()


def test_every_module_that_registers_something_is_loaded():
    registry.load_families()
    loaded = set(registry.family_modules())
    decorators = ("@syntax_rule", "@runtime_handler", "@static_check", "@builds")
    for path in (ROOT / "kidcoder" / "diagnosis").glob("*.py"):
        if any(word in path.read_text(encoding="utf-8") for word in decorators) and not path.stem.startswith("_"):
            assert f"kidcoder.diagnosis.{path.stem}" in loaded, path.name
            assert f"kidcoder.diagnosis.{path.stem}" in sys.modules, path.name


def test_each_family_declares_cards_that_exist_and_builders_for_real_keys():
    cards = registry.finding_cards()
    english = cards_by_id("en")
    assert sorted(card for card in set(cards.values()) if card not in english) == []
    catalog = json.loads((ROOT / "assets" / "i18n" / "en" / "diagnose.json").read_text(encoding="utf-8"))
    assert sorted(key for key in BUILDERS if key + ".fix" not in catalog) == []
