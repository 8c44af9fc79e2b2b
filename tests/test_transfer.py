"""A crawl moved from a worker's store to the coordinator's (``storage.transfer``): everything the judgement reads
arrives, under the receiving store's own run id, and shared texts are kept once."""

from __future__ import annotations

import pytest

from checklist.sitedata import load_site
from oitbase.thai import fold
from storage import store, transfer

TEXT = "ประกาศผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568"


def crawled(path) -> tuple[store.Database, int]:  # noqa: ANN001
    db = store.open_db(path)
    run_id = store.start_run(db, unit_url="http://127.0.0.1:8001/", fiscal_year=2568, catalog_id="nacc-2568",
                             crawl_status="complete", crawl_stats='{"pages": 2}', problem="")  # fmt: skip
    for sha, title, text in (("a" * 64, "หน้าแรก", "ยินดีต้อนรับ"), ("b" * 64, "O12 ประกาศ", TEXT)):
        store.save_text(db, {"sha256": sha, "kind": "html" if sha[0] == "a" else "pdf", "title": title,
                             "text": text, "folded": fold(text), "features": "{}", "error": ""})  # fmt: skip
    store.save_resource(db, {"run_id": run_id, "url": "http://127.0.0.1:8001/", "status": 200, "kind": "html",
                             "depth": 0, "sha256": "a" * 64, "error": ""})  # fmt: skip
    store.save_resource(db, {"run_id": run_id, "url": "http://127.0.0.1:8001/o12.pdf", "status": 200, "kind": "pdf",
                             "depth": 1, "sha256": "b" * 64, "error": "", "anchor": "ประกาศ"})  # fmt: skip
    store.save_links(db, [{"run_id": run_id, "src": "http://127.0.0.1:8001/", "dst": "http://127.0.0.1:8001/o12.pdf",
                           "text": "ประกาศ", "kind": "a", "offsite": 0}])  # fmt: skip
    store.save_skipped(db, [{"run_id": run_id, "url": "http://127.0.0.1:8001/big.zip", "src": "", "text": "",
                             "reason": "ไฟล์บีบอัด (archive)"}])  # fmt: skip
    store.save_ita_rows(db, [{"run_id": run_id, "page_url": "http://127.0.0.1:8001/", "code": "O12",
                              "label": "ประกาศ", "url": "http://127.0.0.1:8001/o12.pdf", "position": 0}])  # fmt: skip
    return db, run_id


def test_a_crawl_arrives_whole_under_the_receivers_run_id(tmp_path):  # noqa: ANN001
    worker, run_id = crawled(tmp_path / "worker.db")
    bundle = transfer.unpack(transfer.pack(transfer.export_run(worker, run_id)))
    coordinator = store.open_db(tmp_path / "coordinator.db")
    store.start_run(coordinator, unit_url="http://other/")  # the coordinator has runs of its own
    new_id = transfer.import_run(coordinator, bundle, batch_id=7)
    assert new_id != run_id
    run = store.get_run(coordinator, new_id)
    assert run["batch_id"] == 7 and run["unit_url"] == "http://127.0.0.1:8001/" and run["crawl_status"] == "complete"
    sent, got = load_site(worker, run_id), load_site(coordinator, new_id)
    assert {u: (r.kind, r.text) for u, r in got.resources.items()} == {
        u: (r.kind, r.text) for u, r in sent.resources.items()
    }
    assert [(lk.src, lk.dst, lk.text) for lk in got.links] == [(lk.src, lk.dst, lk.text) for lk in sent.links]
    assert [s.url for s in got.skipped] == [s.url for s in sent.skipped] and len(got.ita_rows) == 1
    assert store.search(coordinator, fold("จัดซื้อจัดจ้าง"), new_id)  # the full-text index has the imported text
    # a second crawl with the same file keeps one text
    again = transfer.import_run(coordinator, bundle)
    assert again == new_id + 1
    assert next(iter(coordinator.query("select count(*) as n from texts")))["n"] == 2


def test_what_is_not_a_crawl_bundle_is_refused(tmp_path):  # noqa: ANN001
    db = store.open_db(tmp_path / "oit.db")
    with pytest.raises(transfer.BundleError, match="oit-crawl/1"):
        transfer.import_run(db, {"format": "something-else", "run": {}})
    with pytest.raises(transfer.BundleError, match="cannot be read"):
        transfer.unpack("not base64 at all!")
    assert not list(db.query("select id from runs"))


def test_a_text_read_with_ocr_replaces_one_read_without_it_and_unknown_columns_are_dropped(tmp_path):  # noqa: ANN001
    worker, run_id = crawled(tmp_path / "worker.db")
    bundle = transfer.export_run(worker, run_id)
    scanned = next(t for t in bundle["texts"] if t["kind"] == "pdf")
    scanned["features"] = '{"pages_need_ocr": 2, "pages_ocr": 2}'
    bundle["run"]["score"] = '{"oit": 50}'  # a worker whose store still has an old column
    coordinator = store.open_db(tmp_path / "coordinator.db")
    store.save_text(coordinator, {**scanned, "text": "", "folded": "", "features": '{"pages_need_ocr": 2}'})
    new_id = transfer.import_run(coordinator, bundle)
    kept = store.cached_text(coordinator, scanned["sha256"])
    assert kept["text"] == TEXT and store.unread_scanned_pages(kept["features"]) == 0
    assert store.search(coordinator, fold("จัดซื้อจัดจ้าง"), new_id)  # the index follows the replaced text
    # the other way round: a text read without OCR never replaces one read with it
    poorer = {**bundle, "texts": [{**scanned, "text": "", "folded": "", "features": '{"pages_need_ocr": 2}'}]}
    transfer.import_run(coordinator, poorer)
    assert store.cached_text(coordinator, scanned["sha256"])["text"] == TEXT
