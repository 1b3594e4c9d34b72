"""YAML front matter of a Markdown document: fields that override the text.

``Document.data`` holds ``{name: (value, line)}``.  Names are canonical field names
(plus ``kind`` and ``nation``); values are coerced to the field's type as the
structured record format does (:func:`govcheck.records.coerce`).  A value that
cannot be read, or an unknown name, becomes a note and is skipped.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from govcheck.extract.collect import Collector
from govcheck.extract.recommendations import classify
from govcheck.fields import FIELDS
from govcheck.model import NATIONS, RECORD_KINDS
from govcheck.read.base import Line

__all__ = ["apply"]


def _unpack(raw: Any) -> tuple[Any, int]:
    if isinstance(raw, tuple) and len(raw) == 2 and isinstance(raw[1], int) \
            and not isinstance(raw[1], bool):
        return raw[0], raw[1]
    return raw, 1


def _prepare(name: str, value: Any, number: int) -> Any:
    """Make front-matter values as people write them acceptable to ``coerce``."""
    spec = FIELDS[name]
    if spec.type == "enum" and isinstance(value, str):
        v = value.strip().lower().replace("-", "_").replace(" ", "_")
        if name == "exempt" and v in ("no", "false", "open"):
            return "none"
        return v
    if spec.type == "enum" and name == "exempt" and value is False:
        return "none"
    if spec.type == "list" and isinstance(value, str):
        return [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
    if spec.type == "recs" and isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, str):
                out.append({"kind": classify(item) or "decide", "text": item,
                            "line": number})
            elif isinstance(item, dict) and "kind" not in item and "text" in item:
                out.append({"line": number, **item,
                            "kind": classify(str(item["text"])) or "decide"})
            else:
                out.append(item)
        return out
    if spec.type == "int" and isinstance(value, str):
        from govcheck.extract.values import money

        found = money(value)
        if found:
            return found[0]
    return value


def apply(data: Any, col: Collector) -> tuple[str | None, str | None]:
    """Put front-matter fields into ``col`` (replacing text values).

    Returns the ``kind`` and ``nation`` the front matter gives, if any.
    """
    if not isinstance(data, dict):
        return None, None
    from govcheck.records import coerce, suggest

    kind = nation = None
    for key, raw in data.items():
        value, number = _unpack(raw)
        name = str(key)
        if name == "kind":
            if value in RECORD_KINDS:
                kind = value
            else:
                col.note(number, 0, f"front matter: kind must be one of "
                         f"{', '.join(RECORD_KINDS)}, not {value!r}")
            continue
        if name == "nation":
            if value in NATIONS:
                nation = value
            else:
                col.note(number, 0, f"front matter: nation must be one of "
                         f"{', '.join(NATIONS)}, not {value!r}")
            continue
        if name not in FIELDS:
            col.note(number, 0, f"front matter: unknown field {name!r}"
                     f"{suggest(name, FIELDS)}; ignored")
            continue
        if value is None or value == "":
            continue
        try:
            coerced = coerce(name, _prepare(name, value, number))
        except ValueError as e:
            col.note(number, 0, f"front matter: {e}; ignored", name)
            continue
        shown = value.isoformat() if isinstance(value, dt.date) else value
        line = Line(number, f"{name}: {shown}")
        col.put(name, coerced, line, 0, replace=True)
        if name == "recommendations" and "recommendation_kinds" not in data:
            col.put("recommendation_kinds", sorted({r["kind"] for r in coerced}), line, 0,
                    replace=True)
    return kind, nation
