with

source as (

    select * from {{ source('raw', 'fetches') }}

),

renamed as (

    select
        {{ surrogate_key(['source_id', 'url', 'fetched_at', 'status', 'content_hash']) }} as fetch_key,
        {{ clean_text('source_id') }} as source_id,
        {{ clean_text('url') }} as url,
        {{ clean_text('final_url') }} as final_url,
        lower({{ clean_text('mode') }}) as fetch_mode,
        status as http_status,
        coalesce(ok, false) as is_ok,
        coalesce(changed, false) as is_changed,
        {{ clean_text('content_hash') }} as content_hash,
        bytes as response_bytes,
        {{ clean_text('error') }} as fetch_error,
        fetched_at

    from source

),

keyed as (

    -- The same fetch logged twice still gets two distinct ids.
    select
        {{ surrogate_key(['fetch_key', 'row_number() over (partition by fetch_key order by fetched_at)']) }}
            as fetch_id,
        source_id,
        url,
        final_url,
        fetch_mode,
        http_status,
        is_ok,
        is_changed,
        content_hash,
        response_bytes,
        fetch_error,
        fetched_at
    from renamed

)

select * from keyed
