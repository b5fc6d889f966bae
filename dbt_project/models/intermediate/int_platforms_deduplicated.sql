-- One row per distinct platform (same name key and host university), with the
-- first evidence's spelling, the most precise stated date, a specific
-- platform type over 'other', and the evidence and document counts.

with

keyed as (

    select * from {{ ref('int_platforms_keyed') }}

),

deduplicated as (

    select
        platform_id,
        arg_min(platform_name, evidence_rank) as platform_name,
        any_value(platform_name_key) as platform_name_key,
        coalesce(
            arg_min(platform_type, evidence_rank) filter (where platform_type <> 'other'),
            arg_min(platform_type, evidence_rank) filter (where platform_type is not null)
        ) as platform_type,
        coalesce(
            arg_min(university, evidence_rank) filter (where university_key = resolved_university_key),
            arg_min(university, evidence_rank) filter (where university is not null)
        ) as university,
        any_value(resolved_university_key) as university_key,
        arg_min(partner, evidence_rank) filter (where partner is not null) as partner,
        arg_min(platform_date, date_rank) as platform_date,
        arg_min(platform_fact_id, evidence_rank) as first_platform_fact_id,
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
    group by platform_id

),

dated as (

    select
        * exclude (platform_date),
        {{ partial_date_columns('platform_date', 'platform') }}
    from deduplicated

)

select * from dated
