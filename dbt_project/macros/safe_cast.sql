{#
  Cast a scraped value, yielding null instead of failing the run when it does
  not convert. dbt's own `dbt.safe_cast` compiles to a plain `cast` on
  dbt-duckdb (guide pitfall 1), so one bad value would abort the build.
#}
{% macro safe_cast(expression, data_type) -%}
    {{ return(adapter.dispatch('safe_cast', 'partnerships')(expression, data_type)) }}
{%- endmacro %}

{% macro default__safe_cast(expression, data_type) -%}
    {{ dbt.safe_cast(expression, data_type) }}
{%- endmacro %}

{% macro duckdb__safe_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{#
  The function macro prepare_target (portable.sql) creates before every run.
  dbt's unit tests cast their fixtures with this macro too (the project's
  safe_cast overrides dbt's); PostgreSQL reports an array column's type as
  'ARRAY', and this project's arrays are lists of text.
#}
{% macro postgres__safe_cast(expression, data_type) -%}
    {%- set data_type = 'text[]' if data_type | upper == 'ARRAY' else data_type -%}
    {{ target.schema }}.partnerships_try_cast(
        cast({{ expression }} as text), '{{ data_type }}', cast(null as {{ data_type }}))
{%- endmacro %}


{# Does the whole string match a regular expression? #}
{% macro regex_full_match(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_full_match', 'partnerships')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regex_full_match(expression, pattern) -%}
    regexp_like({{ expression }}, '^(?:{{ pattern }})$')
{%- endmacro %}

{% macro duckdb__regex_full_match(expression, pattern) -%}
    regexp_full_match({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__regex_full_match(expression, pattern) -%}
    ({{ expression }} ~ '^(?:{{ pattern }})$')
{%- endmacro %}
