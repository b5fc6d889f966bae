-- One row per funding fact with an amount, with the id of the distinct
-- commitment it states (funding_id: currency, amount, per, funder, recipient
-- and date, partial dates resolved as for agreements) and its evidence rank.
-- Kind, qualifier and period are not part of the key: two sentences about the
-- same money may word them differently; the first evidence's are kept.

with

-- Not materialized: the date resolution below reads it four times, three of them
-- for a few key columns; DuckDB otherwise stores every wide row first.
funding as not materialized (

    select * from {{ ref('stg_raw__funding') }}
    where amount is not null

),

{{ resolve_partial_dates(
    'funding', ['currency_code', 'amount', 'per', 'funder_key', 'recipient_key'], 'funding_date'
) }},

{{ rank_evidence('funding_dates_resolved', 'funding', 'funding_id',
    ['currency_code', 'amount', 'per', 'funder_key', 'recipient_key', 'resolved_funding_date']) }}

-- The columns int_funding_deduplicated and fact_evidence read: the staged date
-- parts and the raw date string stay in staging (a wide row fewer to write).
select
    funding_id,
    {{ staged_provenance_columns('funding') }},
    amount,
    currency_code,
    amount_usd_stated,
    qualifier,
    per,
    period_years,
    kind,
    funder,
    funder_key,
    recipient,
    recipient_key,
    resolved_funding_date,
    evidence_rank
from ranked
