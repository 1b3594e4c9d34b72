"""Which nation's law a document is under: England, Wales or Scotland.

Read from the document when it says, else the nation the caller gives (the council
profile's).  Evidence, strongest first:

* who the council is: a Welsh or Scottish principal council named near the top of the
  document or in its title (the tables below), or "Cyngor Sir ..." / "Cyngor
  Bwrdeistref Sirol ..." / "... County Borough Council" (a kind of council only Wales
  has);
* the language: the page is in Welsh (``lang="cy"``), or it uses Welsh governance
  labels and citations ("Atodlen 12A", "Rhan 4", "Yn rhinwedd Paragraff",
  "Penderfyniad allweddol");
* the law cited: Schedule 12A Part 4 or 5 or its paragraphs 12-18 (Wales);
  Schedule 7A or the Local Government (Scotland) Act 1973 (Scotland).

A named English council (one not in the tables) outweighs a citation: a Birmingham
report citing "Part 4" has cited the wrong nation's paragraphs, and the rules for
England must see that.  Nothing here guesses: with no evidence the caller's nation
stands.
"""

from __future__ import annotations

import re
from govcheck import recache
from govcheck.struct import struct

__all__ = ["welsh_councils", "scottish_councils", "Evidence", "detect", "council_nation"]


def _register() -> list[dict]:
    """The council register, ``rules/vocabulary/councils.yaml``."""
    from govcheck import vocabulary

    return vocabulary.active().councils


def welsh_councils() -> list[tuple[str, list[str]]]:
    """The Welsh principal councils in the register: (English name, Welsh names)."""
    return [(c["name"], c["welsh"]) for c in _register()
            if c["nation"] == "wales" and not c["ended"]]


def scottish_councils() -> list[str]:
    return [c["name"] for c in _register() if c["nation"] == "scotland" and not c["ended"]]


def _places(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _council_rx(nation: str) -> re.Pattern:
    """A council of ``nation`` named in a text: a place of the register followed by
    "Council" (with "County Borough", "City", "Islands" between), the City and County
    of Swansea or Cardiff, a Welsh "Cyngor ..." name, or "County Borough Council" (a
    kind of council only Wales has)."""
    from govcheck import vocabulary

    vocab = vocabulary.active()
    cache = vocab.__dict__.setdefault("_council_rx", {})
    rx = cache.get(nation)
    if rx is not None:
        return rx
    places = set()
    for c in vocab.councils:
        if c["nation"] == nation:
            for p in c["places"]:
                places.add(p.lower())
    # (no optional "The" / "City of" in front: a search finds the place itself)
    body = (r"\b(?:(?:" + _places(places)
            + r")\s+(?:county\s+(?:borough\s+)?)?(?:city\s+)?(?:islands\s+)?council\b")
    if nation == "wales":
        body += (r"|city\s+and\s+county\s+of\s+(?:swansea|cardiff)\b"
                 r"|\bcyngor\s+(?:sir|bwrdeistref\s+sirol|dinas|bro|gwynedd|caerdydd)\b"
                 r"|\bcounty\s+borough\s+council\b)")
    else:
        body += r"|\bcomhairle\s+nan\s+eilean\s+siar\b)"
    rx = cache[nation] = recache.compile(body, re.IGNORECASE)
    return rx


def _place_lead_rx() -> re.Pattern:
    from govcheck import vocabulary

    vocab = vocabulary.active()
    cache = vocab.__dict__.setdefault("_council_rx", {})
    rx = cache.get("place_lead")
    if rx is None:
        places = {p.lower() for c in vocab.councils for p in c["places"]}
        rx = cache["place_lead"] = recache.compile(
            r"^\s*(?:" + _places(places) + r")\s+(?=\S)", re.IGNORECASE)
    return rx


_COUNCIL_REST_RE = recache.compile(
    r"^(?:(?:county|borough|district|city|metropolitan|royal|islands|town)\s+)*council\b",
    re.IGNORECASE)


_A_COUNCIL_RE = recache.compile(r"\bcouncils?\b", re.IGNORECASE)


def without_place(body: str) -> str:
    """A body's name without the council's place in front ("South Hams Executive" is
    the Executive; "East Dorset District Council Full Council" the Full Council): the
    register's places (councils.yaml).  A name that is a council's ("Fife Council",
    "Glasgow City Council") or a body shared with a council (a panel "and Birmingham
    City Council") is left whole."""
    m = _place_lead_rx().match(body)
    if m is None:
        return body
    rest = body[m.end():]
    named = _COUNCIL_REST_RE.match(rest)
    if named:
        # the council's whole name in front of its body ("East Dorset District Council
        # Full Council", "Dorset County Council Cabinet", as an archive site heads them)
        tail = rest[named.end():].strip(" -–:,")
        low = tail.lower()
        # ... unless what follows is not a body of it ("and Partners Board", "Meeting")
        after = low.removeprefix("full ").removeprefix("council")
        if tail and not low.startswith(("and ", "& ", "of ", "meeting")) \
                and not _A_COUNCIL_RE.search(after):
            return tail
        return body         # the council itself ("Fife Council", "Glasgow City Council")
    if rest.lower().startswith(("and ", "&", "of ")) or _A_COUNCIL_RE.search(rest):
        # a body shared with a council ("Birmingham Independent Improvement Panel and
        # Birmingham City Council")
        return body
    return rest


def is_council_words(body: str) -> bool:
    """Whether ``body`` is only the words of a council, with no place ("County
    Council", "City Council", "Borough Council"): the full council meeting."""
    m = _COUNCIL_REST_RE.match(body.strip())
    return m is not None and m.end() == len(body.strip())


def is_council_name(body: str) -> bool:
    """Whether ``body`` is a council's own name and nothing more ("Mid Suffolk Council",
    "Norfolk County Council"): a place of the register, then the words of a council."""
    m = _place_lead_rx().match(body)
    if m is None:
        return False
    rest = body[m.end():]
    named = _COUNCIL_REST_RE.match(rest)
    return named is not None and not rest[named.end():].strip(" -–:,")


# any council name: for "an English council is named"
_ANY_COUNCIL_RE = recache.compile(
    r"\b[A-Z][\w'.-]*(?:\s+(?:and|upon|on|of|&|[A-Z][\w'.-]*))*?\s+"
    r"(?:City|County|Borough|District|Metropolitan\s+Borough|Town)?\s*Council\b"
    r"|\b(?:Royal\s+|London\s+)?Borough\s+of\s+[A-Z][\w'-]*")

_WELSH_HINTS = ("atodlen", "rhinwedd", "rhan 4", "penderfyniad", "prawf er budd",
                "effeithiol", "alw i mewn", "cyfyngu")


@struct(frozen=True)
class Evidence:
    """What decided the nation: ``nation`` (or None when nothing did), ``basis`` in
    words, and ``welsh_text``: whether the document is (partly) in Welsh, so that a
    Welsh line and its English twin may be compared."""

    nation: str | None
    basis: str
    welsh_text: bool


_GENERIC = frozenset({"the", "city", "county", "borough", "district", "metropolitan", "town",
                      "council", "full", "report", "to", "of", "and", "on", "upon", "&",
                      "cabinet", "parish", "royal", "london", "a", "this", "our", "each"})


_KIND_WORDS = frozenset({"the", "city", "county", "borough", "district", "metropolitan",
                         "council", "of", "royal", "london"})


_WORD = recache.compile(r"[^\W_]+")     # letters and digits: what str.isalnum keeps


def _place_key(text: str) -> str:
    """A council's name reduced to its place: "London Borough of Camden" -> "camden"."""
    return " ".join(w for w in _WORD.findall(text.lower()) if w not in _KIND_WORDS)


def _known_english(name: str) -> bool:
    """Whether a council's name is one of the register's English councils (a set lookup,
    cheaper than an expression over every place)."""
    from govcheck import vocabulary

    vocab = vocabulary.active()
    places = vocab.__dict__.get("_english_places")
    if places is None:
        places = frozenset(_place_key(p) for c in vocab.councils if c["nation"] == "england"
                           for p in c["places"])
        vocab.__dict__["_english_places"] = places
    return _place_key(name) in places


def _named_council(text: str) -> str | None:
    """The first council named with a place ("Birmingham City Council"), not just a
    kind of council ("the City Council")."""
    for m in _ANY_COUNCIL_RE.finditer(text):
        words = m.group().split()
        if any(w.lower() not in _GENERIC for w in words):
            return m.group().strip()
    return None


def council_nation(name: str) -> str | None:
    """``wales`` or ``scotland`` for a council in the tables, else None."""
    if _council_rx("wales").search(name):
        return "wales"
    if _council_rx("scotland").search(name):
        return "scotland"
    return None


_COUNCIL_WORDS = ("council", "cyngor", "comhairle", "city and county")


_PUNCT = str.maketrans({c: " " for c in ",.;:()[]\"'’/&"})


def _first_words(nation: str) -> frozenset[str]:
    """The words a council of ``nation`` can be named by (each place's first word, and
    the words of the fixed alternatives): a window without one cannot match."""
    from govcheck import vocabulary

    vocab = vocabulary.active()
    cache = vocab.__dict__.setdefault("_council_words", {})
    words = cache.get(nation)
    if words is None:
        words = {p.lower().split()[0] for c in vocab.councils if c["nation"] == nation
                 for p in c["places"]}
        words |= {"swansea", "cardiff", "cyngor", "county"} if nation == "wales" \
            else {"comhairle"}
        words = cache[nation] = frozenset(words)
    return words


def _near_council(text: str, low: str, nation: str):
    """The council of ``nation`` named around the words that name a council."""
    rx, words = _council_rx(nation), _first_words(nation)
    for w in _COUNCIL_WORDS:
        pos = low.find(w)
        while pos >= 0:
            lo = max(0, low.rfind("\n", 0, max(pos - 60, 0)) + 1, pos - 60)
            hi = min(len(text), pos + 80)
            if not words.isdisjoint(low[lo:hi].translate(_PUNCT).split()):
                m = rx.search(text, lo, hi)
                if m:
                    return m
            pos = low.find(w, pos + len(w))
    return None


def _cite(name: str):
    """Nation evidence from ``rules/vocabulary/citations.yaml``."""
    from govcheck import vocabulary

    return vocabulary.active().groups["citations"][name].rx


def _found(index, words, rx) -> bool:
    """Whether ``rx`` matches a line holding one of ``words`` (with the line after it,
    for a citation wrapped over two lines)."""
    lines = index.lines
    for i in index.having(*words):
        text = lines[i].text
        if i + 1 < len(lines):
            text += " " + lines[i + 1].text
        if rx.search(text):
            return True
    return False


def detect(index, properties: dict | None = None, top_lines: int = 40) -> Evidence:
    """The nation the document shows.  ``index`` is a :class:`~.text.Index` of its
    cleaned lines; the council is looked for in the first ``top_lines`` lines and the
    title."""
    props = properties or {}
    lang = (props.get("lang") or "").lower()
    title = props.get("title") or ""
    top = "\n".join(cl.text for cl in index.lines[:top_lines])
    # word tests over the whole text first: an expression runs only on the lines found
    welsh_text = lang.startswith("cy") or _found(index, _WELSH_HINTS, _cite("welsh_words"))
    head = title + "\n" + top
    head_low = head.lower()
    council = "council" in head_low or "cyngor" in head_low or "comhairle" in head_low \
        or "city and county" in head_low
    m = _near_council(head, head_low, "wales") if council else None
    if m:
        return Evidence("wales", f"council {m.group().strip()!r}", welsh_text)
    m = _near_council(head, head_low, "scotland") if council else None
    if m:
        return Evidence("scotland", f"council {m.group().strip()!r}", welsh_text)
    if welsh_text:
        return Evidence("wales", "the page is in Welsh" if lang.startswith("cy")
                        else "Welsh governance wording", True)
    other = _named_council(head) if council or "borough of" in head_low else None
    if other and _known_english(other):
        # an English council of the register: the citations do not decide
        return Evidence(None, f"council {other!r}", False)
    # no council, or one the register does not know: the law it cites decides
    if _found(index, ("7a", "7 a", "(scotland)"), _cite("scottish_law")):
        return Evidence("scotland", "Schedule 7A / Local Government (Scotland) Act 1973", False)
    if _found(index, ("12a", "12 a", "(wales)"), _cite("welsh_law")):
        return Evidence("wales", "Schedule 12A Part 4/5 or Welsh legislation cited", False)
    return Evidence(None, f"council {other!r}" if other else "", False)
