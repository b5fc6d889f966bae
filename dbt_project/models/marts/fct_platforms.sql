-- One row per distinct platform (name and host university), with the host
-- university and the partner as dim_organizations keys.

with

platforms as (

    select * from {{ ref('int_platforms_deduplicated') }}

),

final as (

    select
        platforms.platform_id,
        platforms.platform_name,
        platforms.platform_type,
        university_keys.organization_id as university_organization_id,
        platforms.university,
        partner_keys.organization_id as partner_organization_id,
        platforms.partner,
        platform_date,
        date_precision,
        platform_year,
        platform_month,
        {{ provenance_columns('platform') }}
    from platforms
    {{ join_organization('university_keys', 'platforms.university_key') }}
    {{ join_organization('partner_keys', 'platforms.partner_key') }}

)

select * from final
