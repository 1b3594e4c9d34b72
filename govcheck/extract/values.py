"""Turning the text of an answer into a typed field value.

Each function takes the answer as written and returns the value, or ``None`` when
the text does not say (the field is then left absent, never guessed).
"""

from __future__ import annotations

import re

__all__ = ["yes_no", "exempt_level", "restriction_level", "wards", "money",
           "urgency_route", "is_none_answer", "is_pending_answer", "is_not_a_reference"]

# Welsh: Ie / Oes / Ydy (Ydi) / Do = yes; Na / Nac oes / Nac ydy / Naddo = no;
# Allweddol = key, Anallweddol = non-key.
_TRUE_WORDS = frozenset({"yes", "y", "true", "key", "ie", "oes", "ydy", "ydi", "do",
                         "allweddol"})
_FALSE_WORDS = frozenset({"no", "n", "false", "non-key", "nonkey", "not", "na", "nac",
                          "nag", "naddo", "nage", "anallweddol"})
_NON_KEY_RE = re.compile(r"^\s*non[\s-]*key\b", re.IGNORECASE)
# "NA" only in capitals: "Na" is Welsh for "no"
_NONE_RE = re.compile(
    r"^\W*(?:(?i:none|n\s*/\s*a|n\.\s?a\.?|nil|not\s+applicable|no\s+urgency|dim)|NA"
    r"|-+|–|—)\W*$")
_PENDING_RE = re.compile(
    r"^\W*(?:tbc|tba|tbd|to\s+be\s+(?:confirmed|agreed|determined|advised)"
    r"|not\s+(?:yet\s+)?known|unknown|i['’]w\s+gadarnhau)\W*$", re.IGNORECASE)
_NOT_WORDS_RE = re.compile(r"\b(?:not|none|n/a|no|nid|dim)\b", re.IGNORECASE)


def yes_no(word: str, text: str = "") -> bool | None:
    """True for yes/key, False for no/non-key, None for anything else (English or
    Welsh answers)."""
    if text and _NON_KEY_RE.match(text):
        return False
    w = word.lower()
    if w in _TRUE_WORDS:
        return True
    if w in _FALSE_WORDS:
        return False
    return None


# "Not applicable (Council decision)", "N/A – report to note": the answer is "no
# answer", whatever explanation follows
_NONE_LEAD_RE = re.compile(r"^\W*(?:not\s+applicable|n\s*/\s*a)\b", re.IGNORECASE)


def is_none_answer(text: str) -> bool:
    """``None``, ``N/A``, ``Not applicable`` (with or without an explanation), a dash..."""
    return bool(_NONE_RE.match(text) or _NONE_LEAD_RE.match(text))


def is_pending_answer(text: str) -> bool:
    """``TBC``, ``To be confirmed``, ``Not known``: no answer yet."""
    return bool(_PENDING_RE.match(text))


def is_not_a_reference(text: str) -> bool:
    """For a reference field (forward plan reference): a value with no digit that says
    there is none (``N/A``, ``TBC``, ``Not on the forward plan – general exception``)."""
    if is_none_answer(text) or is_pending_answer(text):
        return True
    return not any(c.isdigit() for c in text) and bool(_NOT_WORDS_RE.search(text))


_FULL_RE = re.compile(r"\b(?:full(?:y)?|whole(?:ly)?|entire(?:ly)?|all|cwbl|llawn)\b",
                      re.IGNORECASE)
_PART_RE = re.compile(r"\b(?:part(?:ly|ially)?|appendi(?:x|ces)|rhannol|atodiad)\b",
                      re.IGNORECASE)
_OPEN_RE = re.compile(r"^\W*(?:open|public|none|no|not\s+exempt|unrestricted|agored"
                      r"|cyhoeddus)\b", re.IGNORECASE)
_RESTRICTED_RE = re.compile(r"\b(?:exempt|confidential|private|restricted|eithriedig"
                            r"|cyfrinachol|preifat|cyfyngedig)\b", re.IGNORECASE)


def exempt_level(word: str, text: str) -> str | None:
    """The answer to "does the report contain confidential or exempt information?".

    No → ``none``; Yes → ``part`` (the report *contains* such information), or
    ``full`` when the answer says the whole report is; the words Part / Full / None /
    Open are read as they stand.
    """
    w = word.lower()
    if w in ("no", "n", "none", "open", "public", "na", "nac", "nag", "agored"):
        return "none"
    if w in ("part", "partly", "partially", "rhannol"):
        return "part"
    if w in ("full", "fully", "whole", "wholly"):
        return "full"
    if w in ("yes", "y", "ie", "oes", "ydy", "ydi"):
        rest = text[text.lower().find(w) + len(w):] if text else ""
        if _FULL_RE.search(rest) and not _PART_RE.search(rest):
            return "full"
        return "part"
    return None


def restriction_level(text: str) -> str | None:
    """ModernGov's "Anticipated restriction": Open / Part exempt / Fully exempt."""
    if _OPEN_RE.match(text):
        return "none"
    if _PART_RE.search(text):
        return "part"
    if _FULL_RE.search(text) or _RESTRICTED_RE.search(text):
        return "full"
    return None


_ALL_WARDS_RE = re.compile(
    r"\b(?:all\s+wards|city[\s-]*wide|borough[\s-]*wide|county[\s-]*wide|district[\s-]*wide"
    r"|all\s+areas|whole\s+(?:city|borough|county|district)"
    r"|pob\s+ward(?:iau)?|(?:y\s+)?sir\s+gyfan)\b", re.IGNORECASE)
_ALL_RE = re.compile(r"^\W*all\W*$", re.IGNORECASE)
_WARD_SPLIT_RE = re.compile(r"\s*[;,\t\n]\s*|\s+&\s+")
# ModernGov separates wards with ";", and a ward's own name may hold "&" or ","
# ("Bordesley & Highgate"): when ";" is used, split on nothing else
_WARD_SEMICOLON_RE = re.compile(r"\s*[;\t\n]\s*")


def wards(text: str) -> list[str] | None:
    """``(All Wards);`` → ["ALL"]; ``Ladywood; Nechells;`` → ["Ladywood", "Nechells"].

    Ward names are split on ``;`` and ``,`` only: names such as "Bordesley and
    Highgate" hold an "and".  ``None``/``N/A`` give None (not read).
    """
    if _ALL_WARDS_RE.search(text) or _ALL_RE.match(text):
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


_MONEY_RE = re.compile(
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


_SPECIAL_URGENCY_RE = re.compile(
    r"special\s+urgency|regulation\s+11\b|reg\.?\s*11\b|brys\s+arbennig", re.IGNORECASE)
_GENERAL_EXCEPTION_RE = re.compile(
    r"general\s+exception|regulation\s+10\b|reg\.?\s*10\b|28\s+(?:clear\s+)?days"
    r"|eithriad\s+cyffredinol", re.IGNORECASE)


def urgency_route(text: str) -> str:
    """special_urgency (reg 11), general_exception (reg 10 / 28 days) or unspecified."""
    if _SPECIAL_URGENCY_RE.search(text):
        return "special_urgency"
    if _GENERAL_EXCEPTION_RE.search(text):
        return "general_exception"
    return "unspecified"
