from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fact_sheet import FactSheet
from ...models.fact_sheet_format_type_0 import FactSheetFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int | None | Unset = UNSET,
    format_: FactSheetFormatType0 | None | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, FactSheetFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_suppress_below: int | None | Unset
    if isinstance(suppress_below, Unset):
        json_suppress_below = UNSET
    else:
        json_suppress_below = suppress_below
    params["suppress_below"] = json_suppress_below

    json_as_known_on: None | str | Unset
    if isinstance(as_known_on, Unset):
        json_as_known_on = UNSET
    else:
        json_as_known_on = as_known_on
    params["as_known_on"] = json_as_known_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fact-sheet",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FactSheet | Problem | None:
    if response.status_code == 200:
        response_200 = FactSheet.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FactSheet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    format_: FactSheetFormatType0 | None | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[FactSheet | Problem]:
    """Every headline figure of the WPS fact sheet, with its sentence, method and inputs

    Args:
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        format_ (FactSheetFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FactSheet | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        format_=format_,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    format_: FactSheetFormatType0 | None | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> FactSheet | Problem | None:
    """Every headline figure of the WPS fact sheet, with its sentence, method and inputs

    Args:
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        format_ (FactSheetFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FactSheet | Problem
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        format_=format_,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    format_: FactSheetFormatType0 | None | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[FactSheet | Problem]:
    """Every headline figure of the WPS fact sheet, with its sentence, method and inputs

    Args:
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        format_ (FactSheetFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FactSheet | Problem]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        format_=format_,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | None | Unset = UNSET,
    format_: FactSheetFormatType0 | None | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> FactSheet | Problem | None:
    """Every headline figure of the WPS fact sheet, with its sentence, method and inputs

    Args:
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        format_ (FactSheetFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FactSheet | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            format_=format_,
            suppress_below=suppress_below,
            as_known_on=as_known_on,
        )
    ).parsed
