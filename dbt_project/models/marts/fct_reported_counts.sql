-- One row per distinct reported figure (subject, unit, quantity): "451
-- agreements on strategic cooperation" stated by two pages counts once. The
-- subject (who holds the figure) is a dim_organizations key when stated.

with

counts as (

    select * from {{ ref('int_counts_deduplicated') }}

),

final as (

    select
        counts.reported_count_id,
        subject_keys.organization_id as subject_organization_id,
        counts.subject,
        count_unit,
        quantity,
        qualifier,
        first_reported_date,
        last_reported_date,
        {{ provenance_columns('count') }}
    from counts
    {{ join_organization('subject_keys', 'counts.subject_key') }}

)

select * from final
