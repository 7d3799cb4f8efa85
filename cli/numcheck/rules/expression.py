"""A tiny arithmetic language over named intervals with units: + - * /, min(), max(), parentheses.

Parsed by recursive descent into a tree; evaluated with interval arithmetic. Never eval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/(),]))")
FUNCTIONS = ("min", "max")
MAX_LENGTH = 500


class ExpressionError(ValueError):
    """The expression does not parse."""


@dataclass(frozen=True)
class Node:
    """A tree node: op is 'num', 'name' or an operator; args are children or the value."""

    op: str
    args: tuple


def parse(text: str) -> Node:
    """Parse an expression such as "rate * hours * days"."""
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters")
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise ExpressionError(f"unexpected '{text[pos:].strip()[:10]}' at character {pos + 1}")
        kind = match.lastgroup or "op"
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    parser = _Parser(tokens)
    node = parser.sum()
    if parser.i != len(tokens):
        raise ExpressionError(f"unexpected '{tokens[parser.i][1]}'")
    return node


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][1] if self.i < len(self.tokens) else None

    def sum(self) -> Node:
        return self.chain(("+", "-"), self.product)

    def product(self) -> Node:
        return self.chain(("*", "/"), self.atom)

    def chain(self, ops: tuple[str, str], operand) -> Node:
        """Read operands joined left to right by the given operators."""
        node = operand()
        while self.peek() in ops:
            op = self.tokens[self.i][1]
            self.i += 1
            node = Node(op, (node, operand()))
        return node

    def atom(self) -> Node:
        if self.i >= len(self.tokens):
            raise ExpressionError("ends too early")
        kind, value = self.tokens[self.i]
        self.i += 1
        if kind == "num":
            return Node("num", (float(value),))
        if kind == "name" and value in FUNCTIONS:
            return self.call(value)
        if kind == "name":
            return Node("name", (value,))
        if value == "(":
            self.depth += 1
            if self.depth > 50:
                raise ExpressionError("nested too deeply")
            node = self.sum()
            if self.peek() != ")":
                raise ExpressionError("missing ')'")
            self.i += 1
            self.depth -= 1
            return node
        raise ExpressionError(f"unexpected '{value}'")

    def call(self, function: str) -> Node:
        """Read the arguments of min(a, b, …) or max(a, b, …)."""
        if self.peek() != "(":
            raise ExpressionError(f"'{function}' needs arguments in parentheses")
        self.i += 1
        self.depth += 1
        if self.depth > 50:
            raise ExpressionError("nested too deeply")
        args = [self.sum()]
        while self.peek() == ",":
            self.i += 1
            args.append(self.sum())
        if self.peek() != ")":
            raise ExpressionError("missing ')'")
        self.i += 1
        self.depth -= 1
        if len(args) < 2:
            raise ExpressionError(f"'{function}' needs at least two arguments")
        return Node(function, tuple(args))


def names(node: Node) -> set[str]:
    """Return the names an expression uses."""
    if node.op == "name":
        return {node.args[0]}
    if node.op == "num":
        return set()
    return set().union(*(names(arg) for arg in node.args))


Value = tuple[float, float, str]  # low, high, unit


def evaluate(node: Node, env: dict[str, Value]) -> Value:
    """Evaluate with interval arithmetic; units combine through pint."""
    from numcheck.normalise.units import convert, product

    if node.op == "num":
        return node.args[0], node.args[0], ""
    if node.op == "name":
        return env[node.args[0]]
    if node.op in FUNCTIONS:
        return _extreme(node.op, [evaluate(arg, env) for arg in node.args])
    (al, ah, au), (bl, bh, bu) = evaluate(node.args[0], env), evaluate(node.args[1], env)
    if node.op in ("+", "-"):
        bl2, bh2 = convert(bl, bu, au), convert(bh, bu, au)
        if bl2 is None or bh2 is None:
            raise ExpressionError(f"cannot add '{au}' and '{bu}'")
        return (al + bl2, ah + bh2, au) if node.op == "+" else (al - bh2, ah - bl2, au)
    if node.op == "*":
        ends = [al * bl, al * bh, ah * bl, ah * bh]
        return min(ends), max(ends), product([au, bu], [1, 1])
    if bl <= 0 <= bh:
        raise ExpressionError("division by an interval that holds zero")
    ends = [al / bl, al / bh, ah / bl, ah / bh]
    return min(ends), max(ends), product([au, bu], [1, -1])


def _extreme(function: str, values: list[Value]) -> Value:
    """min() or max() of intervals, in the first argument's unit."""
    from numcheck.normalise.units import convert

    unit = values[0][2]
    ends = []
    for low, high, other in values:
        lo, hi = convert(low, other, unit), convert(high, other, unit)
        if lo is None or hi is None:
            raise ExpressionError(f"cannot compare '{unit}' and '{other}'")
        ends.append((lo, hi))
    pick = min if function == "min" else max
    return pick(e[0] for e in ends), pick(e[1] for e in ends), unit
