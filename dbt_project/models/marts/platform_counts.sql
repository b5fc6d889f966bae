-- Distinct platforms (fct_platforms) counted along three dimensions, in long
-- format: one row per (dimension, dimension_value) with dimension one of
-- 'platform_type', 'university', 'platform_year'. dimension_value is null
-- where the facts do not state it (no host university, no date). Filter on
-- one dimension and chart dimension_value against platform_count.

with

platforms as (

    select * from {{ ref('int_platforms_deduplicated') }}

),

by_type as (

    select
        'platform_type' as dimension,
        platform_type as dimension_value,
        count(*) as platform_count,
        sum(evidence_count) as evidence_count
    from platforms
    group by platform_type

),

by_university as (

    select
        'university' as dimension,
        min(university) as dimension_value,
        count(*) as platform_count,
        sum(evidence_count) as evidence_count
    from platforms
    group by university_key

),

by_year as (

    select
        'platform_year' as dimension,
        cast(platform_year as varchar) as dimension_value,
        count(*) as platform_count,
        sum(evidence_count) as evidence_count
    from platforms
    group by platform_year

),

unioned as (

    select * from by_type
    union all
    select * from by_university
    union all
    select * from by_year

),

final as (

    select
        {{ surrogate_key(['dimension', "coalesce(dimension_value, '(unknown)')"]) }} as platform_count_id,
        dimension,
        dimension_value,
        platform_count,
        cast(evidence_count as bigint) as evidence_count
    from unioned

)

select * from final
order by dimension asc, platform_count desc, dimension_value asc
