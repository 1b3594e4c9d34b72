"""Structured records in YAML or JSON (see govcheck.records for the format)."""

from __future__ import annotations

import json
import re

from govcheck.read import decode_bytes
from govcheck.read.base import Document, ReadError
from govcheck.yamlsafe import Loaded, YamlError, load_yaml


def _json_lines(text: str, data) -> dict[tuple, int]:
    """Approximate key lines for JSON: the n-th occurrence of each ``"key":`` in order."""
    lines: dict[tuple, int] = {}
    positions = [(m.group(1), text.count("\n", 0, m.start()) + 1)
                 for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:', text)]
    cursor = 0

    def walk(node, loc):
        nonlocal cursor
        if isinstance(node, dict):
            for key, value in node.items():
                for j in range(cursor, len(positions)):
                    if positions[j][0] == key:
                        lines[loc + (key,)] = positions[j][1]
                        cursor = j + 1
                        break
                walk(value, loc + (key,))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                if positions[cursor:cursor + 1]:
                    lines[loc + (i,)] = positions[cursor][1]
                walk(item, loc + (i,))

    walk(data, ())
    return lines


def read(path: str, data: bytes, fmt: str) -> Document:
    text, encoding = decode_bytes(data)
    if fmt == "json":
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as e:
            raise ReadError(f"invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
        except RecursionError:
            raise ReadError("JSON nested too deeply to be a record") from None
        loaded = Loaded(parsed, _json_lines(text, parsed))
    else:
        try:
            loaded = load_yaml(text, path)
        except YamlError as e:
            raise ReadError(f"line {e.line}: {e.message}") from None
        except RecursionError:
            raise ReadError("YAML nested too deeply to be a record") from None
    doc = Document.from_text(path, fmt, text, properties={"encoding": encoding})
    doc.data = loaded
    return doc
