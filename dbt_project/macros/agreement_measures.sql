{#
  The measures of the agreement rollups (agreements_per_year_by_*), for a
  query over fct_agreements grouped by year and a dimension: distinct
  agreements, the distinct universities and partners involved, and the
  agreements by partner sector.
#}
{% macro agreement_measures() -%}
    count(*) as agreement_count,
    count(distinct university_organization_id) as university_count,
    count(distinct partner_organization_id) as partner_count
    {%- for s in ['government', 'industry', 'academia'] %},
    count(*) filter (where partner_sector = '{{ s }}') as {{ s }}_partner_agreement_count
    {%- endfor %}
{%- endmacro %}
