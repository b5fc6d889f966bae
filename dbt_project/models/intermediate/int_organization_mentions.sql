-- One row per mention of an organisation in a staged fact or document: its
-- name as written (canonical per the spec, so spellings differ little), its
-- name key, the role it plays (university, partner, funder, recipient,
-- platform_university, platform_partner, count_subject,
-- publisher_university), the
-- partner_type and province the fact states (agreement partners only; the
-- university side of an agreement is a university by the spec), and the
-- document. dim_organizations rolls these up.

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
        university as organization_name, university_key as name_key, 'university' as mention_role,
        'university' as stated_partner_type, cast(null as varchar) as stated_province,
        partner_key as counterpart_key, document_id, source_id
    from agreements

    union all

    select
        partner, partner_key, 'partner',
        partner_type, partner_province,
        university_key, document_id, source_id
    from agreements

    union all

    select funder, funder_key, 'funder', null, null, recipient_key, document_id, source_id
    from funding

    union all

    select recipient, recipient_key, 'recipient', null, null, funder_key, document_id, source_id
    from funding

    union all

    select university, university_key, 'platform_university', 'university', null, partner_key, document_id, source_id
    from platforms

    union all

    select partner, partner_key, 'platform_partner', null, null, university_key, document_id, source_id
    from platforms

    union all

    select subject, subject_key, 'count_subject', null, null, null, document_id, source_id
    from counts

    union all

    select university, university_key, 'publisher_university', 'university', null, null, document_id, source_id
    from documents

),

final as (

    select *
    from mentions
    where name_key is not null

)

select * from final
