"""Reading the answer to a front-sheet question: ticked boxes or a plain word.

Shapes read (``value`` is what follows the question on its line)::

    ☐ Yes ☒ No        □ Yes<TAB>⊠ No        [ ] Yes [x] No      (box before the word)
    Yes ☒ No ☐                                                 (box after the word)
    Yes<TAB>X No – All wards affected                          (a lone X ticks "No")
    <input checked="" type="checkbox"/> No                     (HTML checkbox)
    Yes        No – all wards        Key        Non-key        (plain answers)

A text that starts with a dash (``Yes ☐ No ☒ – All wards affected``) goes on with the
answer before it: a box between the two belongs to that answer.

Ticked: ☒ ⊠ ☑ ✓ ✔ ``X``/``x`` standing alone, ``[x]``, ``<input ... checked>``.
Unticked: ☐ □ ``[ ]``, ``<input type="checkbox">`` without ``checked``.

How a box is tied to its answer: the value is split on tabs first (table cells);
inside a cell a box belongs to the word next to it.  When a box has words on both
sides (``Yes ☒ No ☐``), the side is taken from the other boxes in the value (all
before their word, or all after); failing that, from the smaller gap.  When it still
cannot be told, or when no box or more than one box is ticked, no answer is chosen
and :attr:`Answer.problem` says why: the caller records a note and leaves the field
absent.  Nothing is guessed.
"""

from __future__ import annotations

import re

from govcheck import recache
from govcheck.struct import struct

__all__ = ["Answer", "Option", "parse_answer", "has_mark"]

_CHECKED_GLYPHS = frozenset("☒⊠☑✓✔")
_UNCHECKED_GLYPHS = frozenset("☐□")

_MARK_RE = recache.compile(
    r"<input\b[^>]*>"
    r"|\[\s*[xX✓✔]?\s*\]"
    r"|[☒⊠☑✓✔☐□]"
    r"|(?<!\S)[xX](?!\S)"
)
_HTML_CHECKBOX_RE = recache.compile(r"""type\s*=\s*["']?(?:checkbox|radio)\b""", re.IGNORECASE)
_HTML_CHECKED_RE = recache.compile(r"\bchecked\b", re.IGNORECASE)
_LONE_X_CONTEXT_RE = recache.compile(r"\b(?:yes|no)\b", re.IGNORECASE)
_WORD_RE = recache.compile(r"[A-Za-z][A-Za-z'\-]*")
_BOTH_PLAIN_RE = recache.compile(
    r"^\W*(?:yes|y)\W+(?:no|n)\W*$|^\W*(?:no|n)\W+(?:yes|y)\W*$", re.IGNORECASE)
_QUICK = recache.compile(r"[<\[☒⊠☑✓✔☐□xX]")
_DASHES = "-–—"


@struct(frozen=True, slots=True, init=False)
class Option:
    """One answer as written, ``start`` being its offset in the value."""

    text: str
    start: int
    state: bool | None  # True ticked, False unticked, None no box

    def __init__(self, text: str, start: int, state: bool | None) -> None:
        _set = object.__setattr__     # frozen
        _set(self, "text", text)
        _set(self, "start", start)
        _set(self, "state", state)

    @property
    def word(self) -> str:
        """The first word, lower case (``"no"`` for ``No – All wards affected``)."""
        m = _WORD_RE.search(self.text)
        return m.group().lower() if m else ""

    @property
    def rest(self) -> str:
        """What follows the first word (``"All wards affected"``), trimmed."""
        m = _WORD_RE.search(self.text)
        if not m:
            return ""
        return self.text[m.end():].strip(" \t-–—:;,.()")


@struct(frozen=True, slots=True)
class Answer:
    option: Option | None
    options: tuple[Option, ...] = ()
    marked: bool = False
    problem: str | None = None


class _Mark:
    # plain classes: a dataclass costs ~1 ms to create at import
    __slots__ = ("start", "end", "checked", "bind")

    def __init__(self, start: int, end: int, checked: bool) -> None:
        self.start, self.end, self.checked = start, end, checked
        self.bind = -1  # index of the segment it belongs to


class _Seg:
    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text


def _marks(value: str) -> list[_Mark]:
    out: list[_Mark] = []
    lone_x_ok: bool | None = None
    for m in _MARK_RE.finditer(value):
        tok = m.group()
        if tok.startswith("<"):
            if not _HTML_CHECKBOX_RE.search(tok):
                continue
            checked = bool(_HTML_CHECKED_RE.search(tok))
        elif tok.startswith("["):
            checked = any(c in tok for c in "xX✓✔")
        elif tok in "xX":
            if lone_x_ok is None:
                lone_x_ok = bool(_LONE_X_CONTEXT_RE.search(value))
            if not lone_x_ok:
                continue
            checked = True
        else:
            checked = tok in _CHECKED_GLYPHS
        out.append(_Mark(m.start(), m.end(), checked))
    return out


def has_mark(value: str) -> bool:
    """Whether ``value`` holds a checkbox mark of any kind."""
    return bool(_QUICK.search(value)) and bool(_marks(value))


def _segments(value: str, lo: int, hi: int, marks: list[_Mark]) -> list[_Seg]:
    """Text runs of value[lo:hi] between marks, trimmed, empty ones dropped."""
    segs: list[_Seg] = []
    pos = lo
    for mk in marks + [_Mark(hi, hi, False)]:
        piece = value[pos:mk.start]
        stripped = piece.strip()
        if stripped:
            s = pos + (len(piece) - len(piece.lstrip()))
            segs.append(_Seg(s, s + len(stripped), stripped))
        pos = mk.end
    return segs


def parse_answer(value: str) -> Answer:
    """The answer ``value`` gives (see the module docstring)."""
    if not value or not value.strip():
        return Answer(None, problem="no answer given")
    marks = _marks(value) if _QUICK.search(value) else []
    if not marks:
        return _plain(value)

    # Cells (tab-separated), each with its own marks and text segments.
    segs: list[_Seg] = []
    cells: list[tuple[list[_Mark], list[int]]] = []  # marks, indices into segs
    pos = 0
    for piece in value.split("\t"):
        lo, hi = pos, pos + len(piece)
        pos = hi + 1
        cmarks = [mk for mk in marks if lo <= mk.start < hi]
        csegs = _segments(value, lo, hi, cmarks)
        first = len(segs)
        segs.extend(csegs)
        cells.append((cmarks, list(range(first, len(segs)))))

    # Each mark's neighbours inside its cell: (left segment, gap), (right segment, gap).
    prefix_votes = postfix_votes = 0
    pending: list[tuple[_Mark, int, int, int, int]] = []
    for cmarks, idxs in cells:
        # Tokens of the cell in order: marks and segments; a mark's neighbours are
        # the tokens right before and after it, when those are text.
        tokens: list[tuple[int, object]] = [(mk.start, mk) for mk in cmarks]
        tokens += [(segs[j].start, j) for j in idxs]
        tokens.sort(key=lambda t: t[0])
        for k, (_, tok) in enumerate(tokens):
            if not isinstance(tok, _Mark):
                continue
            left = tokens[k - 1][1] if k > 0 else None
            right = tokens[k + 1][1] if k + 1 < len(tokens) else None
            left = left if isinstance(left, int) else -1
            right = right if isinstance(right, int) else -1
            if left >= 0 and right >= 0 and segs[right].text[:1] in _DASHES:
                # "No ☒ – All wards affected": a dash goes on with the answer before
                # it, so the box between belongs to that answer
                right = -1
            if left >= 0 and right < 0:
                tok.bind = left
                postfix_votes += 1
            elif right >= 0 and left < 0:
                tok.bind = right
                prefix_votes += 1
            elif left >= 0 and right >= 0:
                pending.append((tok, left, tok.start - segs[left].end,
                                right, segs[right].start - tok.end))
    for mk, left, gap_l, right, gap_r in pending:
        if prefix_votes and not postfix_votes:
            mk.bind = right
        elif postfix_votes and not prefix_votes:
            mk.bind = left
        elif gap_l != gap_r:
            mk.bind = left if gap_l < gap_r else right
        else:
            return Answer(None, tuple(Option(s.text, s.start, None) for s in segs), True,
                          "cannot tell which answer the tick belongs to")

    states: list[bool | None] = [None] * len(segs)
    for mk in marks:
        if mk.bind < 0:
            continue
        cur = states[mk.bind]
        states[mk.bind] = mk.checked if cur is None else (cur or mk.checked)
    options = tuple(Option(s.text, s.start, st) for s, st in zip(segs, states))
    ticked = [o for o in options if o.state]
    if len(ticked) == 1:
        return Answer(ticked[0], options, True)
    if not ticked:
        return Answer(None, options, True, "no answer is ticked")
    words = " and ".join(repr(o.word or o.text) for o in ticked)
    return Answer(None, options, True, f"more than one answer is ticked ({words})")


def _plain(value: str) -> Answer:
    """An answer written without boxes: the whole value, its first word deciding."""
    text = value.strip()
    if _BOTH_PLAIN_RE.match(text.replace("\t", " ")):
        opts = tuple(Option(w.group(), w.start(), None) for w in _WORD_RE.finditer(value))
        return Answer(None, opts, False, "both answers are shown and neither is marked")
    opt = Option(text.replace("\t", " "), len(value) - len(value.lstrip()), None)
    return Answer(opt, (opt,), False)
