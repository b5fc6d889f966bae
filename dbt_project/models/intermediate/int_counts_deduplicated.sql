-- One row per distinct reported figure (see int_counts_keyed).

with

keyed as (

    select * from {{ ref('int_counts_keyed') }}

),

deduplicated as (

    select
        reported_count_id,
        any_value(quantity) as quantity,
        arg_min(qualifier, evidence_rank) filter (where qualifier is not null) as qualifier,
        any_value(count_unit) as count_unit,
        arg_min(subject, evidence_rank) as subject,
        any_value(subject_key) as subject_key,
        min(document_published_date) as first_reported_date,
        max(document_published_date) as last_reported_date,
        arg_min(count_fact_id, evidence_rank) as first_count_fact_id,
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
    group by reported_count_id

)

select * from deduplicated
