-- One row per distinct agreement (university, partner, agreement type, date),
-- with both sides as dim_organizations keys and the university's province and
-- country.

with

agreements as (

    select * from {{ ref('int_agreements_deduplicated') }}

),

organizations as (

    select organization_id, province, country_code from {{ ref('dim_organizations') }}

),

final as (

    select
        agreements.agreement_id,
        university_keys.organization_id as university_organization_id,
        agreements.university,
        universities.province as university_province,
        universities.country_code as university_country_code,
        partner_keys.organization_id as partner_organization_id,
        agreements.partner,
        agreements.partner_type,
        agreements.partner_sector,
        coalesce(partners.province, agreements.partner_province) as partner_province,
        partners.country_code as partner_country_code,
        agreements.agreement_type,
        agreements.agreement_date,
        agreements.date_precision,
        agreements.agreement_year,
        agreements.agreement_month,
        {{ provenance_columns('agreement') }}
    from agreements
    {{ join_organization('university_keys', 'agreements.university_key') }}
    {{ join_organization('partner_keys', 'agreements.partner_key') }}
    left join organizations as universities
        on university_keys.organization_id = universities.organization_id
    left join organizations as partners
        on partner_keys.organization_id = partners.organization_id

)

select * from final
