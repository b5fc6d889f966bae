-- One row per source seen in any staging table: its last fetch, its documents
-- and facts, its errors, and a health status:
--   fetch_failed  the last fetch did not produce a usable body
--   errors        an error was recorded at or after the last fetch
--   no_documents  no parsed document
--   no_facts      documents but not a single fact
--   ok            otherwise

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
        max(fetched_at) as last_fetched_at,
        {{ arg_max('url', 'fetched_at') }} as last_fetch_url,
        {{ arg_max('fetch_mode', 'fetched_at') }} as last_fetch_mode,
        {{ arg_max('http_status', 'fetched_at') }} as last_http_status,
        {{ arg_max('is_ok', 'fetched_at') }} as is_last_fetch_ok,
        {{ arg_max('fetch_error', 'fetched_at') }} as last_fetch_error,
        max(fetched_at) filter (where is_ok) as last_ok_fetched_at,
        count(*) as fetch_count,
        count(*) filter (where not is_ok) as failed_fetch_count
    from fetches
    group by source_id

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
        max(occurred_at) as last_error_at,
        {{ arg_max('error_stage', 'occurred_at') }} as last_error_stage,
        {{ arg_max('error_message', 'occurred_at') }} as last_error
    from errors
    group by source_id

),

joined as (

    select
        sources.source_id,
        fetch_summary.last_fetched_at,
        fetch_summary.last_fetch_url,
        fetch_summary.last_fetch_mode,
        fetch_summary.last_http_status,
        fetch_summary.is_last_fetch_ok,
        fetch_summary.last_fetch_error,
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
        error_summary.last_error_stage,
        error_summary.last_error
    from sources
    left join fetch_summary using (source_id)
    left join document_summary using (source_id)
    {%- for f in fact_types() %}
    left join {{ f.entity }}_fact_counts using (source_id)
    {%- endfor %}
    left join error_summary using (source_id)
    where sources.source_id is not null

),

final as (

    select
        source_id,
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
        agreement_fact_count,
        funding_fact_count,
        platform_fact_count,
        count_fact_count,
        {{ fact_count_total() }} as fact_count,
        error_count,
        last_error_at,
        last_error_stage,
        last_error,
        case
            when is_last_fetch_ok = false then 'fetch_failed'
            when last_error_at is not null
                and (last_fetched_at is null or last_error_at >= last_fetched_at) then 'errors'
            when document_count = 0 then 'no_documents'
            when {{ fact_count_total() }} = 0 then 'no_facts'
            else 'ok'
        end as health_status
    from joined

)

select * from final
