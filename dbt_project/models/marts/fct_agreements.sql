-- One row per distinct agreement (university, partner, agreement type, date).

with

agreements as (

    select * from {{ ref('int_agreements_deduplicated') }}

),

final as (

    select
        agreement_id,
        university,
        partner,
        partner_type,
        partner_sector,
        partner_province,
        agreement_type,
        agreement_date,
        date_precision,
        agreement_year,
        agreement_month,
        first_agreement_fact_id,
        first_evidence,
        first_document_id,
        first_url,
        evidence_count,
        document_count,
        array_to_string(document_ids, ', ') as document_ids,
        array_to_string(source_ids, ', ') as source_ids,
        first_extracted_at,
        last_extracted_at
    from agreements

)

select * from final
