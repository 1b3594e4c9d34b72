"""Generate ``govcheck/data/bank_holidays.json`` from the ``holidays`` package.

The runtime calendar (``govcheck.engine.calendar``) must not depend on ``holidays``
(it pins ``python-dateutil`` and costs ~80 ms to import, see docs/deps §4), so the
weekday bank and public holidays are frozen into a checked-in JSON table instead. This
script is the only place that table comes from; ``tests/test_calendar.py`` calls
:func:`build_table` and compares the result with the checked-in file, so the two
cannot drift apart.

Usage (``holidays`` is a dev-only dependency: ``pip install -e .[dev]``)::

    python scripts/gen_bank_holidays.py            # rewrite the table
    python scripts/gen_bank_holidays.py --check    # exit 1 if the table is stale

What is kept:

* nations ``england`` (subdivision ENG), ``wales`` (WLS) and ``scotland`` (SCT);
  England and Wales share a calendar but both keys are kept, so a future divergence
  shows up as a diff rather than a silent error;
* years 2000 to 2040 inclusive;
* weekdays only. ``holidays`` lists both the weekend date of a holiday (e.g. Christmas
  Day on a Saturday) and its weekday substitute ("... (observed)"); a weekend day is
  not a working day anyway, so only the weekday entries matter for counting;
* the ``public`` category, which includes Christmas Day and Good Friday (common-law
  holidays in England and Wales, not bank holidays under the Banking and Financial
  Dealings Act 1971, but days on which council offices are shut: law.md §0.1(4)).

When a one-off holiday is announced, upgrade ``holidays``, rerun this script and review
the diff of the JSON file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

GENERATOR = "scripts/gen_bank_holidays.py"
FIRST_YEAR = 2000
LAST_YEAR = 2040
#: govcheck nation name -> ``holidays`` subdivision code of country "GB".
SUBDIVISIONS: dict[str, str] = {"england": "ENG", "wales": "WLS", "scotland": "SCT"}

REPO_ROOT = Path(__file__).resolve().parents[1]
OUTPUT = REPO_ROOT / "govcheck" / "data" / "bank_holidays.json"


def build_table() -> dict:
    """Return the bank-holiday table as a JSON-ready dict (deterministic for a given
    ``holidays`` version)."""
    import holidays  # dev-only dependency; imported here so the module imports without it

    years = range(FIRST_YEAR, LAST_YEAR + 1)
    nations: dict[str, dict[str, str]] = {}
    for nation, subdiv in SUBDIVISIONS.items():
        # language pinned so the names never depend on the caller's locale.
        calendar = holidays.country_holidays(
            "GB", subdiv=subdiv, years=years, language="en_GB"
        )
        nations[nation] = {
            day.isoformat(): name
            for day, name in sorted(calendar.items())
            if day.weekday() < 5 and FIRST_YEAR <= day.year <= LAST_YEAR
        }
    return {
        "generator": GENERATOR,
        "holidays_version": holidays.__version__,
        "years": [FIRST_YEAR, LAST_YEAR],
        "nations": nations,
    }


def render(table: dict) -> str:
    """Serialise *table* exactly as it is checked in (sorted keys, indent 1, final newline)."""
    return json.dumps(table, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="file to write (default: %(default)s)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the file differs from what would be generated",
    )
    args = parser.parse_args(argv)

    text = render(build_table())
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
