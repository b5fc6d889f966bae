{#
  SQL that DuckDB and PostgreSQL spell differently, one dispatched macro each
  (adapter.dispatch: duckdb__* / postgres__*), so the same models build on
  both targets (README "DuckDB or PostgreSQL"). The DuckDB versions are the
  SQL the models always used; the PostgreSQL ones give the same results.
  Functions both databases share (string_to_array, starts_with, md5,
  regexp_replace with 'g', count(*) filter (...), double precision) are
  written directly in the models.
#}


{#
  arg_min / arg_max: `value` of the row with the smallest (largest) `order_by`
  among the rows where both are not null (DuckDB's semantics), optionally
  only among rows where `where` holds. An aggregate.
#}
{% macro arg_min(value, order_by, where=none) -%}
    {{ return(adapter.dispatch('arg_min', 'partnerships')(value, order_by, where, 'asc')) }}
{%- endmacro %}

{% macro arg_max(value, order_by, where=none) -%}
    {{ return(adapter.dispatch('arg_min', 'partnerships')(value, order_by, where, 'desc')) }}
{%- endmacro %}

{% macro duckdb__arg_min(value, order_by, where, direction) -%}
    {{ 'arg_min' if direction == 'asc' else 'arg_max' }}({{ value }}, {{ order_by }})
    {%- if where is not none %} filter (where {{ where }}){% endif %}
{%- endmacro %}

{% macro postgres__arg_min(value, order_by, where, direction) -%}
    (array_agg({{ value }} order by {{ order_by }} {{ direction }}, {{ value }}) filter (
        where {{ value }} is not null and {{ order_by }} is not null
        {%- if where is not none %} and ({{ where }}){% endif %}
    ))[1]
{%- endmacro %}


{#
  Any one value of the group, for columns that are the same on every row of
  it (parts of the group's key). PostgreSQL 15 has no any_value: min().
#}
{% macro any_value(value) -%}
    {{ return(adapter.dispatch('any_value', 'partnerships')(value)) }}
{%- endmacro %}

{% macro default__any_value(value) -%}
    any_value({{ value }})
{%- endmacro %}

{% macro postgres__any_value(value) -%}
    min({{ value }})
{%- endmacro %}


{#
  The sorted list (array) of a group's values, distinct unless told
  otherwise, optionally of the rows where `where` holds. array_to_string()
  turns it into text on both databases.
#}
{% macro sorted_list(value, distinct=true, where=none) -%}
    {{ return(adapter.dispatch('sorted_list', 'partnerships')(value, distinct, where)) }}
{%- endmacro %}

{% macro duckdb__sorted_list(value, distinct, where) -%}
    list_sort(list({{ 'distinct ' if distinct }}{{ value }})
    {%- if where is not none %} filter (where {{ where }}){% endif %})
{%- endmacro %}

{% macro postgres__sorted_list(value, distinct, where) -%}
    array_agg({{ 'distinct ' if distinct }}{{ value }} order by {{ value }})
    {%- if where is not none %} filter (where {{ where }}){% endif %}
{%- endmacro %}


{#
  The sorted list of a group's distinct non-null values, and their number
  (count(distinct value)). On DuckDB a DISTINCT aggregate keeps a hash table
  per group: with a group per distinct fact (evidence_rollup, ~1,000,000
  groups) the list-then-deduplicate forms below take a third of the time
  (bench/bench_dbt_million.py) and give the same values. A group of one row
  (most distinct facts are stated once) skips the deduplication and the sort:
  its list is its one value (null when that is null), as
  list_sort(list_distinct()) gives it. The number is the length of the same
  list (list_distinct drops nulls), so DuckDB builds the list once for both
  columns. At a million agreements the rollup's lists took 1.7 s, now 0.7 s.
#}
{% macro sorted_distinct_values(value) -%}
    {{ return(adapter.dispatch('sorted_distinct_values', 'partnerships')(value)) }}
{%- endmacro %}

{% macro duckdb__sorted_distinct_values(value) -%}
    case
        when count(*) = 1 then list({{ value }}) filter (where {{ value }} is not null)
        else list_sort(list_distinct(list({{ value }}) filter (where {{ value }} is not null)))
    end
{%- endmacro %}

{% macro postgres__sorted_distinct_values(value) -%}
    {{ postgres__sorted_list(value, true, value ~ ' is not null') }}
{%- endmacro %}

{% macro count_distinct_values(value) -%}
    {{ return(adapter.dispatch('count_distinct_values', 'partnerships')(value)) }}
{%- endmacro %}

{% macro duckdb__count_distinct_values(value) -%}
    coalesce(len({{ duckdb__sorted_distinct_values(value) }}), 0)
{%- endmacro %}

{% macro postgres__count_distinct_values(value) -%}
    count(distinct {{ value }})
{%- endmacro %}


{# A list without the elements equal to `value`. #}
{% macro list_without(list, value) -%}
    {{ return(adapter.dispatch('list_without', 'partnerships')(list, value)) }}
{%- endmacro %}

{% macro duckdb__list_without(list, value) -%}
    list_filter({{ list }}, s -> s <> {{ value }})
{%- endmacro %}

{% macro postgres__list_without(list, value) -%}
    array_remove({{ list }}, {{ value }})
{%- endmacro %}


{#
  One row per `partition_by` of `relation` (rows where `where` holds): the
  first in `order_by`. A whole select statement.
#}
{% macro first_row_per(relation, partition_by, order_by, where=none) -%}
    {{ return(adapter.dispatch('first_row_per', 'partnerships')(relation, partition_by, order_by, where)) }}
{%- endmacro %}

{% macro duckdb__first_row_per(relation, partition_by, order_by, where) -%}
    select *
    from {{ relation }}
    {%- if where is not none %}
    where {{ where }}
    {%- endif %}
    qualify row_number() over (
        partition by {{ partition_by }}
        order by {{ order_by }}
    ) = 1
{%- endmacro %}

{% macro postgres__first_row_per(relation, partition_by, order_by, where) -%}
    select distinct on ({{ partition_by }}) *
    from {{ relation }}
    {%- if where is not none %}
    where {{ where }}
    {%- endif %}
    order by {{ partition_by }}, {{ order_by }}
{%- endmacro %}


{# A select-list expression: one row per integer year from `first` to `last`. #}
{% macro year_series(first, last) -%}
    {{ return(adapter.dispatch('year_series', 'partnerships')(first, last)) }}
{%- endmacro %}

{% macro duckdb__year_series(first, last) -%}
    cast(unnest(generate_series({{ first }}, {{ last }})) as integer)
{%- endmacro %}

{% macro postgres__year_series(first, last) -%}
    cast(generate_series({{ first }}, {{ last }}) as integer)
{%- endmacro %}


{#
  Regular expressions. Patterns are written for DuckDB (RE2); for PostgreSQL
  they are translated: a word boundary \b is \y there, and the Unicode
  classes \pL, \pN inside a bracket expression are [:alpha:], [:digit:]
  (Unicode-aware in a UTF-8 database). Patterns given as Jinja strings must
  double their backslashes ('\\b'): Jinja reads '\b' as a backspace.
#}
{% macro regex_pattern(pattern) -%}
    {{ return(adapter.dispatch('regex_pattern', 'partnerships')(pattern)) }}
{%- endmacro %}

{% macro default__regex_pattern(pattern) -%}
    {{ return(pattern) }}
{%- endmacro %}

{% macro postgres__regex_pattern(pattern) -%}
    {{ return(pattern.replace('\\b', '\\y').replace('\\pL', '[:alpha:]').replace('\\pN', '[:digit:]')) }}
{%- endmacro %}

{# Does `expression` contain a match of `pattern`? #}
{% macro regex_search(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_search', 'partnerships')(expression, pattern)) }}
{%- endmacro %}

{% macro duckdb__regex_search(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__regex_search(expression, pattern) -%}
    ({{ expression }} ~ '{{ regex_pattern(pattern) }}')
{%- endmacro %}

{# regexp_replace with a translated pattern (flags 'g': every match). #}
{% macro regex_replace(expression, pattern, replacement, flags='g') -%}
    regexp_replace({{ expression }}, '{{ regex_pattern(pattern) }}', '{{ replacement }}', '{{ flags }}')
{%- endmacro %}


{# `expression` with the characters of `characters` (SQL string literal body) trimmed at both ends. #}
{% macro trim_characters(expression, characters) -%}
    {{ return(adapter.dispatch('trim_characters', 'partnerships')(expression, characters)) }}
{%- endmacro %}

{% macro default__trim_characters(expression, characters) -%}
    trim({{ expression }}, '{{ characters }}')
{%- endmacro %}

{% macro postgres__trim_characters(expression, characters) -%}
    btrim({{ expression }}, '{{ characters }}')
{%- endmacro %}


{#
  Run before every dbt invocation (on-run-start). PostgreSQL has no try_cast
  before version 16's pg_input_is_valid: safe_cast calls this function,
  which returns null where the cast fails. DuckDB needs nothing.
#}
{% macro prepare_target() -%}
    {{ return(adapter.dispatch('prepare_target', 'partnerships')()) }}
{%- endmacro %}

{% macro default__prepare_target() -%}
{%- endmacro %}

{% macro postgres__prepare_target() -%}
    create schema if not exists {{ target.schema }};
    create or replace function {{ target.schema }}.partnerships_try_cast(
        value text, type_name text, inout result anyelement
    ) language plpgsql stable as $fn$
    begin
        if value is not null then
            execute format('select cast(%L as %s)', value, type_name) into result;
        end if;
    exception when others then
        result := null;
    end
    $fn$;
{%- endmacro %}


{#
  Session settings for every model and seed (a pre-hook, dbt_project.yml).
  PostgreSQL's JIT compiler spends most of a minute compiling the organisation
  mart's plan (its cost estimate is high, its rows are few): off.
#}
{% macro session_settings() -%}
    {{ return(adapter.dispatch('session_settings', 'partnerships')()) }}
{%- endmacro %}

{% macro default__session_settings() -%}
{%- endmacro %}

{% macro postgres__session_settings() -%}
    set jit = off
{%- endmacro %}


{#
  Seeds on PostgreSQL: dbt's default builds each insert statement with a Jinja
  loop per cell, half a minute for the 10,000-row universities table; the
  same statement built from whole rows takes a second.
#}
{% macro postgres__load_csv_rows(model, agate_table) %}
    {% set batch_size = get_batch_size() %}
    {% set cols_sql = get_seed_column_quoted_csv(model, agate_table.column_names) %}
    {% set row_sql = '(' ~ ([get_binding_char()] * (agate_table.column_names | length)) | join(', ') ~ ')' %}
    {% set statements = [] %}
    {% for chunk in agate_table.rows | batch(batch_size) %}
        {% set bindings = [] %}
        {% for row in chunk %}
            {% do bindings.extend(row) %}
        {% endfor %}
        {% set sql = 'insert into ' ~ this.render() ~ ' (' ~ cols_sql ~ ') values ' ~ ([row_sql] * (chunk | length)) | join(', ') %}
        {% do adapter.add_query(sql, bindings=bindings, abridge_sql_log=True) %}
        {% if loop.index0 == 0 %}
            {% do statements.append(sql) %}
        {% endif %}
    {% endfor %}
    {{ return(statements[0]) }}
{% endmacro %}


{#
  The later of two timestamps, either of which may be null (then the other):
  the same on DuckDB and PostgreSQL, whose greatest() treat nulls differently.
#}
{% macro later_of(a, b) -%}
    case
        when {{ a }} is null then {{ b }}
        when {{ b }} is null then {{ a }}
        when {{ a }} > {{ b }} then {{ a }}
        else {{ b }}
    end
{%- endmacro %}
