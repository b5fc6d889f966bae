{#
  Relational canonicalisation of partial dates within a group of statements
  about the same thing (e.g. one university–partner–type).

  A statement whose date is null or coarser ('2019', '2019-05') is taken to
  be about the unique most precise date of its group that extends it
  ('2019-05-17'), when exactly one such date exists. When the group holds
  several candidates ('2019-05-17' and '2019-11-02'), the coarse statement
  stays as stated: it cannot be told apart, and nothing is guessed.

  Emits three CTEs (comma-separated, no trailing comma); the last one,
  `<relation>_dates_resolved`, is `relation` plus `resolved_<date_column>`.
#}
{% macro resolve_partial_dates(relation, group_columns, date_column) -%}

{{ relation }}_stated_dates as (

    select distinct
        {% for c in group_columns %}{{ c }}, {% endfor %}
        {{ date_column }} as stated_date
    from {{ relation }}
    where {{ date_column }} is not null

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

{{ relation }}_dates_resolved as (

    select
        r.*,
        coalesce(
            (
                select case when count(*) = 1 then min(f.stated_date) end
                from {{ relation }}_finest_dates as f
                where {% for c in group_columns %}f.{{ c }} is not distinct from r.{{ c }} and {% endfor %}
                    starts_with(f.stated_date, coalesce(r.{{ date_column }}, ''))
            ),
            r.{{ date_column }}
        ) as resolved_{{ date_column }}
    from {{ relation }} as r

)

{%- endmacro %}
