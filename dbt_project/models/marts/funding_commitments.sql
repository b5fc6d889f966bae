-- One row per distinct funding commitment, in comparable dollars:
--   amount_usd        nominal US dollars of the money's year: the conversion
--                     the text states when it gives one, else the amount x
--                     the yearly average rate of that year (seed
--                     exchange_rates_yearly); amount_usd_method says which.
--   amount_usd_2024   the same in constant 2024 dollars: amount_usd x
--                     CPI-U(2024) / CPI-U(year) (seed us_cpi_u_annual).
-- The money's year (rate_year) is the year the fact states, else the
-- publication year of its first document (rate_year_basis says which); no
-- year, or a year the seeds do not cover, gives no conversion.
-- total_committed_amount* is amount x period_years for a yearly amount over
-- a stated period, else the amount itself. Funder and recipient are
-- dim_organizations keys; country_code is the recipient's country, else the
-- funder's, else the home country of the currency (country_basis says which).

{%- set base_year = 2024 %}

with

funding as (

    select * from {{ ref('int_funding_deduplicated') }}

),

documents as (

    select
        document_id,
        published_year
    from {{ ref('stg_raw__documents') }}

),

rates as (

    select * from {{ ref('exchange_rates_yearly') }}

),

cpi as (

    select * from {{ ref('us_cpi_u_annual') }}

),

organizations as (

    select
        organization_id,
        country_code
    from {{ ref('dim_organizations') }}

),

currency_countries as (

    -- The one country whose currency it is (the euro has many: none).
    select * from (
        values
        ('CNY', 'CN'), ('USD', 'US'), ('GBP', 'GB'), ('SGD', 'SG'), ('KRW', 'KR'), ('INR', 'IN'),
        ('HKD', 'HK'), ('AUD', 'AU'), ('CAD', 'CA'), ('ZAR', 'ZA'), ('JPY', 'JP'), ('NZD', 'NZ'),
        ('CHF', 'CH'), ('SEK', 'SE')
    ) as t (currency_code, country_code)  -- noqa: AL05

),

dated as (

    select
        funding.*,
        documents.published_year as first_document_published_year,
        coalesce(funding.funding_year, documents.published_year) as rate_year,
        case
            when funding.funding_year is not null then 'funding_date'
            when documents.published_year is not null then 'published_date'
        end as rate_year_basis
    from funding
    left join documents
        on funding.first_document_id = documents.document_id

),

converted as (

    select
        dated.*,
        cast(rates.usd_per_unit as double precision) as usd_per_unit,
        rates.units_per_usd,
        cast(cpi.cpi_u as double precision) as cpi_u_of_year,
        cast(base_cpi.cpi_u as double precision) / cast(cpi.cpi_u as double precision) as deflator_to_{{ base_year }},
        case
            when dated.amount_usd_stated is not null then dated.amount_usd_stated
            when rates.usd_per_unit is not null then dated.amount * cast(rates.usd_per_unit as double precision)
        end as amount_usd_double,
        case
            when dated.amount_usd_stated is not null then 'stated'
            when rates.usd_per_unit is not null then 'yearly_average_rate'
        end as amount_usd_method,
        case
            when dated.per = 'year' and dated.period_years is not null then dated.period_years
            else 1
        end as total_multiplier
    from dated
    left join rates
        on dated.currency_code = rates.currency_code
            and dated.rate_year = rates.rate_year
    left join cpi
        on dated.rate_year = cpi.cpi_year
    left join cpi as base_cpi
        on base_cpi.cpi_year = {{ base_year }}

),

final as (

    select
        converted.funding_id,
        {{ safe_cast('converted.amount', 'decimal(18,2)') }} as amount,
        converted.currency_code,
        converted.rate_year,
        converted.rate_year_basis,
        {{ safe_cast('converted.amount_usd_double', 'decimal(18,2)') }} as amount_usd,
        converted.amount_usd_method,
        case when converted.amount_usd_method = 'yearly_average_rate' then converted.units_per_usd end
            as units_per_usd,
        {{ safe_cast('converted.amount_usd_double * converted.deflator_to_' ~ base_year, 'decimal(18,2)') }}
            as amount_usd_{{ base_year }},
        {{ safe_cast('converted.deflator_to_' ~ base_year, 'decimal(12,6)') }} as deflator_to_{{ base_year }},
        converted.per,
        converted.period_years,
        {{ safe_cast('converted.amount * converted.total_multiplier', 'decimal(18,2)') }} as total_committed_amount,
        {{ safe_cast('converted.amount_usd_double * converted.total_multiplier', 'decimal(18,2)') }}
            as total_committed_amount_usd,
        {{ safe_cast(
            'converted.amount_usd_double * converted.deflator_to_' ~ base_year ~ ' * converted.total_multiplier',
            'decimal(18,2)'
        ) }}
            as total_committed_amount_usd_{{ base_year }},
        converted.kind,
        converted.qualifier,
        funder_keys.organization_id as funder_organization_id,
        converted.funder,
        recipient_keys.organization_id as recipient_organization_id,
        converted.recipient,
        coalesce(recipients.country_code, funders.country_code, currency_countries.country_code) as country_code,
        case
            when recipients.country_code is not null then 'recipient'
            when funders.country_code is not null then 'funder'
            when currency_countries.country_code is not null then 'currency'
        end as country_basis,
        converted.funding_date,
        converted.date_precision,
        converted.funding_year,
        converted.funding_month,
        {{ provenance_columns('funding') }}
    from converted
    {{ join_organization('funder_keys', 'converted.funder_key') }}
    {{ join_organization('recipient_keys', 'converted.recipient_key') }}
    left join organizations as funders
        on funder_keys.organization_id = funders.organization_id
    left join organizations as recipients
        on recipient_keys.organization_id = recipients.organization_id
    left join currency_countries
        on converted.currency_code = currency_countries.currency_code

)

select * from final
