{#
  Relational canonicalisation of partial dates within a group of statements
  about the same thing (e.g. one university–partner–type).

  A statement whose date is null or coarser ('2019', '2019-05') is taken to
  be about the unique most precise date of its group that extends it
  ('2019-05-17'), when exactly one such date exists. When the group holds
  several candidates ('2019-05-17' and '2019-11-02'), the coarse statement
  stays as stated: it cannot be told apart, and nothing is guessed.

  A day ('YYYY-MM-DD', the only 10-character form clean_partial_date keeps)
  is finest: the one date of its group that extends it is itself. Only the
  coarse statements are looked up, among the stated dates of the groups that
  hold one; every other statement keeps its date without a lookup (at a
  million facts most dates are days, and looking each up was the keyed
  models' largest cost: bench/bench_dbt_million.py, BENCHMARKS.md).

  Emits five CTEs (comma-separated, no trailing comma); the last one,
  `<relation>_dates_resolved`, is `relation` plus `resolved_<date_column>`.
#}
{% macro resolve_partial_dates(relation, group_columns, date_column) -%}

{{ relation }}_coarse_statements as (

    -- The distinct coarse statements: null, a year or a month.
    select distinct
        {% for c in group_columns %}{{ c }}, {% endfor %}
        {{ date_column }} as stated_date
    from {{ relation }}
    where {{ date_column }} is null or length({{ date_column }}) < 10

),

{{ relation }}_stated_dates as (

    -- Every stated date of the groups that hold a coarse statement.
    select distinct
        {% for c in group_columns %}r.{{ c }}, {% endfor %}
        r.{{ date_column }} as stated_date
    from {{ relation }} as r
    inner join (
        select distinct {% for c in group_columns %}{{ c }}{% if not loop.last %}, {% endif %}{% endfor %}
        from {{ relation }}_coarse_statements
    ) as coarse_groups
        on {% for c in group_columns %}r.{{ c }} is not distinct from coarse_groups.{{ c }}{% if not loop.last %}
        and {% endif %}{% endfor %}
    where r.{{ date_column }} is not null

),

{{ relation }}_finest_dates as (

    -- Dates no other date of the group refines.
    select d.*
    from {{ relation }}_stated_dates as d
    where not exists (
        select 1
        from {{ relation }}_stated_dates as finer
        where {% for c in group_columns %}finer.{{ c }} is not distinct from d.{{ c }} and {% endfor %}
            finer.stated_date <> d.stated_date
            and starts_with(finer.stated_date, d.stated_date)
    )

),

{{ relation }}_resolutions as (

    -- Each coarse statement's date when exactly one finest date of its group extends it (an
    -- inner join: a left join's starts_with condition is no hash join); the others are kept as
    -- stated by the left join below.
    select
        {% for c in group_columns %}c.{{ c }}, {% endfor %}
        c.stated_date,
        case when count(*) = 1 then min(f.stated_date) end as resolved_date
    from {{ relation }}_coarse_statements as c
    inner join {{ relation }}_finest_dates as f
        on {% for c in group_columns %}f.{{ c }} is not distinct from c.{{ c }}{% if not loop.last %}
        and {% endif %}{% endfor %}
    where starts_with(f.stated_date, coalesce(c.stated_date, ''))
    group by {% for c in group_columns %}c.{{ c }}, {% endfor %}c.stated_date

),

{{ relation }}_dates_resolved as (

    select
        r.*,
        coalesce(resolutions.resolved_date, r.{{ date_column }}) as resolved_{{ date_column }}
    from {{ relation }} as r
    left join {{ relation }}_resolutions as resolutions
        on {% for c in group_columns %}resolutions.{{ c }} is not distinct from r.{{ c }} and {% endfor %}
            resolutions.stated_date is not distinct from r.{{ date_column }}

)

{%- endmacro %}
