"""docs/rules.md, written from the rules' own metadata so it never drifts from the code."""

from __future__ import annotations

from pathlib import Path

from numcheck import schema as s
from numcheck.resources import pack_dir
from numcheck.rules.kinds import KINDS
from numcheck.rules.loader import COMMON, EXAMPLE, load_file, rule_files
from numcheck.rules.selector import FIELDS as SELECT_FIELDS

HEADER = """# numcheck rules

<!-- Written by `numcheck rules docs > docs/rules.md`; a test fails when this file is stale. -->

A rule file is YAML with a list under `rules:`. Each rule names a *kind* — a check written in
code — and gives its parameters; the built-in pack in `rules/pack/` is written the same way.
Editors that read JSON Schema can check and complete rule files with `rules/rules.schema.json`
(for the YAML language server: `# yaml-language-server: $schema=<path>/rules.schema.json`).

Every check has three outcomes: it holds (nothing is reported), it is inconsistent (a
finding at the rule's level), or it is undecidable — the text lacks what the check needs.
Undecidable results are listed at `info` only with `numcheck check --show-undecidable`.
Every finding names the figures, their sources, the readings after rounding and hedges, and
the arithmetic; a figure is flagged only when no reading can make it hold.

Rule authors' tools: `numcheck rules show RULE-ID`, `numcheck rules validate PATH`,
`numcheck rules test PATH`.
"""


def _type(field: s.Field) -> str:
    """Describe a field's type in a few words, from its JSON Schema."""
    schema = field.schema if field.schema is not None else s.json_schema(field.check)
    if "enum" in schema:
        return " \\| ".join(f"`{v}`" for v in schema["enum"])
    if "oneOf" in schema:
        return "text or list of texts"
    kind = schema.get("type", "any")
    if kind == "array":
        items = schema.get("items", {})
        inner = " \\| ".join(f"`{v}`" for v in items["enum"]) if "enum" in items else items.get("type", "any")
        return f"list of {inner}"
    return {"object": "mapping", "string": "text"}.get(kind, kind)


def _table(fields: dict[str, s.Field]) -> list[str]:
    """Return a Markdown table of fields: key, type, default, meaning."""
    lines = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for key, field in fields.items():
        default = "required" if field.required else ("" if field.default in (None, [], {}) else f"`{field.default}`")
        doc = field.doc.replace("|", "\\|")
        lines.append(f"| `{key}` | {_type(field)} | {default} | {doc} |")
    return lines


def _example_text(example) -> str:
    """Write an example for the pack listing."""
    extra = f" (message contains {example.message!r})" if example.message else ""
    return f"{example.text}{extra}".replace("|", "\\|")


def render(pack: Path | None = None) -> str:
    """Return the text of docs/rules.md."""
    lines = [HEADER, "## Keys of every rule", "", *_table(COMMON), ""]
    lines += ["### `select`: which figures a rule looks at", "", *_table(SELECT_FIELDS), ""]
    lines += [
        "### `examples`",
        "",
        "`trigger:` texts must raise a finding and `pass:` texts must not; `numcheck rules test`",
        "runs them and the test suite runs the pack's. An example is a text or a mapping:",
        "",
        *_table(EXAMPLE),
        "",
        "## Kinds",
        "",
    ]
    for name, module in KINDS.items():
        lines += [f"### `{name}`", "", module.DOC, ""]
        lines += [*_table(module.OPTIONS), ""] if module.OPTIONS else ["No options of its own.", ""]
    lines += ["## The built-in pack", ""]
    for path in rule_files(pack or pack_dir() / "pack"):
        lines += [f"### {path.stem}", ""]
        for rule in load_file(path):
            state = " — off by default" if not rule.enabled else ""
            lines += [f"- **`{rule.id}`** ({rule.kind}, {rule.level}{state}): {rule.description}"]
            lines += [f"  - flags: {_example_text(e)}" for e in rule.trigger]
            lines += [f"  - passes: {_example_text(e)}" for e in rule.passes]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
