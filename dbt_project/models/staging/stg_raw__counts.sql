-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

with

source as (

    select * from {{ source('raw', 'counts') }}

),

renamed as (

    select
        {{ fact_provenance_columns('count') }},
        {{ safe_cast('quantity', 'double precision') }} as quantity,
        {{ categorise('qualifier', var('qualifiers'), fallback=none) }} as qualifier,
        {{ categorise('unit', var('count_units'), missing='other') }} as count_unit,
        {{ clean_text('subject') }} as subject,
        {{ name_key('subject') }} as subject_key

    from source

),

deduplicated as (

    {{ latest_fact_load('renamed', 'count') }}

)

select * from deduplicated
