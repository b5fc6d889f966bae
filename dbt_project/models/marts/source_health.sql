-- One row per source seen in any staging table: its latest run (last fetch,
-- documents, facts, errors, health_status; see int_source_status) and its
-- history from source_health_history: runs, failed runs, the last run that
-- succeeded and the last that failed, and failures in a row. The last good
-- fetch stays known after failures: the staging tables keep only the latest
-- fetch log, the history keeps them all.
--
-- A run failed when it ended fetch_failed or errors; it succeeded otherwise.
--
-- The staging tables are rewritten only when a source's rows changed, so their
-- last fetch is the last one that changed something (last_changed_at). Every
-- run records each source's check in raw.source_checks (stg_raw__source_checks),
-- changed or not: last_checked_at and the last check's outcome come from
-- there, and last_fetched_at / last_ok_fetched_at take the check's time when it
-- is later. On a night when only the checks changed the pipeline rebuilds this
-- model alone (load_state.dbt_plan), not the marts.
-- Standard SQL only: builds on DuckDB and PostgreSQL.

with

current_status as (

    select * from {{ ref('int_source_status') }}

),

checks as (

    select * from {{ ref('stg_raw__source_checks') }}

),

history as (

    select * from {{ ref('source_health_history') }}

),

-- A run's outcome is its latest recorded state (a re-extraction after a
-- failed run may have fixed it).
runs as (

    select
        source_id,
        run_at,
        is_failed
    from (
        select
            source_id,
            run_at,
            is_failed,
            row_number() over (partition by source_id, run_at order by recorded_at desc) as recency
        from history
    ) as ranked
    where recency = 1

),

run_summary as (

    select
        source_id,
        count(*) as run_count,
        count(case when is_failed then 1 end) as failed_run_count,
        min(run_at) as first_run_at,
        max(case when not is_failed then run_at end) as last_succeeded_run_at,
        max(case when is_failed then run_at end) as last_failed_run_at
    from runs
    group by source_id

),

failure_streak as (

    select
        runs.source_id,
        count(*) as consecutive_failed_runs
    from runs
    inner join run_summary on runs.source_id = run_summary.source_id
    where runs.is_failed
        and (run_summary.last_succeeded_run_at is null or runs.run_at > run_summary.last_succeeded_run_at)
    group by runs.source_id

),

fetch_history as (

    select
        source_id,
        max(last_ok_fetched_at) as last_ok_fetched_at
    from history
    group by source_id

),

-- the last good fetch: the latest of the staging log's, the history's and the
-- checks' (raw.source_checks keeps it while later checks fail)
ok_fetches as (

    select
        current_status.source_id,
        {{ later_of('current_status.last_ok_fetched_at', 'fetch_history.last_ok_fetched_at') }}
            as last_ok_fetched_at,
        checks.last_ok_fetched_at as last_ok_checked_at
    from current_status
    left join fetch_history on current_status.source_id = fetch_history.source_id
    left join checks on current_status.source_id = checks.source_id

),

final as (

    select
        current_status.source_id,
        {{ later_of('checks.checked_at', 'current_status.last_fetched_at') }} as last_fetched_at,
        current_status.last_fetch_url,
        current_status.last_fetch_mode,
        current_status.last_http_status,
        current_status.is_last_fetch_ok,
        current_status.last_fetch_error,
        {{ later_of('ok_fetches.last_ok_checked_at', 'ok_fetches.last_ok_fetched_at') }} as last_ok_fetched_at,
        current_status.fetch_count,
        current_status.failed_fetch_count,
        current_status.document_count,
        current_status.last_parsed_at,
        current_status.agreement_fact_count,
        current_status.funding_fact_count,
        current_status.platform_fact_count,
        current_status.count_fact_count,
        current_status.fact_count,
        current_status.error_count,
        current_status.last_error_at,
        current_status.last_error_stage,
        current_status.last_error,
        current_status.health_status,
        coalesce(run_summary.run_count, 0) as run_count,
        coalesce(run_summary.failed_run_count, 0) as failed_run_count,
        coalesce(failure_streak.consecutive_failed_runs, 0) as consecutive_failed_runs,
        run_summary.first_run_at,
        run_summary.last_succeeded_run_at,
        run_summary.last_failed_run_at,
        current_status.last_fetched_at as last_changed_at,
        checks.checked_at as last_checked_at,
        checks.check_outcome as last_check_outcome,
        checks.page_count as last_check_page_count,
        checks.changed_page_count as last_check_changed_page_count,
        checks.http_status as last_check_http_status,
        checks.error_stage as last_check_error_stage,
        checks.error_message as last_check_error,
        checks.run_id as last_check_run_id
    from current_status
    left join run_summary on current_status.source_id = run_summary.source_id
    left join failure_streak on current_status.source_id = failure_streak.source_id
    left join ok_fetches on current_status.source_id = ok_fetches.source_id
    left join checks on current_status.source_id = checks.source_id

)

select * from final
