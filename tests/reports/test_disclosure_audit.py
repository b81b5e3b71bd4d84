"""The disclosure audit (issue 24, point 5) over every answer that takes `suppress_below`: each
report, indicator progress, the scorecard and the IATI export, on records with small counts
everywhere. For each, what the answer publishes is solved for every withheld count's feasible
range (tests/core/disclosure_audit.py), which must hold K values or more."""

from __future__ import annotations

from typing import Any

import httpx
from lxml import etree

from app.reports import cwd_teams, imet_completions, imet_parity, peacekeeping_share, women_trained
from tests.conftest import Keys
from tests.core.disclosure_audit import audit_count_table, audit_overlapping_rows, audit_series
from tests.imet.nominations.helpers import CURRENT_FY
from tests.indicators.helpers import put_target
from tests.integrations.test_iati import EXPORT, small_result
from tests.reports.test_people_counts import REPORTS, small_records
from tests.trainings.helpers import TRAININGS, training

# Each report answering a count table: its declaration and a query grouping it finely.
TABLES = {
    "women-trained": (women_trained.COUNTS, {"group_by": "fiscal_year,partner"}),
    "imet-parity": (imet_parity.COUNTS, {"fiscal_year": CURRENT_FY}),
    "imet-completions": (imet_completions.COUNTS, {"group_by": "partner"}),
    "peacekeeping-share": (
        peacekeeping_share.COUNTS,
        {"program": "GPOI", "by_personnel_type": "true"},
    ),
    "cwd-teams": (cwd_teams.COUNTS, {"as_of": "2022-06-30", "group_by": "partner"}),
}
K_VALUES = (2, 3, 5)
DRAFTS = {"include": "unapproved"}  # the deminers' results are entered, not approved


def _table(name: str, answer: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """An answer's rows and totals (peacekeeping-share's totals are its top level)."""
    return answer["rows"], answer if name == "peacekeeping-share" else answer["totals"]


async def _get(client: httpx.AsyncClient, keys: Keys, url: str, **params: Any) -> Any:
    answer = await client.get(url, params=params, headers=keys.headers("analyst"))
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_no_report_lets_a_withheld_count_be_narrowed_below_k(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await small_records(client, keys)
    for name, (table, query) in TABLES.items():
        true_rows, true_totals = _table(name, await _get(client, keys, REPORTS + name, **query))
        for k in K_VALUES:
            answer = await _get(client, keys, REPORTS + name, **query, suppress_below=k)
            rows, totals = _table(name, answer)
            if k == 5:  # the records hold counts below 5 in every table: work to do
                assert any(r["suppressed"] for r in [*rows, totals]), name
            found = audit_count_table(table, rows, totals, true_rows, true_totals, k)
            assert found == [], (name, k, found)


# Trainings by fiscal year: their topics and (women, men) by partner.
BY_TOPIC: dict[int, list[tuple[list[str], dict[str, tuple[int, int]]]]] = {
    2020: [
        (["gender_integration", "peacekeeping"], {"KEN": (2, 20), "GHA": (30, 25)}),
        (["nio"], {"SEN": (3, 9)}),
        (["leadership", "nio"], {"KEN": (12, 1)}),
        (["peacekeeping"], {"SEN": (6, 2)}),
        ([], {"GHA": (1, 6)}),
    ],
    # The rows' men (3) are small and the totals equal the nio row: with the totals as the
    # rows' sum, withholding the rows' women and men left nio's 6 and 12 exact.
    2021: [(["nio", "peacekeeping"], {"KEN": (6, 3)}), (["nio"], {"KEN": (0, 9)})],
    # The totals' 1 man is in a training without topics: no row holds him (it was a 500).
    2022: [(["peacekeeping"], {"KEN": (12, 0)}), ([], {"KEN": (6, 1)})],
}


async def test_women_trained_by_topic_lets_no_withheld_count_be_narrowed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    """By topic a training counts under each of its topics and once in the totals (a training
    without one: only there), so the totals are no sum of the rows; the audit models who is in
    which topics as unknown to the reader."""
    for year, trainings in BY_TOPIC.items():
        for n, (topics, counts) in enumerate(trainings):
            body = training(
                external_ref=f"TOPIC-{year}-{n}",
                topics=topics,
                start_date=f"{year}-03-01",
                end_date=f"{year}-03-02",
                participants=[{"partner": p, "women": w, "men": m} for p, (w, m) in counts.items()],
            )
            made = await client.post(TRAININGS, json=body, headers=keys.headers("admin"))
            assert made.status_code == 201, made.text
    for year in BY_TOPIC:
        for group_by, others in (("topic", ()), ("partner,topic", ("partner",))):
            query = {"group_by": group_by, "from_fy": year, "to_fy": year}
            plain = await _get(client, keys, REPORTS + "women-trained", **query)
            totals = plain["totals"]["total"]
            assert totals != sum(r["total"] for r in plain["rows"])  # overlapping, or apart
            for k in K_VALUES:
                answer = await _get(
                    client, keys, REPORTS + "women-trained", **query, suppress_below=k
                )
                rows, totals = answer["rows"], answer["totals"]
                if k == 5:
                    assert any(r["suppressed"] for r in [*rows, totals]), query
                found = audit_overlapping_rows(
                    women_trained.COUNTS,
                    rows,
                    totals,
                    plain["rows"],
                    plain["totals"],
                    k,
                    "topic",
                    others,
                )
                assert found == [], (query, k, found)


def test_the_overlapping_rows_audit_bounds_a_row_by_the_totals() -> None:
    """A row is some of the people in the totals: published totals of 3 women bound the row's
    withheld women to 1..3; with 33 women in the totals and 30 in another row they could be 1 to
    33 (the other row's people may be in both topics)."""
    true = [{"topic": "nio", "women": 3, "men": 20, "unreported": 0, "total": 23}]
    shown = [{**true[0], "women": None, "total": None, "women_share_pct": None}]
    totals = {"women": 3, "men": 20, "unreported": 0, "total": 23}
    found = audit_overlapping_rows(women_trained.COUNTS, shown, totals, true, totals, 5, "topic")
    assert found == [
        "(0, 'total'): true 23, feasible 21..23",
        "(0, 'women'): true 3, feasible 1..3",
    ]

    other = {"topic": "peacekeeping", "women": 30, "men": 25, "unreported": 0, "total": 55}
    totals = {"women": 33, "men": 45, "unreported": 0, "total": 78}
    found = audit_overlapping_rows(
        women_trained.COUNTS, [*shown, other], totals, [*true, other], totals, 5, "topic"
    )
    assert found == []


async def test_progress_and_the_scorecard_let_no_withheld_actual_be_narrowed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await small_records(client, keys)
    await small_result(client, keys)
    # FY2022's 3 deminers are withheld; a target of 4 missed would say they are 1 to 3.
    await put_target(client, keys, "CWD-WOMEN-DEMINERS", 2022, 4, partner="KEN")
    progress = "/api/v1/indicators/{}/progress"
    for code, query in (
        ("GPOI-WOMEN-TRAINED", {"from_fy": 2020, "to_fy": 2024}),
        ("CWD-WOMEN-DEMINERS", {"from_fy": 2021, "to_fy": 2024, "partner": "KEN", **DRAFTS}),
    ):
        plain = await _get(client, keys, progress.format(code), **query)
        running = plain["aggregation"] == "cumulative"
        for k in K_VALUES:
            shown = await _get(client, keys, progress.format(code), **query, suppress_below=k)
            found = audit_series(shown["rows"], plain["rows"], k, running)
            assert found == [], (code, k, found)
    plain_card = await _get(client, keys, REPORTS + "scorecard", fiscal_year=2022)
    for k in K_VALUES:
        card = await _get(client, keys, REPORTS + "scorecard", fiscal_year=2022, suppress_below=k)
        for outcome, true_outcome in zip(card["outcomes"], plain_card["outcomes"], strict=True):
            for line, true in zip(outcome["indicators"], true_outcome["indicators"], strict=True):
                if line["measure"] == "count":
                    assert audit_series([line], [true], k, running=False) == [], (line, k)


def _periods(document: bytes) -> list[dict[str, Any]]:
    """Every period's actual and its people by sex, in document order."""
    found = []
    for period in etree.fromstring(document).iter("period"):
        line: dict[str, Any] = {"value": None, "women": None, "men": None}
        for actual in period.iter("actual"):
            sex = actual.xpath("dimension[@name='sex']/@value")
            name = {"female": "women", "male": "men"}.get(sex[0]) if sex else "value"
            line[name] = int(actual.get("value"))
        found.append(line)
    return found


async def test_the_iati_export_lets_no_withheld_count_be_narrowed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    from app.integrations.iati import BY_SEX

    await small_result(client, keys)
    plain = await client.get(EXPORT, headers=keys.headers("analyst"))
    # A period with both sexes is a table (a count of women alone is its value, a series).
    true = [p for p in _periods(plain.content) if None not in (p["women"], p["men"])]
    assert true  # periods with a breakdown to audit
    for k in K_VALUES:
        shown = await client.get(
            EXPORT, params={"suppress_below": k}, headers=keys.headers("analyst")
        )
        assert shown.status_code == 200, shown.text
        periods = [
            p
            for p, t in zip(_periods(shown.content), _periods(plain.content), strict=True)
            if None not in (t["women"], t["men"])
        ]
        for period, truth in zip(periods, true, strict=True):
            truth = {**truth, "unreported": truth["value"] - truth["women"] - truth["men"]}
            found = audit_count_table(BY_SEX, [], period, [], truth, k)
            assert found == [], (truth, period, k, found)
