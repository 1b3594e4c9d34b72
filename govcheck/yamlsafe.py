"""Safe YAML loading with line numbers.

Rule files and structured records are YAML.  This loader

* uses PyYAML's C safe loader where available (no tags, no code);
* rejects anchors and aliases before anything is constructed (an alias bomb goes off
  in whatever walks the data later, so refusing them up front is the only safe way);
* rejects duplicate keys (PyYAML silently keeps the last one);
* keeps a line number for every mapping key, so an error can name ``file:line``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from govcheck.struct import struct

if TYPE_CHECKING:
    import yaml


def shown_path(p) -> str:
    """A data file's path as a message shows it: relative to the working directory
    when under it, else as given (``pathlib`` is not needed for it)."""
    p = os.fspath(p)
    if os.path.isabs(p):
        cwd = os.getcwd()
        prefix = cwd if cwd.endswith(os.sep) else cwd + os.sep
        if p.startswith(prefix):
            return p[len(prefix):]
    return p

# PyYAML is imported when a YAML text is first read, not with this module: a run whose
# rule pack, profiles and vocabulary come from the cache reads no YAML at all.


def _yaml():
    import yaml

    return yaml


def _loader_class():
    yaml = _yaml()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader where built


class YamlError(Exception):
    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@struct
class Loaded:
    """Parsed data plus the line of every mapping key: ``lines[("a", 0, "b")] == 12``."""

    data: Any
    lines: dict[tuple, int]

    def line_of(self, loc: tuple, default: int = 1) -> int:
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return default


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())


def _check_no_alias(text: str, path: str) -> None:
    if "&" not in text and "*" not in text:
        return
    yaml = _yaml()
    try:
        for ev in yaml.parse(text, Loader=_loader_class()):
            if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
                raise YamlError(path, ev.start_mark.line + 1,
                                "YAML anchors and aliases are not allowed")
    except yaml.YAMLError:
        return  # the real parse below reports the syntax error with its position


def _walk(node: yaml.Node, path: str, loc: tuple, lines: dict[tuple, int]) -> None:
    yaml = _yaml()
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise YamlError(path, line,
                                f"duplicate key {key!r} (first at line {seen[key]})")
            seen[key] = line
            lines[loc + (key,)] = line
            _walk(value_node, path, loc + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[loc + (i,)] = item.start_mark.line + 1
            _walk(item, path, loc + (i,), lines)


def load_yaml(text: str, path: str = "<string>") -> Loaded:
    _check_no_alias(text, path)
    yaml = _yaml()
    loader = _loader_class()(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line = mark.line + 1 if mark else 1
            raise YamlError(path, line, f"invalid YAML: {_one_line(e.problem or e)}") from None
        except yaml.YAMLError as e:
            # e.g. ReaderError for control characters: its text spans several lines
            raise YamlError(path, 1, f"invalid YAML: {_one_line(e)}") from None
        if node is None:
            return Loaded(None, {})
        lines: dict[tuple, int] = {}
        _walk(node, path, (), lines)
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as e:
            raise YamlError(path, node.start_mark.line + 1,
                            f"invalid YAML: {_one_line(e)}") from None
        return Loaded(data, lines)
    finally:
        loader.dispose()
