"""HQ publishes development records, through the command line (issue 20): ``hq devrecords
import`` (the laptop's ``devrecords import`` shape: ``--json`` ``rows``, ``created``,
``skipped``; row errors and exit 1), ``hq publish``, the laptop's ``sync import`` and
``callbacks draw`` taking HQ's records with the ones imported locally; a device whose key
file came from an older build is registered and told about; a down-bundle with a garbled
envelope is refused with exit 2 and one translated line, nothing changed."""

from __future__ import annotations

import base64
import datetime as dt
import json
import zipfile
from pathlib import Path

from tests.e2e.test_hq_console_cli import laptop_and_hq, sync_up

PHONES = [f"1365555{n:04d}" for n in range(20)]


def _records(path: Path, phones: list[str]) -> Path:
    day = dt.date.today() - dt.timedelta(days=1)  # when asked, not at collection
    lines = ["日期,渠道编码,产品,客户编号,手机号,预存款,业务类型"]
    lines += [
        f"{day},{('P001', 'P002')[i % 2]},宽带,C{i:04d},{phone},50,{'发展' if i % 2 else '维系'}"
        for i, phone in enumerate(phones)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _resign_with_garbled_phone(down: Path, target: Path, key_dir: Path) -> Path:
    """``down`` with one sealed phone changed, the manifest corrected and signed again by
    HQ: only the envelope's content is wrong."""
    import hashlib

    from app.sync import signing

    with zipfile.ZipFile(down) as z:
        manifest = json.loads(z.read("manifest.json"))
        files = {n: z.read(n) for n in z.namelist() if n not in ("manifest.json", "manifest.sig")}
    lines = [json.loads(x) for x in files["records/dev_record.jsonl"].splitlines()]
    raw = bytearray(base64.b64decode(lines[0]["data"]["phone_sealed"]))
    raw[-1] ^= 1
    lines[0]["data"]["phone_sealed"] = base64.b64encode(bytes(raw)).decode()
    files["records/dev_record.jsonl"] = b"".join(
        json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" for r in lines
    )
    for entry in manifest["files"]:
        data = files[entry["path"]]
        entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    body = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", body)
        z.writestr(
            "manifest.sig", signing.sign(signing.load_private(key_dir / "hq_ed25519.pem"), body)
        )
        for name, data in files.items():
            z.writestr(name, data)
    return target


def test_hq_import_publish_laptop_draw(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, hq_dir = laptop_and_hq(cli, tmp_path)
    sync_up(cli, db, tmp_path, "partners.cdsync")  # HQ learns the partners

    def hq(*args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        return cli("hq", "--db", db, *args, data=None, lang=lang)

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,partner_code,phone,kind\n2026-03-01,NOPE,13655550000,new\n", encoding="utf-8"
    )
    refused = hq("devrecords", "import", str(bad), "--json")
    assert refused.returncode == 1 and refused.stdout == ""
    assert "row 2, column partner_code" in refused.stderr and "13655550000" not in refused.stderr
    zh = hq("devrecords", "import", str(bad), lang="zh_CN")
    assert zh.returncode == 1 and "未导入任何数据" in zh.stderr, zh.stderr
    assert hq("devrecords", "import", str(tmp_path / "missing.csv")).returncode == 1

    # five records the laptop imported itself, all twenty from HQ
    mine = cli("devrecords", "import", str(_records(tmp_path / "mine.csv", PHONES[:5])), "--json")
    assert mine.returncode == 0 and mine.json()["created"] == 5, mine.stderr
    path = _records(tmp_path / "hq.csv", PHONES)
    imported = hq("devrecords", "import", str(path), "--json")
    assert imported.returncode == 0, imported.stderr
    assert imported.json() == {"rows": 20, "created": 20, "skipped": 0}
    assert hq("devrecords", "import", str(path), "--json").json() == {
        "rows": 20,
        "created": 0,
        "skipped": 20,
    }
    device = hq("stats", "--json").json()["devices"][0]["device_id"]
    down = tmp_path / "down.cdhq"
    published = hq("publish", "--device", device, "-o", str(down))
    assert published.returncode == 0 and published.stderr == "", published.stderr

    garbled = _resign_with_garbled_phone(down, tmp_path / "garbled.cdhq", hq_dir)
    for lang, words in (("en", "does not open"), ("zh_CN", "无法解密")):
        result = cli("sync", "import", str(garbled), lang=lang)
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    assert cli("callbacks", "list", "--json").json() == []
    assert cli("sync", "import", str(down)).returncode == 0
    # today's draw takes yesterday's records: the five the laptop imported and the
    # fifteen only HQ had, none twice
    draw = cli("callbacks", "draw", "--json")
    assert draw.returncode == 0, draw.stderr
    data = draw.json()
    assert data["population"] == 20 and data["drawn"] >= 3
    assert {c["partner_code"] for c in data["calls"]} == {"P001", "P002"}
    assert all(c["phone_masked"].startswith("136****") for c in data["calls"])
    assert len(cli("callbacks", "list", "--json").json()) == data["drawn"]
    # no phone in clear anywhere but the input files: HQ's database and key dir, the
    # bundles, the laptop's data dir, every log (HQ's commands log to the default data dir)
    assert (tmp_path / "default-data" / "logs").is_dir() or (tmp_path / "data" / "logs").is_dir()
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".csv"]
    for phone in PHONES:
        assert [p for p in files if phone.encode() in p.read_bytes()] == [], phone
        assert phone not in published.stderr + imported.stderr


def test_a_key_file_of_an_older_build(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ = laptop_and_hq(cli, tmp_path)
    sync_up(cli, db, tmp_path, "partners.cdsync")
    key = tmp_path / "dev.json"
    body = json.loads(key.read_text(encoding="utf-8"))
    assert len(base64.b64decode(body.pop("x25519_public_key"))) == 32
    old = tmp_path / "old.json"
    old.write_text(json.dumps(body), encoding="utf-8")
    # a fresh HQ that knows the device only from the older key file
    hq_dir = tmp_path / "hq2"
    hq_dir.mkdir()
    db2 = f"sqlite:///{hq_dir / 'hq.sqlite'}"

    def hq(*args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        return cli("hq", "--db", db2, *args, data=None, lang=lang)

    assert hq("init", "--key-dir", str(hq_dir)).returncode == 0
    assert hq("register-device", str(old)).returncode == 0
    up = tmp_path / "partners.cdsync"
    assert hq("ingest", str(up), "--ack-dir", str(tmp_path / "acks2")).returncode == 0
    assert hq("devrecords", "import", str(_records(tmp_path / "r.csv", PHONES))).returncode == 0
    down = tmp_path / "down.cdhq"
    published = hq("publish", "--device", body["device_id"], "-o", str(down), lang="zh_CN")
    assert published.returncode == 0 and down.exists()
    assert "device export-key" in published.stderr and "未登记加密密钥" in published.stderr
    with zipfile.ZipFile(down) as z:
        assert "records/dev_record.jsonl" not in z.namelist()
    assert hq("register-device", str(key)).returncode == 0  # the current key file
    again = hq("publish", "--device", body["device_id"], "-o", str(down))
    assert again.returncode == 0 and again.stderr == ""
    assert cli("init", "--hq-key", str(hq_dir / "hq_public.key")).returncode == 0  # trust it
    assert cli("sync", "import", str(down)).returncode == 0
    assert cli("callbacks", "draw", "--json").json()["population"] == 20
