"""Every rule in the pack runs its own examples; rule files are validated precisely."""

from __future__ import annotations

import pytest

from numcheck.errors import ConfigError
from numcheck.rules.examples import example_failures
from numcheck.rules.loader import load_file, load_rules
from numcheck.vocab import default_vocabulary

PACK = load_rules([], defaults=True)


@pytest.mark.parametrize("rule", PACK, ids=[r.id for r in PACK])
def test_rule_runs_its_own_examples(rule):
    assert rule.trigger and rule.passes, f"rule {rule.id} needs trigger and pass examples"
    assert example_failures(rule, default_vocabulary()) == []


RULE = """rules:
  - id: too-long
    kind: bounds
    level: error
    description: d
    max: {max}
    examples: {{trigger: ["x"], pass: ["y"]}}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RULE.format(max="1.0e3"), "bad.yaml:6: rule 'too-long': key 'max': expected a number, got the string '1.0e3'"),
        (RULE.format(max="24\n    colour: red"), "bad.yaml:7: rule 'too-long': unknown key 'colour'"),
        (
            RULE.format(max=5).replace("kind: bounds", "kind: sum"),
            "bad.yaml:3: rule 'too-long': key 'kind': expected one of",
        ),
        (
            RULE.format(max=5).replace('    examples: {trigger: ["x"], pass: ["y"]}\n', ""),
            "rule 'too-long': missing key 'examples'",
        ),
        ("rules: [", "bad.yaml:2: invalid YAML"),
        ("rules:\n  - !!python/object/apply:os.system [ls]\n", "bad.yaml:2: tag"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
            "alias expansion",
        ),
        ("rules: 3\n", "key 'rules': expected a list"),
    ],
)
def test_bad_rule_file_names_file_line_rule_and_key(tmp_path, text, expected):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_file(path)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)
