"""The fact sheet: every figure, on the README's example data, as known today and as known on
a past instant, equals the figure computed by a second route (a direct count over the records,
or another endpoint); and what moved the figures between the two."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.fiscal_year import fiscal_year
from app.facilities.models import FacilityUpgrade
from app.factsheet.figures import agreed, sentence
from app.funding.models import Obligation, ObligationPurpose
from app.gdrp.models import PolicyMilestone
from app.imet.history.models import ImetHistory
from app.partners.models import Membership
from app.programs.models import Program
from app.trainings.models import Participant, Training, TrainingTopic
from tests.conftest import Keys
from tests.factsheet.readme_data import write_readme_data

SHEET = "/api/v1/fact-sheet"
EVERY = {
    "gpoi_partners",
    "gpoi_women_trained",
    "pk_partner_women_share",
    "pk_partner_countries_share",
    "gpoi_facility_upgrades",
    "nio_courses",
    "nio_students",
    "nio_countries",
    "imet_women_trained_fy2015_2019",
    "imet_women_obligated",
    "imet_nominations_women_share",
    "imet_partners_meeting_benchmark",
    "cwd_all_women_teams",
    "cwd_mixed_teams",
    "gdrp_policy_milestones",
    *(f"outcome_{n}_status" for n in range(1, 5)),
}


def _program(code: str) -> Any:
    return select(Program.id).where(Program.code == code).scalar_subquery()


async def _counted(session: AsyncSession) -> dict[str, Any]:
    """The figures counted straight from the records, with no report's code."""
    day = datetime.now(UTC).date()
    gpoi = _program("GPOI")
    p, t = Participant, Training
    async with session.begin():
        partners = await session.scalar(
            select(func.count(Membership.partner_id.distinct())).where(
                Membership.program_id == gpoi,
                Membership.start_date <= day,
                (Membership.end_date.is_(None)) | (Membership.end_date > day),
            )
        )
        women = await session.scalar(
            select(func.coalesce(func.sum(p.women), 0))
            .join(t, t.id == p.training_id)
            .where(t.program_id == gpoi, t.fiscal_year >= 2007)
        )
        nio = (
            select(t.id.label("id"))
            .distinct()
            .join(TrainingTopic, TrainingTopic.training_id == t.id)
            .where(t.program_id == gpoi, TrainingTopic.topic == "nio")
            .subquery()
        )
        courses, students, countries = (
            await session.execute(
                select(
                    func.count(t.id.distinct()),
                    func.coalesce(func.sum(p.women + p.men + p.unreported), 0),
                    func.count(p.partner_id.distinct()),
                )
                .join(t, t.id == p.training_id)
                .where(t.id.in_(select(nio.c.id)))
            )
        ).one()
        imet = await session.scalar(
            select(func.coalesce(func.sum(ImetHistory.women), 0)).where(
                ImetHistory.fiscal_year.between(2015, 2019)
            )
        )
        amounts = await session.scalars(
            select(Obligation.amount_usd)
            .join(ObligationPurpose, ObligationPurpose.obligation_id == Obligation.id)
            .where(
                Obligation.program_id == _program("IMET"),
                Obligation.fiscal_year == 2022,
                Obligation.type == "obligation",
                ObligationPurpose.purpose == "women_training",
            )
        )
        upgrades = await session.scalar(
            select(func.count()).where(
                FacilityUpgrade.program_id == gpoi, FacilityUpgrade.status == "completed"
            )
        )
        milestones = await session.scalar(
            select(func.count()).where(PolicyMilestone.program_id == _program("GDRP"))
        )
    return {
        "gpoi_partners": partners,
        "gpoi_women_trained": women,
        "nio_courses": courses,
        "nio_students": students,
        "nio_countries": countries,
        "imet_women_trained_fy2015_2019": imet,
        "imet_women_obligated": f"{sum(amounts, Decimal(0)):.2f}",
        "gpoi_facility_upgrades": upgrades,
        "gdrp_policy_milestones": milestones,
    }


async def _endpoints(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    """The figures read from other endpoints: lists, the reports the sheet names, the
    scorecard."""
    day = datetime.now(UTC).date().isoformat()

    async def get(url: str) -> Any:
        answer = await client.get(url, headers=headers)
        assert answer.status_code == 200, answer.text
        return answer.json()

    share = await get(f"/api/v1/reports/peacekeeping-share?program=GPOI&as_of={day}")
    parity = await get(f"/api/v1/reports/imet-parity?fiscal_year={fiscal_year(date.today())}")
    teams = {
        c: (await get(f"/api/v1/cwd-teams?program=CWD&as_of={day}&composition={c}"))["items"]
        for c in ("all_women", "mixed")
    }
    card = await get("/api/v1/reports/scorecard?fiscal_year=2022")
    found = {
        "pk_partner_women_share": share["women_share_pct"],
        "pk_partner_countries_share": share["countries_share_pct"],
        "imet_nominations_women_share": parity["totals"]["women_share_pct"],
        "imet_partners_meeting_benchmark": sum(1 for r in parity["rows"] if r["meets_benchmark"]),
        "cwd_all_women_teams": len(teams["all_women"]),
        "cwd_mixed_teams": len(teams["mixed"]),
    }
    for outcome in card["outcomes"]:
        statuses = [i["status"] for i in outcome["indicators"]]
        found[f"outcome_{outcome['number']}_status"] = statuses.count("on_track")
    return found


async def _expected(
    session: AsyncSession, client: httpx.AsyncClient, headers: dict[str, str]
) -> dict[str, Any]:
    return {**await _counted(session), **await _endpoints(client, headers)}


async def _values(client: httpx.AsyncClient, headers: dict[str, str], query: str) -> dict[str, Any]:
    answer = await client.get(f"{SHEET}?fiscal_year=2022{query}", headers=headers)
    assert answer.status_code == 200, answer.text
    return {f["id"]: f["value"] for f in answer.json()["figures"]}


async def _later_changes(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    """Records added after the edition: a second NIO course, an obligation, a milestone, a
    membership; and an upgrade's completion undone by deleting it."""
    nio = {
        "program": "GPOI",
        "title": "Regional NIO course (Indo-Pacific)",
        "kind": "course",
        "topics": ["nio"],
        "start_date": "2022-02-07",
        "end_date": "2022-02-18",
        "host_country": "BGD",
        "delivery": "direct",
        "external_ref": "GPOI-NIO-FY22-02",
        "participants": [
            {"partner": "BGD", "women": 5, "men": 7},
            {"partner": "IDN", "women": 6, "men": 6},
        ],
    }
    obligation = {
        "program": "IMET",
        "fiscal_year": 2022,
        "partner": None,
        "type": "obligation",
        "amount_usd": "2500000.00",
        "purposes": ["women_training"],
        "source_ref": "FA-2022-0002",
    }
    milestone = {
        "partner": "UKR",
        "program": "GDRP",
        "kind": "gender_policy",
        "title": "Gender policy of the armed forces",
        "adopted_on": "2022-08-01",
        "evidence_ref": "Order 2022-08-01",
    }
    for url, body in (
        ("/api/v1/trainings", nio),
        ("/api/v1/obligations", obligation),
        ("/api/v1/policy-milestones", milestone),
        (
            "/api/v1/partners/IDN/memberships",
            {"program": "GPOI", "start_date": "2008-01-01"},
        ),
    ):
        created = await client.post(url, json=body, headers=admin)
        assert created.status_code == 201, created.text
    upgrade = await client.get("/api/v1/facility-upgrades/1", headers=admin)
    deleted = await client.delete(
        "/api/v1/facility-upgrades/1", headers={**admin, "If-Match": upgrade.headers["etag"]}
    )
    assert deleted.status_code == 204, deleted.text


async def test_every_figure_equals_a_second_route_now_and_as_known_before(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    assert await write_readme_data(client, keys) == []

    # The edition: the README's data, every figure answered.
    edition = await _values(client, admin, "")
    assert set(edition) == EVERY
    assert all(v is not None for v in edition.values()), edition
    expected = await _expected(session, client, admin)
    assert {k: edition[k] for k in expected} == expected
    assert set(expected) == EVERY
    # The README's figures, as its examples state them.
    assert edition["imet_women_trained_fy2015_2019"] == 1783
    assert edition["pk_partner_women_share"] == 59.7
    assert (edition["nio_courses"], edition["nio_students"], edition["nio_countries"]) == (1, 36, 3)

    await asyncio.sleep(0.05)
    published = datetime.now(UTC)
    await asyncio.sleep(0.05)
    await _later_changes(client, admin)

    now = await _values(client, admin, "")
    assert now == {**now, **await _expected(session, client, admin)}
    assert now["nio_courses"] == 2 and now["nio_countries"] == 5
    assert now["imet_women_obligated"] == "3500000.00"
    assert now != edition

    at = published.isoformat().replace("+00:00", "Z")
    then = await _values(client, admin, f"&as_known_on={at}")
    assert then == edition
    # As known yesterday, before any of the test's records: nothing counted, no UN snapshot.
    yesterday = date.fromordinal(datetime.now(UTC).date().toordinal() - 1)
    before = await _values(client, admin, f"&as_known_on={yesterday}")
    assert before["pk_partner_women_share"] is None
    assert before["gpoi_women_trained"] == before["nio_courses"] == before["gpoi_partners"] == 0
    assert before["imet_women_obligated"] == "0.00"

    moved = await client.get(
        f"{SHEET}/changes?from={at}&to={datetime.now(UTC).date()}&fiscal_year=2022", headers=admin
    )
    assert moved.status_code == 200, moved.text
    figures = {f["id"]: f for f in moved.json()["figures"]}
    assert set(figures) == EVERY
    nio = figures["nio_courses"]
    assert (nio["before"], nio["after"], nio["changed"]) == (1, 2, True)
    assert nio["moved_by"] == {"training": {"create": 1}}
    assert figures["gpoi_facility_upgrades"]["moved_by"] == {"facility_upgrade": {"delete": 1}}
    assert figures["imet_women_obligated"]["after"] == "3500000.00"
    assert not figures["imet_women_trained_fy2015_2019"]["changed"]
    assert figures["imet_women_trained_fy2015_2019"]["moved_by"] == {}
    assert moved.json()["snapshots_uploaded"] == []


async def test_inputs_reproduce_each_figure_and_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    """Each figure's call answers 200 (also as known then and suppressed); the UN figures name
    the snapshot and its SHA-256; the CSV has a line per figure."""
    admin = keys.headers("admin")
    assert await write_readme_data(client, keys) == []
    query = f"?fiscal_year=2022&suppress_below=20&as_known_on={datetime.now(UTC).date()}"
    sheet = (await client.get(SHEET + query, headers=admin)).json()
    assert sheet["filters"]["suppress_below"] == 20
    for figure in sheet["figures"]:
        reproduced = await client.get(figure["inputs"]["call"], headers=admin)
        assert reproduced.status_code == 200, (figure["id"], reproduced.text)
        assert figure["value"] is not None or figure["reason"], figure
    by_id = {f["id"]: f for f in sheet["figures"]}
    assert "as_known_on=" in by_id["gpoi_women_trained"]["inputs"]["call"]
    assert "suppress_below=20" in by_id["gpoi_women_trained"]["inputs"]["call"]
    assert "suppress_below" not in by_id["imet_women_obligated"]["inputs"]["call"]
    # 18 women in FY2022's GPOI trainings: withheld from its one row, and so its total.
    assert by_id["gpoi_women_trained"]["value"] is None
    assert "suppress_below=20" in by_id["gpoi_women_trained"]["reason"]
    assert "women" in by_id["gpoi_women_trained"]["inputs"]["suppressed"]
    assert by_id["gpoi_women_trained"]["inputs"]["suppressed_rows"] == 1
    share = by_id["pk_partner_women_share"]
    assert share["stale"] is True
    assert share["inputs"]["snapshots"][0]["sha256"].startswith("f6df324a")
    obligated = by_id["imet_women_obligated"]
    assert (obligated["target"], obligated["status"]) == ("3000000.00", "behind")
    assert obligated["sentence"].startswith("In FY 2022, the Department obligated $1,000,000.00")

    as_csv = await client.get(SHEET + query + "&format=csv", headers=admin)
    lines = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [line["id"] for line in lines] == [f["id"] for f in sheet["figures"]]
    assert lines[0]["call"] == sheet["figures"][0]["inputs"]["call"]


async def test_figures_the_records_cannot_support_are_null_with_a_reason(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    """No records at all: no UN snapshot, so the shares are null with the reason; an embassy
    key gets no UN figures; counts are 0, not absent."""
    sheet = (await client.get(SHEET, headers=keys.headers("analyst"))).json()
    by_id = {f["id"]: f for f in sheet["figures"]}
    assert set(by_id) == EVERY
    share = by_id["pk_partner_women_share"]
    assert share["value"] is None and "snapshot" in share["reason"]
    assert by_id["gpoi_women_trained"]["value"] == 0
    embassy = (await client.get(SHEET, headers=keys.headers("embassy"))).json()
    mine = {f["id"]: f for f in embassy["figures"]}
    assert "embassy" in mine["pk_partner_countries_share"]["reason"]
    refused = await client.get(
        f"{SHEET}/changes?from=2026-01-01&to=2026-01-02", headers=keys.headers("embassy")
    )
    assert refused.status_code == 403


async def test_bad_dates_are_422_naming_the_parameter(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    for query, name in (
        ("from=2026-02-01&to=2026-01-01", "to"),
        ("from=yesterday&to=2026-01-01", "from"),
        ("from=2026-01-01&to=2999-01-01", "to"),
    ):
        answer = await client.get(f"{SHEET}/changes?{query}", headers=admin)
        assert answer.status_code == 422, query
        assert answer.json()["errors"][0]["parameter"] == name, answer.text
    assert (await client.get(f"{SHEET}?as_known_on=2999-01-01", headers=admin)).status_code == 422


def test_units_agree_with_the_figure() -> None:
    """One course, one country; none, zero or many are plural; the template is answered in
    the figure's number with {value} to fill."""
    template = "{value} regional NIO {course has|courses have} been conducted"
    assert [sentence(template, value, "trainings") for value in (1, 0, 7, None)] == [
        "1 regional NIO course has been conducted",
        "0 regional NIO courses have been conducted",
        "7 regional NIO courses have been conducted",
        "[no figure] regional NIO courses have been conducted",
    ]
    assert sentence("from {value} {country|countries}.", 1, "countries") == "from 1 country."
    assert sentence("{value}% of {country|countries}", 1.0, "percent") == "1.0% of countries"
    assert agreed(template, 1) == "{value} regional NIO course has been conducted"
    assert agreed(template, 2) == "{value} regional NIO courses have been conducted"


async def test_sentences_read_in_the_number_of_their_figures(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    assert await write_readme_data(client, keys) == []
    answer = await client.get(f"{SHEET}?fiscal_year=2022", headers=admin)
    assert answer.status_code == 200, answer.text
    figures = {f["id"]: f for f in answer.json()["figures"]}
    courses, countries = figures["nio_courses"], figures["nio_countries"]
    assert (courses["value"], countries["value"]) == (1, 3)
    assert courses["sentence"] == "1 regional NIO course has been conducted"
    # The template is the sentence with {value} where the figure is (the printable page
    # links the figure by that).
    assert courses["template"] == "{value} regional NIO course has been conducted"
    assert countries["sentence"] == "from 3 countries."
    for figure in figures.values():
        assert "|" not in figure["sentence"] + figure["template"], figure
    for number in range(1, 5):
        outcome = figures[f"outcome_{number}_status"]
        targeted = outcome["inputs"]["records"]["with_target"]
        unit = "indicator" if targeted == 1 else "indicators"
        assert f" of {targeted} {unit} with a FY2022 target" in outcome["sentence"], outcome
