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
from dataclasses import dataclass

__all__ = ["WELSH_COUNCILS", "SCOTTISH_COUNCILS", "Evidence", "detect", "council_nation"]

# The 22 Welsh principal councils: English name, Welsh name.
WELSH_COUNCILS: tuple[tuple[str, str], ...] = (
    ("Isle of Anglesey County Council", "Cyngor Sir Ynys Môn"),
    ("Gwynedd Council", "Cyngor Gwynedd"),
    ("Conwy County Borough Council", "Cyngor Bwrdeistref Sirol Conwy"),
    ("Denbighshire County Council", "Cyngor Sir Ddinbych"),
    ("Flintshire County Council", "Cyngor Sir y Fflint"),
    ("Wrexham County Borough Council", "Cyngor Bwrdeistref Sirol Wrecsam"),
    ("Powys County Council", "Cyngor Sir Powys"),
    ("Ceredigion County Council", "Cyngor Sir Ceredigion"),
    ("Pembrokeshire County Council", "Cyngor Sir Penfro"),
    ("Carmarthenshire County Council", "Cyngor Sir Gâr"),
    ("City and County of Swansea Council", "Cyngor Dinas a Sir Abertawe"),
    ("Neath Port Talbot County Borough Council",
     "Cyngor Bwrdeistref Sirol Castell-nedd Port Talbot"),
    ("Bridgend County Borough Council", "Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr"),
    ("Vale of Glamorgan Council", "Cyngor Bro Morgannwg"),
    ("Rhondda Cynon Taf County Borough Council", "Cyngor Bwrdeistref Sirol Rhondda Cynon Taf"),
    ("Merthyr Tydfil County Borough Council", "Cyngor Bwrdeistref Sirol Merthyr Tudful"),
    ("Caerphilly County Borough Council", "Cyngor Bwrdeistref Sirol Caerffili"),
    ("Blaenau Gwent County Borough Council", "Cyngor Bwrdeistref Sirol Blaenau Gwent"),
    ("Torfaen County Borough Council", "Cyngor Bwrdeistref Sirol Torfaen"),
    ("Monmouthshire County Council", "Cyngor Sir Fynwy"),
    ("Newport City Council", "Cyngor Dinas Casnewydd"),
    ("Cardiff Council", "Cyngor Caerdydd"),
)

# The 32 Scottish councils.
SCOTTISH_COUNCILS: tuple[str, ...] = (
    "Aberdeen City Council", "Aberdeenshire Council", "Angus Council",
    "Argyll and Bute Council", "City of Edinburgh Council", "Clackmannanshire Council",
    "Dumfries and Galloway Council", "Dundee City Council", "East Ayrshire Council",
    "East Dunbartonshire Council", "East Lothian Council", "East Renfrewshire Council",
    "Falkirk Council", "Fife Council", "Glasgow City Council", "The Highland Council",
    "Inverclyde Council", "Midlothian Council", "Moray Council",
    "Comhairle nan Eilean Siar", "North Ayrshire Council", "North Lanarkshire Council",
    "Orkney Islands Council", "Perth and Kinross Council", "Renfrewshire Council",
    "Scottish Borders Council", "Shetland Islands Council", "South Ayrshire Council",
    "South Lanarkshire Council", "Stirling Council", "West Dunbartonshire Council",
    "West Lothian Council",
)

# Place words that name the council (what is left of a name without "Council", "County
# Borough", "City and County of"...); matched before "Council" or a council-type word.
_WELSH_PLACES = (
    "isle of anglesey", "anglesey", "ynys môn", "ynys mon", "gwynedd", "conwy",
    "denbighshire", "flintshire", "wrexham", "powys", "ceredigion", "pembrokeshire",
    "carmarthenshire", "swansea", "neath port talbot", "bridgend", "vale of glamorgan",
    "rhondda cynon taf", "rhondda cynon taff", "merthyr tydfil", "caerphilly",
    "blaenau gwent", "torfaen", "monmouthshire", "newport city", "cardiff",
    "city of cardiff",
)
_SCOTTISH_PLACES = (
    "aberdeen city", "aberdeenshire", "angus", "argyll and bute", "argyll & bute",
    "city of edinburgh", "edinburgh city", "clackmannanshire", "dumfries and galloway",
    "dumfries & galloway", "dundee city", "east ayrshire", "east dunbartonshire",
    "east lothian", "east renfrewshire", "falkirk", "fife", "glasgow city", "highland",
    "inverclyde", "midlothian", "moray", "north ayrshire", "north lanarkshire",
    "orkney islands", "perth and kinross", "perth & kinross", "renfrewshire",
    "scottish borders", "shetland islands", "south ayrshire", "south lanarkshire",
    "stirling", "west dunbartonshire", "west lothian",
)


def _places(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


_WELSH_COUNCIL_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:" + _places(_WELSH_PLACES) + r")\s+(?:county\s+(?:borough\s+)?)?"
    r"(?:city\s+)?council\b"
    r"|city\s+and\s+county\s+of\s+(?:swansea|cardiff)\b"
    r"|\bcyngor\s+(?:sir|bwrdeistref\s+sirol|dinas|bro|gwynedd|caerdydd)\b"
    r"|\bcounty\s+borough\s+council\b)",
    re.IGNORECASE)
_SCOTTISH_COUNCIL_RE = re.compile(
    r"\b(?:the\s+)?(?:" + _places(_SCOTTISH_PLACES) + r")\s+council\b"
    r"|\bcomhairle\s+nan\s+eilean\s+siar\b",
    re.IGNORECASE)
# any council name: for "an English council is named"
_ANY_COUNCIL_RE = re.compile(
    r"\b[A-Z][\w'.-]*(?:\s+(?:and|upon|on|of|&|[A-Z][\w'.-]*))*?\s+"
    r"(?:City|County|Borough|District|Metropolitan\s+Borough|Town)?\s*Council\b"
    r"|\b(?:Royal\s+|London\s+)?Borough\s+of\s+[A-Z][\w'-]*")

# Welsh governance words: the document is (partly) in Welsh
_WELSH_WORDS_RE = re.compile(
    r"\batodlen\s+12\s?a\b|\byn\s+rhinwedd\s+paragraff|\brhan\s+4\b|\bpenderfyniad\s+allweddol"
    r"|\bgwneuthurwr\s+penderfyniad|\bprawf\s+er\s+budd\s+y\s+cyhoedd|\beffeithiol\s+o\s*:"
    r"|\byn\s+amodol\s+ar\s+alw\s+i\s+mewn|\brhesymau\s+wedi['’]u\s+cyfyngu"
    r"|\bdyddiad\s+y\s+penderfyniad",
    re.IGNORECASE)
# citations of the Welsh Parts of Schedule 12A
_WELSH_LAW_RE = re.compile(
    r"\bpart\s+(?:4|5|iv|v)\b[^.;]{0,30}\bsch(?:edule|ed)?\.?\s*12\s?a\b"
    r"|\bsch(?:edule|ed)?\.?\s*12\s?a\s*,?\s*parts?\s+(?:4|5|iv|v)\b"
    r"|\bparagraphs?\s*(?:\(s\))?\s*1[2-8][a-c]?\b[^.;]{0,40}\bsch(?:edule|ed)?\.?\s*12\s?a\b"
    r"|\(wales\)\s+(?:regulations|order|measure|act)\b"
    r"|\blocal\s+government\s+\(wales\)\s+measure\b",
    re.IGNORECASE)
_SCOTTISH_LAW_RE = re.compile(
    r"\bsch(?:edule|ed)?\.?\s*7\s?a\b|\blocal\s+government\s+\(scotland\)\s+act\s+1973\b",
    re.IGNORECASE)

_WELSH_HINTS = ("atodlen", "rhinwedd", "rhan 4", "penderfyniad", "prawf er budd",
                "effeithiol", "alw i mewn", "cyfyngu")


@dataclass(frozen=True, slots=True)
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
    if _WELSH_COUNCIL_RE.search(name):
        return "wales"
    if _SCOTTISH_COUNCIL_RE.search(name):
        return "scotland"
    return None


_COUNCIL_WORDS = ("council", "cyngor", "comhairle", "city and county")


def _near_council(text: str, low: str, rx):
    """``rx`` searched only around the words that name a council."""
    for w in _COUNCIL_WORDS:
        pos = low.find(w)
        while pos >= 0:
            lo = max(0, low.rfind("\n", 0, max(pos - 60, 0)) + 1, pos - 60)
            m = rx.search(text, lo, min(len(text), pos + 80))
            if m:
                return m
            pos = low.find(w, pos + len(w))
    return None


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
    welsh_text = lang.startswith("cy") or _found(index, _WELSH_HINTS, _WELSH_WORDS_RE)
    head = title + "\n" + top
    head_low = head.lower()
    council = "council" in head_low or "cyngor" in head_low or "comhairle" in head_low \
        or "city and county" in head_low
    m = _near_council(head, head_low, _WELSH_COUNCIL_RE) if council else None
    if m:
        return Evidence("wales", f"council {m.group().strip()!r}", welsh_text)
    m = _near_council(head, head_low, _SCOTTISH_COUNCIL_RE) if council else None
    if m:
        return Evidence("scotland", f"council {m.group().strip()!r}", welsh_text)
    if welsh_text:
        return Evidence("wales", "the page is in Welsh" if lang.startswith("cy")
                        else "Welsh governance wording", True)
    english_council = _named_council(head) if council or "borough of" in head_low else None
    if english_council:
        # a council that is neither Welsh nor Scottish: the citations do not decide
        return Evidence(None, f"council {english_council!r}", False)
    if _found(index, ("7a", "7 a", "(scotland)"), _SCOTTISH_LAW_RE):
        return Evidence("scotland", "Schedule 7A / Local Government (Scotland) Act 1973", False)
    if _found(index, ("12a", "12 a", "(wales)"), _WELSH_LAW_RE):
        return Evidence("wales", "Schedule 12A Part 4/5 or Welsh legislation cited", False)
    return Evidence(None, "", False)
