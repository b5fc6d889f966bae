-- One row per distinct agreement: the same university, partner, agreement type
-- and date stated by several sentences or documents counts once. A date that
-- is null or coarser than a unique finer date of the same pair and type is
-- taken as that date (macro resolve_partial_dates). Names shown are those of
-- the first evidence; the evidence and document counts are kept.
--
-- A view, unlike most intermediate models: fct_agreements and agreements_per_year read it once each
-- (no data test does), and as a table it wrote a wide row per distinct thing
-- (first evidence, url, document lists) that its mart copies again
-- (bench/bench_dbt_million.py, BENCHMARKS.md). The aggregate runs in the mart's query.
{{ config(materialized='view') }}

with

keyed as (

    select * from {{ ref('int_agreements_keyed') }}

),

deduplicated as (

    select
        agreement_id,
        {{ arg_min('university', 'evidence_rank') }} as university,
        {{ any_value('university_key') }} as university_key,
        {{ arg_min('partner', 'evidence_rank') }} as partner,
        {{ any_value('partner_key') }} as partner_key,
        {{ arg_min('partner_type', 'evidence_rank', where="partner_type is not null") }} as partner_type,
        {{ arg_min('partner_sector', 'evidence_rank', where="partner_type is not null") }} as partner_sector,
        {{ arg_min('partner_province', 'evidence_rank', where="partner_province is not null") }}
            as partner_province,
        {{ any_value('agreement_type') }} as agreement_type,
        {{ any_value('resolved_agreement_date') }} as agreement_date,
        {{ evidence_rollup('agreement') }}
    from keyed
    group by agreement_id

),

dated as (

    select
        *,
        {{ partial_date_parts('agreement_date', 'agreement') }}
    from deduplicated

)

select * from dated
