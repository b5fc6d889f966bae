-- Distinct agreements per year and university (dim_organizations key, with
-- the university's canonical name, province and country). Undated agreements
-- have agreement_year null.

with

agreements as (

    select * from {{ ref('fct_agreements') }}

),

organizations as (

    select * from {{ ref('dim_organizations') }}

),

per_year as (

    select
        agreement_year,
        university_organization_id,
        {{ agreement_measures() }}
    from agreements
    group by agreement_year, university_organization_id

),

final as (

    select
        {{ surrogate_key(['per_year.agreement_year', 'per_year.university_organization_id']) }}
            as agreements_per_year_by_university_id,
        per_year.agreement_year,
        per_year.agreement_year is not null as is_year_known,
        per_year.university_organization_id,
        organizations.organization_name as university,
        organizations.province as university_province,
        organizations.country_code as university_country_code,
        per_year.agreement_count,
        per_year.partner_count,
        per_year.government_partner_agreement_count,
        per_year.industry_partner_agreement_count,
        per_year.academia_partner_agreement_count
    from per_year
    left join organizations
        on per_year.university_organization_id = organizations.organization_id

)

select * from final
order by agreement_year nulls last, agreement_count desc, university
