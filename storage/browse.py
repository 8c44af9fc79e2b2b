"""Canned queries over the store for ``oit browse`` (Datasette): SQL as data, so it stays in ``storage``.

"Latest evaluation of a unit": the newest evaluation (highest id) of the unit's newest crawl (highest run id) that
has one; "previous": the same for the crawl before it. A re-check of a crawl adds an evaluation to that crawl, so it
replaces the crawl's verdicts but is never "previous" to them.
"""

from __future__ import annotations

from sqlite_utils import Database

#: Per unit and crawl the newest evaluation, the unit's crawls ranked newest first (``nth`` 1 = latest, 2 = previous).
_RANKED = """
with per_run as (
  select e.*, row_number() over (partition by e.unit_id, e.run_id order by e.id desc) as in_run
  from evaluations e where e.unit_id is not null
),
ranked as (
  select per_run.*, row_number() over (partition by unit_id order by run_id desc) as nth
  from per_run where in_run = 1
)"""

#: Query name (its URL in Datasette) → SQL. Parameters are ``:name``.
CANNED_SQL: dict[str, str] = {
    "units_failing_item": _RANKED
    + """
select u.code as unit_code, u.name as unit_name, u.province, r.code as item, r.name as item_name, r.status,
  r.fix, e.run_id as run, e.id as evaluation, e.fiscal_year, e.finished
from ranked e
join units u on u.id = e.unit_id
join results r on r.evaluation_id = e.id
where e.nth = 1 and r.code = upper(trim(:code)) and r.status != 'pass'
order by case r.status when 'fail' then 0 when 'partial' then 1 else 2 end, u.province, u.code""",
    "score_per_unit": _RANKED
    + """
select u.code as unit_code, u.name as unit_name, u.province, u.type,
  json_extract(e.score, '$.oit') as oit_score, json_extract(e.score, '$.band') as band,
  e.partial, e.fiscal_year, e.catalog_id, e.run_id as run, e.id as evaluation, e.finished
from ranked e
join units u on u.id = e.unit_id
where e.nth = 1
order by u.province, u.code""",
    "evidence_disappeared": _RANKED
    + """
select u.code as unit_code, u.name as unit_name, u.province, r.code as item, r.name as item_name,
  r.status as status_now, group_concat(distinct pe.url) as previous_urls,
  p.run_id as previous_run, e.run_id as latest_run, e.id as evaluation
from ranked e
join ranked p on p.unit_id = e.unit_id and p.nth = 2
join units u on u.id = e.unit_id
join results r on r.evaluation_id = e.id
join evidence pe on pe.evaluation_id = p.id and pe.code = r.code
where e.nth = 1
  and not exists (select 1 from evidence le where le.evaluation_id = e.id and le.code = r.code)
group by e.id, r.code
order by u.province, u.code, r.position, r.code""",
    "crawl_problems": """
select u.code as unit_code, coalesce(u.name, r.unit_name) as unit_name, u.province, r.unit_url as url,
  r.problem_kind, r.problem, r.id as run, r.batch_id as batch, r.started, r.finished
from runs r
left join units u on u.id = r.unit_id
where r.problem != ''
order by r.id desc""",
}

#: Tables the canned queries read: a store without them predates many-units (migration 3).
TABLES = ("units", "runs", "evaluations", "results", "evidence")


def missing_tables(db: Database) -> list[str]:
    """The tables of :data:`TABLES` that the store at ``db`` lacks."""
    names = set(db.table_names())
    return [t for t in TABLES if t not in names]
