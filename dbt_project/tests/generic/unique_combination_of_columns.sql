{#
  Stand-in for dbt_utils.unique_combination_of_columns: fails on every
  combination of the columns that occurs more than once (nulls group together).
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

select
    {% for c in combination_of_columns %}{{ c }}, {% endfor %}
    count(*) as n_rows
from {{ model }}
group by {% for c in combination_of_columns %}{{ c }}{% if not loop.last %}, {% endif %}{% endfor %}
having count(*) > 1

{% endtest %}
