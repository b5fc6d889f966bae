-- One row per source each time its state changed: a new run (a new fetch
-- log), or a re-parse or re-extraction that changed its documents, facts or
-- errors. Appended by every dbt build, never rewritten: the staging tables
-- keep only each source's latest fetch log and errors, so this table is where
-- the fetch history lives (last success after a failure, counts over time).
--
-- full_refresh=false: `dbt build --full-refresh` keeps the history too.
-- Standard SQL only: builds on DuckDB and PostgreSQL.

{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='append_new_columns',
        full_refresh=false,
    )
}}

{%- set tracked = [
    'run_at', 'last_fetched_at', 'last_fetch_url', 'last_fetch_mode', 'last_http_status', 'is_last_fetch_ok',
    'last_fetch_error', 'last_ok_fetched_at', 'fetch_count', 'failed_fetch_count', 'document_count',
    'last_parsed_at', 'agreement_fact_count', 'funding_fact_count', 'platform_fact_count', 'count_fact_count',
    'error_count', 'last_error_at', 'last_error_stage', 'last_error', 'health_status',
] %}

with

status as (

    select
        *,
        {{ surrogate_key(tracked) }} as state_hash,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp) as recorded_at
    from {{ ref('int_source_status') }}

),

{% if is_incremental() %}

latest_recorded as (

    select source_id, state_hash
    from (
        select
            source_id,
            state_hash,
            row_number() over (partition by source_id order by recorded_at desc) as recency
        from {{ this }}
    ) as ranked
    where recency = 1

),

changed as (

    select status.*
    from status
    left join latest_recorded on status.source_id = latest_recorded.source_id
    where latest_recorded.state_hash is null or latest_recorded.state_hash <> status.state_hash

),

{% else %}

changed as (

    select * from status

),

{% endif %}

final as (

    select
        {{ surrogate_key(['source_id', 'recorded_at']) }} as source_state_id,
        source_id,
        recorded_at,
        {{ tracked | join(',\n        ') }},
        {{ fact_count_total() }} as fact_count,
        health_status in ('fetch_failed', 'errors') as is_failed,
        state_hash
    from changed

)

select * from final
