{#
  Partial dates as the fact spec states them: 'YYYY', 'YYYY-MM' or
  'YYYY-MM-DD'. Anything else (a typo, '2019-13', '2019-02-30', free text)
  becomes null rather than failing the run; the staging model keeps the raw
  string beside the cleaned one.
#}

{# The trimmed date string when it is a valid partial date, else null. #}
{% macro clean_partial_date(column) -%}
    case
        when {{ regex_full_match('trim(' ~ column ~ ')', '[0-9]{4}') }}
            then trim({{ column }})
        when {{ regex_full_match('trim(' ~ column ~ ')', '[0-9]{4}-[0-9]{2}') }}
            and {{ safe_cast("trim(" ~ column ~ ") || '-01'", 'date') }} is not null
            then trim({{ column }})
        when {{ regex_full_match('trim(' ~ column ~ ')', '[0-9]{4}-[0-9]{2}-[0-9]{2}') }}
            and {{ safe_cast('trim(' ~ column ~ ')', 'date') }} is not null
            then trim({{ column }})
    end
{%- endmacro %}

{# The following take a column already cleaned by clean_partial_date. #}
{% macro partial_date_precision(clean_column) -%}
    case length({{ clean_column }})
        when 10 then 'day'
        when 7 then 'month'
        when 4 then 'year'
    end
{%- endmacro %}

{% macro partial_date_year(clean_column) -%}
    {{ safe_cast('substr(' ~ clean_column ~ ', 1, 4)', 'integer') }}
{%- endmacro %}

{% macro partial_date_month(clean_column) -%}
    case when length({{ clean_column }}) >= 7
        then {{ safe_cast('substr(' ~ clean_column ~ ', 6, 2)', 'integer') }}
    end
{%- endmacro %}

{# Emit <prefix>_date, date_precision, <prefix>_year, <prefix>_month from a cleaned column. #}
{% macro partial_date_columns(clean_column, prefix) -%}
    {{ clean_column }} as {{ prefix }}_date,
    {{ partial_date_parts(clean_column, prefix) }}
{%- endmacro %}

{# The same without <prefix>_date: for a relation whose cleaned column already is <prefix>_date. #}
{% macro partial_date_parts(clean_column, prefix) -%}
    {{ partial_date_precision(clean_column) }} as date_precision,
    {{ partial_date_year(clean_column) }} as {{ prefix }}_year,
    {{ partial_date_month(clean_column) }} as {{ prefix }}_month
{%- endmacro %}
