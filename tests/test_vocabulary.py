"""Council wording as data: every vocabulary example, the schema, and profile labels."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck import vocabulary
from govcheck.cli import main
from govcheck.extract.labels import match_label, match_label_slow
from govcheck.vocabcheck import run_examples
from govcheck.vocabulary import VocabularyError, default_dir, load

RESULTS = run_examples()


@pytest.mark.parametrize("result", RESULTS, ids=[f"{r.source}:{r.id}" for r in RESULTS])
def test_vocabulary_example(result):
    assert result.ok, f"{result.source}: {result.id}: {result.detail}"


def test_every_file_and_entry_has_examples():
    vocab = vocabulary.active()
    groups = {ex["group"] for ex in vocab.examples}
    assert groups == {"labels", "answers", "headings", "recommendations", "citations"}
    assert all(ex["examples"]["match"] for ex in vocab.examples)
    assert len(RESULTS) > 400


def test_first_word_shortcut_agrees_with_trying_every_label():
    """The words each label can start with are derived from its pattern: the shortcut
    finds what trying every label in order finds, on every example."""
    for ex in vocabulary.active().examples:
        if ex["group"] != "labels":
            continue
        for item in ex["examples"]["match"]:
            text = item if isinstance(item, str) else item["text"]
            assert match_label(text) == match_label_slow(text), text


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "vocabulary"
    shutil.copytree(default_dir(), root)
    return root


def test_unknown_key_is_an_error_with_its_line(tmp_path):
    root = _copy(tmp_path)
    p = root / "answers.yaml"
    text = p.read_text(encoding="utf-8").replace("  means: a yes answer", "  meaning: x\n  means: a yes answer", 1)
    p.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as e:
        load(root, use_cache=False)
    line = text.splitlines().index("  meaning: x") + 1
    assert e.value.line == line and "meaning" in e.value.message
    assert str(e.value).startswith(f"{p}:{line}:") or f":{line}:" in str(e.value)


def test_label_kind_without_a_reader_is_a_load_error(tmp_path):
    root = _copy(tmp_path)
    p = root / "labels.yaml"
    text = p.read_text(encoding="utf-8").replace("  kind: money", "  kind: sterling", 1)
    p.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as e:
        load(root, use_cache=False)
    assert "no answer reader for kind 'sterling'" in e.value.message
    assert e.value.line == text.splitlines().index("  kind: sterling") + 1


def test_pattern_that_does_not_compile_is_an_error(tmp_path):
    root = _copy(tmp_path)
    p = root / "headings.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("'^\\s*(?:decision\\s+details", "'^\\s*(?:decision\\s+details(", 1),
                 encoding="utf-8")
    with pytest.raises(VocabularyError, match="does not compile"):
        load(root, use_cache=False)


def test_heading_without_its_named_group_is_an_error(tmp_path):
    root = _copy(tmp_path)
    p = root / "headings.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("(?P<c>", "(?:", 1), encoding="utf-8")
    with pytest.raises(VocabularyError, match="named group"):
        load(root, use_cache=False)


def test_harness_catches_a_wrong_example(tmp_path):
    root = _copy(tmp_path)
    p = root / "labels.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace(
        "- text: \"Is this a key decision?\\tYes\"\n      value: true",
        "- text: \"Is this a key decision?\\tYes\"\n      value: false", 1), encoding="utf-8")
    vocab = load(root, use_cache=False)
    bad = [r for r in run_examples(vocab) if not r.ok]
    assert len(bad) == 1 and "expected False" in bad[0].detail


def test_cached_vocabulary_is_the_validated_one(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVCHECK_CACHE_DIR", str(tmp_path / "cache"))
    first = load()
    assert list((tmp_path / "cache").glob("vocabulary-*.json"))
    second = load()        # from the cache: no YAML, no schema
    assert [s.pattern for s in first.labels] == [s.pattern for s in second.labels]
    assert second.labels[0].starts == first.labels[0].starts


# ---------------------------------------------------------------------------
# A council's own wording, in its profile

PROFILE = """\
name: example-council
nation: england
governance_model: leader_cabinet
labels:
  - field: key_decision
    kind: bool
    patterns: ['is\\s+this\\s+a\\s+significant\\s+executive\\s+decision']
    examples:
      match:
        - {text: "Is this a significant executive decision?\\tYes", value: true}
"""

REPORT = """\
Report to Cabinet
12 March 2024
Subject:\tLibrary opening hours
Is this a significant executive decision?\tYes
"""


def test_profile_adds_a_label_without_touching_the_package(tmp_path):
    (tmp_path / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    try:
        base = runner.invoke(main, ["extract", "--format", "json", str(tmp_path / "report.txt")])
        assert '"key_decision"' not in base.output
        with_profile = runner.invoke(main, ["extract", "--format", "json", "--profile",
                                            str(tmp_path / "profile.yaml"),
                                            str(tmp_path / "report.txt")])
        assert with_profile.exit_code == 0, with_profile.output
        assert '"key_decision"' in with_profile.output
    finally:
        vocabulary.activate()


def test_govcheck_test_runs_the_vocabulary_examples():
    result = CliRunner().invoke(main, ["test"])
    assert result.exit_code == 0, result.output
    assert f"{len(RESULTS)} vocabulary examples passed" in result.output


def test_profile_labels_are_used_by_check_in_one_process_and_in_workers(tmp_path):
    (tmp_path / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    for i in range(3):
        (reports / f"r{i}.txt").write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    try:
        for jobs in ("1", "2"):
            res = runner.invoke(main, ["check", "--output-format", "json", "--select", "KD002",
                                       "--jobs", jobs, "--profile",
                                       str(tmp_path / "profile.yaml"), str(reports)])
            assert res.exit_code in (0, 1), res.output
            # KD002: a key decision with no notice: only a record read as key has it
            assert res.output.count("\"KD002\"") == 3, (jobs, res.output)
    finally:
        vocabulary.activate()


def test_the_cached_vocabulary_shows_sources_from_any_working_directory(tmp_path,
                                                                          monkeypatch):
    """The cache is shared by every directory a run starts in: an entry's source is
    shown from where the run is, whichever directory first filled the cache."""
    from govcheck import vocabulary
    from govcheck.vocabcheck import run_examples

    monkeypatch.setenv("GOVCHECK_CACHE_DIR", str(tmp_path / "cache"))
    root = vocabulary.default_dir()
    monkeypatch.chdir(tmp_path)
    vocabulary.load(root)                    # fills the cache, shown from elsewhere
    monkeypatch.chdir(root.parent.parent if (root.parent.parent / "rules").is_dir()
                      else root.parent)
    cached = vocabulary.load(root)
    fresh = vocabulary.load(root, use_cache=False)
    assert [s.source for s in cached.labels] == [s.source for s in fresh.labels]
    assert all(r.ok for r in run_examples(cached))
