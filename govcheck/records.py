"""Typed field values and the structured record format (YAML/JSON, front matter).

The structured format is the CI-friendly input, documented in docs/records.md::

    records:
      - kind: decision          # report | decision | notice | meeting
        nation: england         # england | wales | scotland (default england)
        fields:
          title: Award of the highways maintenance contract
          key_decision: true
          decision_date: 2024-04-04
          notice_first_published: 2024-03-20

A single record may also be written at the top level (``kind:`` and ``fields:``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from govcheck.fields import AGENDA_ITEM_KEYS, FIELDS, RECOMMENDATION_KINDS
from govcheck.model import NATIONS, RECORD_KINDS, FieldValue, Record

_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0"}


class RecordError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def suggest(name: str, choices) -> str:
    import difflib      # only for a mistake

    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def coerce(name: str, raw: Any) -> Any:
    """Coerce a raw value to the type of canonical field ``name``; ValueError if not."""
    spec = FIELDS.get(name)
    if spec is None:
        raise ValueError(f"unknown field {name!r}{suggest(name, FIELDS)}")
    t = spec.type
    if t == "date":
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str):
            from govcheck.dates import parse_date

            parsed = parse_date(raw)
            if parsed is not None:
                return parsed.value
        raise ValueError(f"{name}: {raw!r} is not a date (use YYYY-MM-DD)")
    if t == "bool":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
        raise ValueError(f"{name}: {raw!r} is not true or false")
    if t == "int":
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise ValueError(f"{name}: {raw!r} is not a number")
        try:
            return int(str(raw).replace(",", "").replace("£", "").strip())
        except ValueError:
            raise ValueError(f"{name}: {raw!r} is not a whole number") from None
    if t == "enum":
        value = str(raw).strip()
        if value not in spec.choices:
            raise ValueError(f"{name}: {raw!r} is not one of {', '.join(spec.choices)}")
        return value
    if t == "list":
        items = raw if isinstance(raw, list) else [raw]
        out = [str(x).strip() for x in items if str(x).strip()]
        # paragraphs are compared as read from documents: "18C" is "18c"
        return [x.lower() for x in out] if name == "exempt_paragraphs" else out
    if t == "recs":
        if not isinstance(raw, list):
            raise ValueError(f"{name}: expected a list of recommendations")
        out = []
        for item in raw:
            if isinstance(item, str):
                raise ValueError(f"{name}: each recommendation needs kind and text")
            kind = str(item.get("kind", ""))
            if kind not in RECOMMENDATION_KINDS:
                raise ValueError(f"{name}: kind {kind!r} is not one of "
                                 f"{', '.join(RECOMMENDATION_KINDS)}")
            out.append({"kind": kind, "text": str(item.get("text", "")),
                        "line": int(item.get("line", 0) or 0)})
        return out
    if t == "items":
        if not isinstance(raw, list):
            raise ValueError(f"{name}: expected a list of agenda items")
        out = []
        for item in raw:
            if not isinstance(item, dict):
                raise ValueError(f"{name}: each agenda item is a mapping (number, title, ...)")
            unknown = set(item) - set(AGENDA_ITEM_KEYS)
            if unknown:
                key = sorted(unknown)[0]
                raise ValueError(f"{name}: unknown item key {key!r}{suggest(key, AGENDA_ITEM_KEYS)}")
            out.append({
                "number": str(item.get("number", "")), "title": str(item.get("title", "")),
                "line": int(item.get("line", 0) or 0),
                "restricted": item.get("restricted"),
                "paragraphs": [str(p) for p in item.get("paragraphs") or []],
                "late": bool(item.get("late", False)), "urgent": bool(item.get("urgent", False)),
                "key_decision": item.get("key_decision"),
                "forward_plan_ref": item.get("forward_plan_ref"),
                "report_line": item.get("report_line"),
            })
        return out
    if raw is None:
        raise ValueError(f"{name}: empty value")
    return str(raw).strip()


def record_from_mapping(item: dict, path: str, line_of, base: tuple) -> Record:
    """Build a Record from one mapping of the structured format.

    ``line_of(loc)`` gives the source line of a key path; ``base`` is this record's
    key path in the file.
    """
    if not isinstance(item, dict):
        raise RecordError(line_of(base), "a record must be a mapping with kind and fields")
    allowed = {"kind", "nation", "fields"}
    for key in item:
        if key not in allowed:
            raise RecordError(line_of(base + (key,)),
                              f"unknown key {key!r}{suggest(str(key), allowed)}")
    kind = item.get("kind")
    if kind not in RECORD_KINDS:
        raise RecordError(line_of(base + ("kind",)),
                          f"kind must be one of {', '.join(RECORD_KINDS)}, not {kind!r}")
    nation = item.get("nation", "england")
    if nation not in NATIONS:
        raise RecordError(line_of(base + ("nation",)),
                          f"nation must be one of {', '.join(NATIONS)}, not {nation!r}")
    raw_fields = item.get("fields") or {}
    if not isinstance(raw_fields, dict):
        raise RecordError(line_of(base + ("fields",)), "fields must be a mapping")
    fields: dict[str, FieldValue] = {}
    for name, raw in raw_fields.items():
        line = line_of(base + ("fields", name))
        try:
            value = coerce(str(name), raw)
        except ValueError as e:
            raise RecordError(line, str(e)) from None
        if name == "agenda_items":  # each item points at its own line in the file
            for i, item in enumerate(value):
                if not item["line"]:
                    item["line"] = line_of(base + ("fields", name, i))
        fields[str(name)] = FieldValue(value=value, line=line, column=1,
                                       text=f"{name}: {raw}")
    if "recommendations" in fields and "recommendation_kinds" not in fields:
        recs = fields["recommendations"]
        fields["recommendation_kinds"] = FieldValue(
            value=sorted({r["kind"] for r in recs.value}), line=recs.line,
            text=recs.text)
    return Record(kind=kind, nation=nation, path=path, line=line_of(base), fields=fields)
