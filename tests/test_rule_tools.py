"""Rule authors' tools through the real CLI, and generated files kept in sync with the code."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from numcheck.rules.docs import render as render_docs
from numcheck.rules.jsonschema import render as render_schema
from tests.conftest import ROOT, run_cli

PACK_FILES = sorted((ROOT / "rules" / "pack").glob("*.yaml"))


def test_docs_are_up_to_date():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_docs(), (
        "docs/rules.md is stale: run `numcheck rules docs > docs/rules.md`"
    )


def test_schema_is_up_to_date():
    assert (ROOT / "rules" / "rules.schema.json").read_text(encoding="utf-8") == render_schema(), (
        "rules/rules.schema.json is stale: run `numcheck rules schema > rules/rules.schema.json`"
    )


@pytest.mark.parametrize("path", [*PACK_FILES, ROOT / "examples" / "strict-rules.yaml"], ids=lambda p: p.name)
def test_rule_files_match_the_schema(path):
    schema = json.loads((ROOT / "rules" / "rules.schema.json").read_text(encoding="utf-8"))
    # As an editor sees it: YAML dates are text in JSON.
    document = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(document, schema)


@pytest.mark.parametrize(
    "document",
    [
        {"rules": [{"id": "x-y", "kind": "bounds", "level": "loud", "description": "d", "examples": {}}]},
        {"rules": [{"id": "x-y", "kind": "nope", "level": "info", "description": "d", "examples": {}}]},
        {"rules": [{"id": "x-y", "kind": "bounds", "level": "info", "description": "d", "examples": {}, "colour": 1}]},
    ],
)
def test_schema_refuses_what_the_validator_refuses(document):
    schema = json.loads((ROOT / "rules" / "rules.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_rules_show_explains_a_rule():
    result = run_cli("rules", "show", "share-arithmetic")
    assert result.returncode == 0
    for part in ("share-arithmetic  (share, warning)", "consistency.yaml", "must be flagged", "kind 'share'"):
        assert part in result.stdout


def test_rules_show_unknown_rule_is_a_usage_error():
    result = run_cli("rules", "show", "no-such-rule")
    assert result.returncode == 2 and "no rule 'no-such-rule'" in result.stderr


GOOD = """rules:
  - id: day-length
    kind: bounds
    level: error
    description: A day has 24 hours.
    max: 24
    unit: hour / day
    select: {unit: hour / day}
    examples:
      trigger:
        - text: "They work 30 hours a day."
          message: "the most possible is 24"
          level: error
      pass: ["They work 8 hours a day."]
"""


@pytest.mark.parametrize(
    ("text", "command", "code", "output"),
    [
        (GOOD, "validate", 0, "1 rules valid"),
        (GOOD.replace("max: 24", "max: '24'"), "validate", 2, "rules.yaml:6: rule 'day-length': key 'max'"),
        (GOOD, "test", 0, "2 of 2 examples behave"),
        (GOOD.replace("30 hours", "20 hours"), "test", 1, "should raise a finding on 'They work 20 hours a day.'"),
        (GOOD.replace("level: error\n      pass", "level: info\n      pass"), "test", 1, "a finding at info"),
        (GOOD.replace("the most possible is 24", "at most 12"), "test", 1, "should say 'at most 12'"),
    ],
)
def test_rules_validate_and_test(tmp_path, text, command, code, output):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("rules", command, str(path))
    assert result.returncode == code, result.stderr
    assert output in result.stdout + result.stderr


def test_pack_examples_all_pass_through_the_cli():
    result = run_cli("rules", "test", "rules/pack")
    assert result.returncode == 0, result.stdout
