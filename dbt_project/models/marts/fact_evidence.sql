-- One row per extracted fact (every type), linking the sentence to the
-- distinct entity it states: entity_id is the agreement_id, funding_id,
-- platform_id or reported_count_id of the matching fact table. Join it to
-- show every piece of evidence behind a row of a mart.

with

agreements as (

    select
        'agreement' as fact_type, agreement_fact_id as fact_id, agreement_id as entity_id,
        document_id, source_id, url, evidence, evidence_start, evidence_end,
        evidence_rank, extracted_at
    from {{ ref('int_agreements_keyed') }}

),

funding as (

    select
        'funding' as fact_type, funding_fact_id as fact_id, funding_id as entity_id,
        document_id, source_id, url, evidence, evidence_start, evidence_end,
        evidence_rank, extracted_at
    from {{ ref('int_funding_keyed') }}

),

platforms as (

    select
        'platform' as fact_type, platform_fact_id as fact_id, platform_id as entity_id,
        document_id, source_id, url, evidence, evidence_start, evidence_end,
        evidence_rank, extracted_at
    from {{ ref('int_platforms_keyed') }}

),

counts as (

    select
        'count' as fact_type, count_fact_id as fact_id, reported_count_id as entity_id,
        document_id, source_id, url, evidence, evidence_start, evidence_end,
        evidence_rank, extracted_at
    from {{ ref('int_counts_keyed') }}

),

unioned as (

    select * from agreements
    union all
    select * from funding
    union all
    select * from platforms
    union all
    select * from counts

),

final as (

    select
        {{ surrogate_key(['fact_type', 'fact_id']) }} as fact_evidence_id,
        fact_type,
        fact_id,
        entity_id,
        document_id,
        source_id,
        url,
        evidence,
        evidence_start,
        evidence_end,
        cast(evidence_rank as integer) as evidence_rank,
        extracted_at
    from unioned

)

select * from final
