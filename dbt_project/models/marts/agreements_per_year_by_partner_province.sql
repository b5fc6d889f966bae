-- Distinct agreements per year and province (or state) of the partner
-- (fct_agreements.partner_province: the partner's in dim_organizations, from
-- the reference tables first, else as the facts state it).
-- partner_province null: not stated and not found (companies, foreign
-- partners). Undated agreements have agreement_year null.

with

agreements as (

    select * from {{ ref('fct_agreements') }}

),

per_year as (

    select
        agreement_year,
        partner_province,
        partner_country_code,
        {{ agreement_measures() }}
    from agreements
    group by agreement_year, partner_province, partner_country_code

),

final as (

    select
        {{ surrogate_key(['agreement_year', 'partner_province', 'partner_country_code']) }}
            as agreements_per_year_by_partner_province_id,
        agreement_year,
        agreement_year is not null as is_year_known,
        partner_province,
        partner_country_code,
        agreement_count,
        university_count,
        partner_count,
        government_partner_agreement_count,
        industry_partner_agreement_count,
        academia_partner_agreement_count
    from per_year

)

select * from final
order by agreement_year nulls last, partner_province nulls last, partner_country_code nulls last
