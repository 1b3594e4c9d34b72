"""The headings that say what a document is, and where its body and date stand.

The wording is ``rules/vocabulary/headings.yaml``; this module is the one place the
extractor asks about headings (front sheets, segmentation and record kinds all come
here).  Each heading is a vocabulary entry whose expression is compiled when first
used; the named groups the extractor reads are checked when the vocabulary loads.
"""

from __future__ import annotations

import re

from govcheck import vocabulary

__all__ = ["rx", "kind_of", "is_kind_heading", "report_heading", "header_prefix_ok"]
# the headings that mark a record's kind, in precedence order
_KIND_HEADINGS = ("decision_record", "notice")


_MEMO: list = [None, {}, frozenset()]   # the vocabulary, its compiled headings, kind words


def _memo() -> list:
    vocab = vocabulary.active()
    if _MEMO[0] is not vocab:
        headings = vocab.groups["headings"]
        _MEMO[:] = [vocab, {name: e.rx for name, e in headings.items()},
                    frozenset().union(*(headings[n].first_words for n in _KIND_HEADINGS))]
    return _MEMO


def rx(name: str) -> re.Pattern:
    """The compiled heading ``name`` from ``headings.yaml``."""
    return _memo()[1][name]


def is_kind_heading(low: str) -> bool:
    """Whether a line (lower case) starts with a word a kind heading can start with: a
    cheap test before the expressions run."""
    w = low.lstrip(" \t0123456789.").split(None, 1)
    return bool(w) and w[0] in _memo()[2]


def kind_of(text: str) -> str | None:
    """``decision`` or ``notice`` for a heading that marks the record's kind."""
    headings = vocabulary.active().groups["headings"]
    for name in _KIND_HEADINGS:
        if headings[name].rx.match(text):
            return headings[name].value
    return None


def header_prefix_ok(pre: str) -> bool:
    """What may come before "Report to" on a heading line: nothing, or a council."""
    p = pre.strip(" \t-–—:|")
    return not p or bool(rx("council_name").match(p)) or p.isupper()


def report_heading(text: str):
    """The "Report to ..." heading match on a line, or None."""
    if len(text) >= 160 or ("eport" not in text and "EPORT" not in text):
        return None
    m = rx("report_to").match(text)
    return m if m and header_prefix_ok(m.group("pre")) else None
