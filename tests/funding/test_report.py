"""The funding report: exact decimal sums in SQL, groups, filters, method and scoping."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.funding.models import Obligation
from app.programs.models import Program
from tests.conftest import Keys
from tests.funding.helpers import OBLIGATIONS, REPORT, obligation


async def _post_all(client: httpx.AsyncClient, keys: Keys, bodies: list[dict[str, Any]]) -> None:
    for body in bodies:
        response = await client.post(OBLIGATIONS, json=body, headers=keys.headers("admin"))
        assert response.status_code == 201, response.text


async def test_imet_women_training_fy2022_adds_to_exactly_three_million(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await _post_all(
        client,
        keys,
        [
            obligation(amount_usd="1000000.00"),
            obligation(amount_usd="1000000.00", partner="GHA"),
            obligation(amount_usd="999999.70", purposes=["women_training", "equipment"]),
            obligation(amount_usd="0.10"),
            obligation(amount_usd=0.2),
            # None of these count: other program, year, type or purpose.
            obligation(program="GPOI"),
            obligation(fiscal_year=2023),
            obligation(type="disbursement"),
            obligation(purposes=["equipment"]),
        ],
    )
    response = await client.get(
        REPORT,
        params={"program": "imet", "fiscal_year": 2022, "purpose": "women_training"},
        headers=keys.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["rows"] == [{"fiscal_year": 2022, "amount_usd": "3000000.00", "records": 5}]
    assert report["totals"] == {"amount_usd": "3000000.00", "records": 5}
    assert report["group_by"] == ["fiscal_year"]
    assert report["filters"] == {
        "program": "IMET",
        "fiscal_year": 2022,
        "from_fy": None,
        "to_fy": None,
        "partner": None,
        "type": "obligation",
        "purpose": "women_training",
    }
    assert "exact decimal" in report["method"]

    # One cent less and the figure says so: no rounding hides it.
    first = (
        await client.get(OBLIGATIONS, params={"limit": 1}, headers=keys.headers("admin"))
    ).json()["items"][0]
    patched = await client.patch(
        f"{OBLIGATIONS}/{first['id']}",
        json={"amount_usd": "999999.99"},
        headers=keys.headers("admin", **{"If-Match": '"1"'}),
    )
    assert patched.status_code == 200
    again = await client.get(
        REPORT,
        params={"program": "IMET", "fiscal_year": 2022, "purpose": "women_training"},
        headers=keys.headers("analyst"),
    )
    assert again.json()["totals"]["amount_usd"] == "2999999.99"


async def test_thousands_of_dimes_sum_without_float_drift(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    program_id = await session.scalar(select(Program.id).where(Program.code == "CWD"))
    # 0.1 + 0.2 + ... in binary floating point drifts; in cents or NUMERIC it does not.
    rows = [
        {"type": "obligation", "program_id": program_id, "fiscal_year": 2024, "amount_usd": amount}
        for amount in [Decimal("0.10")] * 7001 + [Decimal("0.20")] * 3333 + [Decimal("0.07")] * 3
    ]
    await session.execute(insert(Obligation), rows)
    await session.commit()
    response = await client.get(
        REPORT, params={"program": "CWD", "group_by": "program"}, headers=keys.headers("admin")
    )
    assert response.status_code == 200, response.text
    expected = Decimal("0.10") * 7001 + Decimal("0.20") * 3333 + Decimal("0.07") * 3
    assert expected == Decimal("1366.91")
    assert response.json()["rows"] == [
        {"program": "CWD", "amount_usd": "1366.91", "records": 10337}
    ]
    float_sum = sum([0.1] * 7001 + [0.2] * 3333 + [0.07] * 3)
    assert repr(float_sum) != "1366.91"  # the drift this design avoids


async def test_two_groups_partner_and_purpose_rows(client: httpx.AsyncClient, keys: Keys) -> None:
    await _post_all(
        client,
        keys,
        [
            obligation(program="GPOI", fiscal_year=2021, partner="GHA", amount_usd="10.00"),
            obligation(program="GPOI", fiscal_year=2022, partner="KEN", amount_usd="20.00"),
            obligation(program="GPOI", fiscal_year=2022, partner="GHA", amount_usd="5.55"),
            obligation(
                program="IMET",
                fiscal_year=2022,
                amount_usd="100.00",
                purposes=["women_training", "gender_advisors"],
            ),
            obligation(program="IMET", fiscal_year=2022, amount_usd="1.00", purposes=[]),
        ],
    )
    admin = keys.headers("admin")
    by_program_year = await client.get(
        REPORT, params={"group_by": "program,fiscal_year"}, headers=admin
    )
    assert by_program_year.json()["rows"] == [
        {"program": "GPOI", "fiscal_year": 2021, "amount_usd": "10.00", "records": 1},
        {"program": "GPOI", "fiscal_year": 2022, "amount_usd": "25.55", "records": 2},
        {"program": "IMET", "fiscal_year": 2022, "amount_usd": "101.00", "records": 2},
    ]
    assert by_program_year.json()["totals"] == {"amount_usd": "136.55", "records": 5}

    by_partner = await client.get(REPORT, params={"group_by": "partner"}, headers=admin)
    assert by_partner.json()["rows"] == [
        {"partner": "GHA", "amount_usd": "15.55", "records": 2},
        {"partner": "KEN", "amount_usd": "20.00", "records": 1},
        {"partner": None, "amount_usd": "101.00", "records": 2},
    ]

    by_purpose = await client.get(
        REPORT, params={"group_by": "purpose", "program": "IMET"}, headers=admin
    )
    body = by_purpose.json()
    assert body["rows"] == [
        {"purpose": "gender_advisors", "amount_usd": "100.00", "records": 1},
        {"purpose": "women_training", "amount_usd": "100.00", "records": 1},
        {"purpose": None, "amount_usd": "1.00", "records": 1},
    ]
    # A record with two purposes is in two rows but counted once in the totals.
    assert body["totals"] == {"amount_usd": "101.00", "records": 2}
    assert "once in the totals" in body["method"]

    one_purpose = await client.get(
        REPORT, params={"group_by": "purpose", "purpose": "women_training"}, headers=admin
    )
    assert one_purpose.json()["rows"] == [
        {"purpose": "women_training", "amount_usd": "135.55", "records": 4}
    ]

    ranged = await client.get(
        REPORT,
        params={"group_by": "fiscal_year", "from_fy": 2022, "to_fy": 2022, "partner": "gh"},
        headers=admin,
    )
    assert ranged.json()["rows"] == [{"fiscal_year": 2022, "amount_usd": "5.55", "records": 1}]
    assert ranged.json()["filters"]["partner"] == "GHA"

    disbursed = await client.get(REPORT, params={"type": "disbursement"}, headers=admin)
    assert disbursed.json()["rows"] == []
    assert disbursed.json()["totals"] == {"amount_usd": "0.00", "records": 0}


async def test_report_parameters_are_validated(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    cases = [
        ({"group_by": "region"}, "group_by"),
        ({"group_by": "program,fiscal_year,partner"}, "group_by"),
        ({"group_by": "program,program"}, "group_by"),
        ({"group_by": ","}, "group_by"),
        ({"from_fy": 2023, "to_fy": 2022}, "from_fy"),
        ({"program": "NOPE"}, "program"),
        ({"partner": "QQ"}, "partner"),
        ({"type": "grant"}, "type"),
        ({"purpose": "snacks"}, "purpose"),
        ({"fiscal_year": 3000}, "fiscal_year"),
    ]
    for params, parameter in cases:
        response = await client.get(REPORT, params=params, headers=admin)
        assert response.status_code == 422, (params, response.text)
        assert response.json()["errors"][0]["parameter"] == parameter, params


async def test_embassy_report_is_scoped_to_its_own_country(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await _post_all(
        client,
        keys,
        [
            obligation(partner="KEN", amount_usd="7.00"),
            obligation(partner="GHA", amount_usd="9.00"),
            obligation(amount_usd="11.00"),
        ],
    )
    mine = await client.get(REPORT, params={"group_by": "partner"}, headers=keys.headers("embassy"))
    assert mine.status_code == 200
    assert mine.json()["rows"] == [{"partner": "KEN", "amount_usd": "7.00", "records": 1}]
    assert mine.json()["filters"]["partner"] == "KEN"
    own_by_alpha2 = await client.get(
        REPORT, params={"partner": "ke"}, headers=keys.headers("embassy")
    )
    assert own_by_alpha2.json()["totals"]["amount_usd"] == "7.00"
    other = await client.get(REPORT, params={"partner": "GHA"}, headers=keys.headers("embassy"))
    assert other.status_code == 403
    everyone = await client.get(REPORT, headers=keys.headers("analyst"))
    assert everyone.json()["totals"]["amount_usd"] == "27.00"


async def test_report_as_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    await _post_all(
        client,
        keys,
        [obligation(partner="GHA", amount_usd="1.10"), obligation(amount_usd="2")],
    )
    response = await client.get(
        REPORT,
        params={"group_by": "fiscal_year,partner", "format": "csv"},
        headers=keys.headers("analyst"),
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines() == [
        "fiscal_year,partner,amount_usd,records",
        "2022,GHA,1.10,1",
        "2022,,2.00,1",
    ]
