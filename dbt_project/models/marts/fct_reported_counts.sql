-- One row per distinct reported figure (subject, unit, quantity): "451
-- agreements on strategic cooperation" stated by two pages counts once.

with

counts as (

    select * from {{ ref('int_counts_deduplicated') }}

),

final as (

    select
        reported_count_id,
        subject,
        count_unit,
        quantity,
        qualifier,
        first_reported_date,
        last_reported_date,
        {{ provenance_columns('count') }}
    from counts

)

select * from final
