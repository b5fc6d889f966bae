-- One row per count fact with a quantity, with the id of the distinct reported
-- figure (reported_count_id: subject, unit, quantity) and its evidence rank.
-- The same figure repeated by several pages counts once; counts carry no date
-- of their own, so the documents' publication dates say when it was reported.

with

counts as (

    select * from {{ ref('stg_raw__counts') }}
    where quantity is not null

),

documents as (

    select document_id, published_date from {{ ref('stg_raw__documents') }}

),

keyed as (

    select
        {{ surrogate_key(['subject_key', 'count_unit', 'quantity']) }} as reported_count_id,
        counts.*,
        documents.published_date as document_published_date
    from counts
    left join documents using (document_id)

),

ranked as (

    select
        *,
        row_number() over (
            partition by reported_count_id
            order by document_published_date nulls last, extracted_at, document_id,
                evidence_start, count_fact_id
        ) as evidence_rank
    from keyed

)

select * from ranked
