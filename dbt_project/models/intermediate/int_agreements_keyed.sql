-- One row per agreement fact that names both sides, with the id of the
-- distinct agreement it states (agreement_id) and its rank among that
-- agreement's evidence (1 = first: earliest published document).

with

agreements as (

    select * from {{ ref('stg_raw__agreements') }}
    where university_key is not null
        and partner_key is not null

),

documents as (

    select document_id, published_date from {{ ref('stg_raw__documents') }}

),

{{ resolve_partial_dates('agreements', ['university_key', 'partner_key', 'agreement_type'], 'agreement_date') }},

keyed as (

    select
        {{ surrogate_key(['university_key', 'partner_key', 'agreement_type', 'resolved_agreement_date']) }}
            as agreement_id,
        a.*,
        documents.published_date as document_published_date
    from agreements_dates_resolved as a
    left join documents using (document_id)

),

ranked as (

    select
        *,
        row_number() over (
            partition by agreement_id
            order by document_published_date nulls last, extracted_at, document_id,
                evidence_start, agreement_fact_id
        ) as evidence_rank
    from keyed

)

select * from ranked
