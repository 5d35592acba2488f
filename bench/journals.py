"""The journals measured: built once per size from bench/content.py, for fourlooks and jrnl."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import content

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
JRNL_VENV = HERE / ".venv-jrnl"
JRNL_VERSION = "4.6"


@dataclass
class Paths:
    """Where one size's journals and outputs live (bench/out/SIZE/)."""

    folder: Path

    @property
    def journal(self) -> Path:
        return self.folder / "journal.db"

    @property
    def empty(self) -> Path:
        return self.folder / "empty.db"

    @property
    def jrnl(self) -> Path:
        return self.folder / "jrnl.txt"

    @property
    def jrnl_config(self) -> Path:
        return self.folder / "jrnl.yaml"

    @property
    def export_json(self) -> Path:
        return self.folder / "export.json"

    @property
    def floor_json(self) -> Path:
        return self.folder / "floor-export.json"


def build(size: int) -> Paths:
    """A fresh fourlooks journal and jrnl journal of `size` entries, and an empty journal
    (the schema, no data) for imports to go into."""
    from fourlooks import store

    paths = Paths(OUT / f"{size}")
    shutil.rmtree(paths.folder, ignore_errors=True)
    paths.folder.mkdir(parents=True)
    started = time.perf_counter()
    generated = content.generate(size)
    content.write_fourlooks(generated, paths.journal)
    content.write_jrnl(generated, paths.jrnl, paths.jrnl_config)
    store.open_journal(paths.empty).close()
    print(f"built {size:,} entries in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return paths


def newest_id(paths: Paths) -> str:
    """The short id of the newest entry, for `show`."""
    with sqlite3.connect(paths.journal) as conn:
        (entry_id,) = conn.execute(
            "SELECT id FROM entries ORDER BY date DESC, created_at DESC LIMIT 1"
        ).fetchone()
    return entry_id[:8]


def import_source(paths: Paths) -> Path:
    """What both imports read: fourlooks' own export when it exists, else the floor's."""
    if paths.export_json.exists():
        return paths.export_json
    if not paths.floor_json.exists():
        floor = [sys.executable, str(HERE / "floor.py")]
        subprocess.run(
            [*floor, "export-json", str(paths.journal), str(paths.floor_json)], check=True
        )
    return paths.floor_json


def jrnl_argv() -> list[str] | None:
    """jrnl 4.6 in its own virtual environment, created on first use; None if it cannot be."""
    binary = JRNL_VENV / "bin" / "jrnl"
    if not binary.exists():
        print(f"installing jrnl {JRNL_VERSION} into {JRNL_VENV} ...", file=sys.stderr)
        pip = [str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        try:
            subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
            subprocess.run([*pip, f"jrnl=={JRNL_VERSION}"], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"jrnl is not available: {exc}", file=sys.stderr)
            return None
    return [str(binary)]
