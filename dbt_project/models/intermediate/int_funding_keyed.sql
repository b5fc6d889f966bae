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

documents as (

    select document_id, published_date from {{ ref('stg_raw__documents') }}

),

{{ resolve_partial_dates('funding', ['currency_code', 'amount', 'per', 'funder_key', 'recipient_key'], 'funding_date') }},

keyed as (

    select
        {{ surrogate_key(['currency_code', 'amount', 'per', 'funder_key', 'recipient_key', 'resolved_funding_date']) }}
            as funding_id,
        f.*,
        documents.published_date as document_published_date
    from funding_dates_resolved as f
    left join documents using (document_id)

),

ranked as (

    select
        *,
        row_number() over (
            partition by funding_id
            order by document_published_date nulls last, extracted_at, document_id,
                evidence_start, funding_fact_id
        ) as evidence_rank
    from keyed

)

select * from ranked
