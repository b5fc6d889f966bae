-- One row per distinct platform (name and host university).

with

platforms as (

    select * from {{ ref('int_platforms_deduplicated') }}

),

final as (

    select
        platform_id,
        platform_name,
        platform_type,
        university,
        partner,
        platform_date,
        date_precision,
        platform_year,
        platform_month,
        first_platform_fact_id,
        first_evidence,
        first_document_id,
        first_url,
        evidence_count,
        document_count,
        array_to_string(document_ids, ', ') as document_ids,
        array_to_string(source_ids, ', ') as source_ids,
        first_extracted_at,
        last_extracted_at
    from platforms

)

select * from final
