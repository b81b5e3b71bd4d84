"""`wps import trainings` and `wps export trainings` against a scratch SQLite database."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import wps
from tests.trainings.helpers import training


def test_import_then_export_round_trips(cli_env: dict[str, str], tmp_path: Path) -> None:
    rows = [training(external_ref=f"C{i}", title=f"Course {i}") for i in range(1500)]
    rows[1]["title"] = "=1+2"  # a formula in a spreadsheet unless neutralised
    source = tmp_path / "trainings.json"
    source.write_text(json.dumps(rows))

    dry = wps("import", "trainings", str(source), "--dry-run", env=cli_env)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["would_create"] == 1500
    done = wps("import", "trainings", str(source), env=cli_env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 1500
    assert "creating" in done.stderr  # the progress bar of a long run

    out = tmp_path / "out.csv"
    exported = wps("export", "trainings", "--output", str(out), "--program", "GPOI", env=cli_env)
    assert exported.returncode == 0, exported.stderr
    with out.open(newline="") as f:
        lines = list(csv.DictReader(f))
    assert len(lines) == 3000
    assert {line["title"] for line in lines if line["external_ref"] == "C1"} == {"'=1+2"}
    as_json = wps("export", "trainings", "--format", "json", "--partner", "KE", env=cli_env)
    records = json.loads(as_json.stdout)
    assert len(records) == 1500
    assert records[0] == {"id": 1, **rows[0], "topics": sorted(rows[0]["topics"])} | {
        "project": None,
        "participants": [
            {"partner": "GHA", "women": 6, "men": 18, "unreported": 0},
            {"partner": "KEN", "women": 3, "men": 7, "unreported": 0},
        ],
    }
    again = wps("import", "trainings", str(out), env=cli_env)
    assert json.loads(again.stdout)["unchanged"] == 1500  # "'=1+2" came back as "=1+2"

    bad = tmp_path / "bad.csv"
    bad.write_text("program,title,kind,start_date,end_date\nNOPE,T,course,2021-01-01,2021-01-02\n")
    refused = wps("import", "trainings", str(bad), env=cli_env)
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["errors"][0]["field"] == "program"
