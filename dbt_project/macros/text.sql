{# A trimmed string, null when empty. #}
{% macro clean_text(column) -%}
    nullif(trim({{ column }}), '')
{%- endmacro %}

{#
  The matching key of a canonical name: lower case, apostrophes dropped, other
  punctuation as spaces, a leading "the" dropped, whitespace collapsed. Two
  spellings with the same key are the same organisation ("Xi'an Jiaotong
  University" = "Xian Jiaotong  University"). Level words stay: "Xiangtan
  City" and "Xiangtan County" are different governments.
#}
{% macro name_key(column) -%}
    nullif(
        trim({{ regex_replace(
            regex_replace(
                regex_replace(
                    regex_replace('lower(trim(' ~ column ~ '))', "[''’‘`]", ''),
                    '[^\\pL\\pN\\s]', ' '),
                '^\\s*the\\s+', ''),
            '\\s+', ' ') }}),
        '')
{%- endmacro %}

{#
  name_key once per distinct name: a whole select statement, one row per
  distinct value of the `columns` of `relation` (spelling, spelling_key).
  The fact staging models left-join it on the raw name (a null name has no
  key) instead of running name_key's four regular expressions on every fact:
  at a million agreements, 2 million names but ~20,000 distinct ones, and the
  expressions took ~1.3 s a column against ~0.2 s for the join
  (bench/bench_dbt_million.py, BENCHMARKS.md). The keys are the same.
#}
{% macro distinct_name_keys(relation, columns) -%}
    select
        spelling,
        {{ name_key('spelling') }} as spelling_key
    from (
        {%- for c in columns %}
        {%- if not loop.first %}

        union
        {%- endif %}

        select distinct {{ c }} as spelling from {{ relation }}
        {%- endfor %}
    ) as spellings
{%- endmacro %}

{#
  The left join of `relation`.`column` to a distinct_name_keys CTE `keys`, as
  `alias`: the caller selects <alias>.spelling_key.
#}
{% macro join_name_key(keys, alias, relation, column) -%}
    left join {{ keys }} as {{ alias }}
        on {{ relation }}.{{ column }} = {{ alias }}.spelling
{%- endmacro %}

{#
  Map a scraped enumeration value onto the spec's list: lower case, spaces and
  hyphens as underscores; a value outside the list becomes `fallback`
  ('other' where the spec has one, else null); null or blank becomes
  `missing` (null unless given).
#}
{% macro categorise(column, accepted, fallback='other', missing=none) -%}
    {%- set normalised = "replace(replace(lower(trim(" ~ column ~ ")), ' ', '_'), '-', '_')" -%}
    case
        when {{ column }} is null or trim({{ column }}) = ''
            then {{ "null" if missing is none else "'" ~ missing ~ "'" }}
        when {{ normalised }} in ({% for v in accepted %}'{{ v }}'{% if not loop.last %}, {% endif %}{% endfor %})
            then {{ normalised }}
        else {{ "null" if fallback is none else "'" ~ fallback ~ "'" }}
    end
{%- endmacro %}

{# A deterministic surrogate key: md5 of the parts joined by '|', nulls as ''. #}
{% macro surrogate_key(parts) -%}
    md5(concat_ws('|'{% for p in parts %}, coalesce(cast({{ p }} as varchar), ''){% endfor %}))
{%- endmacro %}

{# The provenance every fact carries, renamed: fact_id -> <entity>_fact_id. #}
{#
  The provenance columns fact_provenance_columns staged, selected again by the
  keyed models (which keep only the columns their readers use).
#}
{% macro staged_provenance_columns(entity) -%}
    {{ entity }}_fact_id,
    source_id,
    document_id,
    url,
    evidence,
    evidence_start,
    evidence_end,
    extracted_at
{%- endmacro %}

{% macro fact_provenance_columns(entity) -%}
    {{ clean_text('fact_id') }} as {{ entity }}_fact_id,
    {{ clean_text('source_id') }} as source_id,
    {{ clean_text('document_id') }} as document_id,
    {{ clean_text('url') }} as url,
    evidence,
    evidence_start,
    evidence_end,
    extracted_at
{%- endmacro %}
