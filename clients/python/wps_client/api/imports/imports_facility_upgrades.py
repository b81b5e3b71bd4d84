from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_summary import ImportSummary
from ...models.imports_facility_upgrades_json_facility_upgrade_create_import import (
    ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport,
)
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport] | File | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/imports/facility-upgrades",
        "params": params,
    }

    if isinstance(body, list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport]):
        _kwargs["json"] = []
        for body_item_data in body:
            body_item = body_item_data.to_dict()
            _kwargs["json"].append(body_item)

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportSummary | Problem | None:
    if response.status_code == 200:
        response_200 = ImportSummary.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport] | File | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportSummary | Problem]:
    """Upsert facility upgrades on (program, external_ref) from a JSON array or a CSV

     The CSV takes the list export's columns (`id`, `partner`, `fiscal_year`, timestamps ignored;
    `features` as `a;b`). Rows without `external_ref` are created. A status change of a stored upgrade
    follows the workflow. All or nothing.

    Args:
        dry_run (bool | Unset): Validate and count; write nothing Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport]):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport] | File | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportSummary | Problem | None:
    """Upsert facility upgrades on (program, external_ref) from a JSON array or a CSV

     The CSV takes the list export's columns (`id`, `partner`, `fiscal_year`, timestamps ignored;
    `features` as `a;b`). Rows without `external_ref` are created. A status change of a stored upgrade
    follows the workflow. All or nothing.

    Args:
        dry_run (bool | Unset): Validate and count; write nothing Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport]):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportSummary | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport] | File | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportSummary | Problem]:
    """Upsert facility upgrades on (program, external_ref) from a JSON array or a CSV

     The CSV takes the list export's columns (`id`, `partner`, `fiscal_year`, timestamps ignored;
    `features` as `a;b`). Rows without `external_ref` are created. A status change of a stored upgrade
    follows the workflow. All or nothing.

    Args:
        dry_run (bool | Unset): Validate and count; write nothing Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport]):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport] | File | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportSummary | Problem | None:
    """Upsert facility upgrades on (program, external_ref) from a JSON array or a CSV

     The CSV takes the list export's columns (`id`, `partner`, `fiscal_year`, timestamps ignored;
    `features` as `a;b`). Rows without `external_ref` are created. A status change of a stored upgrade
    follows the workflow. All or nothing.

    Args:
        dry_run (bool | Unset): Validate and count; write nothing Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (list[ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport]):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed
