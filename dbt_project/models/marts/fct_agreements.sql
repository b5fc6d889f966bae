-- One row per distinct agreement (university, partner, agreement type, date).

with

agreements as (

    select * from {{ ref('int_agreements_deduplicated') }}

),

final as (

    select
        agreement_id,
        university,
        partner,
        partner_type,
        partner_sector,
        partner_province,
        agreement_type,
        agreement_date,
        date_precision,
        agreement_year,
        agreement_month,
        {{ provenance_columns('agreement') }}
    from agreements

)

select * from final
