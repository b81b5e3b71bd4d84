from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lock_read import LockRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
    fiscal_year: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/indicators/{code}/locks/{fiscal_year}".format(
            code=quote(str(code), safe=""),
            fiscal_year=quote(str(fiscal_year), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LockRead | Problem | None:
    if response.status_code == 200:
        response_200 = LockRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = LockRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LockRead | Problem]:
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
) -> Response[LockRead | Problem]:
    """Lock a fiscal year: its results and targets then change only when forced. The ETag answered is the
    indicator's

    Args:
        code (str): Indicator code
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LockRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
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
) -> LockRead | Problem | None:
    """Lock a fiscal year: its results and targets then change only when forced. The ETag answered is the
    indicator's

    Args:
        code (str): Indicator code
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LockRead | Problem
    """

    return sync_detailed(
        code=code,
        fiscal_year=fiscal_year,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
) -> Response[LockRead | Problem]:
    """Lock a fiscal year: its results and targets then change only when forced. The ETag answered is the
    indicator's

    Args:
        code (str): Indicator code
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LockRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
) -> LockRead | Problem | None:
    """Lock a fiscal year: its results and targets then change only when forced. The ETag answered is the
    indicator's

    Args:
        code (str): Indicator code
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LockRead | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            fiscal_year=fiscal_year,
            client=client,
        )
    ).parsed
