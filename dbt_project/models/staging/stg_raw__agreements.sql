-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

with

name_keys as (

    {{ distinct_name_keys(source('raw', 'agreements'), ['university', 'partner']) }}

),

-- The facts with their names' keys (macro distinct_name_keys).
source as (

    select
        raw_agreements.*,
        university_keys.spelling_key as university_name_key,
        partner_keys.spelling_key as partner_name_key
    from {{ source('raw', 'agreements') }} as raw_agreements
    {{ join_name_key('name_keys', 'university_keys', 'raw_agreements', 'university') }}
    {{ join_name_key('name_keys', 'partner_keys', 'raw_agreements', 'partner') }}

),

renamed as (

    select
        {{ fact_provenance_columns('agreement') }},
        {{ clean_text('university') }} as university,
        university_name_key as university_key,
        {{ clean_text('partner') }} as partner,
        partner_name_key as partner_key,
        {{ categorise('partner_type', var('partner_types')) }} as partner_type,
        {{ clean_text('partner_province') }} as partner_province,
        {{ categorise('agreement_type', var('agreement_types'), missing='other') }} as agreement_type,
        date as date_raw,
        lower({{ clean_text('date_precision') }}) as date_precision_stated,
        {{ clean_partial_date('date') }} as agreement_date

    from source

),

dated as (

    -- The precision is derived from the date string itself (the stated one is
    -- kept for the consistency test): 'YYYY' year, 'YYYY-MM' month, 'YYYY-MM-DD' day.
    select
        *,
        case
            when partner_type in (
                    'province', 'city', 'county', 'district', 'prefecture', 'ministry',
                    'government_agency', 'development_zone'
                ) then 'government'
            when partner_type = 'enterprise' then 'industry'
            when partner_type in ('university', 'research_institute') then 'academia'
            when partner_type is not null then 'other'
        end as partner_sector,
        {{ partial_date_parts('agreement_date', 'agreement') }}
    from renamed

),

deduplicated as (

    {{ latest_fact_load('dated', 'agreement') }}

)

select * from deduplicated
