"""Turning the text of an answer into a typed field value.

Each function takes the answer as written and returns the value, or ``None`` when
the text does not say (the field is then left absent, never guessed).
"""

from __future__ import annotations

import re
from govcheck import recache

__all__ = ["yes_no", "exempt_level", "restriction_level", "wards", "money",
           "urgency_route", "is_none_answer", "is_pending_answer", "is_not_a_reference"]

from govcheck import vocabulary


def _a(name: str):
    """An entry of ``rules/vocabulary/answers.yaml``."""
    return vocabulary.active().groups["answers"][name]


def yes_no(word: str, text: str = "") -> bool | None:
    """True for yes/key, False for no/non-key, None for anything else (English or
    Welsh answers)."""
    if text and _a("non_key").rx.match(text):
        return False
    w = word.lower()
    if w in _a("yes").wordset:
        return True
    if w in _a("no").wordset:
        return False
    return None


def is_none_answer(text: str) -> bool:
    """``None``, ``N/A``, ``Not applicable`` (with or without an explanation), a dash..."""
    return bool(_a("none").rx.match(text))


def is_pending_answer(text: str) -> bool:
    """``TBC``, ``To be confirmed``, ``Not known``: no answer yet."""
    return bool(_a("pending").rx.match(text))


def is_not_a_reference(text: str) -> bool:
    """For a reference field (forward plan reference): a value with no digit that says
    there is none (``N/A``, ``TBC``, ``Not on the forward plan – general exception``)."""
    if is_none_answer(text) or is_pending_answer(text):
        return True
    return not any(c.isdigit() for c in text) and bool(_a("no_reference").rx.search(text))


def is_plan_reference(text: str) -> bool:
    """Whether ``text`` is shaped as a forward plan reference ("FP/247/09/23",
    answers.yaml ``plan_reference``), not any other number."""
    return bool(_a("plan_reference").rx.match(text.strip()))


def exempt_level(word: str, text: str) -> str | None:
    """The answer to "does the report contain confidential or exempt information?".

    No → ``none``; Yes → ``part`` (the report *contains* such information), or
    ``full`` when the answer says the whole report is; the words Part / Full / None /
    Open are read as they stand.
    """
    w = word.lower()
    for name in ("exempt_none", "exempt_part", "exempt_full"):
        entry = _a(name)
        if w in entry.wordset:
            return entry.value
    if w in _a("exempt_yes").wordset:
        rest = text[text.lower().find(w) + len(w):] if text else ""
        if _a("whole").rx.search(rest) and not _a("partly").rx.search(rest):
            return "full"
        return "part"
    return None


def restriction_level(text: str) -> str | None:
    """ModernGov's "Anticipated restriction": Open / Part exempt / Fully exempt."""
    if _a("open").rx.match(text):
        return "none"
    if _a("partly").rx.search(text):
        return "part"
    if _a("whole").rx.search(text) or _a("restricted").rx.search(text):
        return "full"
    return None


_WARD_SPLIT_RE = recache.compile(r"\s*[;,\t\n]\s*|\s+&\s+")
# ModernGov separates wards with ";", and a ward's own name may hold "&" or ","
# ("Bordesley & Highgate"): when ";" is used, split on nothing else
_WARD_SEMICOLON_RE = recache.compile(r"\s*[;\t\n]\s*")


def wards(text: str) -> list[str] | None:
    """``(All Wards);`` → ["ALL"]; ``Ladywood; Nechells;`` → ["Ladywood", "Nechells"].

    Ward names are split on ``;`` and ``,`` only: names such as "Bordesley and
    Highgate" hold an "and".  ``None``/``N/A`` give None (not read).
    """
    if _a("all_wards").rx.search(text):
        return ["ALL"]
    if is_none_answer(text):
        return None
    out = []
    splitter = _WARD_SEMICOLON_RE if ";" in text else _WARD_SPLIT_RE
    for part in splitter.split(text):
        name = part.strip(" ()[].:-–—")
        if name and name.lower() not in ("ward", "wards") and name not in out:
            out.append(name)
    return out or None


_MONEY_RE = recache.compile(
    r"£\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"\s*(?P<unit>bn|billion|m\b|million|mn|k\b|thousand)?",
    re.IGNORECASE)
_UNITS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000,
          "mn": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}


def money(text: str) -> tuple[int, int] | None:
    """The first sterling amount, in whole pounds, and its offset: ``£1.5m`` → 1500000."""
    m = _MONEY_RE.search(text)
    if not m:
        return None
    number = float(m.group("n").replace(",", "") + (m.group("dec") or ""))
    unit = (m.group("unit") or "").lower()
    return int(round(number * _UNITS.get(unit, 1))), m.start()


def urgency_route(text: str) -> str:
    """special_urgency (reg 11), general_exception (reg 10 / 28 days) or unspecified."""
    cites = vocabulary.active().groups["citations"]
    for name in ("special_urgency", "general_exception"):
        if cites[name].rx.search(text):
            return cites[name].value
    return "unspecified"


def scrutiny_chair_agreed(text: str) -> tuple[str, int] | None:
    """The office of the scrutiny chair a sentence says agreed to the urgency ("The Chair
    of Corporate Overview and Scrutiny agreed ...") and its offset, else None."""
    m = vocabulary.active().groups["citations"]["scrutiny_chair_agreed"].rx.search(text)
    return (" ".join(m.group("who").split()), m.start("who")) if m else None


def call_in_status(text: str) -> bool | None:
    """A decision's status that says whether it may be called in ("Recommendations
    Approved (subject to call-in)", "... not subject to call-in"), else None."""
    for name in ("not_subject_to_call_in", "subject_to_call_in"):
        entry = _a(name)
        if entry.rx.search(text):
            return entry.value
    return None


def reasons_linked(text: str) -> int | None:
    """Where an answer says the reasons are on a linked page ("Part exempt - view
    reasons"), its offset, else None."""
    m = _a("reasons_linked").rx.search(text)
    return m.start() if m else None
