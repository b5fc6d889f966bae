with

source as (

    select * from {{ source('raw', 'source_checks') }}

),

renamed as (

    select
        {{ clean_text('source_id') }} as source_id,
        checked_at,
        lower({{ clean_text('outcome') }}) as check_outcome,
        coalesce(pages, 0) as page_count,
        coalesce(pages_changed, 0) as changed_page_count,
        coalesce(pages_failed, 0) as failed_page_count,
        http_status,
        lower({{ clean_text('error_stage') }}) as error_stage,
        {{ clean_text('error') }} as error_message,
        coalesce(error_count, 0) as error_count,
        {{ clean_text('run_id') }} as run_id,
        last_ok_at as last_ok_fetched_at

    from source

),

-- one row per source (the table is replaced per source; a duplicate keeps the latest check)
latest as (

    select *
    from (
        select
            *,
            row_number() over (
                partition by source_id
                order by case when checked_at is null then 1 else 0 end asc, checked_at desc, run_id asc
            ) as recency
        from renamed
        where source_id is not null
    ) as ranked
    where recency = 1

)

select
    source_id,
    checked_at,
    check_outcome,
    page_count,
    changed_page_count,
    failed_page_count,
    http_status,
    error_stage,
    error_message,
    error_count,
    run_id,
    last_ok_fetched_at
from latest
