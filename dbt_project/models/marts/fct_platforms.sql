-- One row per distinct platform (name and host university).

with

platforms as (

    select * from {{ ref('int_platforms_deduplicated') }}

),

final as (

    select
        platform_id,
        platform_name,
        platform_type,
        university,
        partner,
        platform_date,
        date_precision,
        platform_year,
        platform_month,
        {{ provenance_columns('platform') }}
    from platforms

)

select * from final
