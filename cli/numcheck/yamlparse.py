"""Parse YAML text into plain data that remembers the line of every mapping key (imports PyYAML: 20 ms)."""

from __future__ import annotations

import yaml

from numcheck.errors import ConfigError
from numcheck.yamlfile import MAX_DEPTH, MAX_NODES, LineDict

_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp", "merge")
)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Builder:
    """Turn a composed node graph into plain data without running any YAML constructor."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.count = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, depth: int = 0) -> object:
        """Convert one node, recursively."""
        self.count += 1
        if self.count > MAX_NODES:
            raise ConfigError(f"{self.path}: more than {MAX_NODES} YAML nodes (alias expansion?); refused")
        if depth > MAX_DEPTH:
            line = node.start_mark.line + 1
            raise ConfigError(f"{self.path}:{line}: nested more than {MAX_DEPTH} levels deep; refused")
        if node.tag not in _PLAIN_TAGS:
            line = node.start_mark.line + 1
            raise ConfigError(f"{self.path}:{line}: tag '{node.tag}' is not allowed")
        if isinstance(node, yaml.MappingNode):
            result = LineDict()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise ConfigError(f"{self.path}:{line}: '<<' merge keys are not supported")
                if not isinstance(key_node, yaml.ScalarNode):
                    raise ConfigError(f"{self.path}:{line}: a key must be a plain scalar")
                key = str(self.build(key_node))
                if key in result:
                    raise ConfigError(f"{self.path}:{line}: duplicate key '{key}'")
                result.key_lines[key] = line
                result[key] = self.build(value_node, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        try:
            return self.scalars.construct_object(node)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ConfigError(f"{self.path}:{node.start_mark.line + 1}: {problem}") from None
        except (ValueError, OverflowError) as exc:  # a date like 2025-02-30, an integer of 5,000 digits
            what = "a date that is no real day" if node.tag.endswith("timestamp") else "a value out of range"
            raise ConfigError(f"{self.path}:{node.start_mark.line + 1}: {what} ({type(exc).__name__})") from None


def parse(path: str, text: str) -> object:
    """Parse one YAML text into plain data, or raise ConfigError naming `path` and the line."""
    if text.count("[") + text.count("{") > MAX_NODES:
        raise ConfigError(f"{path}: more than {MAX_NODES} brackets; refused")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else path
        raise ConfigError(f"{where}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {type(exc).__name__}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply; refused") from None
    if node is None:
        return None
    return _Builder(path).build(node)
