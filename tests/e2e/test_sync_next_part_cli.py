"""``sync export --next`` with nothing after the newest bundle writes no bundle: one
translated line says nothing is left to send, exit 0 (``--json``: null bundle fields);
plain ``sync export`` keeps writing a bundle (an empty one too)."""

from __future__ import annotations

from pathlib import Path


def test_next_part_with_nothing_left_writes_nothing(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "甲").returncode == 0
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nN1,下一部分店,B,310106\n", encoding="utf-8")
    assert cli("partners", "import", str(csv)).returncode == 0
    first = cli("sync", "export", "--json")
    assert first.returncode == 0 and first.json()["seq"] == 1  # type: ignore[index]
    outbox = sorted((data_dir / "outbox").iterdir())
    nothing = cli("sync", "export", "--next", "--json")
    assert nothing.returncode == 0, nothing.stderr
    assert nothing.json() == {
        "bundle_id": None,
        "seq": None,
        "path": None,
        "counts": {},
        "remaining": 0,
    }
    assert "Nothing left to send" in nothing.stderr and "No bundle was written" in nothing.stderr
    zh = cli("sync", "export", "--next", lang="zh_CN")
    assert zh.returncode == 0 and zh.stdout == ""
    assert "没有" in zh.stderr and "Nothing" not in zh.stderr
    assert sorted((data_dir / "outbox").iterdir()) == outbox  # no file written
    # plain export still writes a bundle, and the numbering went on without a gap
    assert cli("sync", "export", "--json").json()["seq"] == 2  # type: ignore[index]
