"""Small-number suppression on every report of counts, over HTTP: counts from 1 to K-1 are
null and named in `suppressed`, complements keep them from being recomputed, CSV leaves them
empty, and embassy keys get the public threshold when the service sets one."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Keys
from tests.imet.history.helpers import record
from tests.imet.nominations.helpers import CURRENT_FY
from tests.indicators.helpers import INDICATORS, post_approved
from tests.peacekeeping.helpers import SHARE, SNAPSHOTS, csv_headers, un_csv
from tests.reports.test_imet import COMPLETIONS, PARITY, nominees
from tests.trainings.helpers import TRAININGS, training

WOMEN_TRAINED = "/api/v1/reports/women-trained"
GPOI = {"program": "GPOI"}
SCORECARD = "/api/v1/reports/scorecard"


async def _get(client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any) -> Any:
    response = await client.get(url, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def _train(
    client: httpx.AsyncClient, keys: Keys, ref: str, start: str, **counts: Any
) -> None:
    body = training(
        external_ref=ref,
        start_date=start,
        end_date=start,
        participants=[{"partner": p, **c} for p, c in counts.items()],
    )
    created = await client.post(TRAININGS, json=body, headers=keys.headers("admin"))
    assert created.status_code == 201, created.text


async def test_women_trained_withholds_small_counts_and_their_complements(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await _train(
        client,
        keys,
        "SUP-1",
        "2022-03-01",
        KEN={"women": 2, "men": 20},
        GHA={"women": 30, "men": 25},
    )
    analyst = keys.headers("analyst")
    plain = await _get(client, WOMEN_TRAINED, analyst, group_by="partner")
    assert "suppressed" not in plain["rows"][0] and "suppress_below" not in plain["filters"]

    report = await _get(client, WOMEN_TRAINED, analyst, group_by="partner", suppress_below=5)
    assert report["filters"]["suppress_below"] == 5
    assert "Small numbers" in report["method"]
    # Kenya's 2 women are withheld; its 20 men with them (else 22 - 0 - 20 = 2); the women's
    # and men's columns then need Ghana's cells too. Totals and zeros stay.
    assert report["rows"] == [
        {
            "partner": "GHA",
            "women": None,
            "men": None,
            "unreported": 0,
            "total": 55,
            "women_share_pct": None,
            "suppressed": ["women", "men", "women_share_pct"],
        },
        {
            "partner": "KEN",
            "women": None,
            "men": None,
            "unreported": 0,
            "total": 22,
            "women_share_pct": None,
            "suppressed": ["women", "men", "women_share_pct"],
        },
    ]
    assert report["totals"] == {
        "women": 32,
        "men": 45,
        "unreported": 0,
        "total": 77,
        "women_share_pct": 41.6,
        "suppressed": [],
    }
    as_csv = await client.get(
        WOMEN_TRAINED,
        params={"group_by": "partner", "suppress_below": 5, "format": "csv"},
        headers=analyst,
    )
    lines = list(csv.reader(io.StringIO(as_csv.text)))
    assert lines[0][:5] == ["partner", "women", "men", "unreported", "total"]
    assert lines[2][:5] == ["KEN", "", "", "0", "22"]


async def test_women_trained_running_sums_are_withheld_from_a_withheld_year_on(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await _train(client, keys, "SUP-0", "2019-11-01", KEN={"women": 30, "men": 30})
    await _train(client, keys, "SUP-A", "2020-11-01", KEN={"women": 12, "men": 10})
    await _train(client, keys, "SUP-B", "2021-11-01", KEN={"women": 3, "men": 10})
    await _train(client, keys, "SUP-C", "2022-11-01", KEN={"women": 20, "men": 40})
    report = await _get(
        client, WOMEN_TRAINED, keys.headers("analyst"), group_by="fiscal_year", suppress_below=5
    )
    assert [(r["fiscal_year"], r["women"], r["cumulative_women"]) for r in report["rows"]] == [
        (2020, 30, 30),
        (2021, None, None),
        (2022, None, None),
        (2023, 20, None),
    ]
    # FY2022's 3 women go; the 10 men beside them; the columns then take FY2021's (smallest
    # positive) cells. A running sum from FY2021 on would give them back: withheld too.
    assert report["rows"][2]["suppressed"] == [
        "women",
        "men",
        "women_share_pct",
        "cumulative_women",
    ]
    assert report["rows"][3]["suppressed"] == ["cumulative_women"]
    assert report["totals"]["women"] == 65


@pytest.mark.parametrize("value", ["1", "51", "0", "five", "2.5"])
async def test_suppress_below_out_of_range_is_422_naming_it(
    client: httpx.AsyncClient, keys: Keys, value: str
) -> None:
    for url, extra in ((WOMEN_TRAINED, {}), (PARITY, {}), (COMPLETIONS, {}), (SHARE, GPOI)):
        response = await client.get(
            url, params={"suppress_below": value, **extra}, headers=keys.headers("admin")
        )
        assert response.status_code == 422, (url, response.text)
        assert [e.get("parameter") for e in response.json()["errors"]] == ["suppress_below"]


async def test_imet_parity_withholds_the_men_it_does_not_show(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await nominees(client, keys, "KEN", "female", 4)
    await nominees(client, keys, "KEN", "male", 1)
    await nominees(client, keys, "GHA", "female", 2)
    await nominees(client, keys, "GHA", "male", 3)
    report = await _get(
        client, PARITY, keys.headers("analyst"), fiscal_year=CURRENT_FY, suppress_below=2
    )
    # Kenya's one man is nominations - women: Kenya's women (4) go, and the women's column
    # then takes Ghana's 2. Nominations stay: they alone say nothing about one person.
    by_partner = {r["partner"]: r for r in report["rows"]}
    assert by_partner["KEN"] == {
        "partner": "KEN",
        "nominations": 5,
        "women": None,
        "women_share_pct": None,
        "benchmark_pct": None,
        "gap_points": None,
        "meets_benchmark": None,
        "suppressed": ["women", "women_share_pct", "gap_points", "meets_benchmark"],
    }
    assert (by_partner["GHA"]["women"], by_partner["GHA"]["suppressed"][0]) == (None, "women")
    assert report["totals"] == {
        "nominations": 10,
        "women": 6,
        "women_share_pct": 60.0,
        "suppressed": [],
    }


@pytest.fixture
def public_threshold(app: FastAPI) -> Iterator[None]:
    """The service run with WPS_PUBLIC_SUPPRESS_BELOW=5."""
    settings = app.state.settings
    app.state.settings = settings.model_copy(update={"public_suppress_below": 5})
    yield
    app.state.settings = settings


async def test_imet_completions_and_the_public_threshold_for_embassies(
    client: httpx.AsyncClient, keys: Keys, public_threshold: None
) -> None:
    await record(client, keys, partner="KEN", fiscal_year=2016, women=3, men=41)
    await record(client, keys, partner="GHA", fiscal_year=2016, women=10, men=20)
    analyst = keys.headers("analyst")
    everyone = await _get(client, COMPLETIONS, analyst, group_by="partner", suppress_below=5)
    assert [(r["partner"], r["women"], r["men"], r["total"]) for r in everyone["rows"]] == [
        ("GHA", None, None, 30),
        ("KEN", None, None, 44),
    ]
    assert everyone["totals"]["suppressed"] == []
    # Other keys choose: none asked, none applied.
    plain = await _get(client, COMPLETIONS, analyst, group_by="partner")
    assert plain["rows"][1]["women"] == 3 and "suppress_below" not in plain["filters"]

    # An embassy always gets the public threshold at least, whatever it asks (and the
    # report's published grouping only: see tests/reports/test_differencing.py).
    embassy = keys.headers("embassy")
    for asked, applied in ((None, 5), (3, 5)):
        params: dict[str, Any] = {}
        if asked is not None:
            params["suppress_below"] = asked
        own = await _get(client, COMPLETIONS, embassy, **params)
        assert own["filters"]["suppress_below"] == applied
        assert own["rows"][0]["women"] is None
        # Its totals are its own row again, so they are withheld the same way.
        assert own["totals"]["women"] is None and own["totals"]["women_share_pct"] is None
    own_trained = await _get(client, WOMEN_TRAINED, embassy)
    assert own_trained["filters"]["suppress_below"] == 5


async def test_peacekeeping_share_withholds_a_few_partner_women(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    for code in ("GHA", "KEN"):
        made = await client.post(
            f"/api/v1/partners/{code}/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01"},
            headers=keys.headers("admin"),
        )
        assert made.status_code == 201, made.text
    rows = [
        ("Ghana", "GHA", "UNIFIL", "Troops", 100, 1, "2026-10-31"),
        ("Kenya", "KEN", "UNIFIL", "Troops", 100, 2, "2026-10-31"),
        ("India", "IND", "UNIFIL", "Troops", 50, 20, "2026-10-31"),
    ]
    uploaded = await client.post(
        SNAPSHOTS, content=un_csv(rows), headers=csv_headers(keys.headers("integration"))
    )
    assert uploaded.status_code == 201, uploaded.text
    report = await _get(
        client,
        SHARE,
        keys.headers("analyst"),
        program="GPOI",
        as_of="2026-10-31",
        by_personnel_type="true",
        suppress_below=5,
    )
    # 3 partner women: withheld, here and in the Troops row; the women of other countries
    # (23 - 3) are not answered, so all_women stays. Countries are no counts of people.
    expected = {
        "partner_women": None,
        "all_women": 23,
        "women_share_pct": None,
        "partner_countries": 2,
        "all_countries": 3,
        "countries_share_pct": 66.7,
        "suppressed": ["partner_women", "women_share_pct"],
    }
    assert {name: report[name] for name in expected} == expected
    assert report["rows"] == [{"personnel_type": "troops", **expected}]
    assert report["filters"]["suppress_below"] == 5


async def test_progress_and_scorecard_withhold_small_counts_and_embassies_cannot_bypass(
    client: httpx.AsyncClient, keys: Keys, public_threshold: None
) -> None:
    code = "CWD-WOMEN-TEAMS"  # a seeded manual count
    for year, partner, value in ((2021, "KEN", 3), (2022, "KEN", 40), (2022, "GHA", 2)):
        await post_approved(client, keys, code, fiscal_year=year, value=value, partner=partner)
    analyst = keys.headers("analyst")
    url = f"{INDICATORS}/{code}/progress"
    shown = await _get(client, url, analyst, from_fy=2021, to_fy=2022, suppress_below=5)
    assert [(r["actual"], r["suppressed"]) for r in shown["rows"]] == [
        (None, ["actual", "pct_of_target", "status"]),
        ("42", []),
    ]
    assert shown["filters"]["suppress_below"] == 5
    plain = await _get(client, url, analyst, from_fy=2021, to_fy=2022)
    assert plain["rows"][0]["actual"] == "3" and "suppressed" not in plain["rows"][0]

    # The embassy's own figures go through the same threshold, here and on the scorecard.
    embassy = keys.headers("embassy")
    own = await _get(client, url, embassy, from_fy=2021, to_fy=2022)
    assert [r["actual"] for r in own["rows"]] == [None, "40"]
    card = await _get(client, SCORECARD, embassy, fiscal_year=2021, outcome=3)
    item = {i["code"]: i for i in card["outcomes"][0]["indicators"]}[code]
    assert (item["actual"], item["suppressed"]) == (None, ["actual", "pct_of_target", "status"])
    assert card["filters"]["suppress_below"] == 5
    # Derived counts too: two women trained in Kenya are not shown to its embassy.
    await _train(client, keys, "SUP-K", "2021-11-01", KEN={"women": 2, "men": 9})
    trained = await _get(
        client, f"{INDICATORS}/GPOI-WOMEN-TRAINED/progress", embassy, from_fy=2022, to_fy=2022
    )
    assert trained["rows"][0]["actual"] is None


async def test_cwd_teams_withholds_few_women_on_a_country_s_teams(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    from tests.cwd.helpers import make_team, members, roster

    for partner, women, men in (("KEN", 2, 20), ("GHA", 30, 25)):
        made = await make_team(client, keys, partner=partner, name=f"Team {partner}")
        await roster(client, keys, made["id"], "2022-03-31", members(women, men, leaders=1))
    url = "/api/v1/reports/cwd-teams"
    analyst = keys.headers("analyst")
    asked = {"as_of": "2022-06-30", "group_by": "partner"}
    plain = await _get(client, url, analyst, **asked)
    assert [(r["partner"], r["women"], r["people"]) for r in plain["rows"]] == [
        ("GHA", 30, 55),
        ("KEN", 2, 22),
    ]
    report = await _get(client, url, analyst, **asked, suppress_below=5)
    assert report["filters"]["suppress_below"] == 5
    kenya = next(r for r in report["rows"] if r["partner"] == "KEN")
    # Kenya's 2 women are withheld, and the woman team leader among them with them.
    assert kenya["women"] is None and kenya["women_in_leadership"] is None
    assert {"women", "women_in_leadership"} <= set(kenya["suppressed"])
    for row in [*report["rows"], report["totals"]]:
        # Teams and countries count no person: never withheld.
        assert row["teams"] is not None and row["countries"] is not None
        withheld = [f for f in ("women", "men", "unreported") if row[f] is None]
        if withheld and row["people"] is not None:
            # No withheld count is the row's people minus what it shows.
            shown = sum(row[f] for f in ("women", "men", "unreported") if row[f] is not None)
            assert len(withheld) >= 2, row
            assert all(plain_value(plain, row, f) != row["people"] - shown for f in withheld)
    as_csv = await client.get(url, params={**asked, "suppress_below": 5, "format": "csv"},
                              headers=analyst)  # fmt: skip
    lines = {line["partner"]: line for line in csv.DictReader(io.StringIO(as_csv.text))}
    assert lines["KEN"]["women"] == "" and lines["KEN"]["people"] == "22"


def plain_value(plain: dict[str, Any], row: dict[str, Any], field: str) -> Any:
    """What the unsuppressed report answered for this row's field."""
    lines = [*plain["rows"], plain["totals"]]
    same = [r for r in lines if r.get("partner") == row.get("partner")]
    return same[0][field]
