"""The rule loader: safe YAML, schema errors with file:line, versions by date."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from govcheck.engine.rules import RuleError, RulePack, load_rule_file
from govcheck.yamlsafe import YamlError, load_yaml

BASE = Path(__file__).resolve().parents[1] / "rules" / "england" / "exempt-information" / "EX001.yaml"


def write(tmp_path: Path, text: str, name: str = "R.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def base_text() -> str:
    return BASE.read_text(encoding="utf-8")


def test_alias_rejected_with_line():
    with pytest.raises(YamlError) as e:
        load_yaml("a: &x 1\nb: *x\n", "f.yaml")
    assert e.value.line == 1 and "aliases" in e.value.message


def test_duplicate_key_rejected_with_both_lines():
    with pytest.raises(YamlError) as e:
        load_yaml("severity: error\nname: x\nseverity: info\n", "f.yaml")
    assert e.value.line == 3 and "first at line 1" in e.value.message


def test_python_tags_cannot_run_code():
    with pytest.raises(YamlError):
        load_yaml("x: !!python/object/apply:os.system ['echo hi']\n", "f.yaml")


def test_syntax_error_has_line():
    with pytest.raises(YamlError) as e:
        load_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert e.value.line >= 2


def test_unknown_condition_named_with_line_and_suggestion(tmp_path):
    text = base_text().replace("present: exempt_paragraphs", "presnt: exempt_paragraphs")
    with pytest.raises(RuleError) as e:
        load_rule_file(write(tmp_path, text))
    assert "unknown condition 'presnt'" in e.value.message
    assert "did you mean 'present'" in e.value.message
    assert e.value.line == text.splitlines().index("  presnt: exempt_paragraphs") + 1


def test_unknown_field_is_an_error(tmp_path):
    text = base_text().replace("present: exempt_paragraphs", "present: exempt_paragraph")
    with pytest.raises(RuleError) as e:
        load_rule_file(write(tmp_path, text))
    assert "unknown field 'exempt_paragraph'" in e.value.message


def test_schema_error_points_at_key(tmp_path):
    text = base_text().replace("severity: error", "severity: fatal")
    with pytest.raises(RuleError) as e:
        load_rule_file(write(tmp_path, text))
    assert e.value.line == text.splitlines().index("severity: fatal") + 1
    assert "severity" in e.value.message


def test_bad_code_and_name(tmp_path):
    with pytest.raises(RuleError, match="family prefix"):
        load_rule_file(write(tmp_path, base_text().replace("id: EX001", "id: ZZ001")))
    with pytest.raises(RuleError, match="kebab-case"):
        load_rule_file(write(tmp_path, base_text().replace(
            "name: exempt-without-paragraph", "name: Exempt_Without")))


def test_rule_needs_breach_and_pass_cases(tmp_path):
    text = base_text().replace("expect: breach", "expect: pass")
    with pytest.raises(RuleError, match="needs at least one 'breach' case"):
        load_rule_file(write(tmp_path, text))


def test_each_exception_needs_a_covered_case(tmp_path):
    kd = (BASE.parents[1] / "key-decisions" / "KD001.yaml").read_text(encoding="utf-8")
    text = kd.replace("expect: covered\n    exception: special-urgency",
                      "expect: breach\n    message_contains: []")
    with pytest.raises(RuleError, match="covered' case for exception 'special-urgency'"):
        load_rule_file(write(tmp_path, text))


def test_citation_must_be_legislation_gov_uk(tmp_path):
    text = base_text().replace("https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A",
                               "https://example.com/law", 1)
    with pytest.raises(RuleError, match="legislation.gov.uk"):
        load_rule_file(write(tmp_path, text))


def test_versions_by_date(tmp_path):
    old = base_text().replace("from: 2006-03-01", "from: 2000-01-01\n  to: 2006-02-28") \
        .replace("severity: error", "severity: warning")
    (tmp_path / "EX001-old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "EX001.yaml").write_text(base_text(), encoding="utf-8")
    pack = RulePack.load(tmp_path)
    assert len(pack.find("EX001")) == 2
    in_2005 = pack.in_force("report", "england", dt.date(2005, 6, 1))
    in_2024 = pack.in_force("report", "england", dt.date(2024, 6, 1))
    assert [r.spec.severity.value for r in in_2005] == ["warning"]
    assert [r.spec.severity.value for r in in_2024] == ["error"]
    assert pack.in_force("report", "wales", dt.date(2024, 6, 1)) == []


def test_overlapping_versions_rejected(tmp_path):
    (tmp_path / "a.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(base_text(), encoding="utf-8")
    with pytest.raises(RuleError, match="overlaps"):
        RulePack.load(tmp_path)


def test_bundled_pack_loads_and_every_rule_is_documented():
    pack = RulePack.load()
    assert len(pack.latest()) >= 8
    for rule in pack.latest():
        s = rule.spec
        assert s.description and s.why and s.fix
        # every rule about the law cites legislation.gov.uk; govcheck's own (GC) cite none
        assert s.citation.url.startswith("https://www.legislation.gov.uk/") != s.builtin


def test_shared_conditions(tmp_path):
    (tmp_path / "england").mkdir()
    kd = (BASE.parents[1] / "key-decisions" / "KD001.yaml").read_text(encoding="utf-8")
    assert "use: executive-decision-maker" in kd
    (tmp_path / "england" / "KD001.yaml").write_text(kd, encoding="utf-8")
    # without the conditions file the named condition is unknown, with file:line
    (tmp_path / "conditions.yaml").write_text(
        "executive-arrangements:\n  description: x\n  condition: {present: decision_maker}\n"
        "agreed-by-a-chair:\n  description: x\n  condition: {present: urgency_agreed_by}\n",
        encoding="utf-8")
    with pytest.raises(RuleError, match="unknown shared condition 'executive-decision-maker'"):
        RulePack.load(tmp_path)
    shutil_copy = (BASE.parents[2] / "conditions.yaml").read_text(encoding="utf-8")
    (tmp_path / "conditions.yaml").write_text(shutil_copy, encoding="utf-8")
    pack = RulePack.load(tmp_path)
    assert [r.code for r in pack.rules] == ["KD001"]


def test_conditions_file_is_validated(tmp_path):
    (tmp_path / "england").mkdir()
    (tmp_path / "england" / "EX001.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / "conditions.yaml").write_text("Bad Name:\n  description: x\n  condition: {}\n",
                                              encoding="utf-8")
    with pytest.raises(RuleError, match="kebab-case"):
        RulePack.load(tmp_path)


def test_condition_citation_is_validated(tmp_path):
    (tmp_path / "england").mkdir()
    (tmp_path / "england" / "EX001.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / "conditions.yaml").write_text(
        "x-y:\n  description: d\n  citation: [{instrument: A}]\n  condition: {present: title}\n",
        encoding="utf-8")
    with pytest.raises(RuleError, match="x-y: citation"):
        RulePack.load(tmp_path)


def test_bundled_conditions_cite_their_law():
    from govcheck.yamlsafe import load_yaml

    root = BASE.parents[2]
    data = load_yaml((root / "conditions.yaml").read_text(encoding="utf-8")).data
    for name, entry in data.items():
        assert entry["citation"], name
        for c in entry["citation"]:
            assert c["url"].startswith("https://www.legislation.gov.uk/"), name


def test_rules_in_force_are_indexed_by_kind_and_nation_without_changing_the_answer():
    import datetime as dt

    from govcheck.engine.rules import RulePack

    pack = RulePack.load()
    for kind in ("report", "decision", "notice", "meeting"):
        for nation in ("england", "wales", "scotland"):
            for on in (dt.date(1990, 1, 1), dt.date(2010, 6, 1), dt.date(2024, 6, 1)):
                assert pack.in_force(kind, nation, on) == \
                    [r for r in pack.rules if r.applies(kind, nation, on)]
