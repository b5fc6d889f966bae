-- Funding commitments summed per year, country, funder and recipient, in
-- nominal and constant 2024 US dollars (funding_commitments). The year is the
-- money's year: the one the fact states, else its page's publication year
-- (null: neither). Funder and recipient are dim_organizations keys (null: not
-- stated). Commitments without a USD figure (no rate for the currency or
-- year) are counted in commitment_count and usd_missing_count but add nothing
-- to the sums.

with

funding as (

    select * from {{ ref('funding_commitments') }}

),

organizations as (

    select organization_id, organization_name from {{ ref('dim_organizations') }}

),

per_year as (

    select
        rate_year as funding_year,
        country_code,
        funder_organization_id,
        recipient_organization_id,
        count(*) as commitment_count,
        count(*) filter (where total_committed_amount_usd is null) as usd_missing_count,
        sum(total_committed_amount_usd) as total_committed_amount_usd,
        sum(total_committed_amount_usd_2024) as total_committed_amount_usd_2024
    from funding
    group by rate_year, country_code, funder_organization_id, recipient_organization_id

),

final as (

    select
        {{ surrogate_key(['per_year.funding_year', 'per_year.country_code',
                          'per_year.funder_organization_id', 'per_year.recipient_organization_id']) }}
            as funding_per_year_id,
        per_year.funding_year,
        per_year.country_code,
        per_year.funder_organization_id,
        funders.organization_name as funder,
        per_year.recipient_organization_id,
        recipients.organization_name as recipient,
        per_year.commitment_count,
        per_year.usd_missing_count,
        cast(per_year.total_committed_amount_usd as decimal(18,2)) as total_committed_amount_usd,
        cast(per_year.total_committed_amount_usd_2024 as decimal(18,2)) as total_committed_amount_usd_2024
    from per_year
    left join organizations as funders
        on per_year.funder_organization_id = funders.organization_id
    left join organizations as recipients
        on per_year.recipient_organization_id = recipients.organization_id

)

select * from final
order by funding_year nulls last, total_committed_amount_usd_2024 desc nulls last
