"""An imported review is merged only into the same review: same cadence, period and task."""

from __future__ import annotations

import json


def test_a_review_whose_id_names_another_review_is_refused_and_nothing_changes(cli, tmp_path):
    cli.ok("review", input="went well\n" + "\n" * 40)  # the daily review of 2026-11-26
    exported = json.loads(cli.ok("export", "-f", "json").stdout)
    [daily] = exported["reviews"]
    other = tmp_path / "other.json"
    audit = {**daily, "cadence": "monthly", "period": "2026-11"}
    other.write_text(json.dumps({**exported, "entries": [], "tasks": [], "reviews": [audit]}))
    before = cli.ok("export", "-f", "json").stdout
    result = cli("import", str(other))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"fourlooks: review {daily['id'][:8]} is the monthly review of 2026-11 in the file but "
        "the daily review of 2026-11-26 in the journal; nothing was imported"
    )
    assert cli.ok("export", "-f", "json").stdout == before
