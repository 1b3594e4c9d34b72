"""Run every vocabulary example: the harness behind ``govcheck test`` and
``tests/test_vocabulary.py``, as :mod:`govcheck.engine.cases` is for the rules.

* a label's ``match`` example must be matched by that label (the first label in table
  order to match the line) and, read as a one-line document, give the stated value
  (``null``: the field is not read); a ``no_match`` example must not match the label;
* any other entry's ``match`` example must match the entry's expression and, where the
  entry gives a value, be read as that value by the reader that uses the entry; a
  ``no_match`` example must not match.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable
from govcheck.struct import struct

__all__ = ["ExampleResult", "run_examples"]


@struct
class ExampleResult:
    source: str          # file:line of the entry
    entry: str           # the entry's name (or field/kind for a label)
    text: str
    expect: str          # "match" or "no_match"
    ok: bool
    detail: str = ""

    @property
    def id(self) -> str:
        return f"{self.entry} {self.expect}: {self.text[:60]!r}"


def _first_word(text: str) -> str:
    words = text.strip().split()
    return words[0].strip(".,;:–-").lower() if words else ""


def _readers() -> dict[tuple[str, str], Callable[[str], Any]]:
    """How an entry's value is read, for the entries a reader uses."""
    from govcheck.extract import headings, values
    from govcheck.extract.recommendations import classify

    def yes_no(t):
        return values.yes_no(_first_word(t), t)

    def exempt(t):
        return values.exempt_level(_first_word(t), t)

    out: dict[tuple[str, str], Callable[[str], Any]] = {
        ("answers", "yes"): yes_no,
        ("answers", "no"): yes_no,
        ("answers", "non_key"): yes_no,
        ("answers", "none"): values.is_none_answer,
        ("answers", "pending"): values.is_pending_answer,
        ("answers", "no_reference"): values.is_not_a_reference,
        ("answers", "all_wards"): values.wards,
        ("answers", "subject_to_call_in"): values.call_in_status,
        ("answers", "not_subject_to_call_in"): values.call_in_status,
        ("citations", "special_urgency"): values.urgency_route,
        ("citations", "general_exception"): values.urgency_route,
        ("headings", "decision_record"): headings.kind_of,
        ("headings", "notice"): headings.kind_of,
    }
    for name in ("exempt_none", "exempt_part", "exempt_full", "exempt_yes"):
        out[("answers", name)] = exempt
    for name in ("whole", "partly", "open", "restricted"):
        out[("answers", name)] = values.restriction_level
    for name in ("to_council", "note", "agree", "approve", "decide", "weak"):
        out[("recommendations", name)] = classify
    return out


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _label_results(vocab, ex: dict) -> list[ExampleResult]:
    from govcheck.extract import extract
    from govcheck.extract.labels import _rx, match_label
    from govcheck.read.base import Document

    idx = next(i for i, s in enumerate(vocab.labels) if s.source == ex["source"])
    spec = vocab.labels[idx]
    name = f"{spec.field} ({spec.kind})"
    out = []
    for item in ex["examples"]["match"]:
        text = item if isinstance(item, str) else item["text"]
        m = match_label(text, column=spec.column)
        if m is None or m[0] is not spec:
            got = "no label" if m is None else f"{m[0].field} ({m[0].kind}) at {m[0].source}"
            out.append(ExampleResult(spec.source, name, text, "match", False,
                                     f"matched {got}"))
            continue
        if isinstance(item, str):
            out.append(ExampleResult(spec.source, name, text, "match", True))
            continue
        field = item.get("field") or spec.field
        doc = Document.from_text("<example>", "text", text + "\n")
        records = extract(doc)
        fv = records[0].fields.get(field) if records else None
        got = None if fv is None else _plain(fv.value)
        want = _plain(item.get("value"))
        ok = got == want
        out.append(ExampleResult(spec.source, name, text, "match", ok,
                                 "" if ok else f"{field}: read {got!r}, expected {want!r}"))
    for text in ex["examples"]["no_match"]:
        hit = _rx(vocab, idx).match(text)
        out.append(ExampleResult(spec.source, name, text, "no_match", hit is None,
                                 "" if hit is None else f"matched {hit.group('label')!r}"))
    return out


def _matches(entry, text: str) -> bool:
    """An entry of words is an answer's first word; an entry of patterns is found
    anywhere in the text (its patterns anchor themselves where they must)."""
    if entry.patterns:
        return bool(entry.rx.search(text))
    return _first_word(text) in entry.wordset


def _entry_results(vocab, ex: dict, readers) -> list[ExampleResult]:
    group, name = ex["group"], ex["name"]
    entry = vocab.groups[group][name]
    reader = readers.get((group, name))
    out = []
    for item in ex["examples"]["match"]:
        text = item if isinstance(item, str) else item["text"]
        want = entry.value if isinstance(item, str) or "value" not in item else item["value"]
        if not _matches(entry, text):
            out.append(ExampleResult(entry.source, name, text, "match", False, "not matched"))
            continue
        if reader is not None and want is not None:
            got = _plain(reader(text))
            if got != _plain(want):
                out.append(ExampleResult(entry.source, name, text, "match", False,
                                         f"read as {got!r}, expected {want!r}"))
                continue
        out.append(ExampleResult(entry.source, name, text, "match", True))
    for text in ex["examples"]["no_match"]:
        hit = _matches(entry, text)
        out.append(ExampleResult(entry.source, name, text, "no_match", not hit,
                                 "" if not hit else "matched"))
    return out


def run_examples(vocab=None) -> list[ExampleResult]:
    """Every example of every vocabulary entry (the active vocabulary by default)."""
    from govcheck import vocabulary

    previous = vocabulary.active()
    vocab = vocab or previous
    vocabulary.use(vocab)       # the readers read the vocabulary under test
    try:
        readers = _readers()
        out: list[ExampleResult] = []
        for ex in vocab.examples:
            if ex["group"] == "labels":
                out.extend(_label_results(vocab, ex))
            else:
                out.extend(_entry_results(vocab, ex, readers))
        return out
    finally:
        vocabulary.use(previous)
