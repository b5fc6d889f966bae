-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

with

source as (

    select * from {{ source('raw', 'platforms') }}

),

renamed as (

    select
        {{ fact_provenance_columns('platform') }},
        -- "as written, trimmed of quotes"
        nullif({{ trim_characters('name', " \"''“”‘’「」《》") }}, '') as platform_name,
        {{ name_key('name') }} as platform_name_key,
        {{ categorise('platform_type', var('platform_types'), missing='other') }} as platform_type,
        {{ clean_text('university') }} as university,
        {{ name_key('university') }} as university_key,
        {{ clean_text('partner') }} as partner,
        {{ name_key('partner') }} as partner_key,
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
