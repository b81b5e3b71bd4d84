from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.progress import Progress
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_fy: int | None | Unset
    if isinstance(from_fy, Unset):
        json_from_fy = UNSET
    else:
        json_from_fy = from_fy
    params["from_fy"] = json_from_fy

    json_to_fy: int | None | Unset
    if isinstance(to_fy, Unset):
        json_to_fy = UNSET
    else:
        json_to_fy = to_fy
    params["to_fy"] = json_to_fy

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/indicators/{code}/progress".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Progress | None:
    if response.status_code == 200:
        response_200 = Progress.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Progress]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Response[Problem | Progress]:
    """Target, actual, percent of target and status per fiscal year

    Args:
        code (str): Indicator code
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        code=code,
        from_fy=from_fy,
        to_fy=to_fy,
        partner=partner,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Problem | Progress | None:
    """Target, actual, percent of target and status per fiscal year

    Args:
        code (str): Indicator code
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return sync_detailed(
        code=code,
        client=client,
        from_fy=from_fy,
        to_fy=to_fy,
        partner=partner,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Response[Problem | Progress]:
    """Target, actual, percent of target and status per fiscal year

    Args:
        code (str): Indicator code
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        code=code,
        from_fy=from_fy,
        to_fy=to_fy,
        partner=partner,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Problem | Progress | None:
    """Target, actual, percent of target and status per fiscal year

    Args:
        code (str): Indicator code
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            from_fy=from_fy,
            to_fy=to_fy,
            partner=partner,
        )
    ).parsed
