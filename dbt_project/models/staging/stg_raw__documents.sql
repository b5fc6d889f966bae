with

source as (

    select * from {{ source('raw', 'documents') }}

),

renamed as (

    select
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('source_id') }} as source_id,
        {{ clean_text('url') }} as url,
        {{ clean_text('title') }} as title,
        published as published_raw,
        {{ clean_partial_date('published') }} as published_clean,
        {{ clean_text('university') }} as university,
        {{ name_key('university') }} as university_key,
        {{ clean_text('content_hash') }} as content_hash,
        coalesce(text_chars, {{ safe_cast('length(text)', 'integer') }}) as text_chars,
        text as document_text,
        parsed_at

    from source

),

dated as (

    select
        * exclude (published_clean),
        published_clean as published_date,
        {{ partial_date_precision('published_clean') }} as published_precision,
        {{ partial_date_year('published_clean') }} as published_year,
        {{ partial_date_month('published_clean') }} as published_month
    from renamed

),

deduplicated as (

    -- One row per document: the same page reached from two sources keeps its
    -- latest parse. A row without a document_id cannot be referenced.
    select *
    from dated
    where document_id is not null
    qualify row_number() over (
            partition by document_id
            order by parsed_at desc nulls last, source_id asc
        ) = 1

)

select * from deduplicated
