"""`numcheck rules show`: one rule explained — its parameters, examples and kind."""

from __future__ import annotations

import json

from numcheck.rules.kinds import KINDS
from numcheck.rules.model import Rule
from numcheck.rules.selector import FIELDS as SELECT_FIELDS


def _value(value: object) -> str:
    """Write an option value compactly."""
    return json.dumps(value, ensure_ascii=False, default=str)


def describe_rule(rule: Rule) -> str:
    """Return a rule as text: what it is, where it is, how it is set, and what it flags."""
    module = KINDS[rule.kind]
    lines = [
        f"{rule.id}  ({rule.kind}, {rule.level}{'' if rule.enabled else ', disabled'})",
        f"  defined at {rule.path}:{rule.line}",
        f"  {rule.description}",
    ]
    if rule.message:
        lines.append(f"  headline: {rule.message}")
    chosen = {k: getattr(rule.select, k) for k in SELECT_FIELDS if getattr(rule.select, k) not in ((), None, "any")}
    shown = ", ".join(f"{k}={_value(list(v) if isinstance(v, tuple) else v)}" for k, v in chosen.items())
    lines.append("  select: " + (shown or "every figure"))
    options = {k: v for k, v in rule.options.items() if not k.startswith("_")}
    if options:
        lines.append("  parameters:")
        for key, value in options.items():
            doc = module.OPTIONS[key].doc
            lines.append(f"    {key} = {_value(value)}" + (f"  — {doc}" if doc else ""))
    lines.append("  examples that must be flagged:")
    lines += [f"    - {e.text}" + (f"  (message contains {e.message!r})" if e.message else "") for e in rule.trigger]
    lines.append("  examples that must pass:")
    lines += [f"    - {e.text}" for e in rule.passes]
    lines += ["", f"kind '{rule.kind}': {module.DOC}"]
    return "\n".join(lines)
