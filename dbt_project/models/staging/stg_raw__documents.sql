-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

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
        {{ clean_partial_date('published') }} as published_date,
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
        *,
        {{ partial_date_precision('published_date') }} as published_precision,
        {{ partial_date_year('published_date') }} as published_year,
        {{ partial_date_month('published_date') }} as published_month
    from renamed

),

-- One row per document: the same page reached from two sources keeps its
-- latest parse. A row without a document_id cannot be referenced.
deduplicated as (

    {{ first_row_per(
        'dated',
        partition_by='document_id',
        order_by='parsed_at desc nulls last, source_id asc',
        where='document_id is not null',
    ) }}

)

select * from deduplicated
