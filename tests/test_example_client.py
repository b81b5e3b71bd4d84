"""examples/integration.py, on the typed client generated into clients/python/, against a real
`wps serve`: a training, a nomination posted twice under one Idempotency-Key, and that
nomination followed through the change feed to its status change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import wps
from tests.live import ROOT, running_service
from tests.test_readme import ADMIN_KEY

EXAMPLE = ROOT / "examples" / "integration.py"
CLIENT = ROOT / "clients" / "python"


def test_the_integration_example_runs_on_the_generated_client(tmp_path: Path) -> None:
    with running_service(tmp_path, WPS_BOOTSTRAP_ADMIN_KEY=ADMIN_KEY) as service:
        created = wps(
            "keys", "create", "--role", "embassy", "--partner", "KEN",
            "--name", "Embassy Nairobi", env=service.env,
        )  # fmt: skip
        assert created.returncode == 0, created.stderr
        env = {
            **os.environ,
            # The client as `pip install ./clients/python` would install it.
            "PYTHONPATH": os.pathsep.join([str(CLIENT), os.environ.get("PYTHONPATH", "")]),
            "WPS_URL": service.base_url,
            "WPS_KEY": ADMIN_KEY,
            "WPS_EMBASSY_KEY": created.stdout.strip().splitlines()[-1],
        }
        ran = subprocess.run(  # noqa: S603 - our own example
            [sys.executable, str(EXAMPLE)], env=env, capture_output=True, text=True, timeout=120
        )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    steps = {line["step"]: line for line in map(json.loads, ran.stdout.splitlines())}
    assert list(steps) == [
        "training created",
        "nomination posted",
        "nomination moved",
        "feed followed",
    ]
    assert steps["training created"]["fiscal_year"] == 2026  # 6 October 2025 is in FY2026
    posted = steps["nomination posted"]
    assert posted["status"] == "submitted" and posted["retry_replayed"] is True
    assert steps["nomination moved"]["status"] == "under_review"
    followed = steps["feed followed"]
    assert followed["id"] == posted["id"]
    assert followed["actions"] == ["create", "transition"]
