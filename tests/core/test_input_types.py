"""The shared input types: strict integers and booleans, clean Unicode text, on every route."""

from __future__ import annotations

import unicodedata
from typing import Any

import httpx
import pytest

from tests.conftest import Keys
from tests.imet.nominations.helpers import NOMINATIONS, body, idem
from tests.trainings.helpers import TRAININGS, training


def pointers(response: httpx.Response) -> set[str]:
    return {e.get("pointer") or e.get("parameter") for e in response.json()["errors"]}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ecl_score", True),
        ("ecl_score", "85"),
        ("ecl_score", 85.0),
        ("ecl_exempt", 1),
        ("ecl_exempt", "false"),
        ("fiscal_year", "2026"),
    ],
)
async def test_body_integers_and_booleans_are_strict(
    client: httpx.AsyncClient, keys: Keys, field: str, value: Any
) -> None:
    response = await client.post(
        NOMINATIONS, json=body(**{field: value}), headers=idem(keys.headers("embassy"))
    )
    assert response.status_code == 422, response.text
    assert pointers(response) == {f"/{field}"}


@pytest.mark.parametrize(
    ("patch", "pointer"),
    [
        ({"hours": 64.0}, "/hours"),
        ({"participants": [{"partner": "GHA", "women": "6"}]}, "/participants/0/women"),
    ],
)
async def test_nested_and_list_integers_are_strict(
    client: httpx.AsyncClient, keys: Keys, patch: dict[str, Any], pointer: str
) -> None:
    response = await client.post(TRAININGS, json=training(**patch), headers=keys.headers("admin"))
    assert response.status_code == 422, response.text
    assert pointers(response) == {pointer}


@pytest.mark.parametrize("raw", ["1.0", "1e0", "+1", " 1", "true"])
async def test_integer_path_and_query_parameters_take_digits_only(
    client: httpx.AsyncClient, keys: Keys, raw: str
) -> None:
    admin = keys.headers("admin")
    by_id = await client.get(f"{TRAININGS}/{raw}", headers=admin)
    assert by_id.status_code == 422, by_id.text
    assert pointers(by_id) == {"training_id"}
    listed = await client.get(TRAININGS, params={"limit": raw}, headers=admin)
    assert listed.status_code == 422, listed.text
    assert pointers(listed) == {"limit"}
    assert (await client.get(TRAININGS, params={"limit": "1"}, headers=admin)).status_code == 200


@pytest.mark.parametrize(
    "trick",
    [
        "\u202e",  # right-to-left override (Cf)
        "\u200b",  # zero-width space (Cf)
        "\u2066",  # left-to-right isolate (Cf)
        "\ufeff",  # byte order mark (Cf)
        "\u2028",  # line separator (Zl)
        "\u2029",  # paragraph separator (Zp)
        "\x85",  # next line (Cc)
        "\U000e0041",  # tag latin capital letter A (Cf, astral)
    ],
)
async def test_names_and_free_text_refuse_format_and_separator_characters(
    client: httpx.AsyncClient, keys: Keys, trick: str
) -> None:
    admin = keys.headers("admin")
    named = await client.post(TRAININGS, json=training(title=f"Staff{trick}Course"), headers=admin)
    assert named.status_code == 422, named.text
    assert pointers(named) == {"/title"}
    described = await client.post(
        "/api/v1/programs",
        json={"code": "TRICK", "name": "Trick", "description": f"line one{trick}line two"},
        headers=admin,
    )
    assert described.status_code == 422, described.text
    assert pointers(described) == {"/description"}


async def test_letters_of_every_script_are_kept_in_nfc(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    decomposed = "Jose\u0301 Ολγα Ёлка 王芳 أمينة देवी"
    assert unicodedata.normalize("NFC", decomposed) != decomposed
    created = await client.post(
        "/api/v1/programs",
        json={"code": "SCRIPTS", "name": decomposed, "description": "a\nb\tc"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    assert created.json()["name"] == unicodedata.normalize("NFC", decomposed)
    assert created.json()["description"] == "a\nb\tc"
