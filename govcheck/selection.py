"""Which rules run: ``--select`` / ``--ignore`` decided in one tested place.

A selector is a rule code (``KD001``), a code prefix (``KD``, ``KD0``), a rule name
(``key-decision-notice-period``) or ``ALL``.  As in ruff, the most specific matching
selector wins; on a tie, ``ignore`` wins.
"""

from __future__ import annotations

from collections.abc import Iterable


class SelectionError(ValueError):
    pass


def _specificity(selector: str, code: str, name: str) -> int:
    """How specifically ``selector`` names this rule; 0 if it does not match."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 1
    if s.lower() == name:
        return 100
    if code.startswith(s.upper()):
        return 1 + len(s)
    return 0


class Selection:
    def __init__(self, select: Iterable[str] = (), ignore: Iterable[str] = (),
                 known: Iterable[tuple[str, str]] = ()):
        self.select = [s for s in select if s.strip()]
        self.ignore = [s for s in ignore if s.strip()]
        known = list(known)
        for s in self.select + self.ignore:
            if not any(_specificity(s, code, name) for code, name in known):
                from govcheck.records import suggest

                raise SelectionError(
                    f"unknown rule selector {s!r}"
                    f"{suggest(s.upper(), [c for c, _ in known] + [n for _, n in known])}: "
                    "use a code (KD001), a prefix (KD) or a rule name")

    def __call__(self, code: str, name: str) -> bool:
        sel = max((_specificity(s, code, name) for s in self.select), default=1 if not self.select else 0)
        ign = max((_specificity(s, code, name) for s in self.ignore), default=0)
        return sel > 0 and sel > ign


class RuleFilter:
    """``filter(rule) -> bool`` for the engine; picklable, so worker processes get it."""

    def __init__(self, selection: Selection):
        self.selection = selection
        self._decided: dict = {}     # (code, name) -> bool: decided once per run

    def __call__(self, rule) -> bool:
        key = (rule.code, rule.name)
        ok = self._decided.get(key)
        if ok is None:
            ok = self._decided[key] = self.selection(rule.code, rule.name)
        return ok
