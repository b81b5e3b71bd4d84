"""The README's example data, written in-process: every README example that writes (POST,
PUT, PATCH, DELETE), in order, with the test's keys."""

from __future__ import annotations

import httpx

from tests.conftest import Keys
from tests.test_readme import README, readme_examples, to_request

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


async def write_readme_data(client: httpx.AsyncClient, keys: Keys) -> list[str]:
    """Send the README's writes; answer the ones refused (line: status) for the caller to
    check."""
    variables = {
        "KEY": keys["admin"],
        "EMBASSY_KEY": keys["embassy"],
        "INTEGRATION_KEY": keys["integration"],
    }
    refused = []
    for example in readme_examples(README.read_text(encoding="utf-8")):
        request = to_request(example, variables, str(client.base_url))
        if request.method not in WRITES:
            continue
        answer = await client.send(request)
        if not 200 <= answer.status_code < 300:
            refused.append(f"README.md:{example.line}: {answer.status_code} {answer.text[:200]}")
    return refused
