{#
  Stand-in for dbt_utils.expression_is_true: fails on rows where the SQL
  expression is not true. With a column, the expression is appended to it
  (`expression: "> 0"`). Rows where it is null pass (null means "unknown").
  `where:` in config filters as usual.
#}
{% test expression_is_true(model, expression, column_name=None) %}

select *
from {{ model }}
{% if column_name is none %}
where not ({{ expression }})
{% else %}
where not ({{ column_name }} {{ expression }})
{% endif %}

{% endtest %}
