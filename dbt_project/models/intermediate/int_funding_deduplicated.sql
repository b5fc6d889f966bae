-- One row per distinct funding commitment (see int_funding_keyed for the key).
--
-- A view, unlike most intermediate models: funding_commitments read it once each
-- (no data test does), and as a table it wrote a wide row per distinct thing
-- (first evidence, url, document lists) that its mart copies again
-- (bench/bench_dbt_million.py, BENCHMARKS.md). The aggregate runs in the mart's query.
{{ config(materialized='view') }}

with

keyed as (

    select * from {{ ref('int_funding_keyed') }}

),

deduplicated as (

    select
        funding_id,
        {{ any_value('amount') }} as amount,
        {{ any_value('currency_code') }} as currency_code,
        {{ arg_min('amount_usd_stated', 'evidence_rank', where="amount_usd_stated is not null") }}
            as amount_usd_stated,
        {{ arg_min('qualifier', 'evidence_rank', where="qualifier is not null") }} as qualifier,
        {{ any_value('per') }} as per,
        {{ arg_min('period_years', 'evidence_rank', where="period_years is not null") }} as period_years,
        {{ arg_min('kind', 'evidence_rank', where="kind is not null") }} as kind,
        {{ arg_min('funder', 'evidence_rank') }} as funder,
        {{ any_value('funder_key') }} as funder_key,
        {{ arg_min('recipient', 'evidence_rank') }} as recipient,
        {{ any_value('recipient_key') }} as recipient_key,
        {{ any_value('resolved_funding_date') }} as funding_date,
        {{ evidence_rollup('funding') }}
    from keyed
    group by funding_id

),

dated as (

    select
        *,
        {{ partial_date_parts('funding_date', 'funding') }}
    from deduplicated

)

select * from dated
