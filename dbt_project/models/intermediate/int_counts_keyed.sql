-- One row per count fact with a quantity, with the id of the distinct reported
-- figure (reported_count_id: subject, unit, quantity) and its evidence rank.
-- The same figure repeated by several pages counts once; counts carry no date
-- of their own, so the documents' publication dates say when it was reported.

with

counts as (

    select * from {{ ref('stg_raw__counts') }}
    where quantity is not null

),

{{ rank_evidence('counts', 'count', 'reported_count_id', ['subject_key', 'count_unit', 'quantity']) }}

select * from ranked
