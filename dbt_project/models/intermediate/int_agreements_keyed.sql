-- One row per agreement fact that names both sides, with the id of the
-- distinct agreement it states (agreement_id) and its rank among that
-- agreement's evidence (1 = first: earliest published document).

with

-- Not materialized: the date resolution below reads it four times, three of them
-- for a few key columns; DuckDB otherwise stores every wide row first.
agreements as not materialized (

    select * from {{ ref('stg_raw__agreements') }}
    where university_key is not null
        and partner_key is not null

),

{{ resolve_partial_dates('agreements', ['university_key', 'partner_key', 'agreement_type'], 'agreement_date') }},

{{ rank_evidence('agreements_dates_resolved', 'agreement', 'agreement_id',
    ['university_key', 'partner_key', 'agreement_type', 'resolved_agreement_date']) }}

-- The columns int_agreements_deduplicated and fact_evidence read: the staged date
-- parts and the raw date string stay in staging (a wide row fewer to write).
select
    agreement_id,
    {{ staged_provenance_columns('agreement') }},
    university,
    university_key,
    partner,
    partner_key,
    partner_type,
    partner_sector,
    partner_province,
    agreement_type,
    resolved_agreement_date,
    evidence_rank
from ranked
