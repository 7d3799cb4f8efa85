"""The JSON Schema of rule files, built from the same fields the validator uses."""

from __future__ import annotations

import json

from numcheck import schema as s
from numcheck.rules.kinds import KINDS
from numcheck.rules.loader import COMMON, EXAMPLE, EXAMPLES
from numcheck.rules.selector import FIELDS as SELECT_FIELDS

SCHEMA_ID = "https://numcheck.invalid/rules.schema.json"


def _properties(fields: dict[str, s.Field]) -> dict:
    """Return the JSON Schema properties of a set of fields, with their docs."""
    properties = {}
    for key, field in fields.items():
        fragment = dict(field.schema) if field.schema is not None else s.json_schema(field.check)
        if field.doc:
            fragment["description"] = field.doc
        if field.default not in (None, [], {}):
            fragment["default"] = field.default
        properties[key] = fragment
    return properties


def _object(fields: dict[str, s.Field]) -> dict:
    """Return a closed JSON Schema object for a set of fields."""
    schema: dict = {"type": "object", "properties": _properties(fields), "additionalProperties": False}
    required = [key for key, field in fields.items() if field.required]
    if required:
        schema["required"] = required
    return schema


def selector_schema() -> dict:
    """Return the schema of a `select` mapping."""
    return _object(SELECT_FIELDS)


def rule_schema(name: str) -> dict:
    """Return the schema of one rule of the given kind; shared parts are references."""
    module = KINDS[name]
    schema = _object({**COMMON, **module.OPTIONS})
    schema["properties"]["kind"] = {"const": name, "description": module.DOC}
    schema["properties"]["select"] = {"$ref": "#/definitions/selector"}
    schema["properties"]["examples"] = {"$ref": "#/definitions/examples"}
    schema["title"] = f"a '{name}' rule"
    return schema


def rules_schema() -> dict:
    """Return the JSON Schema of a whole rule file."""
    examples = _object(EXAMPLES)
    for key in ("trigger", "pass"):
        examples["properties"][key]["items"] = {"$ref": "#/definitions/example"}
    examples["description"] = COMMON["examples"].doc
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "numcheck rule file",
        "description": "Rules for numcheck: each names a kind (see docs/rules.md) and gives its parameters.",
        "type": "object",
        "required": ["rules"],
        "additionalProperties": False,
        "properties": {"rules": {"type": "array", "items": {"oneOf": [rule_schema(name) for name in KINDS]}}},
        "definitions": {
            "selector": {**selector_schema(), "description": COMMON["select"].doc},
            "example": {"oneOf": [{"type": "string", "minLength": 1}, _object(EXAMPLE)]},
            "examples": examples,
        },
    }


def render() -> str:
    """Return the schema as the text of rules/rules.schema.json."""
    return json.dumps(rules_schema(), indent=2, ensure_ascii=False) + "\n"
