"""Matching labels: how each canonical field is asked for on a front sheet or a
ModernGov page.  The wording is data: ``rules/vocabulary/labels.yaml`` (see
:mod:`govcheck.vocabulary`); this module matches it.

A label is matched at the start of a table cell (a line's text, or the text after a
TAB), after any numbering (``1.``, ``2.3``).  It must end with ``?`` or ``:`` or at
the end of its cell; one-word labels (``Date``, ``Title``, ``Committee``...) need the
punctuation or a table cell, so that prose is never taken for a label.  What follows
is the value: the rest of the cell and any later cells that are not labels
themselves, or, when that is empty, the next line (see ``frontsheet``).

Welsh labels (ModernGov's Welsh pages, bilingual front sheets) are at the end of the
table: ``Penderfyniad allweddol?`` (key decision), ``Yn amodol ar alw i mewn?`` /
``Galw i mewn`` (call-in), ``Effeithiol O`` (effective from), ``Dyddiad y
penderfyniad`` (decision date), ``Gwneuthurwr penderfyniad`` (decision maker),
``Prawf Er Budd y Cyhoedd`` (public interest test), ``Rhesymau wedi'u cyfyngu``
(reasons restricted), ``Rheswm dros frys`` (reason for urgency), ``Wardiau yr
effeithir arnynt`` (wards affected)...  Their answers (``Ie``/``Oes``/``Ydy``,
``Na``/``Nac oes``/``Nac ydy``, ``Pob Ward``, Welsh dates) are read by :mod:`.values`
and :mod:`govcheck.dates`.

``kind`` says how the value is read: one answer reader per kind, in :mod:`.readers`.

``starts`` lists the words a label can begin with, derived from the pattern when the
vocabulary is validated: only the labels listed under a cell's first word are tried,
and each label's expression is compiled when first needed.

``marks`` names the record kind a label is evidence of (``Date of decision`` and
``Effective from`` mark a decision record; ``Decision due`` and ``first published``
a notice).
"""

from __future__ import annotations

import re

from govcheck import vocabulary
from govcheck.vocabulary import LabelSpec
from govcheck import recache

__all__ = ["LabelSpec", "table", "match_label", "match_label_slow"]


def table() -> tuple[LabelSpec, ...]:
    """The labels in use, in table order (the first that matches wins, so longer and
    more specific wordings come first)."""
    return vocabulary.active().labels


def __getattr__(name: str):
    if name == "LABELS":
        return table()
    raise AttributeError(name)


_NUMBERING = r"(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z])[.)]\s+|\d{1,2}(?:\.\d{1,2})+\s+)?"

_FIRST_WORD_RE = recache.compile(r"[ ]*" + _NUMBERING + r"([a-z]+)")
_SEP = r"(?:[ ]*\?[ ]*:?|[ ]*:|[ ]*(?=\t|$))"
# a short aside between a label and its colon: "Reason for exemption from call-in (if
# applicable):", "Forward Plan reference (where relevant):"
_ASIDE = r"(?:[ ]*\([^()\t]{1,40}\))?"

# Labels by first word, in table order (``Vocabulary.by_word``).  Each label's
# expression is compiled the first time a cell starting with one of its words is seen:
# one expression for the whole table took ~9 ms to compile, more than extracting a long
# report.


def _rx(vocab, i: int) -> re.Pattern:
    rx = vocab.compiled[i]
    if rx is None:
        rx = vocab.compiled[i] = recache.compile(
            r"[ ]*" + _NUMBERING + r"(?P<label>" + vocab.labels[i].pattern + r")" + _ASIDE + _SEP,
            re.IGNORECASE)
    return rx


def _try(vocab, text: str, pos: int, candidates, column: bool = False
         ) -> tuple[LabelSpec, int, int] | None:
    for i in candidates:
        spec = vocab.labels[i]
        if spec.column and not column:
            continue        # a table's column heading only, never a label in a line
        m = _rx(vocab, i).match(text, pos)
        if m is None:
            continue
        if spec.generic and not text[m.end("label"):m.end()].strip() and "\t" not in text:
            # a one-word label without ":"/"?" only counts as a table cell
            return None
        return spec, m.start("label"), m.end()
    return None


def match_label(text: str, pos: int = 0, low: str | None = None, column: bool = False
                ) -> tuple[LabelSpec, int, int] | None:
    """The label starting at ``pos`` of ``text``: (spec, label start, value start).

    ``text`` is one cleaned line (cells separated by TABs); the label must be the
    start of its cell.  ``low`` is ``text.lower()`` if the caller has it.  ``column``:
    ``text`` is a cell of a table's header row (:mod:`.columns`), where the labels
    that are only a column's heading (``column: true``: "Decision" over a table of
    notices) are tried too.
    """
    if low is None:
        low = text.lower()
    if len(low) != len(text):  # lower-casing changed the length: no shortcut
        return match_label_slow(text, pos, column)
    w = _FIRST_WORD_RE.match(low, pos)
    if w is None:
        return None
    vocab = vocabulary.active()
    candidates = vocab.by_word.get(w.group(1))
    return _try(vocab, text, pos, candidates, column) if candidates else None


def match_label_slow(text: str, pos: int = 0, column: bool = False
                     ) -> tuple[LabelSpec, int, int] | None:
    """As :func:`match_label`, trying every label in table order (no first-word
    shortcut): for tests, and for the rare line whose lower case changes length."""
    vocab = vocabulary.active()
    return _try(vocab, text, pos, range(len(vocab.labels)), column)
