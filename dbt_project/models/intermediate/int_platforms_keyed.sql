-- One row per platform fact with a name, with the id of the distinct platform
-- it states (platform_id: name key + host university key) and its rank among
-- that platform's evidence. A fact without a host university is taken to be
-- about the same-named platform of the one university that hosts it elsewhere,
-- when exactly one does.

with

platforms as (

    select * from {{ ref('stg_raw__platforms') }}
    where platform_name_key is not null

),

documents as (

    select document_id, published_date from {{ ref('stg_raw__documents') }}

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

keyed as (

    select
        {{ surrogate_key(['platform_name_key', 'resolved_university_key']) }} as platform_id,
        resolved.*,
        documents.published_date as document_published_date
    from resolved
    left join documents using (document_id)

),

ranked as (

    select
        *,
        row_number() over (
            partition by platform_id
            order by document_published_date nulls last, extracted_at, document_id,
                evidence_start, platform_fact_id
        ) as evidence_rank,
        -- The most precise stated date wins, then the first evidence's.
        row_number() over (
            partition by platform_id
            order by length(platform_date) desc nulls last, document_published_date nulls last,
                extracted_at, document_id, evidence_start, platform_fact_id
        ) as date_rank
    from keyed

)

select * from ranked
