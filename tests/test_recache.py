"""govcheck.recache: compiled expressions kept between runs must behave exactly as
re.compile's, and a damaged or stale cache must never change a match."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from govcheck import recache

PATTERNS = [
    (r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Z][a-z]+)\s+(?P<year>\d{4})", 0),
    (r"\bparagraphs?\s+(\d+[A-C]?)(?:\s*(?:,|and)\s*(\d+[A-C]?))*", re.IGNORECASE),
    (r"^(?:yes|ie|oes)\b", re.IGNORECASE | re.MULTILINE),
    (r"call[\s-]?in", 0),
]
TEXTS = ["Decision made on 3rd March 2026", "under paragraphs 3 and 7A of Part 1",
         "Ie\nNo", "not subject to call-in", "CALL IN", ""]


def same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == \
        (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        ma, mb = a.search(text), b.search(text)
        assert (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups()))


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GOVCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(recache, "_table", None)
    monkeypatch.setattr(recache, "_used", set())
    monkeypatch.setattr(recache, "_added", False)
    monkeypatch.setattr(recache, "_whole", False)
    monkeypatch.setattr(recache, "_hot_stale", False)
    return tmp_path


def reload_table(monkeypatch):
    monkeypatch.setattr(recache, "_table", None)
    monkeypatch.setattr(recache, "_whole", False)


def test_a_miss_and_a_hit_give_what_re_compile_gives(fresh, monkeypatch):
    for pattern, flags in PATTERNS:
        same(recache.compile(pattern, flags), re.compile(pattern, flags))
    recache.save()
    stored = json.loads(next(fresh.glob("regex-*.json")).read_text())
    assert len(stored["entries"]) == len(PATTERNS)
    reload_table(monkeypatch)
    for pattern, flags in PATTERNS:
        same(recache.compile(pattern, flags), re.compile(pattern, flags))
    assert recache._table and all(k in recache._table for k in PATTERNS)


def test_a_bad_pattern_raises_re_error(fresh):
    with pytest.raises(re.error):
        recache.compile(r"(unclosed")


def test_a_damaged_cache_falls_back_to_compiling(fresh, monkeypatch):
    recache.compile(*PATTERNS[0])
    recache.save()
    path = next(fresh.glob("regex-*.json"))
    doc = json.loads(path.read_text())
    doc["entries"][0][3] = "AAAAAAAAAAA="          # code the engine refuses
    path.write_text(json.dumps(doc))
    reload_table(monkeypatch)
    same(recache.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))
    path.write_text("{not json")
    reload_table(monkeypatch)
    same(recache.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))


def test_a_cache_from_another_python_is_not_used(fresh, monkeypatch):
    recache.compile(*PATTERNS[0])
    recache.save()
    for path in fresh.glob("regex*.json"):
        doc = json.loads(path.read_text())
        doc["stamp"] = "another python"
        path.write_text(json.dumps(doc))
    reload_table(monkeypatch)
    assert recache._load() == {}


def test_patterns_built_from_data_do_not_pile_up(fresh, monkeypatch):
    monkeypatch.setattr(recache, "MAX_ENTRIES", 5)
    for i in range(8):
        recache.compile(rf"\bold{i}\b")
    recache.save()
    reload_table(monkeypatch)
    monkeypatch.setattr(recache, "_used", set())
    for i in range(3):
        recache.compile(rf"\bnew{i}\b")
    recache.save()
    kept = {e[0] for e in json.loads(next(fresh.glob("regex-*.json")).read_text())["entries"]}
    assert kept == {rf"\bnew{i}\b" for i in range(3)}


def test_a_warm_run_compiles_nothing(tmp_path):
    """The second run of a check finds every expression it needs in the cache."""
    fixture = "fixtures/decisions/decision-2024-03-19-highways-resurfacing.txt"
    probe = (
        "import sys, govcheck.recache as rc\n"
        "misses = []\n"
        "orig = rc._remember\n"
        "rc._remember = lambda p, f, e: (misses.append(p), orig(p, f, e))\n"
        "from govcheck.cli import main\n"
        "sys.argv = ['govcheck', 'check', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MISSES', len(misses))\n")
    env = {"GOVCHECK_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin",
           "PYTHONHASHSEED": "random"}
    runs = [subprocess.run([sys.executable, "-c", probe, fixture], capture_output=True,
                           text=True, env=env, cwd=str(__import__("pathlib").Path(
                               __file__).resolve().parents[1])) for _ in range(2)]
    first, second = (r.stdout.rsplit("MISSES ", 1)[-1].strip() for r in runs)
    assert int(first) > 50, runs[0].stdout + runs[0].stderr
    assert second == "0", runs[1].stdout


def test_council_name_patterns_are_the_same_whatever_the_set_order():
    from govcheck.extract.nation import _places

    names = ["bro morgannwg", "caerdydd", "powys", "conwy", "gwynedd", "ynys mon"]
    assert _places(names) == _places(list(reversed(names))) == _places(set(names))


def test_the_package_compiles_through_the_cache():
    """A module that calls re.compile directly pays for it on every run."""
    import pathlib

    root = pathlib.Path(recache.__file__).resolve().parent
    direct = [f"{p.relative_to(root)}:{i}" for p in root.rglob("*.py") if p.name != "recache.py"
              for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"(?<![\w.])re\.compile\(", line)]
    assert direct == []


def test_a_run_like_the_last_reads_only_the_last_runs_entries(fresh, monkeypatch):
    """The whole table is read only when this run asks for an expression the last run
    did not use; the last run's entries are then rewritten for the next one."""
    new = (r"\bcall[\s-]?in\s+period\b", re.IGNORECASE)

    def next_run():
        reload_table(monkeypatch)
        monkeypatch.setattr(recache, "_used", set())

    def entries(kind):
        return {e[0] for e in json.loads(next(fresh.glob(f"{kind}-*.json")).read_text())[
            "entries"]}

    for pattern, flags in PATTERNS:
        recache.compile(pattern, flags)
    recache.save()
    next_run()
    recache.compile(*new)                       # a run that uses one new expression
    recache.save()
    assert entries("regexhot") == {new[0]}
    assert entries("regex") == {p for p, _ in PATTERNS} | {new[0]}
    next_run()
    same(recache.compile(*new), re.compile(*new))
    assert not recache._whole and len(recache._table) == 1       # the small file only
    same(recache.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    assert recache._whole and not recache._added                 # found, not compiled
    recache.save()
    assert entries("regexhot") == {new[0], PATTERNS[1][0]}
