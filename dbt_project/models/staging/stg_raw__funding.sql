-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

with

name_keys as (

    {{ distinct_name_keys(source('raw', 'funding'), ['funder', 'recipient']) }}

),

-- The facts with their names' keys (macro distinct_name_keys).
source as (

    select
        raw_funding.*,
        funder_keys.spelling_key as funder_name_key,
        recipient_keys.spelling_key as recipient_name_key
    from {{ source('raw', 'funding') }} as raw_funding
    {{ join_name_key('name_keys', 'funder_keys', 'raw_funding', 'funder') }}
    {{ join_name_key('name_keys', 'recipient_keys', 'raw_funding', 'recipient') }}

),

renamed as (

    select
        {{ fact_provenance_columns('funding') }},
        {{ safe_cast('amount', 'double precision') }} as amount,
        case upper({{ clean_text('currency') }})
            -- The spec wants ISO 4217; map the usual spellings an extractor might leave.
            when 'RMB' then 'CNY'
            when 'YUAN' then 'CNY'
            when 'RENMINBI' then 'CNY'
            when 'US$' then 'USD'
            when '$' then 'USD'
            when 'EURO' then 'EUR'
            else upper({{ clean_text('currency') }})
        end as currency_code,
        {{ safe_cast('amount_usd_stated', 'double precision') }} as amount_usd_stated,
        {{ categorise('qualifier', var('qualifiers'), fallback=none) }} as qualifier,
        -- The spec: 'year' when the amount recurs yearly, 'total' otherwise.
        case
            when lower(trim(per)) in ('year', 'yearly', 'annual', 'annually', 'per_year', 'per year')
                then 'year'
            else 'total'
        end as per,
        case when period_years > 0 then period_years end as period_years,
        {{ categorise('kind', var('funding_kinds'), fallback=none) }} as kind,
        {{ clean_text('funder') }} as funder,
        funder_name_key as funder_key,
        {{ clean_text('recipient') }} as recipient,
        recipient_name_key as recipient_key,
        date as date_raw,
        {{ clean_partial_date('date') }} as funding_date

    from source

),

dated as (

    select
        *,
        {{ partial_date_parts('funding_date', 'funding') }}
    from renamed

),

deduplicated as (

    {{ latest_fact_load('dated', 'funding') }}

)

select * from deduplicated
