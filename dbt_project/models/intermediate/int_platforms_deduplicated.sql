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
        {{ arg_min('platform_name', 'evidence_rank') }} as platform_name,
        {{ any_value('platform_name_key') }} as platform_name_key,
        coalesce(
            {{ arg_min('platform_type', 'evidence_rank', where="platform_type <> 'other'") }},
            {{ arg_min('platform_type', 'evidence_rank', where="platform_type is not null") }}
        ) as platform_type,
        coalesce(
            {{ arg_min('university', 'evidence_rank', where="university_key = resolved_university_key") }},
            {{ arg_min('university', 'evidence_rank', where="university is not null") }}
        ) as university,
        {{ any_value('resolved_university_key') }} as university_key,
        {{ arg_min('partner', 'evidence_rank', where="partner is not null") }} as partner,
        {{ arg_min('partner_key', 'evidence_rank', where="partner is not null") }} as partner_key,
        {{ arg_min('platform_date', 'date_rank') }} as platform_date,
        {{ evidence_rollup('platform') }}
    from keyed
    group by platform_id

),

dated as (

    select
        *,
        {{ partial_date_parts('platform_date', 'platform') }}
    from deduplicated

)

select * from dated
