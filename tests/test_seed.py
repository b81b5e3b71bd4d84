"""Reference data: seeded once, never duplicated, never overwriting an admin's edit."""

from __future__ import annotations

import httpx
import pycountry
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from app.core.commit import transaction
from app.outcomes.models import Outcome
from app.partners.models import Partner
from app.programs.models import Program
from app.seed import reference_partners, seed_reference_data
from tests.conftest import Keys


async def _counts(session: AsyncSession) -> dict[str, int]:
    counts = {}
    for name, model in (
        ("programs", Program),
        ("partners", Partner),
        ("outcomes", Outcome),
        ("audit", AuditEvent),
    ):
        counts[name] = int(await session.scalar(select(func.count()).select_from(model)) or 0)
    return counts


async def test_seeding_again_adds_nothing(app: object, clean: None) -> None:
    sessionmaker = app.state.sessionmaker  # type: ignore[attr-defined]
    async with transaction(sessionmaker) as session:
        before = await _counts(session)
    assert before["programs"] == 4 and before["outcomes"] == 4 and before["partners"] == 250
    for _ in range(2):
        async with transaction(sessionmaker) as session:
            report = await seed_reference_data(session)
        assert (report.programs, report.partners, report.outcomes) == (0, 0, 0)
    async with transaction(sessionmaker) as session:
        assert await _counts(session) == before  # not even an audit event


async def test_seed_fills_in_only_what_is_missing(app: object, clean: None) -> None:
    sessionmaker = app.state.sessionmaker  # type: ignore[attr-defined]
    async with transaction(sessionmaker) as session:
        await session.execute(delete(Partner).where(Partner.code == "XKX"))
        await session.execute(delete(Outcome).where(Outcome.number == 3))
    async with transaction(sessionmaker) as session:
        report = await seed_reference_data(session)
    assert (report.programs, report.partners, report.outcomes) == (0, 1, 1)
    async with transaction(sessionmaker) as session:
        counts = await _counts(session)
        seeded = (
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "seed"))
        ).all()
    assert counts["partners"] == 250 and counts["outcomes"] == 4
    assert seeded[-1].details == {"programs": 0, "partners": 1, "outcomes": 1}


async def test_admin_edits_survive_reseeding(
    app: object, client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    edits: list[tuple[str, dict[str, object]]] = [
        ("/api/v1/programs/GPOI", {"name": "GPOI (edited)", "outcomes": [1]}),
        ("/api/v1/outcomes/1", {"title": "Outcome one (edited)"}),
        ("/api/v1/partners/KEN", {"name": "Kenya (edited)", "region": "EAP"}),
    ]
    for url, body in edits:
        response = await client.patch(url, json=body, headers={**admin, "If-Match": "*"})
        assert response.status_code == 200, response.text
    async with transaction(app.state.sessionmaker) as session:  # type: ignore[attr-defined]
        report = await seed_reference_data(session)
    assert (report.programs, report.partners, report.outcomes) == (0, 0, 0)
    for url, body in edits:
        current = (await client.get(url, headers=admin)).json()
        for field, value in body.items():
            assert current[field] == value, (url, field)


async def test_kosovo_and_alpha2_lookups(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = keys.headers("embassy")
    kosovo = await client.get("/api/v1/partners/XKX", headers=headers)
    assert kosovo.status_code == 200
    body = kosovo.json()
    assert (body["code"], body["alpha2"], body["region"], body["name"]) == (
        "XKX",
        "XK",
        "EUR",
        "Kosovo",
    )
    for code, canonical in (
        ("ke", "KEN"),
        ("KE", "KEN"),
        ("ken", "KEN"),
        ("xk", "XKX"),
        ("gh", "GHA"),
    ):
        response = await client.get(f"/api/v1/partners/{code}", headers=headers)
        assert response.status_code == 200, code
        assert response.json()["code"] == canonical
    kenya = (await client.get("/api/v1/partners/ke", headers=headers)).json()
    assert (kenya["alpha2"], kenya["numeric"], kenya["region"]) == ("KE", "404", "AF")
    assert (await client.get("/api/v1/partners/QQ", headers=headers)).status_code == 404


def test_every_country_has_a_bureau() -> None:
    partners = reference_partners()
    assert len(partners) == len(pycountry.countries) + 1 == 250
    assert {p["region"] for p in partners} == {"AF", "EAP", "EUR", "NEA", "SCA", "WHA"}
    by_code = {p["code"]: p for p in partners}
    assert len(by_code) == 250 and len({p["alpha2"] for p in partners}) == 250
    assert by_code["USA"]["region"] == "WHA"
    assert by_code["IND"]["region"] == "SCA"
    assert by_code["JOR"]["region"] == "NEA"
    assert by_code["IDN"]["region"] == "EAP"
    assert by_code["UKR"]["region"] == "EUR"
    assert by_code["GHA"]["region"] == "AF"


async def test_reference_programs_and_outcomes(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = keys.headers("analyst")
    programs = (await client.get("/api/v1/programs", headers=headers)).json()["items"]
    assert {p["code"] for p in programs} == {"GPOI", "IMET", "CWD", "GDRP"}
    assert all(p["name"] and p["outcomes"] for p in programs)
    outcomes = (await client.get("/api/v1/outcomes", headers=headers)).json()["items"]
    assert [o["number"] for o in outcomes] == [1, 2, 3, 4]
    assert all(o["text"] for o in outcomes)
