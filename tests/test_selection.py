from __future__ import annotations

import pytest

from govcheck.selection import Selection, SelectionError

KNOWN = [("KD001", "key-decision-notice-period"), ("KD002", "key-decision-without-notice"),
         ("EX001", "exempt-without-paragraph")]


def sel(select=(), ignore=()):
    return Selection(select, ignore, KNOWN)


@pytest.mark.parametrize("select,ignore,code,name,expected", [
    ((), (), "KD001", "key-decision-notice-period", True),
    (("KD",), (), "EX001", "exempt-without-paragraph", False),
    (("KD",), (), "KD002", "key-decision-without-notice", True),
    (("KD",), ("KD001",), "KD001", "key-decision-notice-period", False),
    (("KD001",), ("KD",), "KD001", "key-decision-notice-period", True),   # more specific wins
    (("KD",), ("KD",), "KD001", "key-decision-notice-period", False),     # tie: ignore wins
    (("exempt-without-paragraph",), (), "EX001", "exempt-without-paragraph", True),
    ((), ("key-decision-notice-period",), "KD001", "key-decision-notice-period", False),
    (("ALL",), ("EX",), "EX001", "exempt-without-paragraph", False),
    (("kd",), (), "KD001", "key-decision-notice-period", True),
])
def test_decisions(select, ignore, code, name, expected):
    assert sel(select, ignore)(code, name) is expected


def test_unknown_selector_is_an_error_with_suggestion():
    with pytest.raises(SelectionError, match="unknown rule selector 'KD009'"):
        sel(("KD009",))
    with pytest.raises(SelectionError, match="did you mean"):
        sel((), ("EX0001",))


def test_the_rule_filter_decides_each_rule_once(monkeypatch):
    from types import SimpleNamespace

    from govcheck.selection import RuleFilter, Selection

    asked = []
    sel = Selection(["KD"], [], [("KD001", "key-decision-notice-period")])
    real = sel.__call__
    monkeypatch.setattr(Selection, "__call__",
                        lambda self, code, name: (asked.append(code), real(code, name))[1])
    f = RuleFilter(sel)
    rule = SimpleNamespace(code="KD001", name="key-decision-notice-period")
    assert all(f(rule) for _ in range(100))
    assert asked == ["KD001"]
