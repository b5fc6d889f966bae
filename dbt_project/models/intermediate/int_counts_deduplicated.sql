-- One row per distinct reported figure (see int_counts_keyed).
--
-- A view, unlike most intermediate models: fct_reported_counts read it once each
-- (no data test does), and as a table it wrote a wide row per distinct thing
-- (first evidence, url, document lists) that its mart copies again
-- (bench/bench_dbt_million.py, BENCHMARKS.md). The aggregate runs in the mart's query.
{{ config(materialized='view') }}

with

keyed as (

    select * from {{ ref('int_counts_keyed') }}

),

deduplicated as (

    select
        reported_count_id,
        {{ any_value('quantity') }} as quantity,
        {{ arg_min('qualifier', 'evidence_rank', where="qualifier is not null") }} as qualifier,
        {{ any_value('count_unit') }} as count_unit,
        {{ arg_min('subject', 'evidence_rank') }} as subject,
        {{ any_value('subject_key') }} as subject_key,
        min(document_published_date) as first_reported_date,
        max(document_published_date) as last_reported_date,
        {{ evidence_rollup('count') }}
    from keyed
    group by reported_count_id

)

select * from deduplicated
