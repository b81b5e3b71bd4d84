from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    implementer: None | str | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_implementer: None | str | Unset
    if isinstance(implementer, Unset):
        json_implementer = UNSET
    else:
        json_implementer = implementer
    params["implementer"] = json_implementer

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

    json_program: None | str | Unset
    if isinstance(program, Unset):
        json_program = UNSET
    else:
        json_program = program
    params["program"] = json_program

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    json_suppress_below: int | None | Unset
    if isinstance(suppress_below, Unset):
        json_suppress_below = UNSET
    else:
        json_suppress_below = suppress_below
    params["suppress_below"] = json_suppress_below

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/iati",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.content)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    implementer: None | str | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Projects as an IATI 2.03 `iati-activities` document (embassy keys: the projects in their own
    country)

     One `iati-activity` per project, with a budget per fiscal year and transactions from the obligations
    and disbursements that name it, and results from the indicators of its program: targets, baselines
    and actuals as indicator progress computes them for the project's country (derived indicators
    included), by sex where the records have it. `from_fy`/`to_fy` keep the projects running in those
    fiscal years and limit budgets, transactions and result periods to them. Counts of people in results
    are withheld (not written) under `suppress_below` as indicator progress withholds them (by default
    WPS_PUBLIC_SUPPRESS_BELOW when set). Streamed.

    Args:
        implementer (None | str | Unset): Implementer code, any case
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        implementer=implementer,
        from_fy=from_fy,
        to_fy=to_fy,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    implementer: None | str | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
) -> Problem | str | None:
    """Projects as an IATI 2.03 `iati-activities` document (embassy keys: the projects in their own
    country)

     One `iati-activity` per project, with a budget per fiscal year and transactions from the obligations
    and disbursements that name it, and results from the indicators of its program: targets, baselines
    and actuals as indicator progress computes them for the project's country (derived indicators
    included), by sex where the records have it. `from_fy`/`to_fy` keep the projects running in those
    fiscal years and limit budgets, transactions and result periods to them. Counts of people in results
    are withheld (not written) under `suppress_below` as indicator progress withholds them (by default
    WPS_PUBLIC_SUPPRESS_BELOW when set). Streamed.

    Args:
        implementer (None | str | Unset): Implementer code, any case
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        implementer=implementer,
        from_fy=from_fy,
        to_fy=to_fy,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    implementer: None | str | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
) -> Response[Problem | str]:
    """Projects as an IATI 2.03 `iati-activities` document (embassy keys: the projects in their own
    country)

     One `iati-activity` per project, with a budget per fiscal year and transactions from the obligations
    and disbursements that name it, and results from the indicators of its program: targets, baselines
    and actuals as indicator progress computes them for the project's country (derived indicators
    included), by sex where the records have it. `from_fy`/`to_fy` keep the projects running in those
    fiscal years and limit budgets, transactions and result periods to them. Counts of people in results
    are withheld (not written) under `suppress_below` as indicator progress withholds them (by default
    WPS_PUBLIC_SUPPRESS_BELOW when set). Streamed.

    Args:
        implementer (None | str | Unset): Implementer code, any case
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        implementer=implementer,
        from_fy=from_fy,
        to_fy=to_fy,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    implementer: None | str | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
) -> Problem | str | None:
    """Projects as an IATI 2.03 `iati-activities` document (embassy keys: the projects in their own
    country)

     One `iati-activity` per project, with a budget per fiscal year and transactions from the obligations
    and disbursements that name it, and results from the indicators of its program: targets, baselines
    and actuals as indicator progress computes them for the project's country (derived indicators
    included), by sex where the records have it. `from_fy`/`to_fy` keep the projects running in those
    fiscal years and limit budgets, transactions and result periods to them. Counts of people in results
    are withheld (not written) under `suppress_below` as indicator progress withholds them (by default
    WPS_PUBLIC_SUPPRESS_BELOW when set). Streamed.

    Args:
        implementer (None | str | Unset): Implementer code, any case
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            implementer=implementer,
            from_fy=from_fy,
            to_fy=to_fy,
            program=program,
            partner=partner,
            suppress_below=suppress_below,
        )
    ).parsed
