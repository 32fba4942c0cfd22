"""``hq ingest`` of a validly signed bundle whose one record has control characters in
its HLC's node part: exit 2, one stdout line naming the record, HQ unchanged; the bundle
as exported is accepted afterwards."""

from __future__ import annotations

from pathlib import Path

from app.services.opening import open_context
from tests.unit.services.test_sync_batching import _read_records
from tests.unit.sync.test_sync_hostile_records import _rebuild


def test_an_hlc_node_with_control_characters_is_exit_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lap, hqdir = tmp_path / "lap", tmp_path / "hq"
    db = f"sqlite:///{hqdir / 'hq.sqlite'}"
    hqdir.mkdir()
    assert cli("hq", "--db", db, "init", data=None).returncode == 0
    key = str(hqdir / "hq_public.key")
    assert (
        cli("init", "--user", "u", "--territory", "3101", "--hq-key", key, data=lap).returncode == 0
    )
    assert cli("device", "export-key", "-o", str(tmp_path / "k.json"), data=lap).returncode == 0
    registered = cli("hq", "--db", db, "register-device", str(tmp_path / "k.json"), data=None)
    assert registered.returncode == 0
    (tmp_path / "p.csv").write_text("code,name,grade,region\nG1,好店,C,310106\n", encoding="utf-8")
    assert cli("partners", "import", str(tmp_path / "p.csv"), data=lap).returncode == 0
    good = tmp_path / "good.cdsync"
    assert cli("sync", "export", "-o", str(good), data=lap).returncode == 0
    records = _read_records(good)
    row = records["partner"][0]
    stamp, node = row["hlc"][:22], row["hlc"][23:]
    row["hlc"] = f"{stamp}:\x1b[2J\x07:{node}"  # still ends with ":<device id>"
    ctx = open_context(lap)
    try:
        bad = _rebuild(good, tmp_path / "bad.cdsync", ctx, records)
    finally:
        ctx.close()
    stats = cli("hq", "--db", db, "stats", "--json", data=None).stdout
    result = cli("hq", "--db", db, "ingest", str(bad), data=None)
    assert result.returncode == 2, (result.stdout, result.stderr)
    (line,) = result.stdout.strip().splitlines()
    assert line.startswith(f"{bad}: rejected: partner {row['id']}") and "\x1b" not in line, line
    assert line.endswith("the HLC is malformed"), line  # not "not from this device": it ends so
    assert cli("hq", "--db", db, "stats", "--json", data=None).stdout == stats
    assert cli("hq", "--db", db, "ingest", str(good), data=None).returncode == 0
