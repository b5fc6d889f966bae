-- One row per platform fact with a name, with the id of the distinct platform
-- it states (platform_id: name key + host university key) and its rank among
-- that platform's evidence. A fact without a host university is taken to be
-- about the same-named platform of the one university that hosts it elsewhere,
-- when exactly one does.

with

-- Not materialized: hosts and resolved below read it, hosts
-- for two key columns; DuckDB otherwise stores every wide row first.
platforms as not materialized (

    select * from {{ ref('stg_raw__platforms') }}
    where platform_name_key is not null

),

hosts as (

    select
        platform_name_key,
        case when count(distinct university_key) = 1 then min(university_key) end as only_university_key
    from platforms
    where university_key is not null
    group by platform_name_key

),

resolved as (

    select
        p.*,
        coalesce(p.university_key, hosts.only_university_key) as resolved_university_key
    from platforms as p
    left join hosts using (platform_name_key)

),

{{ rank_evidence('resolved', 'platform', 'platform_id', ['platform_name_key', 'resolved_university_key']) }},

date_ranked as (

    -- The most precise stated date wins, then the first evidence's.
    select
        *,
        row_number() over (
            partition by platform_id
            order by
                length(platform_date) desc nulls last, document_published_date nulls last,
                extracted_at asc, document_id asc, evidence_start asc, platform_fact_id asc
        ) as date_rank
    from ranked

)

-- The columns int_platforms_deduplicated and fact_evidence read: the staged date
-- parts and the raw date string stay in staging (a wide row fewer to write).
select
    platform_id,
    {{ staged_provenance_columns('platform') }},
    platform_name,
    platform_name_key,
    platform_type,
    university,
    university_key,
    resolved_university_key,
    partner,
    partner_key,
    platform_date,
    evidence_rank,
    date_rank
from date_ranked
