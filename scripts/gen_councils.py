"""Generate ``rules/vocabulary/councils.yaml``, the register of UK principal councils.

The register is data generated from a public list, never edited by hand: mySociety's
``uk_local_authority_names_and_codes`` (https://github.com/mysociety/uk_local_authority_names_and_codes).
Its files are not part of this repository: copies of them live in a shared data directory
(default ``/work/shared/councils``, i.e. ``<repo>/../shared/councils``) together with a
``SOURCE.yaml`` recording the repository, the commit they were copied from and which file
is which. This script reads only that directory and ``scripts/data/welsh_council_names.yaml``
(the Welsh names, which the source lacks), so the same input always gives a byte-identical
file; ``tests/test_councils_register.py`` regenerates it and compares when the source
directory is present.

Usage::

    python scripts/gen_councils.py                    # rewrite the register
    python scripts/gen_councils.py --check            # exit 1 if the register is stale
    python scripts/gen_councils.py --source DIR --output FILE

What is kept (see also the comments at the top of the generated file):

* principal councils only, by the source's ``local-authority-type``: in England CTY
  (county), NMD (non-metropolitan district), UA (unitary, including the Council of the
  Isles of Scilly), MD (metropolitan district), LBO (London borough) and CC (the City of
  London Corporation); WPA in Wales; SCO in Scotland. Combined authorities (COMB), the
  Greater London Authority (SRA) and Northern Ireland's districts (NID) are left out;
* current councils and the former ones the source lists (abolished since 2019), the latter
  with ``ended``: the last day the council existed. The source's ``end-date`` is sometimes
  that day (2019-03-31) and sometimes the vesting day of the successor (2023-04-01); when
  it is not before the start of the council(s) in ``replaced-by``, the day before that
  start is used;
* ``names``: the official name, the source's short name (``nice-name``) and every name the
  source's name lookup gives the council (one name a row, so names containing commas stay
  whole), whitespace collapsed, de-duplicated ignoring case (a capitalised spelling wins
  over an all-lower-case one); mis-encoded names (mojibake) and the few listed in
  ``EXCLUDED_NAMES`` are dropped. The lookup is a matching aid, so ``names`` keeps its
  lower-case variants and its handful of misspellings: match them ignoring case;
* ``places``: each name with the council words removed ("... City Council", "London
  Borough of ...", "..., City of", ...). A place that only comes from an all-lower-case
  name is kept only if it occurs, as whole words, in a capitalised name of the same
  council, and takes its capitals from there (so "aberdeen" gives "Aberdeen" while the
  misspelling "aberdeen cuty" gives nothing);
* ``welsh`` (Welsh councils only) and any extra Welsh ``places`` from the hand-written file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

GENERATOR = "scripts/gen_councils.py"
REPO_ROOT = Path(__file__).resolve().parents[1]
OUTPUT = REPO_ROOT / "rules" / "vocabulary" / "councils.yaml"
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "councils"
WELSH_NAMES = REPO_ROOT / "scripts" / "data" / "welsh_council_names.yaml"

#: files expected in the source directory, by role (local file names; SOURCE.yaml maps
#: each to its path in the source repository).
AUTHORITIES_CSV = "uk_local_authorities.csv"
NAME_LOOKUP_CSV = "lookup_name_to_registry.csv"
DATAPACKAGE = "datapackage.yaml"
LICENSE = "LICENSE"
PROVENANCE = "SOURCE.yaml"

#: source nation -> register nation
NATIONS = {"England": "england", "Wales": "wales", "Scotland": "scotland"}
#: principal-council types per nation (the source's local-authority-type codes)
PRINCIPAL_TYPES = {
    "england": {"CTY", "NMD", "UA", "MD", "LBO", "CC"},
    "wales": {"WPA"},
    "scotland": {"SCO"},
}

#: (local-authority-code, name as in the source) -> why it is dropped
EXCLUDED_NAMES: dict[tuple[str, str], str] = {
    ("AGY", "ynys mn"): "'Ynys Môn' with its mis-encoded letter stripped",
    ("ELS", "eilean"): "a fragment ('island') of 'Eilean Siar', not a name",
}

#: names whose leading "City of" is part of the place, not a council title
KEEP_WHOLE = {"city of london"}

# Council words around the place part of a name. Applied repeatedly (suffixes before
# prefixes, longest first, ignoring case); a name is never stripped to nothing.
_PREFIXES = [
    "council of the ", "borough council of ", "city and county of ", "london borough of ",
    "royal borough of ", "metropolitan borough of ", "comhairle nan ", "borough of ",
    "county of ", "city of ", "the ",
]
_SUFFIXES = [
    " metropolitan borough council", " metropolitan district council", " county borough council",
    " borough council", " district council", " county council", " city council", " council",
    " city and district council", " corporation", " county borough", " london boro", " mdc",
    " ua", " district", " county", " city",
]
_PREFIXES.sort(key=len, reverse=True)
_SUFFIXES.sort(key=len, reverse=True)
#: "Bristol, City of", "bristol city of", "Edinburgh (City of)" -> "City of Bristol" etc.
_INVERTED = re.compile(r"^(?P<place>.+?)(?:,? | \()(?P<title>city|county) of\)?$", re.IGNORECASE)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _is_mojibake(text: str) -> bool:
    """True for UTF-8 bytes that were decoded as Latin-1 (e.g. 'Mï¿½n'): the text has
    non-ASCII characters, all of them Latin-1, and re-encoding gives valid UTF-8."""
    if text.isascii():
        return False
    try:
        text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return True


def _is_lower(text: str) -> bool:
    return text == text.lower()


def place_of(name: str) -> str:
    """The place part of a council name ("London Borough of Brent" -> "Brent")."""
    place = _collapse(name)
    inverted = _INVERTED.match(place)
    if inverted:
        place = f"{inverted['title']} of {inverted['place']}"
    changed = True
    while changed and place.casefold() not in KEEP_WHOLE:
        changed = False
        low = place.casefold()
        for suffix in _SUFFIXES:
            if low.endswith(suffix) and len(place) > len(suffix):
                place, changed = place[: -len(suffix)], True
                break
        if changed:
            continue
        for prefix in _PREFIXES:
            if low.startswith(prefix) and len(place) > len(prefix):
                place, changed = place[len(prefix):], True
                break
    return place.strip(" ,")


def _dedupe(values: list[str]) -> list[str]:
    """De-duplicate ignoring case, keeping first-seen order; a capitalised spelling
    replaces an all-lower-case one seen earlier."""
    chosen: dict[str, str] = {}
    for value in values:
        key = value.casefold()
        if key not in chosen or (_is_lower(chosen[key]) and not _is_lower(value)):
            chosen[key] = value
    return list(chosen.values())


def _cased_occurrence(lower_place: str, cased_names: list[str]) -> str | None:
    """The capitalised spelling of *lower_place* as whole words inside one of
    *cased_names*, or None."""
    pattern = re.compile(r"(?<![\w'-])" + re.escape(lower_place) + r"(?![\w'-])", re.IGNORECASE)
    for name in cased_names:
        match = pattern.search(name)
        if match:
            return match.group(0)
    return None


def _sort_key(text: str) -> tuple[str, str]:
    return (text.casefold(), text)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _load_yaml(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _ended(row: dict[str, str], start_dates: dict[str, str]) -> dt.date | None:
    if not row["end-date"]:
        return None
    end = dt.date.fromisoformat(row["end-date"])
    successor_starts = [
        dt.date.fromisoformat(start_dates[code])
        for code in filter(None, (c.strip() for c in row["replaced-by"].split(",")))
        if start_dates.get(code)
    ]
    if successor_starts and end >= min(successor_starts):
        return min(successor_starts) - dt.timedelta(days=1)
    return end


def _licences(source: Path) -> tuple[str, str]:
    """(the LICENSE file's licence with its copyright line, the data package's licence)."""
    lines = [line.strip() for line in (source / LICENSE).read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    title = lines[0]
    copyright_line = next((line for line in lines if line.lower().startswith("copyright")), "")
    code_licence = f"{title}, {copyright_line}" if copyright_line else title
    package = _load_yaml(source / DATAPACKAGE)
    data_licence = "; ".join(
        f"{lic['name']} ({lic.get('title', '')}, {lic.get('path', '')})" for lic in package["licenses"]
    )
    return code_licence, data_licence


def build_register(source: Path = DEFAULT_SOURCE, welsh_names: Path = WELSH_NAMES) -> dict:
    """Return the register as a YAML-ready dict (deterministic for given input files)."""
    provenance = _load_yaml(source / PROVENANCE)
    file_paths = provenance["files"]
    for local in (AUTHORITIES_CSV, NAME_LOOKUP_CSV, DATAPACKAGE, LICENSE):
        if local not in file_paths:
            raise SystemExit(f"{source / PROVENANCE} does not map {local} to a source path")
        if not (source / local).is_file():
            raise SystemExit(f"{source / local} is missing")
    code_licence, data_licence = _licences(source)

    rows = _read_csv(source / AUTHORITIES_CSV)
    lookup: dict[str, list[str]] = {}
    for entry in _read_csv(source / NAME_LOOKUP_CSV):
        lookup.setdefault(entry["local-authority-code"], []).append(entry["la-name"])
    start_dates = {row["local-authority-code"]: row["start-date"] for row in rows}

    welsh_data: dict[str, dict] = _load_yaml(welsh_names) or {}
    unused_welsh = set(welsh_data)

    councils = []
    for row in rows:
        nation = NATIONS.get(row["nation"])
        if nation is None or row["local-authority-type"] not in PRINCIPAL_TYPES[nation]:
            continue
        code = row["local-authority-code"]
        official = _collapse(row["official-name"])

        raw_names = [official, row["nice-name"], *lookup.get(code, [])]
        names = []
        for raw in raw_names:
            name = _collapse(raw)
            if not name or _is_mojibake(raw) or (code, name) in EXCLUDED_NAMES:
                continue
            names.append(name)
        names = _dedupe(names)
        names = [official] + sorted((n for n in names if n != official), key=_sort_key)

        cased_names = [n for n in names if not _is_lower(n)]
        places = []
        for name in [official] + [n for n in names if n != official]:
            place = place_of(name)
            if not place or (code, place) in EXCLUDED_NAMES:
                continue
            if _is_lower(place):
                place = _cased_occurrence(place, cased_names)
                if place is None:
                    continue
            places.append(place)

        entry: dict = {"name": official, "code": code, "nation": nation, "type": row["local-authority-type"]}
        ended = _ended(row, start_dates)
        welsh = None
        if nation == "wales":
            extra = welsh_data.get(official)
            if extra is not None:
                unused_welsh.discard(official)
                welsh = [_collapse(w) for w in extra["welsh"]]
                places.extend(_collapse(p) for p in extra.get("places", []))
            elif ended is None:
                raise SystemExit(f"{welsh_names}: no Welsh name for current council {official!r}")
        entry["places"] = sorted(_dedupe(places), key=_sort_key)
        entry["names"] = names
        if welsh is not None:
            entry["welsh"] = welsh
        if ended is not None:
            entry["ended"] = ended
        councils.append(entry)

    if unused_welsh:
        raise SystemExit(f"{welsh_names}: not Welsh councils in the source: {sorted(unused_welsh)}")

    councils.sort(key=lambda c: (c["nation"], *_sort_key(c["name"])))
    return {
        "source": {
            "repository": provenance["repository"],
            "files": [file_paths[local] for local in (AUTHORITIES_CSV, NAME_LOOKUP_CSV, DATAPACKAGE, LICENSE)],
            "commit": str(provenance["commit"]),
            "licence": code_licence,
            "data_licence": data_licence,
        },
        "welsh_names_source": (
            "The source has no Welsh council names: they come from scripts/data/"
            "welsh_council_names.yaml, written by hand from the councils' own Welsh web "
            "pages or, where none was found, Wikipedia; each entry cites its source addresses."
        ),
        "councils": councils,
    }


class _FlowList(list):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)

HEADER = """\
# Generated by scripts/gen_councils.py: do not edit by hand.
# UK principal councils (England, Wales, Scotland; Northern Ireland left out), current and
# former, sorted by nation then name. Per council:
#   name    official name;  code  the source's local-authority-code;  type  its
#           local-authority-type (CTY county, NMD district, UA unitary, MD metropolitan
#           district, LBO London borough, CC City of London, WPA Welsh, SCO Scottish council)
#   places  the place part(s) of its names, without "City Council", "London Borough of" etc.
#   names   official and alternative names from the source (some lower-case or misspelt
#           matching variants: compare ignoring case)
#   welsh   Welsh councils only: the council's Welsh name(s)
#   ended   former councils only: the last day the council existed
# Data, not law: which nation's legislation applies is decided by the rules' citations.
"""


def render(register: dict) -> str:
    """Serialise *register* exactly as it is checked in."""
    data = dict(register)
    data["source"] = dict(register["source"], files=_FlowList(register["source"]["files"]))
    data["councils"] = [
        {key: (_FlowList(value) if isinstance(value, list) else value) for key, value in council.items()}
        for council in register["councils"]
    ]
    body = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source", type=Path, default=DEFAULT_SOURCE, help="directory with the source files (default: %(default)s)"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="file to write (default: %(default)s)")
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the file differs from what would be generated"
    )
    args = parser.parse_args(argv)

    if not args.source.is_dir():
        print(f"source directory {args.source} not found", file=sys.stderr)
        return 2
    text = render(build_register(args.source))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != text:
            print(f"{args.output} is out of date; run {GENERATOR}", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
