"""Export then import back is idempotent for every bulk kind (app.bulk.KINDS): into the same
database nothing changes and a dry run reports everything unchanged; into an empty one every
record is created once and the figures are the same."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from app.bulk import KINDS, BulkKind
from app.cli import ExportFormat, write_export
from app.core.commit import transaction
from app.core.db import create_sessionmaker
from app.facilities.models import TrainingCenter
from app.gdrp.models import AdvisoryEngagement
from app.partners.models import Partner
from app.programs.models import Program
from app.seed import seed_reference_data
from tests.conftest import Keys, wipe, wps

# Records of each kind, as an import takes them, including the ones the key cannot tell
# apart (no external reference); and reports whose figures they feed.
SAMPLES: dict[str, list[dict[str, Any]]] = {
    "trainings": [
        {
            "program": "IMET",
            "title": "Two countries, no reference",
            "kind": "course",
            "topics": ["leadership"],
            "start_date": "2022-03-01",
            "end_date": "2022-03-10",
            "participants": [
                {"partner": "KEN", "women": 3, "men": 7},
                {"partner": "GHA", "women": 2, "men": 8, "unreported": 1},
            ],
        },
        {
            "program": "GPOI",
            "title": "With a reference",
            "kind": "workshop",
            "start_date": "2021-10-04",
            "end_date": "2021-10-05",
            "host_country": "GHA",
            "external_ref": "GPOI-1",
            "participants": [{"partner": "NGA", "women": 4, "men": 4}],
        },
        {
            "program": "GPOI",
            "title": 'No participants, "quoted", commas',
            "kind": "exercise",
            "start_date": "2023-01-04",
            "end_date": "2023-01-05",
        },
    ],
    "obligations": [
        {"program": "IMET", "fiscal_year": 2022, "partner": "KEN", "amount_usd": "1000.10"},
        {"program": "IMET", "fiscal_year": 2022, "partner": "KEN", "amount_usd": "1000.10"},
        {
            "program": "GPOI",
            "fiscal_year": 2023,
            "type": "disbursement",
            "amount_usd": "0.10",
            "purposes": ["women_training", "equipment"],
            "source_ref": "FA-1",
        },
    ],
    "imet-history": [
        {"fiscal_year": 2016, "partner": "KEN", "women": 3, "men": 41, "source": "archive"},
        {
            "fiscal_year": 2017,
            "partner": "GHA",
            "women": 5,
            "men": 30,
            "source": 'DSCA, "annual" report',
            "source_ref": "=SUM(A1)",
        },
    ],
    "facility-upgrades": [
        {
            "training_center": "GHA-KAIPTC",
            "program": "GPOI",
            "features": ["accommodation", "showers"],
            "women_beds_added": 24,
            "status": "completed",
            "completed_on": "2021-10-01",
            "cost_usd": "125000.10",
            "external_ref": "GPOI-UPG-1",
        },
        {"training_center": "kEN-ipstc", "program": "GPOI", "features": ["other"]},
        {"training_center": "KEN-IPSTC", "program": "GPOI", "features": ["childcare"]},
    ],
    "policy-milestones": [
        {
            "partner": "UA",
            "program": "GDRP",
            "kind": "national_action_plan",
            "title": '=Plan, "revised"',
            "adopted_on": "2022-05-10",
            "evidence_ref": "Order 2022-05-10",
            "engagement": 7,
            "external_ref": "NAP-2022",
        },
        {
            "partner": "KEN",
            "program": "GDRP",
            "kind": "other",
            "title": "T",
            "adopted_on": "2023-01-01",
        },
        {
            "partner": "KEN",
            "program": "GDRP",
            "kind": "other",
            "title": "T",
            "adopted_on": "2023-01-01",
        },
    ],
    "cwd-teams": [
        {
            "name": "Team 7",
            "activity": "clearance",
            "partner": "KEN",
            "formed_on": "2021-03-01",
            "rosters": [
                {
                    "as_of": "2022-03-31",
                    "members": [
                        {"role": "team_leader", "women": 1},
                        {"role": "deminer", "women": 8, "men": 0, "unreported": 0},
                    ],
                },
                {"as_of": "2022-09-30", "members": [{"role": "deminer", "women": 5, "men": 2}]},
            ],
        },
        {
            "program": "CWD",
            "name": '=Stockpile, "B"',
            "activity": "pssm",
            "partner": "GHA",
            "formed_on": "2021-01-01",
            "disbanded_on": "2023-06-30",
            "rosters": [
                {"as_of": "2021-01-01", "members": [{"role": "stockpile_technician", "men": 4}]}
            ],
        },
        {"name": "No roster yet", "activity": "eore", "partner": "AFG", "formed_on": "2022-01-01"},
    ],
}
REPORTS: dict[str, list[str]] = {
    "trainings": [
        "/api/v1/reports/women-trained?group_by=fiscal_year,partner",
        "/api/v1/reports/women-trained?group_by=topic,program&kind=course",
    ],
    "obligations": [
        "/api/v1/reports/funding?group_by=program,partner",
        "/api/v1/reports/funding?group_by=purpose,fiscal_year",
    ],
    "imet-history": [
        "/api/v1/reports/imet-completions?from_fy=2015&to_fy=2019",
        "/api/v1/reports/imet-completions?from_fy=2015&to_fy=2019&group_by=partner",
    ],
    "facility-upgrades": [
        "/api/v1/reports/facility-upgrades?group_by=fiscal_year,feature",
        "/api/v1/reports/facility-upgrades?group_by=partner",
    ],
    "policy-milestones": [
        "/api/v1/reports/policy-milestones?group_by=partner,kind",
        "/api/v1/reports/policy-milestones?group_by=fiscal_year",
    ],
    "cwd-teams": [
        "/api/v1/reports/cwd-teams?as_of=2022-06-30&group_by=partner,composition",
        "/api/v1/reports/cwd-teams?as_of=2022-12-31&group_by=activity",
    ],
}
VOLATILE = ("id", "created_at", "updated_at")  # what a database assigns


async def prerequisites(session: AsyncSession, name: str) -> None:
    """The records a kind's samples name (training centers, an engagement), as in any
    database the files move between."""
    partners = {p.code: p for p in (await session.scalars(select(Partner))).all()}
    if name == "facility-upgrades":
        for code, partner in (("GHA-KAIPTC", "GHA"), ("KEN-IPSTC", "KEN")):
            session.add(TrainingCenter(code=code, name=code, partner=partners[partner]))
    if name == "policy-milestones":
        gdrp = await session.scalar(select(Program).where(Program.code == "GDRP"))
        session.add(
            AdvisoryEngagement(
                id=7,
                program=gdrp,
                partner=partners["UKR"],
                institution="Ministry of Defence",
                start_date=date(2021, 11, 1),
                fiscal_year=2022,
                women=4,
                men=9,
                unreported=0,
            )
        )
    await session.flush()


async def prepare(app: Any, name: str) -> None:
    async with transaction(app.state.sessionmaker) as session:
        await prerequisites(session, name)


def test_every_bulk_kind_has_samples() -> None:
    assert set(SAMPLES) == set(KINDS) == set(REPORTS)


async def run_import(app: Any, kind: BulkKind, body: bytes, *, csv_body: bool, dry_run: bool):
    async with transaction(app.state.sessionmaker) as session:
        summary = await kind.import_body(session, body, csv_body, dry_run, lambda *_: None)
    return summary.model_dump(exclude_none=True)


async def export(app: Any, kind: BulkKind, format: ExportFormat) -> str:
    out = io.StringIO()
    filters = kind.make_filters()
    async with app.state.sessionmaker() as session:
        total = await kind.count(session, filters)
        batches = await kind.batches(session, app.state.sessionmaker, filters)
    await write_export(out, kind, format, total, batches)
    return out.getvalue()


def without_volatile(exported: str, format: ExportFormat) -> list[Any]:
    """The export's records less what a database assigns (ids, timestamps)."""
    if format is ExportFormat.json:
        items = json.loads(exported)
    else:
        items = list(csv.DictReader(io.StringIO(exported)))
    return sorted(
        (json.dumps({k: v for k, v in item.items() if k not in VOLATILE}, sort_keys=True))
        for item in items
    )


async def figures(client: httpx.AsyncClient, keys: Keys, name: str) -> list[Any]:
    found = []
    for url in REPORTS[name]:
        report = await client.get(url, headers=keys.headers("admin"))
        assert report.status_code == 200, report.text
        found.append(report.json())
    return found


@pytest.mark.parametrize("format", list(ExportFormat))
@pytest.mark.parametrize("name", list(KINDS))
async def test_export_then_import_changes_nothing(
    app: Any, client: httpx.AsyncClient, keys: Keys, name: str, format: ExportFormat
) -> None:
    kind = KINDS[name]
    samples = SAMPLES[name]
    csv_body = format is ExportFormat.csv
    await prepare(app, name)
    first = await run_import(app, kind, json.dumps(samples).encode(), csv_body=False, dry_run=False)
    assert first["created"] == len(samples)
    before = await figures(client, keys, name)
    exported = await export(app, kind, format)

    # Into the same database: a dry run, then the import, find every record unchanged.
    for dry_run in (True, False):
        again = await run_import(app, kind, exported.encode(), csv_body=csv_body, dry_run=dry_run)
        assert again["errors"] == []
        assert again["unchanged"] == len(samples), again
        assert again.get("would_create", 0) == again.get("created", 0) == 0, again
        assert again.get("would_update", 0) == again.get("updated", 0) == 0, again
    assert await export(app, kind, format) == exported
    assert await figures(client, keys, name) == before

    # Into an empty database: the ids it does not hold are created, each record once.
    async with transaction(app.state.sessionmaker) as session:
        await wipe(session)
        await seed_reference_data(session)
    await prepare(app, name)
    into_empty = await run_import(app, kind, exported.encode(), csv_body=csv_body, dry_run=False)
    assert into_empty["created"] == len(samples), into_empty
    reexported = await export(app, kind, format)
    assert without_volatile(reexported, format) == without_volatile(exported, format)
    assert await figures(client, keys, name) == before
    for body in (exported, reexported):  # the ids are kept, so either file matches
        twice = await run_import(app, kind, body.encode(), csv_body=csv_body, dry_run=True)
        assert twice["unchanged"] == len(samples), twice


@pytest.mark.parametrize("name", list(KINDS))
def test_cli_export_then_dry_run_reports_all_unchanged(
    name: str, cli_env: dict[str, str], tmp_path: Any
) -> None:
    asyncio.run(_prepare_cli(cli_env["WPS_DATABASE_URL"], name))
    source = tmp_path / f"{name}.json"
    source.write_text(json.dumps(SAMPLES[name]))
    assert wps("import", name, str(source), env=cli_env).returncode == 0
    exported = tmp_path / f"{name}.csv"
    done = wps("export", name, "--output", str(exported), env=cli_env)
    assert done.returncode == 0, done.stderr
    dry = wps("import", name, str(exported), "--dry-run", env=cli_env)
    assert dry.returncode == 0, dry.stdout
    summary = json.loads(dry.stdout)
    assert summary["would_create"] == summary["would_update"] == 0, summary
    assert summary["unchanged"] == len(SAMPLES[name])


async def _prepare_cli(url: str, name: str) -> None:
    engine = create_async_engine(url)
    try:
        async with transaction(create_sessionmaker(engine)) as session:
            await prerequisites(session, name)
    finally:
        await engine.dispose()
