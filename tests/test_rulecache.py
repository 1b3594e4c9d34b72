"""The validated rule pack is cached as JSON; a change to any rule file, or a broken
cache, means the pack is validated again; a cached pack behaves exactly as a fresh one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govcheck.engine import rules as rules_mod
from govcheck.engine.cases import run_all
from govcheck.engine.profile import load_profile
from govcheck.engine.rules import RulePack, RuleError

BUNDLED = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture
def pack_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVCHECK_CACHE_DIR", str(tmp_path / "cache"))
    d = tmp_path / "rules"
    shutil.copytree(BUNDLED, d)
    return d


def test_cached_pack_is_used_and_equal(pack_dir, monkeypatch):
    fresh = RulePack.load(pack_dir)
    assert list((pack_dir.parent / "cache").glob("rules-*.json"))

    def no_validation(*a, **k):
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(rules_mod, "load_rule_file", no_validation)
    cached = RulePack.load(pack_dir)
    assert [r.spec for r in cached.rules] == [r.spec for r in fresh.rules]
    # a rule's cases are in the side file, read when first used (spec equality above
    # compares them), not in the data a check compiles
    assert [r.data for r in cached.rules] == [
        {k: v for k, v in r.data.items() if k != "cases"} for r in fresh.rules]
    assert [r.path for r in cached.rules] == [r.path for r in fresh.rules]
    profile = load_profile(None, pack_dir)
    assert all(c.ok for c in run_all(cached, profile))
    # line numbers survive for error messages
    assert cached.rules[0].line_of(("cases", 0)) == fresh.rules[0].line_of(("cases", 0))


def test_changed_rule_file_is_validated_again(pack_dir):
    RulePack.load(pack_dir)
    f = pack_dir / "england" / "exempt-information" / "EX001.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("severity: error", "severity: fatal"),
                 encoding="utf-8")
    with pytest.raises(RuleError, match="severity"):
        RulePack.load(pack_dir)


def test_corrupt_cache_is_a_miss(pack_dir):
    RulePack.load(pack_dir)
    for c in (pack_dir.parent / "cache").glob("rules-*.json"):
        c.write_text("{not json", encoding="utf-8")
    assert len(RulePack.load(pack_dir).rules) > 10


def test_cache_can_be_turned_off(pack_dir, monkeypatch):
    monkeypatch.setenv("GOVCHECK_NO_CACHE", "1")
    RulePack.load(pack_dir)
    assert not (pack_dir.parent / "cache").exists()


def test_old_cache_files_are_pruned(pack_dir):
    cache = pack_dir.parent / "cache"
    cache.mkdir()
    for i in range(12):
        (cache / f"rules-old{i:02d}.json").write_text("{}", encoding="utf-8")
    RulePack.load(pack_dir)
    assert len(list(cache.glob("rules-*.json"))) == 8


def test_a_warm_run_reads_no_rule_or_vocabulary_file(pack_dir, monkeypatch):
    """The key is each file's name, size and modification time: with the cache warm,
    not one rule file or vocabulary file is opened."""
    from govcheck import vocabulary

    RulePack.load(pack_dir)
    vocabulary.load(pack_dir / "vocabulary")
    real = Path.read_text

    def watched(self, *a, **k):
        if pack_dir in self.parents and self.suffix == ".yaml":
            raise AssertionError(f"read {self} although the cache is warm")
        return real(self, *a, **k)

    monkeypatch.setattr(Path, "read_text", watched)
    assert len(RulePack.load(pack_dir).rules) > 10
    assert vocabulary.load(pack_dir / "vocabulary").labels


def test_a_check_does_not_read_the_rules_line_tables(pack_dir, monkeypatch):
    """Half the cache is the rules' source lines, for error messages and ``govcheck
    test``: kept in a file of its own that a check never opens."""
    from govcheck.api import check_paths

    fresh = RulePack.load(pack_dir)
    fixture = BUNDLED.parent / "fixtures" / "notices"
    real = Path.read_text

    def watched(self, *a, **k):
        if self.name.startswith("lines-"):
            raise AssertionError("a check read the rules' line tables")
        return real(self, *a, **k)

    monkeypatch.setattr(Path, "read_text", watched)
    cached = RulePack.load(pack_dir)
    assert check_paths([fixture], pack=cached).findings
    monkeypatch.setattr(Path, "read_text", real)
    assert [r.line_of(("when",)) for r in cached.rules] == \
        [r.line_of(("when",)) for r in fresh.rules]


def test_cached_rules_compile_their_predicates_when_first_used(pack_dir):
    """A rule from the cache compiles its predicates on first use, to the same
    predicates a fresh load gives; a check compiles only the rules in force for the
    records it reads."""
    import datetime as dt

    from govcheck.api import check_paths

    fresh = RulePack.load(pack_dir)
    cached = RulePack.load(pack_dir)
    assert all("_pending" in r.__dict__ for r in cached.rules)
    check_paths([BUNDLED.parent / "fixtures" / "notices"], pack=cached,
                as_of=dt.date(2026, 12, 3))
    used = {r.code for r in cached.rules if "_pending" not in r.__dict__}
    assert used and len(used) < len(cached.rules)
    assert all(r.code[:2] != "AG" for r in cached.rules if r.code in used)  # meetings' rules
    for a, b in zip(fresh.rules, cached.rules):
        assert (a.when, a.require, a.exceptions, a.uncertain) == \
            (b.when, b.require, b.exceptions, b.uncertain)


def test_a_check_does_not_read_the_cases_and_a_missing_side_file_is_a_miss(pack_dir,
                                                                          monkeypatch):
    RulePack.load(pack_dir)
    cached = RulePack.load(pack_dir)
    assert all(r.spec.cases._list is None for r in cached.rules)   # not read yet
    assert len(cached.rules[0].spec.cases) > 0                      # read when asked
    for side in (pack_dir.parent / "cache").glob("lines-*.json"):
        side.unlink()
    called = []
    real = rules_mod.load_rule_file
    monkeypatch.setattr(rules_mod, "load_rule_file",
                        lambda *a, **k: called.append(1) or real(*a, **k))
    again = RulePack.load(pack_dir)
    assert called and all(len(r.spec.cases) == len(c.spec.cases)
                          for r, c in zip(again.rules, cached.rules))
