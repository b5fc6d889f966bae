-- One row per agreement year: distinct agreements (fct_agreements), the
-- universities and partners involved, and the agreements by type and partner
-- sector as columns (<sector>_partner_agreement_count: agreements whose
-- partner is a government, a company, an academic body). Years between the first and last known year with no
-- agreement get a row of zeros, so a line chart has no gaps. Agreements whose
-- text gives no date are kept in their own row (agreement_year null,
-- is_year_known false) rather than dropped: filter it out for a time series.

{%- set sectors = ['government', 'industry', 'academia'] %}

with

agreements as (

    select * from {{ ref('int_agreements_deduplicated') }}

),

bounds as (

    -- The gap-filling spine stays within the plausible years (vars min_year,
    -- max_year): one agreement misdated 0019 must not add 2000 empty rows.
    select
        min(agreement_year) as first_year,
        max(agreement_year) as last_year
    from agreements
    where agreement_year between {{ var('min_year') }} and {{ var('max_year') }}

),

years as (

    select {{ year_series('first_year', 'last_year') }} as agreement_year
    from bounds
    where first_year is not null

    union

    -- Every year that has agreements, plausible or not, and null for the undated.
    select distinct agreement_year from agreements

),

per_year as (

    select
        agreement_year,
        count(*) as agreement_count,
        count(distinct university_key) as university_count,
        count(distinct partner_key) as partner_count,
        {% for t in var('agreement_types') %}
        count(*) filter (where agreement_type = '{{ t }}') as {{ t }}_count,
        {% endfor %}
        {% for s in sectors %}
        {% set col = s ~ '_partner_agreement_count' %}
        count(*) filter (where partner_sector = '{{ s }}') as {{ col }}{% if not loop.last %},{% endif %}
        {% endfor %}
    from agreements
    group by agreement_year

),

final as (

    select
        years.agreement_year,
        years.agreement_year is not null as is_year_known,
        coalesce(per_year.agreement_count, 0) as agreement_count,
        case
            when years.agreement_year is not null then cast(sum(coalesce(per_year.agreement_count, 0)) over (
                    partition by years.agreement_year is null
                    order by years.agreement_year
                    rows between unbounded preceding and current row
                ) as bigint)
        end as cumulative_agreement_count,
        coalesce(per_year.university_count, 0) as university_count,
        coalesce(per_year.partner_count, 0) as partner_count,
        {% for t in var('agreement_types') %}
        coalesce(per_year.{{ t }}_count, 0) as {{ t }}_count,
        {% endfor %}
        {% for s in sectors %}
        {% set col = s ~ '_partner_agreement_count' %}
        coalesce(per_year.{{ col }}, 0) as {{ col }}{% if not loop.last %},{% endif %}
        {% endfor %}
    from years
    left join per_year
        on years.agreement_year is not distinct from per_year.agreement_year

)

select * from final
order by agreement_year nulls last
