from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_feed import ChangeFeed
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset = "0",
    types: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    wait: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    json_types: None | str | Unset
    if isinstance(types, Unset):
        json_types = UNSET
    else:
        json_types = types
    params["types"] = json_types

    params["limit"] = limit

    params["wait"] = wait

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangeFeed | Problem | None:
    if response.status_code == 200:
        response_200 = ChangeFeed.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[ChangeFeed | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = "0",
    types: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    wait: int | Unset = 0,
) -> Response[ChangeFeed | Problem]:
    """Every committed change the caller may read, in commit order

    Args:
        after (str | Unset): The next_cursor of the previous call (0: from the beginning) Default:
            '0'.
        types (None | str | Unset): Only these kinds of record, comma-separated
            (nomination,training)
        limit (int | Unset): Page size Default: 100.
        wait (int | Unset): Seconds to wait for a first change Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangeFeed | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        types=types,
        limit=limit,
        wait=wait,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: str | Unset = "0",
    types: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    wait: int | Unset = 0,
) -> ChangeFeed | Problem | None:
    """Every committed change the caller may read, in commit order

    Args:
        after (str | Unset): The next_cursor of the previous call (0: from the beginning) Default:
            '0'.
        types (None | str | Unset): Only these kinds of record, comma-separated
            (nomination,training)
        limit (int | Unset): Page size Default: 100.
        wait (int | Unset): Seconds to wait for a first change Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangeFeed | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        types=types,
        limit=limit,
        wait=wait,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = "0",
    types: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    wait: int | Unset = 0,
) -> Response[ChangeFeed | Problem]:
    """Every committed change the caller may read, in commit order

    Args:
        after (str | Unset): The next_cursor of the previous call (0: from the beginning) Default:
            '0'.
        types (None | str | Unset): Only these kinds of record, comma-separated
            (nomination,training)
        limit (int | Unset): Page size Default: 100.
        wait (int | Unset): Seconds to wait for a first change Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangeFeed | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        types=types,
        limit=limit,
        wait=wait,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: str | Unset = "0",
    types: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    wait: int | Unset = 0,
) -> ChangeFeed | Problem | None:
    """Every committed change the caller may read, in commit order

    Args:
        after (str | Unset): The next_cursor of the previous call (0: from the beginning) Default:
            '0'.
        types (None | str | Unset): Only these kinds of record, comma-separated
            (nomination,training)
        limit (int | Unset): Page size Default: 100.
        wait (int | Unset): Seconds to wait for a first change Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangeFeed | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            types=types,
            limit=limit,
            wait=wait,
        )
    ).parsed
