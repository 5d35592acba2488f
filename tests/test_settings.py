"""Every config.toml key is documented in one place, and each works or is refused by name."""

from __future__ import annotations

import re
from pathlib import Path

from fourlooks import config

DOCS = Path(__file__).parent.parent / "docs" / "settings.md"


def qualities(cli):
    return [q["id"] for q in cli.json("questions", "--json") if q["optional_set"] == "qualities"]


def test_optional_sets_in_config_toml_switch_a_set_on(cli, home):
    assert qualities(cli) == []
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('optional_sets = ["qualities"]\n')
    switched_on = qualities(cli)
    assert len(switched_on) == 5
    monthly = cli.ok("questions", "--cadence", "monthly").stdout
    assert all(question_id in monthly for question_id in switched_on)


def test_an_unknown_optional_set_is_refused_with_the_key_named(cli, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('optional_sets = ["qualitys"]\n')
    result = cli("questions")
    assert result.exit_code != 0
    [line] = result.stderr.splitlines()
    assert "config.toml: optional_sets: unknown optional set 'qualitys'" in line
    assert "qualities" in line  # the names it knows


def test_every_key_is_documented_in_one_page_reachable_when_installed(cli):
    page = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, flags=re.MULTILINE))
    assert documented >= set(config._CHECKS), set(config._CHECKS) - documented
    assert cli.ok("help", "settings").stdout == page


def test_an_unknown_key_is_refused_by_name(cli, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('langauge = "zh"\n')
    result = cli("status")
    assert result.exit_code != 0
    assert "unknown setting 'langauge'" in result.stderr
