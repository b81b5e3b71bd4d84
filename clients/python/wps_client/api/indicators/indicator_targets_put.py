from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.target_read import TargetRead
from ...models.target_write import TargetWrite
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    fiscal_year: int,
    *,
    body: TargetWrite,
    force: bool | Unset = False,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    params: dict[str, Any] = {}

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/indicators/{code}/targets/{fiscal_year}".format(
            code=quote(str(code), safe=""),
            fiscal_year=quote(str(fiscal_year), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TargetRead | None:
    if response.status_code == 200:
        response_200 = TargetRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = TargetRead.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | TargetRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: TargetWrite,
    force: bool | Unset = False,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | TargetRead]:
    """Set the fiscal year's target (overall, or a partner's when the body names one)

    Args:
        code (str): Indicator code
        fiscal_year (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        if_match (None | str | Unset): The ETag last read; required
        body (TargetWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetRead]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
        body=body,
        force=force,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: TargetWrite,
    force: bool | Unset = False,
    if_match: None | str | Unset = UNSET,
) -> Problem | TargetRead | None:
    """Set the fiscal year's target (overall, or a partner's when the body names one)

    Args:
        code (str): Indicator code
        fiscal_year (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        if_match (None | str | Unset): The ETag last read; required
        body (TargetWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetRead
    """

    return sync_detailed(
        code=code,
        fiscal_year=fiscal_year,
        client=client,
        body=body,
        force=force,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: TargetWrite,
    force: bool | Unset = False,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | TargetRead]:
    """Set the fiscal year's target (overall, or a partner's when the body names one)

    Args:
        code (str): Indicator code
        fiscal_year (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        if_match (None | str | Unset): The ETag last read; required
        body (TargetWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetRead]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
        body=body,
        force=force,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: TargetWrite,
    force: bool | Unset = False,
    if_match: None | str | Unset = UNSET,
) -> Problem | TargetRead | None:
    """Set the fiscal year's target (overall, or a partner's when the body names one)

    Args:
        code (str): Indicator code
        fiscal_year (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        if_match (None | str | Unset): The ETag last read; required
        body (TargetWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetRead
    """

    return (
        await asyncio_detailed(
            code=code,
            fiscal_year=fiscal_year,
            client=client,
            body=body,
            force=force,
            if_match=if_match,
        )
    ).parsed
