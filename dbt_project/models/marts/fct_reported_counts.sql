-- One row per distinct reported figure (subject, unit, quantity): "451
-- agreements on strategic cooperation" stated by two pages counts once.

with

counts as (

    select * from {{ ref('int_counts_deduplicated') }}

),

final as (

    select
        reported_count_id,
        subject,
        count_unit,
        quantity,
        qualifier,
        first_reported_date,
        last_reported_date,
        first_count_fact_id,
        first_evidence,
        first_document_id,
        first_url,
        evidence_count,
        document_count,
        array_to_string(document_ids, ', ') as document_ids,
        array_to_string(source_ids, ', ') as source_ids,
        first_extracted_at,
        last_extracted_at
    from counts

)

select * from final
