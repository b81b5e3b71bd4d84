from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.target_read import TargetRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    fiscal_year: int,
    *,
    partner: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/indicators/{code}/targets/{fiscal_year}".format(
            code=quote(str(code), safe=""),
            fiscal_year=quote(str(fiscal_year), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | TargetRead | None:
    if response.status_code == 200:
        response_200 = TargetRead.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | TargetRead]:
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
    partner: None | str | Unset = UNSET,
) -> Response[Any | Problem | TargetRead]:
    """The fiscal year's target: overall, or one partner's with ?partner=

    Args:
        code (str): Indicator code
        fiscal_year (int):
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TargetRead]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
        partner=partner,
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
    partner: None | str | Unset = UNSET,
) -> Any | Problem | TargetRead | None:
    """The fiscal year's target: overall, or one partner's with ?partner=

    Args:
        code (str): Indicator code
        fiscal_year (int):
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TargetRead
    """

    return sync_detailed(
        code=code,
        fiscal_year=fiscal_year,
        client=client,
        partner=partner,
    ).parsed


async def asyncio_detailed(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    partner: None | str | Unset = UNSET,
) -> Response[Any | Problem | TargetRead]:
    """The fiscal year's target: overall, or one partner's with ?partner=

    Args:
        code (str): Indicator code
        fiscal_year (int):
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TargetRead]
    """

    kwargs = _get_kwargs(
        code=code,
        fiscal_year=fiscal_year,
        partner=partner,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    partner: None | str | Unset = UNSET,
) -> Any | Problem | TargetRead | None:
    """The fiscal year's target: overall, or one partner's with ?partner=

    Args:
        code (str): Indicator code
        fiscal_year (int):
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TargetRead
    """

    return (
        await asyncio_detailed(
            code=code,
            fiscal_year=fiscal_year,
            client=client,
            partner=partner,
        )
    ).parsed
