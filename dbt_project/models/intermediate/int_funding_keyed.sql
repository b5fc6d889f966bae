-- One row per funding fact with an amount, with the id of the distinct
-- commitment it states (funding_id: currency, amount, per, funder, recipient
-- and date, partial dates resolved as for agreements) and its evidence rank.
-- Kind, qualifier and period are not part of the key: two sentences about the
-- same money may word them differently; the first evidence's are kept.

with

funding as (

    select * from {{ ref('stg_raw__funding') }}
    where amount is not null

),

{{ resolve_partial_dates(
    'funding', ['currency_code', 'amount', 'per', 'funder_key', 'recipient_key'], 'funding_date'
) }},

{{ rank_evidence('funding_dates_resolved', 'funding', 'funding_id',
    ['currency_code', 'amount', 'per', 'funder_key', 'recipient_key', 'resolved_funding_date']) }}

select * from ranked
