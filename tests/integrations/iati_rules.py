"""The IATI Standard's ruleset checks that apply to what the export writes, run in the tests.

No package that carries the IATI Validator or its rulesets installs here (pyIATI 0.4.1 pins
lxml 4.2.4, which does not build on Python 3.11; iati-rulesets and iati.cloud's validator are
not on PyPI), so
these are the rules of the IATI Ruleset for 2.03 (`IATI/IATI-Rulesets` rulesets/standard.json,
and the 2.03 standard ruleset shipped in pyIATI 0.4.1) restated for the elements the export
writes, each named by its context and rule as the ruleset names it. `RULES` lists them; a rule
whose elements the export never writes (loan terms, forecasts, organisation budgets) is left
out. One check beyond the ruleset: a budget's value date lies within its period (the ruleset's
`between_dates` for recipient-country budgets, applied to activity budgets).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

Check = Callable[[Any, datetime], Iterable[str]]


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


def _first(node: Any, path: str) -> str | None:
    found = node.xpath(path)
    return str(found[0]) if found else None


def _order(context: str, less: str, more: str) -> Check:
    """date_order: the date at `less` is not after the date at `more` (NOW: today); a missing
    date skips the rule."""

    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            low = _first(node, less)
            high = now.date().isoformat() if more == "NOW" else _first(node, more)
            if low is not None and high is not None and _day(low) > _day(high):
                yield f"{context} date_order: {less}={low} after {more}={high}"

    return check


def _at_least_one(context: str, *paths: str) -> Check:
    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            if not any(node.xpath(path) for path in paths):
                yield f"{context} atleast_one: none of {paths}"

    return check


def _no_more_than_one(context: str, *paths: str) -> Check:
    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            if sum(len(node.xpath(path)) for path in paths) > 1:
                yield f"{context} no_more_than_one: {paths}"

    return check


def _regex(context: str, pattern: str, *paths: str) -> Check:
    """regex_matches: the whole text of every element at `paths` matches."""
    compiled = re.compile(pattern)

    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            for path in paths:
                for value in node.xpath(path):
                    if not compiled.fullmatch(str(value).strip()):
                        yield f"{context} regex_matches: {path}={value!r}"

    return check


def _sum(context: str, total: int, *paths: str, strict: bool = False) -> Check:
    """sum / strict_sum: percentages present add up to `total` (exactly, for strict_sum)."""

    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            values = [Decimal(str(v)) for path in paths for v in node.xpath(path)]
            if values and sum(values) != total:
                yield f"{context} {'strict_sum' if strict else 'sum'}: {paths} = {sum(values)}"

    return check


def _range(context: str, *paths: str) -> Check:
    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            for path in paths:
                for value in node.xpath(path):
                    if Decimal(str(value)) < 0:
                        yield f"{context} range: {path}={value} below 0"

    return check


def _date_now(context: str, path: str) -> Check:
    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            stamp = _first(node, path)
            if stamp is not None and datetime.fromisoformat(stamp) > now:
                yield f"{context} date_now: {path}={stamp} in the future"

    return check


def _time_limit(context: str, element: str) -> Check:
    """time_limit: a budget period is no longer than one year."""

    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(f"{context}/{element}"):
            start = _day(_first(node, "period-start/@iso-date") or "")
            end = _day(_first(node, "period-end/@iso-date") or "")
            if end >= start.replace(year=start.year + 1):
                yield f"{context} time_limit: {element} {start}..{end} longer than a year"

    return check


def _between_dates(context: str) -> Check:
    def check(doc: Any, now: datetime) -> Iterable[str]:
        for node in doc.xpath(context):
            start = _first(node, "period-start/@iso-date")
            end = _first(node, "period-end/@iso-date")
            for value_date in node.xpath("value/@value-date"):
                if start and end and not _day(start) <= _day(value_date) <= _day(end):
                    yield f"{context} between_dates: value-date {value_date} not in {start}..{end}"

    return check


def _if_no_lang_narratives_have_one(context: str) -> Check:
    """if_then: an activity without a default language names one on every narrative."""

    def check(doc: Any, now: datetime) -> Iterable[str]:
        lang = "{http://www.w3.org/XML/1998/namespace}lang"
        for node in doc.xpath(context):
            if node.get(lang) is None and node.xpath(".//narrative[not(@xml:lang)]"):
                yield f"{context} if_then: narratives without a language"

    return check


ACTIVITY = "//iati-activity"
MEASURED = "//result/indicator[@measure='1' or @measure='2' or @measure='3' or @measure='4']"
IDENTIFIER = r"[^\/\&\|\?]+"
RULES: dict[str, Check] = {
    "iati-activity atleast_one activity-date type 1 or 2": _at_least_one(
        ACTIVITY, "activity-date[@type='1' or @type='2']"
    ),
    "iati-activity atleast_one sector": _at_least_one(ACTIVITY, "sector", "transaction/sector"),
    "iati-activity date_order planned start <= planned end": _order(
        ACTIVITY, "activity-date[@type='1']/@iso-date", "activity-date[@type='3']/@iso-date"
    ),
    "iati-activity date_order actual start <= actual end": _order(
        ACTIVITY, "activity-date[@type='2']/@iso-date", "activity-date[@type='4']/@iso-date"
    ),
    "iati-activity date_order actual start <= now": _order(
        ACTIVITY, "activity-date[@type='2']/@iso-date", "NOW"
    ),
    "iati-activity date_order actual end <= now": _order(
        ACTIVITY, "activity-date[@type='4']/@iso-date", "NOW"
    ),
    "iati-activity date_now last-updated-datetime": _date_now(ACTIVITY, "@last-updated-datetime"),
    "iati-activity time_limit budget": _time_limit(ACTIVITY, "budget"),
    "iati-activity regex_matches identifiers": _regex(
        ACTIVITY,
        IDENTIFIER,
        "reporting-org/@ref",
        "iati-identifier/text()",
        "participating-org/@ref",
        "transaction/provider-org/@ref",
        "transaction/receiver-org/@ref",
    ),
    "iati-activity sum recipient percentages": _sum(
        ACTIVITY, 100, "recipient-country/@percentage", "recipient-region/@percentage"
    ),
    "iati-activity strict_sum sector percentages": _sum(
        ACTIVITY,
        100,
        "sector[@vocabulary = '1' or not(@vocabulary)]/@percentage",
        strict=True,
    ),
    "iati-activity range percentages": _range(
        ACTIVITY,
        "recipient-country/@percentage",
        "recipient-region/@percentage",
        "sector/@percentage",
        "capital-spend/@percentage",
    ),
    "iati-activity if_then narrative language": _if_no_lang_narratives_have_one(ACTIVITY),
    "participating-org atleast_one ref or narrative": _at_least_one(
        "//participating-org", "@ref", "narrative"
    ),
    "transaction date_order transaction-date <= now": _order(
        "//transaction", "transaction-date/@iso-date", "NOW"
    ),
    "transaction date_order value-date <= now": _order("//transaction", "value/@value-date", "NOW"),
    "budget date_order period": _order(
        "//budget", "period-start/@iso-date", "period-end/@iso-date"
    ),
    "budget between_dates value-date (beyond the ruleset)": _between_dates("//budget"),
    "result/indicator/period date_order period": _order(
        "//result/indicator/period", "period-start/@iso-date", "period-end/@iso-date"
    ),
    "result/indicator no_more_than_one reference": _no_more_than_one(
        "//result/indicator", "reference[1]", "../reference[1]"
    ),
    "baseline atleast_one value (measures 1-4)": _at_least_one(f"{MEASURED}/baseline", "@value"),
    "target atleast_one value (measures 1-4)": _at_least_one(f"{MEASURED}/period/target", "@value"),
    "actual atleast_one value (measures 1-4)": _at_least_one(f"{MEASURED}/period/actual", "@value"),
}


def violations(doc: Any, now: datetime | None = None) -> list[str]:
    """Every rule's failures over the document (empty: it passes them all)."""
    at = now or datetime.now(UTC)
    return [message for check in RULES.values() for message in check(doc, at)]
