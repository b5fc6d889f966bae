{#
  Use a model's custom schema as is (`marts`, not `main_marts`), so BI tools
  and the Python layer see stable names: raw, staging, intermediate, marts,
  reference. Without a custom schema a model lands in the target schema.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
