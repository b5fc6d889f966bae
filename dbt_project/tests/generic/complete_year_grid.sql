{#
  Reference data covers every year of a range: one failing row per
  (group, year) missing from the model, for years first_year..last_year and
  every distinct value of group_column (no group_column: the years alone).
  For the money seeds: every currency has a rate for every year, CPI-U has
  every year.
#}
{% test complete_year_grid(model, column_name, first_year, last_year, group_column=none) %}

with

years as (

    select {{ year_series(first_year, last_year) }} as year_value

),

groups as (

    {% if group_column %}
    select distinct {{ group_column }} as group_value from {{ model }}
    {% else %}
    select 1 as group_value
    {% endif %}

),

present as (

    select distinct
        {% if group_column %}{{ group_column }}{% else %}1{% endif %} as group_value,
        cast({{ column_name }} as integer) as year_value
    from {{ model }}

)

select groups.group_value, years.year_value
from groups
cross join years
left join present
    on present.group_value = groups.group_value
    and present.year_value = years.year_value
where present.year_value is null

{% endtest %}
