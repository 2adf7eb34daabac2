"""The service's HTTP API through FastAPI's TestClient: upload, findings, reviews across re-runs, limits, auth, filters."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

import pytest

pytest.importorskip("fastapi", reason="the service needs fastapi (pip install fastapi uvicorn python-multipart jinja2)")
pytest.importorskip("multipart", reason="uploads need python-multipart")

from fastapi.testclient import TestClient  # noqa: E402

from extraction.service import Settings, create_app  # noqa: E402
from test_service_support import seed_path  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def seed() -> tuple[str, bytes]:
    path = seed_path()
    return path.name, path.read_bytes()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("svc") / "audit.sqlite"
    with TestClient(create_app(Settings(db=db, workers=1, max_upload_mb=1, max_files=3))) as c:
        yield c


@pytest.fixture(scope="module")
def uploaded(client: TestClient, seed: tuple[str, bytes]) -> dict:
    r = client.post("/api/reports", files={"file": seed})
    assert r.status_code == 200, r.text
    return r.json()


def test_upload_gives_the_three_findings(uploaded: dict, client: TestClient) -> None:
    assert uploaded["id"] > 0
    assert uploaded["agency"] == "北京市密云区人民政府" and uploaded["report_year"] == 2021
    rules = sorted(f["rule"] for f in uploaded["findings"])
    assert rules == ["narrative_parts_sum", "narrative_vs_table", "narrative_vs_table"]
    assert all(f["review"]["status"] == "open" and f["id"] and f["fingerprint"] for f in uploaded["findings"])
    assert client.get(f"/api/reports/{uploaded['id']}").json()["findings"] == uploaded["findings"]


def test_stored_by_sha256_not_client_path(client: TestClient, seed: tuple[str, bytes]) -> None:
    r = client.post("/api/reports", files={"file": ("../../etc/passwd/../" + seed[0], seed[1])})
    assert r.status_code == 200
    doc = r.json()["document"]
    assert doc["path"] == seed[0]  # only the base name is shown
    files = client.app.state.ctx.files.root
    assert (files / doc["sha256"]).read_bytes() == seed[1]
    assert not any(p.name == seed[0] for p in files.iterdir())


def test_dismissal_survives_a_reupload(client: TestClient, uploaded: dict, seed: tuple[str, bytes]) -> None:
    current = client.post("/api/reports", files={"file": seed}).json()  # a re-upload replaces the report, same id
    assert current["id"] == uploaded["id"]
    target = current["findings"][0]
    r = client.patch(f"/api/findings/{target['id']}", json={"status": "dismissed", "comment": "口径不同，已核实"})
    assert r.status_code == 200 and r.json()["status"] == "dismissed"
    again = client.post("/api/reports", files={"file": seed})
    assert again.status_code == 200
    by_fp = {f["fingerprint"]: f for f in again.json()["findings"]}
    assert by_fp[target["fingerprint"]]["review"] == {"status": "dismissed", "comment": "口径不同，已核实"}
    assert sum(f["review"]["status"] == "dismissed" for f in again.json()["findings"]) == 1
    listed = client.get("/api/reports", params={"review_status": "dismissed"}).json()
    assert listed["total"] == 1 and listed["reports"][0]["id"] == again.json()["id"]
    # and back to open
    new_id = by_fp[target["fingerprint"]]["id"]
    assert client.patch(f"/api/findings/{new_id}", json={"status": "open"}).json()["status"] == "open"


def test_review_validation_and_unknown_ids(client: TestClient) -> None:
    assert client.patch("/api/findings/999999", json={"status": "dismissed"}).status_code == 404
    r = client.patch("/api/findings/1", json={"status": "maybe"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = client.get("/api/reports/999999")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_oversize_upload_is_413(client: TestClient) -> None:
    big = b"\xe6\x94\xbf" * 400_000  # 1.2 MB of text, over the 1 MB per-file limit
    r = client.post("/api/reports", files={"file": ("big.txt", big)})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert "单个文件 1 MB 的上限" in r.json()["error"]["message"] and "1048577" not in r.text  # no made-up size
    huge = b"a" * (5 * 1024 * 1024)  # over the whole-request limit (3 files x 1 MB + 1 MB): refused before parsing
    r = client.post("/api/reports", files={"file": ("huge.txt", huge)})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_too_many_files_in_one_request(client: TestClient) -> None:
    files = [("file", (f"f{i}.txt", b"x")) for i in range(4)]
    r = client.post("/api/reports", files=files)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_many_files"


def test_several_files_in_one_request(client: TestClient, seed: tuple[str, bytes]) -> None:
    r = client.post("/api/reports", files=[("file", seed), ("file", ("junk.bin", b"\x00\x01\x02\x03" * 64))])
    assert r.status_code == 200
    first, second = r.json()["reports"]
    assert len(first["findings"]) == 3
    assert second["file"] == "junk.bin" and second["error"]["code"] == "unknown_format"


@pytest.mark.parametrize(("name", "data", "code"), [
    ("junk.bin", b"\x00\x01\x02\x03" * 64, "unknown_format"),
    ("empty.txt", b"   \n", "empty"),
    ("fake.pdf", b"%PDF-1.7\n garbage that is not a pdf body", None),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "unknown_format"),
])
def test_junk_upload_is_422_with_a_code(client: TestClient, name: str, data: bytes, code: str | None) -> None:
    r = client.post("/api/reports", files={"file": (name, data)})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"]["code"] and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    assert "Traceback" not in r.text
    files = client.app.state.ctx.files.root
    assert str(files) not in r.text and str(files.parent) not in r.text  # no server path in any message
    assert not (files / hashlib.sha256(data).hexdigest()).exists()  # the rejected file is not kept


def test_list_filters_and_pagination(client: TestClient, uploaded: dict) -> None:
    def total(**params: object) -> int:
        r = client.get("/api/reports", params=params)
        assert r.status_code == 200
        return r.json()["total"]

    assert total() >= 1
    assert total(agency="密云") == total() and total(agency="不存在的机构") == 0
    assert total(year=2021) >= 1 and total(year=2019) == 0
    assert total(region="北京") >= 1 and total(region="江苏") == 0
    assert total(rule="narrative_parts_sum") >= 1 and total(rule="cross_year") == 0
    assert total(severity="warning") >= 1
    assert total(has_findings=True) >= 1 and total(has_findings=False) == 0
    page = client.get("/api/reports", params={"limit": 1, "offset": 0}).json()
    assert page["limit"] == 1 and len(page["reports"]) == 1
    assert client.get("/api/reports", params={"limit": 0}).status_code == 422


def test_series_and_agencies(client: TestClient, uploaded: dict) -> None:
    key = uploaded["agency_key"]
    assert any(a["agency_key"] == key for a in client.get("/api/agencies").json())
    series = client.get(f"/api/agencies/{key}/series").json()
    assert [y["year"] for y in series["years"]] == [2021]
    assert client.get("/api/agencies/nobody/series").status_code == 404


def latest_id(client: TestClient) -> int:
    return client.get("/api/reports", params={"agency": "密云", "limit": 1}).json()["reports"][0]["id"]


def test_pages_render(client: TestClient, uploaded: dict) -> None:
    page = client.get(f"/reports/{latest_id(client)}")
    assert page.status_code == 200
    html = page.text
    assert html.count('class="finding ') == 3
    assert 'id="c-litigation.direct.pending"' in html and 'class="mismatch"' in html
    assert '<mark id="m-' in html and "mismatch" in html
    assert "content-security-policy" in page.headers
    docs = client.get("/docs", headers={"accept": "text/html"})
    assert docs.status_code == 200 and "POST <code>/api/reports</code>" in docs.text and "413" in docs.text
    for path in ("/", "/?agency=密云&has_findings=true", "/upload", "/dashboard", "/api", "/openapi.json"):
        assert client.get(path).status_code == 200, path
    assert "<svg" in client.get("/dashboard").text
    assert client.get("/reports/999999").status_code == 404


def test_review_form_redirects_back(client: TestClient, uploaded: dict) -> None:
    rid = latest_id(client)
    fid = client.get(f"/api/reports/{rid}").json()["findings"][1]["id"]
    r = client.post(f"/reports/{rid}/findings/{fid}/review", data={"status": "confirmed", "comment": "属实"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith(f"#f-{fid}")
    assert client.get(f"/api/reports/{rid}").json()["findings"][1]["review"] == {"status": "confirmed", "comment": "属实"}
    r = client.post(f"/reports/{rid}/findings/{fid}/review", data={"status": "confirmed"},
                    headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert r.status_code == 403


def test_no_stack_traces_on_internal_errors(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(client.app.state.ctx.store, "get_report", boom)
    quiet = TestClient(client.app, raise_server_exceptions=False)  # shares the running app's state; answers like a server
    r = quiet.get("/api/reports/1")
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal", "message": "服务器内部错误"}}
    page = quiet.get("/reports/1", headers={"Accept": "text/html"})
    assert page.status_code == 500 and "secret" not in page.text and "Traceback" not in page.text


def test_token_required_when_configured(tmp_path: Path, seed: tuple[str, bytes]) -> None:
    with TestClient(create_app(Settings(db=tmp_path / "a.sqlite", workers=1, token=TOKEN))) as c:
        assert c.post("/api/reports", files={"file": seed}).status_code == 401
        assert c.post("/api/reports", files={"file": seed}, headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = c.post("/api/reports", files={"file": seed}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200
        fid = r.json()["findings"][0]["id"]
        assert c.patch(f"/api/findings/{fid}", json={"status": "dismissed"}).status_code == 401
        ok = c.patch(f"/api/findings/{fid}", json={"status": "dismissed"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200
        assert c.get("/api/reports").status_code == 200  # reads stay open
        form = c.post(f"/reports/{r.json()['id']}/findings/{fid}/review", data={"status": "open"}, follow_redirects=False)
        assert form.status_code == 401
        form = c.post(f"/reports/{r.json()['id']}/findings/{fid}/review", data={"status": "open", "token": TOKEN}, follow_redirects=False)
        assert form.status_code == 303


def test_audit_time_limit_kills_the_worker(tmp_path: Path, seed: tuple[str, bytes]) -> None:
    with TestClient(create_app(Settings(db=tmp_path / "a.sqlite", workers=1, audit_timeout_s=0.001))) as c:
        r = c.post("/api/reports", files={"file": seed})
        assert r.status_code == 504 and r.json()["error"]["code"] == "audit_timeout"
        c.app.state.ctx.pool.timeout = 120  # the replacement worker serves the next upload
        assert c.post("/api/reports", files={"file": seed}).status_code == 200
