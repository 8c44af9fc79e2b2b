"""The crawl's early stop: unlikely links are no longer fetched once two judgements give the same verdicts."""

from __future__ import annotations

import json

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from checklist.settle import verdicts
from crawler.settle import Settle, Settled, SettledFilter, is_unlikely
from oitbase.model import Evidence, ItemResult
from tests.crawler_support import db_rows
from tests.helpers import check_report


class FakeStats(dict):
    def set_value(self, key, value):
        self[key] = value

    def inc_value(self, key, count=1):
        self[key] = self.get(key, 0) + count


class FakeSpider:
    def __init__(self):
        self.settled = False
        self.warnings: list[str] = []

    def warn(self, text):
        self.warnings.append(text)


class FakeCrawler:
    def __init__(self):
        self.stats = FakeStats()
        self.spider = FakeSpider()


def _item(code: str, status: str, url: str = "") -> ItemResult:
    evidence = [Evidence(url=url)] if url else []
    return ItemResult(code=code, name=code, sub_indicator="9.1", status=status, confidence=0.8, evidence=evidence)


def _request(url: str, score: int, **meta) -> Request:
    return Request(url, meta={"oit_score": score, **meta})


def test_a_verdict_is_the_status_and_the_first_evidence():
    before = verdicts([_item("O1", "pass", "http://u/a.pdf"), _item("O2", "fail")])
    assert before == {"O1": ["pass", "http://u/a.pdf"], "O2": ["fail", ""]}
    assert verdicts([_item("O1", "pass", "http://u/a.pdf"), _item("O2", "fail")]) == before
    assert verdicts([_item("O1", "pass", "http://u/b.pdf"), _item("O2", "fail")]) != before


def test_only_links_the_focus_scored_low_are_unlikely():
    assert is_unlikely(_request("http://u/news/1.html", 0), 5)
    assert is_unlikely(_request("http://u/news/1.html", 5), 5)
    assert not is_unlikely(_request("http://u/ita.html", 40), 5)
    assert not is_unlikely(_request("http://u/sitemap.xml", 0, oit_aux=True), 5)
    assert not is_unlikely(_request("http://u/news/1.html", 0, oit_render=True), 5)
    assert not is_unlikely(_request("http://drive/x.pdf", 0, oit_offsite=True), 5)
    assert not is_unlikely(Request("http://u/"), 5)  # the homepage and resumed requests carry no score


def _settle(monkeypatch, window: int = 3) -> tuple[Settle, FakeCrawler, list]:
    crawler = FakeCrawler()
    ext = Settle(crawler, ["judge"], window=window, threshold=5)
    started: list = []
    monkeypatch.setattr(ext, "_judge", lambda spider: started.append(ext.fetched) or ext.__setattr__("judging", True))
    return ext, crawler, started


def _fetch(ext: Settle, spider, url: str, score: int) -> None:
    request = _request(url, score)
    ext.response_received(HtmlResponse(url, body=b"<html></html>", request=request), request, spider)


def test_judges_after_each_window_of_unlikely_pages(monkeypatch):
    ext, crawler, started = _settle(monkeypatch)
    spider = crawler.spider
    for n in range(20):
        _fetch(ext, spider, f"http://u/ita/{n}.html", 40)  # likely pages never start a judgement
    assert started == []
    for n in range(5):
        _fetch(ext, spider, f"http://u/news/{n}.html", 0)
    assert started == []  # 5 unlikely pages are more than the window of 3, not a quarter of the 25 fetched
    _fetch(ext, spider, "http://u/news/5.html", 0)
    assert started == [26]
    for n in range(6, 20):
        _fetch(ext, spider, f"http://u/news/{n}.html", 0)  # one judgement at a time
    assert started == [26]


def test_settles_when_two_judgements_agree(monkeypatch):
    ext, crawler, _ = _settle(monkeypatch)
    spider = crawler.spider
    first = {"resources": 10, "verdicts": {"O1": ["pass", "a"], "O2": ["fail", ""]}}
    ext._judged(first, spider)
    assert not spider.settled
    ext._judged({"resources": 20, "verdicts": {"O1": ["pass", "a"], "O2": ["partial", "b"]}}, spider)
    assert not spider.settled  # O2 changed: the archive still gives evidence
    ext.last_window = 150
    ext._judged({"resources": 30, "verdicts": {"O1": ["pass", "a"], "O2": ["partial", "b"]}}, spider)
    assert spider.settled and crawler.stats["oit/settled_after"] == ext.fetched
    assert "150" in spider.warnings[0] and "--full" in spider.warnings[0]


def test_a_failed_judgement_does_not_settle(monkeypatch):
    from twisted.python.failure import Failure

    ext, crawler, _ = _settle(monkeypatch)
    ext.judging = True
    ext._failed(Failure(RuntimeError("judging ended with code 1")))
    assert not ext.judging and not crawler.spider.settled and crawler.stats["oit/settle_failed"] == 1


def test_a_settled_crawl_refuses_unlikely_links_only():
    crawler = FakeCrawler()
    gate = SettledFilter(crawler, threshold=5)
    assert gate.process_request(_request("http://u/news/9.html", 0)) is None
    crawler.spider.settled = True
    with pytest.raises(Settled):
        gate.process_request(_request("http://u/news/9.html", 0))
    assert gate.process_request(_request("http://u/news/files/a.pdf", 28)) is None
    assert gate.process_request(_request("http://u/news/8.html", 0, retry_times=1)) is None
    assert crawler.stats["oit/settled_skipped"] == 1


@pytest.mark.slow
def test_a_padded_unit_settles_with_the_verdicts_of_a_full_crawl(tmp_path):
    """A unit with 900 archive pages: the default check fetches fewer resources than --full, says so, lists what
    it left as skipped links, and gives every item the status --full gives it. For the default check the server
    answers 20 times a second (unpaced, the whole archive is fetched before a judgement is back, as it should be)."""
    from sitegen.archive import build_padded_unit
    from sitegen.serve import Pace, serve_directory

    counts = build_padded_unit(tmp_path / "site", pages=1000, documents=60)
    year = str(counts["fiscal_year"])
    with serve_directory(tmp_path / "site") as url:
        full = check_report(url, tmp_path / "full", "full", "--full", year=year)
    with serve_directory(tmp_path / "site", pace=Pace(latency=0.0, per_second=20)) as url:
        settled = check_report(url, tmp_path / "settled", "settled", year=year)
    statuses = {it["code"]: it["status"] for it in settled["items"]}
    assert statuses == {it["code"]: it["status"] for it in full["items"]}
    fetched = [db_rows(tmp_path / name / "x.db", "select count(*) as n from resources")[0]["n"] for name in
               ("full", "settled")]  # fmt: skip
    assert fetched[1] < fetched[0] - 100, fetched
    assert any("settled" in w and "--full" in w for w in settled["warnings"])
    assert not any("settled" in w for w in full["warnings"])
    reasons = [s["reason"] for s in settled["skipped"]]
    left = sum("--full fetches it" in r for r in reasons)
    assert 0 < left <= fetched[0] - fetched[1]  # links of pages not fetched were never seen
    assert not settled["run"]["partial"]
    stats = json.loads(db_rows(tmp_path / "settled" / "x.db", "select crawl_stats from runs")[0]["crawl_stats"])
    assert stats["settle_judgements"] >= 2 and stats["close_reason"] == "finished"
