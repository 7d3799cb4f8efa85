"""derive: a figure computed from others (with stated assumptions) against a stated one."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.normalise.intervals import fmt, gap_ratio, overlap, widened
from numcheck.normalise.units import check_unit, convert
from numcheck.records import Claim, Finding
from numcheck.rules import expression as ex
from numcheck.rules.kinds.base import describe, finding, show, unit_label
from numcheck.rules.model import Context, Rule
from numcheck.rules.selector import FIELDS as SELECT_FIELDS
from numcheck.rules.selector import Selector
from numcheck.vocab import Vocabulary

DOC = (
    "Binds claims of one text to the names of `inputs` (for each claim of the first input, "
    "the nearest claim of every other input), adds the `assume` intervals, evaluates "
    "`expression` with interval arithmetic and pint units, and compares the result with "
    "the claims matching `against` nearest it in the same text (three on each side). Flags "
    "only when the derived interval (inputs widened for rounding and hedges) and the stated "
    "one do not overlap."
)
ASSUMPTION = {
    "low": s.Field(s.number, required=True),
    "high": s.Field(s.number, required=True),
    "unit": s.Field(s.string, default=""),
    "note": s.Field(s.string, required=True, doc="what the assumption is, shown in findings"),
}
_SELECTOR = {"$ref": "#/definitions/selector"}
NEARBY = 3  # stated figures compared on each side of a binding
OPTIONS = {
    "inputs": s.Field(
        s.mapping,
        required=True,
        doc="name: selector, for each claim to bind",
        schema={"type": "object", "additionalProperties": _SELECTOR},
    ),
    "assume": s.Field(
        s.mapping,
        default={},
        doc="name: {low, high, unit, note}",
        schema={
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "properties": {key: s.json_schema(f.check) for key, f in ASSUMPTION.items()},
                "required": ["low", "high", "note"],
            },
        },
    ),
    "expression": s.Field(s.string, required=True, doc="arithmetic over the names: + - * / min() max()"),
    "against": s.Field(s.mapping, required=True, doc="selector of the stated figures", schema=_SELECTOR),
}


def validate(options: dict, path: str, what: str, line_of: Callable[[str], int]) -> None:
    """Parse the expression, check that every name is bound, and turn selectors into objects."""
    try:
        tree = ex.parse(options["expression"])
    except ex.ExpressionError as exc:
        raise ConfigError(f"{path}:{line_of('expression')}: {what}: key 'expression': {exc}") from None
    inputs = {}
    for name, spec in options["inputs"].items():
        values = s.validate(spec, SELECT_FIELDS, path, f"{what}: inputs: {name}")
        inputs[name] = Selector.from_options(values)
    assume = {}
    for name, spec in options["assume"].items():
        values = s.validate(spec, ASSUMPTION, path, f"{what}: assume: {name}")
        if values["low"] > values["high"]:
            raise ConfigError(f"{path}:{line_of('assume')}: {what}: assume: {name}: low is above high")
        if values["unit"]:
            check_unit(values["unit"], f"{path}:{line_of('assume')}: {what}: assume: {name}: key 'unit'")
        assume[name] = values
    unknown = ex.names(tree) - set(inputs) - set(assume)
    if unknown:
        raise ConfigError(
            f"{path}:{line_of('expression')}: {what}: key 'expression': unknown name '{sorted(unknown)[0]}'"
        )
    if not inputs:
        raise ConfigError(f"{path}:{line_of('inputs')}: {what}: key 'inputs': name at least one input")
    against = s.validate(options["against"], SELECT_FIELDS, path, f"{what}: against")
    options["_tree"] = tree
    options["_inputs"] = inputs
    options["_assume"] = assume
    options["_against"] = Selector.from_options(against)


def _stated(claim: Claim) -> tuple[float, float]:
    """Return the interval as written, without widening."""
    low = claim.value if claim.low is None else claim.low
    high = claim.value if claim.high is None else claim.high
    return min(low, high), max(low, high)


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each stated figure the derived interval cannot reach."""
    vocab = ctx.vocab
    options = rule.options
    inputs: dict[str, Selector] = options["_inputs"]
    names = list(inputs)
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    findings = []
    for source in sorted(by_source):
        texts = by_source[source]
        candidates = {name: [c for c in texts if inputs[name].matches(c)] for name in names}
        targets = [c for c in texts if options["_against"].matches(c)]
        if not targets:
            continue
        target_starts = [t.start for t in targets]
        starts = {name: [c.start for c in found] for name, found in candidates.items()}
        for anchor in candidates[names[0]]:
            bound = {names[0]: anchor}
            for name in names[1:]:
                near = _nearest(candidates[name], starts[name], anchor.start, set(bound.values()))
                if near is None:
                    break
                bound[name] = near
            if len(bound) != len(names):
                continue
            # The stated figures nearest the anchor, a few each side: a long text is not all-pairs.
            at = bisect_left(target_starts, anchor.start)
            nearby = targets[max(0, at - NEARBY) : at + NEARBY]
            findings.extend(_compare(rule, bound, nearby, vocab))
    return findings


def _nearest(candidates: list[Claim], starts: list[int], position: int, taken: set[Claim]) -> Claim | None:
    """Return the free candidate nearest a text position, looking outwards from it."""
    at = bisect_left(starts, position)
    left, right = at - 1, at
    while left >= 0 or right < len(candidates):
        take_right = right < len(candidates) and (left < 0 or starts[right] - position <= position - starts[left])
        if take_right:
            pick, right = candidates[right], right + 1
        else:
            pick, left = candidates[left], left - 1
        if pick not in taken:
            return pick
    return None


def _compare(rule: Rule, bound: dict[str, Claim], targets: list[Claim], vocab: Vocabulary) -> list[Finding]:
    """Evaluate the expression for one binding and compare it with each target."""
    options = rule.options
    stated_env, wide_env = {}, {}
    for name, claim in bound.items():
        stated_env[name] = (*_stated(claim), claim.unit)
        wide_env[name] = (*widened(claim, vocab), claim.unit)
    for name, spec in options["_assume"].items():
        stated_env[name] = wide_env[name] = (float(spec["low"]), float(spec["high"]), spec["unit"])
    try:
        slo, shi, unit = ex.evaluate(options["_tree"], stated_env)
        wlo, whi, _ = ex.evaluate(options["_tree"], wide_env)
    except ex.ExpressionError as exc:
        text = f"{options['expression']} cannot be computed for " + ", ".join(
            f"{name} = {describe(claim)}" for name, claim in bound.items()
        )
        return [finding(rule, list(bound.values()), f"{text}: {exc}", outcome="undecidable")]
    findings = []
    for target in targets:
        if target in bound.values():
            continue
        interval = widened(target, vocab)
        converted = tuple(convert(end, target.unit, unit) for end in interval)
        if None in converted or overlap((wlo, whi), converted):  # type: ignore[arg-type]
            continue
        ratio = gap_ratio((wlo, whi), converted)  # type: ignore[arg-type]
        findings.append(
            finding(
                rule,
                [*bound.values(), target],
                _explain(rule, bound, (slo, shi), (wlo, whi), unit, target, interval, converted, ratio),
                intervals=[(options["expression"], (wlo, whi), unit), (target, converted, unit)],
                reason=_arithmetic(rule, bound, (slo, shi), (wlo, whi), unit, converted, ratio),
            )
        )
    return findings


def _explain(rule, bound, stated, wide, unit, target, interval, converted, ratio) -> str:
    """Write out the arithmetic, the assumptions and the comparison."""
    terms = []
    for name, claim in bound.items():
        terms.append(f"{name} = {describe(claim)}")
    for name, spec in rule.options["_assume"].items():
        span = f"{fmt(spec['low'])}–{fmt(spec['high'])} {unit_label(spec['unit'])}".strip()
        terms.append(f"{name} = {span} ({spec['note']}, assumed)")
    text = (
        f"{rule.options['expression']} with "
        + ", ".join(terms)
        + f" gives {show(stated, unit)} (allowing for hedges and rounding {show(wide, unit)})"
        + f"; {describe(target)} states {show(interval, target.unit)}"
    )
    if target.unit != unit:
        text += f", i.e. {show(converted, unit)}"
    text += "; they do not overlap"
    if ratio is not None:
        text += f", the higher is at least {ratio:.1f}× the lower"
    return text


def _arithmetic(rule, bound, stated, wide, unit, converted, ratio) -> str:
    """Write the sum with each name replaced by its figure: "2.5 USD / hour × 12 hour × … = …; stated …"."""
    values = {name: show(_stated(claim), claim.unit) for name, claim in bound.items()}
    for name, spec in rule.options["_assume"].items():
        values[name] = f"{fmt(spec['low'])}–{fmt(spec['high'])} {unit_label(spec['unit'])}".strip() + " (assumed)"
    words = re.sub(r"[A-Za-z_]\w*", lambda m: values.get(m.group(), m.group()), rule.options["expression"])
    text = (
        f"{words.replace('*', '×')} = {show(stated, unit)} ({show(wide, unit)} allowing for hedges and "
        f"rounding); stated {show(converted, unit)}"
    )
    return text + (f"; the higher is at least {ratio:.1f}× the lower" if ratio is not None else "")
