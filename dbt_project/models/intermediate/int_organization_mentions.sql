-- One row per mention of an organisation in a staged fact or document: its
-- name as written (canonical per the spec, so spellings differ little), its
-- name key, the role it plays (university, partner, funder, recipient,
-- platform_university, platform_partner, count_subject,
-- publisher_university), the
-- partner_type and province the fact states (agreement partners only; the
-- university side of an agreement is a university by the spec), and the
-- document. dim_organizations rolls these up.
--
-- A view, unlike the other intermediate models: it only selects and renames
-- columns of the staged tables (no regex, window or lookup to save), and as a
-- table it wrote 3.45 million rows at a million agreements that its two
-- readers (int_organization_keys: the distinct keys; dim_organizations: one
-- pass) scan once each (bench/bench_dbt_million.py, BENCHMARKS.md).
{{ config(materialized='view') }}

with

agreements as (

    select * from {{ ref('stg_raw__agreements') }}

),

funding as (

    select * from {{ ref('stg_raw__funding') }}

),

platforms as (

    select * from {{ ref('stg_raw__platforms') }}

),

counts as (

    select * from {{ ref('stg_raw__counts') }}

),

documents as (

    select * from {{ ref('stg_raw__documents') }}

),

mentions as (

    select
        university as organization_name,
        university_key as name_key,
        'university' as mention_role,
        'university' as stated_partner_type,
        cast(null as varchar) as stated_province,
        partner_key as counterpart_key,
        document_id,
        source_id
    from agreements

    union all

    select
        partner as organization_name,
        partner_key as name_key,
        'partner' as mention_role,
        partner_type as stated_partner_type,
        partner_province as stated_province,
        university_key as counterpart_key,
        document_id,
        source_id
    from agreements

    union all

    select
        funder as organization_name,
        funder_key as name_key,
        'funder' as mention_role,
        null as stated_partner_type,
        null as stated_province,
        recipient_key as counterpart_key,
        document_id,
        source_id
    from funding

    union all

    select
        recipient as organization_name,
        recipient_key as name_key,
        'recipient' as mention_role,
        null as stated_partner_type,
        null as stated_province,
        funder_key as counterpart_key,
        document_id,
        source_id
    from funding

    union all

    select
        university as organization_name,
        university_key as name_key,
        'platform_university' as mention_role,
        'university' as stated_partner_type,
        null as stated_province,
        partner_key as counterpart_key,
        document_id,
        source_id
    from platforms

    union all

    select
        partner as organization_name,
        partner_key as name_key,
        'platform_partner' as mention_role,
        null as stated_partner_type,
        null as stated_province,
        university_key as counterpart_key,
        document_id,
        source_id
    from platforms

    union all

    select
        subject as organization_name,
        subject_key as name_key,
        'count_subject' as mention_role,
        null as stated_partner_type,
        null as stated_province,
        null as counterpart_key,
        document_id,
        source_id
    from counts

    union all

    select
        university as organization_name,
        university_key as name_key,
        'publisher_university' as mention_role,
        'university' as stated_partner_type,
        null as stated_province,
        null as counterpart_key,
        document_id,
        source_id
    from documents

),

final as (

    select *
    from mentions
    where name_key is not null

)

select * from final
