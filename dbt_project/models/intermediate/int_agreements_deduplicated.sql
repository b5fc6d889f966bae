-- One row per distinct agreement: the same university, partner, agreement type
-- and date stated by several sentences or documents counts once. A date that
-- is null or coarser than a unique finer date of the same pair and type is
-- taken as that date (macro resolve_partial_dates). Names shown are those of
-- the first evidence; the evidence and document counts are kept.

with

keyed as (

    select * from {{ ref('int_agreements_keyed') }}

),

deduplicated as (

    select
        agreement_id,
        arg_min(university, evidence_rank) as university,
        any_value(university_key) as university_key,
        arg_min(partner, evidence_rank) as partner,
        any_value(partner_key) as partner_key,
        arg_min(partner_type, evidence_rank) filter (where partner_type is not null) as partner_type,
        arg_min(partner_sector, evidence_rank) filter (where partner_type is not null) as partner_sector,
        arg_min(partner_province, evidence_rank) filter (where partner_province is not null)
            as partner_province,
        any_value(agreement_type) as agreement_type,
        any_value(resolved_agreement_date) as agreement_date,
        arg_min(agreement_fact_id, evidence_rank) as first_agreement_fact_id,
        arg_min(evidence, evidence_rank) as first_evidence,
        arg_min(document_id, evidence_rank) as first_document_id,
        arg_min(url, evidence_rank) as first_url,
        count(*) as evidence_count,
        count(distinct document_id) as document_count,
        list_sort(list(distinct document_id) filter (where document_id is not null)) as document_ids,
        list_sort(list(distinct source_id) filter (where source_id is not null)) as source_ids,
        min(extracted_at) as first_extracted_at,
        max(extracted_at) as last_extracted_at
    from keyed
    group by agreement_id

),

dated as (

    select
        * exclude (agreement_date),
        {{ partial_date_columns('agreement_date', 'agreement') }}
    from deduplicated

)

select * from dated
