-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

with

name_keys as (

    {{ distinct_name_keys(source('raw', 'counts'), ['subject']) }}

),

-- The facts with their names' keys (macro distinct_name_keys).
source as (

    select
        raw_counts.*,
        subject_keys.spelling_key as subject_name_key
    from {{ source('raw', 'counts') }} as raw_counts
    {{ join_name_key('name_keys', 'subject_keys', 'raw_counts', 'subject') }}

),

renamed as (

    select
        {{ fact_provenance_columns('count') }},
        {{ safe_cast('quantity', 'double precision') }} as quantity,
        {{ categorise('qualifier', var('qualifiers'), fallback=none) }} as qualifier,
        {{ categorise('unit', var('count_units'), missing='other') }} as count_unit,
        {{ clean_text('subject') }} as subject,
        subject_name_key as subject_key

    from source

),

deduplicated as (

    {{ latest_fact_load('renamed', 'count') }}

)

select * from deduplicated
