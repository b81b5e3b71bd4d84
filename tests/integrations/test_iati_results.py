"""IATI results and budgets (issue 24, point 9): every period's target and actual are indicator
progress's figures for the project's country, derived indicators included, by sex where the
records have it; small counts are left out as progress withholds them; a budget per fiscal year
is the sum of the project's obligations; the document passes the schema and the IATI
ruleset checks that apply (tests/integrations/iati_rules.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from lxml import etree
from sqlalchemy import event

from tests.conftest import Keys
from tests.cwd.helpers import REPORT as CWD_REPORT
from tests.cwd.helpers import make_team, members, roster
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.indicators.helpers import INDICATORS, create, post_approved, post_result, put_target
from tests.integrations.iati_rules import RULES, violations
from tests.integrations.test_iati import EXPORT, activity, deminers, export
from tests.projects.helpers import make_project
from tests.trainings.helpers import TRAININGS, training

PROJECT_YEARS = {"from_fy": 2022, "to_fy": 2023}


async def portfolio(client: httpx.AsyncClient, keys: Keys) -> None:
    """A GPOI project in Ghana with trainings, a CWD project in Kenya with a team, both
    running FY2022-FY2023; obligations, a manual indicator's approved and draft results."""
    admin = keys.headers("admin")
    for code, program, partner in (("GPOI-GHA-01", "GPOI", "GHA"), ("CWD-KEN-01", "CWD", "KEN")):
        await make_project(
            client,
            keys,
            code=code,
            program=program,
            partner=partner,
            start_date="2021-10-01",
            end_date="2023-09-30",
        )
    for ref, start, end, women, men in (
        ("GPOI-FY22-1", "2021-11-01", "2021-11-12", 6, 18),
        ("GPOI-FY23-1", "2022-11-01", "2022-11-12", 2, 10),  # 2 more women: a small increase
    ):
        made = await client.post(
            TRAININGS,
            json=training(
                external_ref=ref,
                start_date=start,
                end_date=end,
                participants=[
                    {"partner": "GHA", "women": women, "men": men, "unreported": 1},
                    {"partner": "KEN", "women": 40, "men": 1},  # not Ghana's
                ],
            ),
            headers=keys.headers("integration"),
        )
        assert made.status_code == 201, made.text
    await create(
        client,
        keys,
        code="GPOI-PARTICIPANTS",
        name="GPOI participants trained",
        program="GPOI",
        outcome=1,
        source="derived",
        metric="participants_trained",
        metric_filters={"program": "GPOI"},
    )
    await put_target(client, keys, "GPOI-WOMEN-TRAINED", 2022, 10, partner="GHA")

    team = await make_team(client, keys, partner="KEN")
    await roster(client, keys, team["id"], "2021-11-01", members(women=7, men=3, leaders=2))

    for year, amount, kind in (
        (2022, "450000.00", "obligation"),
        (2022, "50000.25", "obligation"),
        (2022, "200000.00", "disbursement"),  # no budget
        (2023, "100000.50", "obligation"),
    ):
        made = await client.post(
            OBLIGATIONS,
            json=obligation(
                program="CWD",
                partner="KEN",
                project="CWD-KEN-01",
                fiscal_year=year,
                amount_usd=amount,
                type=kind,
                source_ref=None,
            ),
            headers=admin,
        )
        assert made.status_code == 201, made.text

    await deminers(client, keys)
    # A draft is no figure yet: progress does not count it, nor does the export.
    await post_result(client, keys, "CWD-WOMEN-DEMINERS", fiscal_year=2023, partner="KEN", value=9)


async def indicator_codes(client: httpx.AsyncClient, keys: Keys) -> dict[str, str]:
    response = await client.get(INDICATORS, params={"limit": 500}, headers=keys.headers("admin"))
    assert response.status_code == 200, response.text
    return {item["name"]: item["code"] for item in response.json()["items"]}


async def progress_rows(
    client: httpx.AsyncClient, keys: Keys, code: str, partner: str | None, **params: Any
) -> list[dict[str, Any]]:
    scope = {} if partner is None else {"partner": partner}
    response = await client.get(
        f"{INDICATORS}/{code}/progress",
        params={**PROJECT_YEARS, **scope, **params},
        headers=keys.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    return list(response.json()["rows"])


def period(node: Any, name: str, year: int) -> Any:
    (found,) = node.xpath(
        "result/indicator[title/narrative=$name]/period[period-start/@iso-date=$start]",
        name=name,
        start=f"{year - 1}-10-01",
    )
    return found


def sexes(found: Any) -> dict[str, str]:
    return {
        str(a.xpath("dimension/@value")[0]): str(a.get("value"))
        for a in found.xpath("actual[dimension/@name='sex']")
    }


BOTH = (("GPOI-GHA-01", "GHA"), ("CWD-KEN-01", "KEN"))


async def assert_periods_are_progress(
    client: httpx.AsyncClient,
    keys: Keys,
    doc: Any,
    projects: Sequence[tuple[str, str | None]] = BOTH,
    **params: Any,
) -> int:
    """Every period of the activities (by default both) has progress's target and actual for
    the project's country (an actual progress withholds or lacks: none); returns the actuals
    compared."""
    names = await indicator_codes(client, keys)
    compared = 0
    for code, partner in projects:
        node = activity(doc, code)
        for indicator in node.xpath("result/indicator"):
            name = str(indicator.xpath("title/narrative/text()")[0])
            rows = await progress_rows(client, keys, names[name], partner, **params)
            periods = indicator.xpath("period")
            assert len(periods) == len(rows) == 2, name
            for found, row in zip(periods, rows, strict=True):
                assert found.xpath("period-start/@iso-date") == [f"{row['fiscal_year'] - 1}-10-01"]
                assert found.xpath("target/@value") == ([row["target"]] if row["target"] else [])
                shown = found.xpath("actual[not(dimension)]/@value")
                assert shown == ([row["actual"]] if row["actual"] is not None else []), (name, row)
                compared += row["actual"] is not None
    return compared


async def test_periods_carry_progress_figures_derived_ones_by_sex(
    client: httpx.AsyncClient, keys: Keys, schema: Any
) -> None:
    await portfolio(client, keys)
    doc = await export(client, keys)
    schema.assertValid(doc)
    assert violations(doc) == []
    assert await assert_periods_are_progress(client, keys, doc) >= 10

    gpoi = activity(doc, "GPOI-GHA-01")
    women_trained = "Women peacekeepers trained through GPOI (cumulative since FY2007)"
    fy22, fy23 = period(gpoi, women_trained, 2022), period(gpoi, women_trained, 2023)
    # Ghana's women, a running total; the count is of women, so it is the female figure too.
    assert fy22.xpath("target/@value") == ["10"]
    assert fy22.xpath("actual[not(dimension)]/@value") == ["6"]
    assert sexes(fy22) == {"female": "6"}
    assert (fy23.xpath("actual[not(dimension)]/@value"), sexes(fy23)) == (["8"], {"female": "8"})

    report = await client.get(
        "/api/v1/reports/women-trained",
        params={"group_by": "fiscal_year", "program": "GPOI", "partner": "GHA", **PROJECT_YEARS},
        headers=keys.headers("analyst"),
    )
    assert report.status_code == 200, report.text
    for row in report.json()["rows"]:
        participants = period(gpoi, "GPOI participants trained", row["fiscal_year"])
        assert participants.xpath("actual[not(dimension)]/@value") == [str(row["total"])]
        assert sexes(participants) == {"female": str(row["women"]), "male": str(row["men"])}

    cwd = activity(doc, "CWD-KEN-01")
    for year in (2022, 2023):
        teams = await client.get(
            CWD_REPORT,
            params={"as_of": f"{year}-09-30", "partner": "KEN", "group_by": "partner"},
            headers=keys.headers("analyst"),
        )
        assert teams.status_code == 200, teams.text
        (row,) = teams.json()["rows"]
        personnel = period(cwd, "Women on CWD teams", year)
        assert sexes(personnel) == {"female": str(row["women"])} == {"female": "7"}
        leaders = period(cwd, "Women in leadership roles on CWD teams", year)
        assert leaders.xpath("actual/@value") == [str(row["women_in_leadership"])] * 2
        all_women = period(cwd, "All-women CWD teams", year)  # teams, not people: no sex
        assert (all_women.xpath("actual/@value"), sexes(all_women)) == (["0"], {})

    deminers = "Women deminers in CWD teams"
    (indicator,) = cwd.xpath("result/indicator[title/narrative=$n]", n=deminers)
    assert indicator.xpath("baseline/@value") == ["5"]
    fy22 = period(cwd, deminers, 2022)
    assert fy22.xpath("actual[not(dimension)]/@value") == ["40"]
    assert sexes(fy22) == {"female": "30", "male": "10"}
    assert period(cwd, deminers, 2023).xpath("actual") == []  # the draft is not published


async def test_budgets_per_fiscal_year_are_the_obligations(
    client: httpx.AsyncClient, keys: Keys, schema: Any
) -> None:
    await portfolio(client, keys)
    listed = await client.get(OBLIGATIONS, params={"limit": 500}, headers=keys.headers("admin"))
    assert listed.status_code == 200, listed.text
    expected: dict[int, Decimal] = defaultdict(Decimal)
    for item in listed.json()["items"]:
        if item["project"] == "CWD-KEN-01" and item["type"] == "obligation":
            expected[item["fiscal_year"]] += Decimal(item["amount_usd"])
    assert expected == {2022: Decimal("500000.25"), 2023: Decimal("100000.50")}

    doc = await export(client, keys)
    budgets = activity(doc, "CWD-KEN-01").xpath("budget")
    assert [(b.get("type"), b.get("status")) for b in budgets] == [("1", "2")] * 2
    found = {
        int(b.xpath("period-end/@iso-date")[0][:4]): (
            b.xpath("period-start/@iso-date")[0],
            b.xpath("period-end/@iso-date")[0],
            b.xpath("value/@currency")[0],
            b.xpath("value/@value-date")[0],
            Decimal(b.xpath("value/text()")[0]),
        )
        for b in budgets
    }
    assert found == {
        year: (f"{year - 1}-10-01", f"{year}-09-30", "USD", f"{year - 1}-10-01", amount)
        for year, amount in expected.items()
    }
    assert activity(doc, "GPOI-GHA-01").xpath("budget") == []  # nothing obligated

    only_2023 = await export(client, keys, from_fy=2023)
    schema.assertValid(only_2023)
    assert activity(only_2023, "CWD-KEN-01").xpath("budget/value/text()") == ["100000.50"]


async def test_withheld_counts_are_not_written(
    client: httpx.AsyncClient, keys: Keys, schema: Any
) -> None:
    await portfolio(client, keys)
    doc = await export(client, keys, suppress_below=5)
    schema.assertValid(doc)
    assert violations(doc) == []
    await assert_periods_are_progress(client, keys, doc, suppress_below=5)

    gpoi = activity(doc, "GPOI-GHA-01")
    women_trained = "Women peacekeepers trained through GPOI (cumulative since FY2007)"
    assert period(gpoi, women_trained, 2022).xpath("actual/@value") == ["6", "6"]
    # 8 is 6 + 2 women: the increase is small, so the year's figure and its sex are withheld.
    assert period(gpoi, women_trained, 2023).xpath("actual") == []
    participants = period(gpoi, "GPOI participants trained", 2023)
    assert participants.xpath("actual[not(dimension)]/@value") == ["13"]  # 2 + 10 + 1
    # 2 women withheld, and the 10 men with them: from 13 and 10 a reader would know the women
    # are 1 to 3 (13 - 10 less the unreported), fewer than 5 values.
    assert sexes(participants) == {}

    cwd = activity(doc, "CWD-KEN-01")
    assert period(cwd, "Women on CWD teams", 2022).xpath("actual/@value") == ["7", "7"]
    assert period(cwd, "Women in leadership roles on CWD teams", 2022).xpath("actual") == []


def test_the_ruleset_checks_catch_what_they_name() -> None:
    """Each check the export is held to fails on a document that breaks it."""
    broken = etree.fromstring(
        b"""<iati-activities version="2.03">
<iati-activity last-updated-datetime="2999-01-01T00:00:00Z" default-currency="USD">
<iati-identifier>US-GOV-11/BAD</iati-identifier>
<reporting-org ref="US-GOV-11" type="10"><narrative>x</narrative></reporting-org>
<participating-org role="1"/>
<activity-date type="3" iso-date="2020-01-01"/>
<activity-date type="1" iso-date="2021-01-01"/>
<recipient-country code="KE" percentage="60"/>
<sector code="15250" percentage="-10"/>
<budget type="1" status="2"><period-start iso-date="2022-10-01"/>
<period-end iso-date="2024-09-30"/><value value-date="2021-01-01">1</value></budget>
<budget type="1" status="2"><period-start iso-date="2023-10-01"/>
<period-end iso-date="2023-09-30"/><value value-date="2023-10-01">1</value></budget>
<transaction><transaction-type code="2"/><transaction-date iso-date="2999-10-01"/>
<value currency="USD" value-date="2999-10-01">1</value></transaction>
<result type="2"><title><narrative>r</narrative></title><reference vocabulary="99" code="a"/>
<indicator measure="1"><reference vocabulary="99" code="b"/><title><narrative>i</narrative>
</title><baseline year="2022"/><period><period-start iso-date="2023-01-01"/>
<period-end iso-date="2022-01-01"/><target/><actual/></period></indicator></result>
</iati-activity>
<iati-activity xml:lang="en"><iati-identifier>US-GOV-11-EMPTY</iati-identifier></iati-activity>
</iati-activities>"""
    )
    found = violations(broken, datetime(2026, 12, 7, tzinfo=UTC))
    for needle in (
        "atleast_one: none of (\"activity-date[@type='1' or @type='2']\",)",
        "activity-date[@type='1']/@iso-date=2021-01-01 after",
        "date_now",
        "time_limit: budget 2022-10-01..2024-09-30",
        "regex_matches: iati-identifier/text()='US-GOV-11/BAD'",
        "atleast_one: none of ('sector', 'transaction/sector')",
        "sum: ('recipient-country/@percentage', 'recipient-region/@percentage') = 60",
        "strict_sum",
        "range: sector/@percentage=-10",
        "narratives without a language",
        "//participating-org atleast_one",
        "//transaction date_order: transaction-date/@iso-date=2999-10-01",
        "//transaction date_order: value/@value-date=2999-10-01",
        "//budget date_order: period-start/@iso-date=2023-10-01",
        "between_dates: value-date 2021-01-01",
        "//result/indicator/period date_order",
        "no_more_than_one",
        "baseline atleast_one",
        "target atleast_one",
        "actual atleast_one",
    ):
        assert any(needle in message for message in found), (needle, found)
    assert len(RULES) == 23


@pytest.mark.parametrize("k", [None, 2])
async def test_an_embassy_export_is_its_progress(
    client: httpx.AsyncClient, keys: Keys, k: int | None
) -> None:
    """The embassy key (Kenya) gets Kenya's project, its figures those its progress shows."""
    await portfolio(client, keys)
    params = {} if k is None else {"suppress_below": k}
    response = await client.get(EXPORT, params=params, headers=keys.headers("embassy"))
    assert response.status_code == 200, response.text
    doc = etree.fromstring(response.content)
    assert doc.xpath("iati-activity/iati-identifier/text()") == ["US-GOV-11-CWD-KEN-01"]
    personnel = period(activity(doc, "CWD-KEN-01"), "Women on CWD teams", 2022)
    assert sexes(personnel) == {"female": "7"}


async def test_a_multi_country_project_sums_the_partners_results_by_sex(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    """Without an overall result, progress sums the partners' (approved) results: the sexes
    are their sums when every result has a breakdown, and not written when one has none."""
    await make_project(
        client,
        keys,
        code="CWD-GLOBAL",
        partner=None,
        award_ref=None,
        start_date="2021-10-01",
        end_date="2023-09-30",
    )
    await create(client, keys, code="CWD-WOMEN-DEMINERS")
    for year, partner, breakdown in (
        (2022, "KEN", {"women": 6, "men": 4, "unreported": 0}),
        (2022, "GHA", {"women": 7, "men": 8, "unreported": 0}),
        (2023, "KEN", {"women": 9, "men": 1, "unreported": 0}),
        (2023, "GHA", {}),  # 12 people, no breakdown
    ):
        value = sum(breakdown.values()) or 12
        await post_approved(
            client,
            keys,
            "CWD-WOMEN-DEMINERS",
            fiscal_year=year,
            partner=partner,
            value=value,
            **breakdown,
        )
    node = activity(await export(client, keys), "CWD-GLOBAL")
    response = await client.get(
        f"{INDICATORS}/CWD-WOMEN-DEMINERS/progress",
        params=PROJECT_YEARS,
        headers=keys.headers("analyst"),
    )
    assert [row["actual"] for row in response.json()["rows"]] == ["25", "22"]
    fy22 = period(node, "Women deminers in CWD teams", 2022)
    fy23 = period(node, "Women deminers in CWD teams", 2023)
    assert (fy22.xpath("actual[not(dimension)]/@value"), sexes(fy22)) == (
        ["25"],
        {"female": "13", "male": "12"},
    )
    assert (fy23.xpath("actual[not(dimension)]/@value"), sexes(fy23)) == (["22"], {})


async def cwd_projects(client: httpx.AsyncClient, keys: Keys, numbers: range) -> None:
    """CWD projects in Kenya, in Ghana and over several countries (FY2022-FY2023), numbered."""
    for n in numbers:
        for partner in ("KEN", "GHA", None):
            await make_project(
                client,
                keys,
                code=f"CWD-{partner or 'ALL'}-{n:02}",
                partner=partner,
                award_ref=None,
                start_date="2021-10-01",
                end_date="2023-09-30",
            )


def statements_of(app: Any) -> tuple[list[str], Any]:
    """The SQL the app's engines run from now on, and a function to stop listening."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        statements.append(sql)

    engines = [app.state.engine.sync_engine, app.state.long_engine.sync_engine]
    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)

    def stop() -> None:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)

    return statements, stop


async def counted_export(client: httpx.AsyncClient, keys: Keys, app: Any) -> tuple[Any, list[str]]:
    statements, stop = statements_of(app)
    try:
        doc = await export(client, keys, **PROJECT_YEARS)
    finally:
        stop()
    return doc, statements


def reading(statements: list[str], table: str) -> int:
    return sum(f"FROM {table}" in sql for sql in statements)


async def test_a_batch_shares_its_queries_and_each_project_keeps_its_figures(
    client: httpx.AsyncClient, keys: Keys, app: Any
) -> None:
    """CWD projects in two countries and over several: each period is its own scope's progress
    (targets and the four derived CWD figures), though each team query (one per scope and
    fiscal year) and each indicator's targets and locks are read once for the batch; more
    projects in the same countries run no more statements."""
    await cwd_projects(client, keys, range(1, 2))
    for partner, women, men in (("KEN", 7, 3), ("GHA", 4, 0)):
        team = await make_team(client, keys, partner=partner)
        await roster(client, keys, team["id"], "2021-11-01", members(women, men, leaders=1))
    names = await indicator_codes(client, keys)
    cwd = [code for code in names.values() if code.startswith("CWD-")]
    for code, partner, value in (
        ("CWD-WOMEN-PERSONNEL", "KEN", 9),
        ("CWD-WOMEN-PERSONNEL", "GHA", 5),
        ("CWD-WOMEN-PERSONNEL", None, 20),
        ("CWD-ALL-WOMEN-TEAMS", "GHA", 1),
    ):
        await put_target(client, keys, code, 2023, value, partner=partner)

    await export(client, keys)  # the caller's key is looked up once
    doc, statements = await counted_export(client, keys, app)
    scopes = (("CWD-KEN-01", "KEN"), ("CWD-GHA-01", "GHA"), ("CWD-ALL-01", None))
    # The four derived indicators' actuals in three scopes and two years (the manual one: none).
    assert await assert_periods_are_progress(client, keys, doc, scopes) == 4 * 3 * 2
    women = [
        period(activity(doc, code), "Women on CWD teams", 2023).xpath(
            "target/@value | actual/@value"
        )
        for code, _ in scopes
    ]
    assert women == [["9", "7", "7"], ["5", "4", "4"], ["20", "11", "11"]]
    assert len(cwd) == 5
    assert reading(statements, "indicator_targets") == len(cwd)
    assert reading(statements, "indicator_locks") == len(cwd)
    assert reading(statements, "cwd_teams_rollup") == len(scopes) * 2  # not per metric

    await cwd_projects(client, keys, range(2, 6))
    doc, more = await counted_export(client, keys, app)
    assert len(doc.xpath("iati-activity")) == 15
    assert len(more) == len(statements)
