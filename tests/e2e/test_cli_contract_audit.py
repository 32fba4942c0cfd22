"""End-to-end checks from an audit of the command line against its contract (docs/cli.md):
usage errors and unknown codes give one stderr line and exit 1, a dry-run import counts
exactly what the real import does, a refused submit is one line, an unwritable screenshot
path ends the GUI with exit 1 instead of hanging. One demo data dir serves the module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, CliResult


def _run(
    data: Path, *args: str, lang: str = "en", timeout: float = 120, tz: str | None = None
) -> CliResult:
    cmd = [sys.executable, "-m", "app", "--data-dir", str(data), "--lang", lang, *args]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1", LANG="C.UTF-8")
    if tz is not None:
        env["TZ"] = tz
    env.pop("CHANNELDESK_DATA_DIR", None)
    proc = subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT, encoding="utf-8"
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("audit") / "data"
    made = _run(data, "demo", "--partners", "12", "--months", "1", "--seed", "3")
    assert made.returncode == 0, made.stderr
    return data


def _one_line_exit_1(result: CliResult) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and "usage:" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("partners", "list", "--grade", "E"),
        ("partners", "list", "--status", "closed"),
        ("demo", "--partners", "many"),
        ("visits",),
        ("no-such-command",),
        ("hq", "report", "month", "-o", "x.pdf"),
    ],
)
def test_usage_errors_are_bad_input_exit_1_one_line(demo_dir: Path, args: tuple[str, ...]) -> None:
    _one_line_exit_1(_run(demo_dir, *args))


def test_unknown_partner_and_region_codes_are_refused(demo_dir: Path) -> None:
    for args in (
        ("visits", "list", "--partner", "NOPE", "--json"),
        ("targets", "list", "--partner", "NOPE", "--json"),
    ):
        result = _run(demo_dir, *args)
        _one_line_exit_1(result)
        assert "NOPE" in result.stderr
    region = _run(demo_dir, "partners", "list", "--region", "9999", "--json")
    _one_line_exit_1(region)
    assert "9999" in region.stderr
    assert (
        "未知的行政区划代码"
        in _run(demo_dir, "partners", "list", "--region", "9999", lang="zh_CN").stderr
    )
    _one_line_exit_1(_run(demo_dir, "partners", "list", "--limit", "-1"))
    partners = _run(demo_dir, "partners", "list", "--json").json()
    code, region_code = partners[0]["code"], partners[0]["region"]
    assert all(
        v["partner_code"] == code
        for v in _run(demo_dir, "visits", "list", "--partner", code, "--json").json()
    )
    by_region = _run(demo_dir, "partners", "list", "--region", region_code[:4], "--json").json()
    assert code in {p["code"] for p in by_region} and all(
        p["region"].startswith(region_code[:4]) for p in by_region
    )


def test_dry_run_counts_what_the_import_would_do(demo_dir: Path, tmp_path: Path) -> None:
    exported = tmp_path / "all.csv"
    assert _run(demo_dir, "partners", "export", str(exported)).returncode == 0
    lines = exported.read_text(encoding="utf-8-sig").splitlines()
    total = len(lines) - 1
    same = _run(demo_dir, "partners", "import", str(exported), "--dry-run", "--json").json()
    assert (same["created"], same["updated"], same["unchanged"]) == (0, 0, total)
    header, first, *rest = lines
    cells = first.split(",")
    cells[1] += "（新址）"
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "\n".join(
            [header, ",".join(cells), *rest, "AUDIT-NEW,审计新店,dealer,active,B,310115" + "," * 11]
        )
        + "\n",
        encoding="utf-8",
    )
    dry = _run(demo_dir, "partners", "import", str(changed), "--dry-run", "--json").json()
    assert (dry["created"], dry["updated"], dry["unchanged"], dry["dry_run"]) == (
        1,
        1,
        total - 1,
        True,
    )
    assert _run(demo_dir, "partners", "list", "--search", "审计新店", "--json").json() == []
    real = _run(demo_dir, "partners", "import", str(changed), "--json").json()
    assert {k: real[k] for k in ("created", "updated", "unchanged")} == {
        k: dry[k] for k in ("created", "updated", "unchanged")
    }


def test_refused_submit_is_one_line_naming_the_missing_items(demo_dir: Path) -> None:
    active = _run(demo_dir, "partners", "list", "--status", "active", "--json").json()
    visit_id = _run(demo_dir, "visits", "new", "--partner", active[0]["code"], "--json").json()[
        "id"
    ]
    refused = _run(demo_dir, "visits", "submit", visit_id)
    _one_line_exit_1(refused)
    assert "signage" in refused.stderr and "licence_valid" in refused.stderr
    assert _run(demo_dir, "visits", "show", visit_id, "--json").json()["status"] == "draft"


def test_screenshot_to_an_unwritable_path_exits_1(demo_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _run(demo_dir, "gui", "--screenshot", str(blocker / "shot.png"), timeout=90)
    assert result.returncode == 1, result.stderr
    assert "Cannot write the screenshot" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_months_statuses_and_nothing_in_the_future(tmp_path: Path) -> None:
    import datetime as dt

    data = tmp_path / "demo3"
    assert _run(data, "demo", "--partners", "30", "--months", "3", "--seed", "9").returncode == 0
    after = dt.datetime.now(dt.UTC)
    visits = _run(data, "visits", "list", "--json").json()
    started = [dt.datetime.fromisoformat(v["started_at"].replace("Z", "+00:00")) for v in visits]
    assert started and max(started) <= after
    first = dt.date.today().replace(day=1)
    expected = set()
    for back in range(3):
        index = first.year * 12 + first.month - 1 - back
        expected.add(f"{index // 12:04d}-{index % 12 + 1:02d}")
    months = {s.strftime("%Y-%m") for s in started}
    assert months <= expected and len(months) >= 2, (months, expected)
    # The month under way holds only its share so far (the old demo put a whole month's
    # visits into its first days, some of them later than now).
    this_month = sum(1 for s in started if s.date() >= first)
    last_full = sum(1 for s in started if s.strftime("%Y-%m") == sorted(expected)[1])
    assert this_month <= last_full * (dt.date.today().day + 2) / 28 + 3
    partners = _run(data, "partners", "list", "--json").json()
    assert {p["status"] for p in partners} == {
        "prospect",
        "active",
        "suspended",
        "terminated",
        "merged",
    }
    assert {p["grade"] for p in partners} == set("ABCD")
    assert {p["type"] for p in partners} == {"agent", "dealer", "franchise", "own_store", "special"}
    merged = _run(data, "partners", "list", "--status", "merged", "--json").json()[0]["code"]
    refused = _run(data, "visits", "new", "--partner", merged, lang="zh_CN")
    _one_line_exit_1(refused)
    assert "已合并" in refused.stderr and "merged" not in refused.stderr


@pytest.mark.parametrize("tz", ["Etc/GMT+10", "Etc/GMT-14"])
def test_compliance_counts_the_same_local_days_as_visits_list(tmp_path: Path, tz: str) -> None:
    """Demo visits start 01:00-09:00 UTC: far from UTC the local day differs, and both
    ``visits list --month`` and ``compliance --month`` must put each visit in the same month."""
    import datetime as dt

    data = tmp_path / "tz"
    assert _run(data, "demo", "--partners", "30", "--months", "2", "--seed", "4").returncode == 0
    active = {
        p["code"] for p in _run(data, "partners", "list", "--status", "active", "--json").json()
    }
    first = dt.date.today().replace(day=1)
    previous = (first - dt.timedelta(days=1)).strftime("%Y-%m")
    for month in (previous, first.strftime("%Y-%m")):
        listed = _run(data, "visits", "list", "--month", month, "--json", tz=tz).json()
        done = _run(data, "compliance", "--month", month, "--json", tz=tz).json()
        expected: dict[str, int] = {}
        for visit in listed:
            if visit["partner_code"] in active and visit["status"] == "submitted":
                expected[visit["partner_code"]] = expected.get(visit["partner_code"], 0) + 1
        assert {r["partner_code"]: r["done"] for r in done["partners"] if r["done"]} == expected


def test_internal_error_is_one_line_with_the_crash_report(demo_dir: Path, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    visit_id = _run(demo_dir, "visits", "list", "--json").json()[0]["id"]
    broken = tmp_path / "broken"
    shutil.copytree(demo_dir, broken)
    with sqlite3.connect(broken / "channeldesk.sqlite") as db:
        db.execute("DROP TABLE visit_answer")
    result = _run(broken, "visits", "show", visit_id, "--json")
    assert result.returncode == 3 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Crash report:" in lines[0] and "[SQL:" not in lines[0], (
        result.stderr
    )
    report = Path(lines[0].rsplit("Crash report: ", 1)[1])
    assert report.is_file() and "visit_answer" in report.read_text(encoding="utf-8")


def test_hq_database_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    result = _run(
        tmp_path / "unused",
        "hq",
        "--db",
        f"sqlite:///{tmp_path / 'no-such-folder' / 'hq.sqlite'}",
        "init",
    )
    _one_line_exit_1(result)
    assert "Cannot open the HQ database" in result.stderr


def test_hq_ack_dir_that_is_a_file_and_hq_crash_print_one_line(tmp_path: Path) -> None:
    import sqlite3

    laptop, hq_db = tmp_path / "laptop", tmp_path / "hq" / "hq.sqlite"
    hq_db.parent.mkdir()
    db = f"sqlite:///{hq_db}"
    assert _run(laptop, "hq", "--db", db, "init").returncode == 0
    assert _run(laptop, "demo", "--partners", "5", "--months", "1").returncode == 0
    key, bundle = tmp_path / "dev.json", tmp_path / "b.cdsync"
    assert _run(laptop, "device", "export-key", "-o", str(key)).returncode == 0
    assert _run(laptop, "hq", "--db", db, "register-device", str(key)).returncode == 0
    assert _run(laptop, "sync", "export", "-o", str(bundle)).returncode == 0
    blocker = tmp_path / "acks-file"
    blocker.write_text("x")
    refused = _run(laptop, "hq", "--db", db, "ingest", str(bundle), "--ack-dir", str(blocker))
    _one_line_exit_1(refused)
    assert (
        _run(laptop, "hq", "--db", db, "stats", "--json").json()["devices"][0]["bundles"] == 0
    )  # nothing applied without its ack
    accepted = _run(
        laptop, "hq", "--db", db, "ingest", str(bundle), "--ack-dir", str(tmp_path / "acks" / "new")
    )
    assert accepted.returncode == 0 and accepted.stdout.strip().endswith(": accepted")
    assert len(list((tmp_path / "acks" / "new").glob("*.cdack"))) == 1
    device_id = _run(laptop, "device", "show", "--json").json()["device_id"]
    for target in (tmp_path, tmp_path / "no-such-folder" / "down.cdsync", blocker / "down.cdsync"):
        _one_line_exit_1(
            _run(laptop, "hq", "--db", db, "publish", "--device", device_id, "-o", str(target))
        )
    _one_line_exit_1(_run(tmp_path / "restored", "restore", str(tmp_path)))
    with sqlite3.connect(hq_db) as conn:
        conn.execute("DROP TABLE device")
    crashed = _run(laptop, "hq", "--db", db, "stats", "--json")
    assert crashed.returncode == 3 and crashed.stdout == ""
    assert len(crashed.stderr.strip().splitlines()) == 1 and "Traceback" not in crashed.stderr, (
        crashed.stderr
    )


@pytest.mark.parametrize(
    "args",
    [
        ("report", "month", "-o", "{blocked}/m.pdf"),
        ("backup", "-o", "{blocked}/b.zip"),
        ("partners", "export", "{blocked}/p.csv"),
        ("partners", "export", "{blocked}/p.xlsx"),
    ],
)
def test_output_under_a_file_is_refused_with_one_line(
    demo_dir: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _run(demo_dir, *(a.format(blocked=blocker) for a in args))
    _one_line_exit_1(result)
    assert blocker.read_text() == "x"


def test_bad_hq_key_files_and_folders_as_files_give_plain_messages(
    demo_dir: Path, tmp_path: Path
) -> None:
    not_json = tmp_path / "hq.csv"
    not_json.write_text("a,b\n", encoding="utf-8")
    no_key = tmp_path / "hq.json"
    no_key.write_text("[1]", encoding="utf-8")
    expected = {
        str(not_json): "it is not JSON",
        str(no_key): "it has no public_key",
        str(tmp_path / "absent.key"): "File not found",
        str(tmp_path): "is a folder, not a file",
    }
    for path, text in expected.items():
        result = _run(demo_dir, "init", "--hq-key", path)
        _one_line_exit_1(result)
        assert text in result.stderr and "Errno" not in result.stderr
    assert "不是 JSON" in _run(demo_dir, "init", "--hq-key", str(not_json), lang="zh_CN").stderr
    draft = _run(
        demo_dir,
        "visits",
        "new",
        "--partner",
        _run(demo_dir, "partners", "list", "--status", "active", "--json").json()[0]["code"],
    ).stdout.strip()
    folder = _run(demo_dir, "visits", "attach-photo", draft, str(tmp_path))
    _one_line_exit_1(folder)
    assert "is a folder, not a file" in folder.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--json"),
        ("conflicts", "--json"),
        ("register-device", "key.json"),
        ("report", "month", "2026-01", "-o", "m.pdf"),
    ],
)
def test_hq_commands_refuse_a_database_hq_init_never_prepared(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    result = _run(tmp_path / "unused", "hq", "--db", f"sqlite:///{tmp_path / 'typo.sqlite'}", *args)
    _one_line_exit_1(result)
    assert "hq init" in result.stderr
