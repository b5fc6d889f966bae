{#
  A rollup adds up to its fact table: sum(column) over the model equals the
  number of rows of `compare_model` (e.g. sum(agreement_count) of every
  agreements_per_year_* rollup = rows of fct_agreements). Fails with one row
  holding both figures when they differ. Parameters go under `arguments:`.
#}
{% test sum_equals_row_count(model, column_name, compare_model) %}

with

rollup as (

    select coalesce(sum({{ column_name }}), 0) as rollup_total from {{ model }}

),

facts as (

    select count(*) as fact_rows from {{ compare_model }}

)

select rollup.rollup_total, facts.fact_rows
from rollup
cross join facts
where rollup.rollup_total <> facts.fact_rows

{% endtest %}
