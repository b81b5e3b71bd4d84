"""The docs' example data, written in-process: every example of the docs that writes (POST,
PUT, PATCH, DELETE), in the order of the docs' navigation, with the test's keys."""

from __future__ import annotations

import datetime

import httpx

from tests.conftest import Keys
from tests.test_readme import ROOT, pages, readme_examples, to_request

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


async def write_readme_data(client: httpx.AsyncClient, keys: Keys) -> list[str]:
    """Send the docs' writes; answer the ones refused (page:line: status) for the caller to
    check."""
    variables = {
        "WPS_URL": str(client.base_url).rstrip("/"),
        "KEY": keys["admin"],
        "EMBASSY_KEY": keys["embassy"],
        "INTEGRATION_KEY": keys["integration"],
        "PUBLISHED_ON": datetime.datetime.now(datetime.UTC).date().isoformat(),
    }
    refused = []
    for page in pages():
        text = page.read_text(encoding="utf-8")
        for example in readme_examples(text, str(page.relative_to(ROOT))):
            request = to_request(example, variables)
            if request.method not in WRITES:
                continue
            answer = await client.send(request)
            if not 200 <= answer.status_code < 300:
                refused.append(f"{example.where}: {answer.status_code} {answer.text[:200]}")
    return refused
