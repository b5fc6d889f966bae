-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

with

name_keys as (

    {{ distinct_name_keys(source('raw', 'platforms'), ['name', 'university', 'partner']) }}

),

-- The facts with their names' keys (macro distinct_name_keys).
source as (

    select
        raw_platforms.*,
        platform_name_keys.spelling_key as name_name_key,
        university_keys.spelling_key as university_name_key,
        partner_keys.spelling_key as partner_name_key
    from {{ source('raw', 'platforms') }} as raw_platforms
    {{ join_name_key('name_keys', 'platform_name_keys', 'raw_platforms', 'name') }}
    {{ join_name_key('name_keys', 'university_keys', 'raw_platforms', 'university') }}
    {{ join_name_key('name_keys', 'partner_keys', 'raw_platforms', 'partner') }}

),

renamed as (

    select
        {{ fact_provenance_columns('platform') }},
        -- "as written, trimmed of quotes"
        nullif({{ trim_characters('name', " \"''“”‘’「」《》") }}, '') as platform_name,
        name_name_key as platform_name_key,
        {{ categorise('platform_type', var('platform_types'), missing='other') }} as platform_type,
        {{ clean_text('university') }} as university,
        university_name_key as university_key,
        {{ clean_text('partner') }} as partner,
        partner_name_key as partner_key,
        date as date_raw,
        {{ clean_partial_date('date') }} as platform_date

    from source

),

dated as (

    select
        *,
        {{ partial_date_parts('platform_date', 'platform') }}
    from renamed

),

deduplicated as (

    {{ latest_fact_load('dated', 'platform') }}

)

select * from deduplicated
