-- A table, not a view: read by several models and data tests (dbt_project.yml).
{{ config(materialized='table') }}

with

source as (

    select * from {{ source('raw', 'funding') }}

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
        {{ name_key('funder') }} as funder_key,
        {{ clean_text('recipient') }} as recipient,
        {{ name_key('recipient') }} as recipient_key,
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
