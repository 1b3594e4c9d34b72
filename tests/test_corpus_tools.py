"""The corpus's own tools: the check that keeps reserved councils' places out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "corpus"))

import check_truth  # noqa: E402

RESERVED = ["Aberdeen City Council", "Bury Council", "Devon County Council",
            "Neath Port Talbot Council", "Borough Council of King's Lynn and West Norfolk"]


@pytest.mark.parametrize("council, source, hit", [
    ("Aberdeenshire Council", "https://committees.aberdeenshire.gov.uk/x", "Aberdeen City Council"),
    ("Tewkesbury Borough Council", "https://minutes.tewkesbury.gov.uk/x", "Bury Council"),
    ("South Hams District Council", "https://mg.swdevon.gov.uk/x", "Devon County Council"),
    ("Bury Council", "https://councildecisions.bury.gov.uk/x", "Bury Council"),
    # a site's path is not its host: a page's address may name anything after the host
    ("Falkirk Council", "https://falkirk.gov.uk/aberdeen-road", None),
    # a reserved place of several words counts only whole: Norfolk is not West Norfolk
    ("Norfolk County Council", "https://norfolkcc.cmis.uk.com/x", None),
    ("Stockport Metropolitan Borough Council", "https://democracy.stockport.gov.uk/x", None),
])
def test_reserved_place_in_a_name_or_host(council, source, hit):
    assert check_truth.reserved_place(council, source, RESERVED) == hit


def test_the_corpus_holds_no_reserved_place():
    reserved = check_truth.read_reserved([])
    if reserved is None:
        pytest.skip("the reserved-council list is not beside this checkout")
    import yaml

    for p in (ROOT / "corpus" / "truth").glob("*.yaml"):
        t = yaml.safe_load(p.read_text(encoding="utf-8"))
        assert check_truth.reserved_place(t["council"], t.get("source", ""), reserved) is None, p.stem


def test_no_page_is_in_the_corpus_twice():
    import yaml

    seen: dict[str, str] = {}
    for p in sorted((ROOT / "corpus" / "truth").glob("*.yaml")):
        src = yaml.safe_load(p.read_text(encoding="utf-8")).get("source", "")
        assert src not in seen, f"{p.stem} and {seen.get(src)} are one address: {src}"
        seen[src] = p.stem
