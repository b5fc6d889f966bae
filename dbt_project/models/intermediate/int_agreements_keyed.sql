-- One row per agreement fact that names both sides, with the id of the
-- distinct agreement it states (agreement_id) and its rank among that
-- agreement's evidence (1 = first: earliest published document).

with

agreements as (

    select * from {{ ref('stg_raw__agreements') }}
    where university_key is not null
        and partner_key is not null

),

{{ resolve_partial_dates('agreements', ['university_key', 'partner_key', 'agreement_type'], 'agreement_date') }},

{{ rank_evidence('agreements_dates_resolved', 'agreement', 'agreement_id',
    ['university_key', 'partner_key', 'agreement_type', 'resolved_agreement_date']) }}

select * from ranked
