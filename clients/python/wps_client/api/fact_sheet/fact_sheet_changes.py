from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fact_sheet_changes import FactSheetChanges
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str,
    to: str,
    fiscal_year: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fact-sheet/changes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FactSheetChanges | Problem | None:
    if response.status_code == 200:
        response_200 = FactSheetChanges.from_dict(response.json())

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
) -> Response[FactSheetChanges | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    fiscal_year: int | None | Unset = UNSET,
) -> Response[FactSheetChanges | Problem]:
    """Each fact-sheet figure as known on two dates, and the changes that moved it

    Args:
        from_ (str): a date (its end, UTC) or a timestamp with its UTC offset
            (2021-09-30T12:00:00Z); not in the future
        to (str): a date (its end, UTC) or a timestamp with its UTC offset (2021-09-30T12:00:00Z);
            not in the future
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FactSheetChanges | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        fiscal_year=fiscal_year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    fiscal_year: int | None | Unset = UNSET,
) -> FactSheetChanges | Problem | None:
    """Each fact-sheet figure as known on two dates, and the changes that moved it

    Args:
        from_ (str): a date (its end, UTC) or a timestamp with its UTC offset
            (2021-09-30T12:00:00Z); not in the future
        to (str): a date (its end, UTC) or a timestamp with its UTC offset (2021-09-30T12:00:00Z);
            not in the future
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FactSheetChanges | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        fiscal_year=fiscal_year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    fiscal_year: int | None | Unset = UNSET,
) -> Response[FactSheetChanges | Problem]:
    """Each fact-sheet figure as known on two dates, and the changes that moved it

    Args:
        from_ (str): a date (its end, UTC) or a timestamp with its UTC offset
            (2021-09-30T12:00:00Z); not in the future
        to (str): a date (its end, UTC) or a timestamp with its UTC offset (2021-09-30T12:00:00Z);
            not in the future
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FactSheetChanges | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        fiscal_year=fiscal_year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    fiscal_year: int | None | Unset = UNSET,
) -> FactSheetChanges | Problem | None:
    """Each fact-sheet figure as known on two dates, and the changes that moved it

    Args:
        from_ (str): a date (its end, UTC) or a timestamp with its UTC offset
            (2021-09-30T12:00:00Z); not in the future
        to (str): a date (its end, UTC) or a timestamp with its UTC offset (2021-09-30T12:00:00Z);
            not in the future
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FactSheetChanges | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            fiscal_year=fiscal_year,
        )
    ).parsed
