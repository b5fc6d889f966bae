-- One row per source seen in any staging table: what its latest load says.
-- The staging tables hold each source's latest fetch log and errors (a load
-- replaces them) and its last good documents and facts. source_health adds
-- the history kept by source_health_history; this model is the present only.
-- A view (the intermediate layer's default is a table): the checks-only build
-- of source_health reads it over tonight's staging tables (dbt_project.yml).
--
-- health_status, the first that applies:
--   fetch_failed  the last fetch did not produce a usable body
--   errors        an error was recorded at or after the last fetch
--   no_documents  no parsed document
--   no_facts      documents but not a single fact
--   ok            otherwise
--
-- Standard SQL only (window functions, no arg_max): builds on DuckDB and PostgreSQL.

{{ config(materialized='view') }}

with

fetches as (

    select * from {{ ref('stg_raw__fetches') }}

),

documents as (

    select * from {{ ref('stg_raw__documents') }}

),

errors as (

    select * from {{ ref('stg_raw__errors') }}

),

sources as (

    select source_id from fetches
    union
    select source_id from documents
    union
    select source_id from errors
    {%- for f in fact_types() %}
    union
    select source_id from {{ ref(f.staging) }}
    {%- endfor %}

),

fetch_summary as (

    select
        source_id,
        min(fetched_at) as first_fetched_at,
        max(fetched_at) as last_fetched_at,
        max(case when is_ok then fetched_at end) as last_ok_fetched_at,
        count(*) as fetch_count,
        count(case when not is_ok then 1 end) as failed_fetch_count
    from fetches
    group by source_id

),

last_fetch as (

    select
        source_id,
        url as last_fetch_url,
        fetch_mode as last_fetch_mode,
        http_status as last_http_status,
        is_ok as is_last_fetch_ok,
        fetch_error as last_fetch_error
    from (
        select
            *,
            row_number() over (
                partition by source_id
                order by case when fetched_at is null then 1 else 0 end asc, fetched_at desc, fetch_id asc
            ) as recency
        from fetches
    ) as ranked
    where recency = 1

),

document_summary as (

    select
        source_id,
        count(*) as document_count,
        max(parsed_at) as last_parsed_at
    from documents
    group by source_id

),

{{ fact_count_ctes('source_id') }},

error_summary as (

    select
        source_id,
        count(*) as error_count,
        max(occurred_at) as last_error_at
    from errors
    group by source_id

),

last_error as (

    select
        source_id,
        error_stage as last_error_stage,
        error_message as last_error
    from (
        select
            *,
            row_number() over (
                partition by source_id
                order by case when occurred_at is null then 1 else 0 end asc, occurred_at desc, error_id asc
            ) as recency
        from errors
    ) as ranked
    where recency = 1

),

joined as (

    select
        sources.source_id,
        fetch_summary.first_fetched_at,
        fetch_summary.last_fetched_at,
        last_fetch.last_fetch_url,
        last_fetch.last_fetch_mode,
        last_fetch.last_http_status,
        last_fetch.is_last_fetch_ok,
        last_fetch.last_fetch_error,
        fetch_summary.last_ok_fetched_at,
        coalesce(fetch_summary.fetch_count, 0) as fetch_count,
        coalesce(fetch_summary.failed_fetch_count, 0) as failed_fetch_count,
        coalesce(document_summary.document_count, 0) as document_count,
        document_summary.last_parsed_at
        {%- for f in fact_types() %},
        coalesce({{ f.entity }}_fact_counts.{{ f.entity }}_fact_count, 0) as {{ f.entity }}_fact_count
        {%- endfor %},
        coalesce(error_summary.error_count, 0) as error_count,
        error_summary.last_error_at,
        last_error.last_error_stage,
        last_error.last_error
    from sources
    left join fetch_summary on sources.source_id = fetch_summary.source_id
    left join last_fetch on sources.source_id = last_fetch.source_id
    left join document_summary on sources.source_id = document_summary.source_id
    {%- for f in fact_types() %}
    left join {{ f.entity }}_fact_counts on sources.source_id = {{ f.entity }}_fact_counts.source_id
    {%- endfor %}
    left join error_summary on sources.source_id = error_summary.source_id
    left join last_error on sources.source_id = last_error.source_id
    where sources.source_id is not null

),

final as (

    select
        source_id,
        -- The time that names this load of the source: its first fetch (each
        -- run fetches anew), else its last parse or error.
        coalesce(first_fetched_at, last_parsed_at, last_error_at) as run_at,
        last_fetched_at,
        last_fetch_url,
        last_fetch_mode,
        last_http_status,
        is_last_fetch_ok,
        last_fetch_error,
        last_ok_fetched_at,
        fetch_count,
        failed_fetch_count,
        document_count,
        last_parsed_at,
        {%- for f in fact_types() %}
        {{ f.entity }}_fact_count,
        {%- endfor %}
        {{ fact_count_total() }} as fact_count,
        error_count,
        last_error_at,
        last_error_stage,
        last_error,
        case
            when is_last_fetch_ok = false then 'fetch_failed'
            -- (error times are kept to the second, fetch times to the microsecond)
            when last_error_at is not null
                and (
                    last_fetched_at is null
                    or last_error_at >= date_trunc('second', last_fetched_at)
                ) then 'errors'
            when document_count = 0 then 'no_documents'
            when {{ fact_count_total() }} = 0 then 'no_facts'
            else 'ok'
        end as health_status
    from joined

)

select * from final
