-- One row per distinct funding commitment, with USD figures: the conversion
-- the text states when it gives one, else the amount times the approximate
-- reference rate of seed currency_rates (amount_usd_method says which).
-- total_committed_amount is amount x period_years for a yearly amount over a
-- stated period, else the amount itself.

with

funding as (

    select * from {{ ref('int_funding_deduplicated') }}

),

rates as (

    select * from {{ ref('currency_rates') }}

),

converted as (

    select
        funding.*,
        rates.rate_to_usd,
        rates.rate_year,
        case
            when funding.amount_usd_stated is not null then funding.amount_usd_stated
            when rates.rate_to_usd is not null then funding.amount * cast(rates.rate_to_usd as double)
        end as amount_usd_double,
        case
            when funding.amount_usd_stated is not null then 'stated'
            when rates.rate_to_usd is not null then 'reference_rate'
        end as amount_usd_method,
        case
            when funding.per = 'year' and funding.period_years is not null then funding.period_years
            else 1
        end as total_multiplier
    from funding
    left join rates using (currency_code)

),

final as (

    select
        funding_id,
        {{ safe_cast('amount', 'decimal(18,2)') }} as amount,
        currency_code,
        {{ safe_cast('amount_usd_double', 'decimal(18,2)') }} as amount_usd,
        amount_usd_method,
        case when amount_usd_method = 'reference_rate' then rate_to_usd end as rate_to_usd,
        case when amount_usd_method = 'reference_rate' then rate_year end as rate_year,
        per,
        period_years,
        {{ safe_cast('amount * total_multiplier', 'decimal(18,2)') }} as total_committed_amount,
        {{ safe_cast('amount_usd_double * total_multiplier', 'decimal(18,2)') }} as total_committed_amount_usd,
        kind,
        qualifier,
        funder,
        recipient,
        funding_date,
        date_precision,
        funding_year,
        funding_month,
        {{ provenance_columns('funding') }}
    from converted

)

select * from final
