-- Distinct agreements per year and country of the university side (the
-- university's country in dim_organizations, from the reference table).
-- Undated agreements are the rows with agreement_year null; agreements whose
-- university's country is unknown have country_code null. Years without
-- agreements have no row (agreements_per_year has the gap-filled series).

with

agreements as (

    select * from {{ ref('fct_agreements') }}

),

per_year as (

    select
        agreement_year,
        university_country_code as country_code,
        {{ agreement_measures() }}
    from agreements
    group by agreement_year, university_country_code

),

final as (

    select
        {{ surrogate_key(['agreement_year', 'country_code']) }} as agreements_per_year_by_country_id,
        agreement_year,
        agreement_year is not null as is_year_known,
        country_code,
        agreement_count,
        university_count,
        partner_count,
        government_partner_agreement_count,
        industry_partner_agreement_count,
        academia_partner_agreement_count
    from per_year

)

select * from final
order by agreement_year nulls last, country_code nulls last
