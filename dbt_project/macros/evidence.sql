{#
  The evidence every fact type carries through the intermediate layer and into
  the marts. Agreements, funding, platforms and counts differ in their natural
  keys and descriptive columns, not in how a fact is ranked among the evidence
  of the thing it states nor in how that evidence is rolled up: one definition
  here keeps the four fact tables consistent.

  `entity` is the fact type's prefix in staging: agreement, funding, platform,
  count (its fact id column is `<entity>_fact_id`).
#}


{#
  The CTEs that give each fact the id of the distinct thing it states and its
  rank among that thing's evidence (1 = first: earliest published document,
  then extraction time, document, position, fact id). Emits, comma-separated
  with no trailing comma:
    fact_documents  document_id, published_date of stg_raw__documents
    keyed           <id_column> (md5 of key_columns), relation.*, document_published_date
    ranked          keyed plus evidence_rank
#}
{% macro rank_evidence(relation, entity, id_column, key_columns) -%}

fact_documents as (

    select document_id, published_date from {{ ref('stg_raw__documents') }}

),

keyed as (

    select
        {{ surrogate_key(key_columns) }} as {{ id_column }},
        {{ relation }}.*,
        fact_documents.published_date as document_published_date
    from {{ relation }}
    left join fact_documents using (document_id)

),

ranked as (

    select
        *,
        row_number() over (
            partition by {{ id_column }}
            order by document_published_date nulls last, extracted_at, document_id,
                evidence_start, {{ entity }}_fact_id
        ) as evidence_rank
    from keyed

)

{%- endmacro %}


{#
  Aggregate columns of one distinct thing's evidence, for a query over a
  ranked relation grouped by the thing's id: the first evidence (fact id,
  sentence, document, url), evidence and document counts, the sorted lists
  of documents and sources, and the first and last extraction times.
#}
{% macro evidence_rollup(entity) -%}
    {{ arg_min(entity ~ '_fact_id', 'evidence_rank') }} as first_{{ entity }}_fact_id,
    {{ arg_min('evidence', 'evidence_rank') }} as first_evidence,
    {{ arg_min('document_id', 'evidence_rank') }} as first_document_id,
    {{ arg_min('url', 'evidence_rank') }} as first_url,
    count(*) as evidence_count,
    {{ count_distinct_values('document_id') }} as document_count,
    {{ sorted_distinct_values('document_id') }} as document_ids,
    {{ sorted_distinct_values('source_id') }} as source_ids,
    min(extracted_at) as first_extracted_at,
    max(extracted_at) as last_extracted_at
{%- endmacro %}


{#
  The marts' "evidence columns", from a relation with evidence_rollup's
  columns: the lists become strings joined by ', ' for BI tools.
#}
{% macro provenance_columns(entity) -%}
    first_{{ entity }}_fact_id,
    first_evidence,
    first_document_id,
    first_url,
    evidence_count,
    document_count,
    array_to_string(document_ids, ', ') as document_ids,
    array_to_string(source_ids, ', ') as source_ids,
    first_extracted_at,
    last_extracted_at
{%- endmacro %}


{#
  The fact types, each with its staging model, keyed model and the id of the
  distinct thing a fact states. One list for the marts that treat every fact
  type alike (fact_evidence, dim_documents, source_health).
#}
{% macro fact_types() -%}
    {{ return([
        {'entity': 'agreement', 'staging': 'stg_raw__agreements', 'keyed': 'int_agreements_keyed', 'id_column': 'agreement_id'},
        {'entity': 'funding', 'staging': 'stg_raw__funding', 'keyed': 'int_funding_keyed', 'id_column': 'funding_id'},
        {'entity': 'platform', 'staging': 'stg_raw__platforms', 'keyed': 'int_platforms_keyed', 'id_column': 'platform_id'},
        {'entity': 'count', 'staging': 'stg_raw__counts', 'keyed': 'int_counts_keyed', 'id_column': 'reported_count_id'},
    ]) }}
{%- endmacro %}


{#
  One CTE per fact type, `<entity>_fact_counts`: the number of staged facts of
  that type per `group_column` (document_id, source_id). Comma-separated, no
  trailing comma.
#}
{% macro fact_count_ctes(group_column) -%}
{%- for f in fact_types() %}
{{ f.entity }}_fact_counts as (

    select {{ group_column }}, count(*) as {{ f.entity }}_fact_count
    from {{ ref(f.staging) }}
    group by {{ group_column }}

){% if not loop.last %},{% endif %}
{% endfor -%}
{%- endmacro %}


{# The sum of the per-type `<entity>_fact_count` columns of a relation. #}
{% macro fact_count_total() -%}
    {%- for f in fact_types() -%}
    {{ f.entity }}_fact_count{% if not loop.last %} + {% endif %}
    {%- endfor -%}
{%- endmacro %}


{#
  A staged fact relation's rows, once each: a fact without an id cannot be
  referenced (the source test warns); a fact loaded twice (the same page
  reached from two sources) counts once, the latest extraction wins.
  A whole select statement.
#}
{% macro latest_fact_load(relation, entity) -%}
    {{ return(adapter.dispatch('latest_fact_load', 'partnerships')(relation, entity)) }}
{%- endmacro %}

{% macro default__latest_fact_load(relation, entity) -%}
    {{ first_row_per(
        relation,
        partition_by=entity ~ '_fact_id',
        order_by=latest_fact_load_order(),
        where=entity ~ '_fact_id is not null',
    ) }}
{%- endmacro %}

{#
  DuckDB: only the ids loaded more than once go through the window; the others
  (nearly all) pass as they are. A row_number() window over every fact sorts
  each wide row by its id: at a million agreements it cost ~2 s of
  stg_raw__agreements' ~9 s, and its output, in id-hash order, was slower to
  write than the rows in load order (bench/bench_dbt_million.py, BENCHMARKS.md).
  The same rows as first_row_per; the ids are not null here, so `not in` is an
  anti-join.
#}
{% macro duckdb__latest_fact_load(relation, entity) -%}
    {%- set id = entity ~ '_fact_id' -%}
    select *
    from {{ relation }}
    where {{ id }} is not null
        and {{ id }} not in (
            select {{ id }} from {{ relation }}
            where {{ id }} is not null
            group by {{ id }}
            having count(*) > 1
        )

    union all

    (
        select *
        from {{ relation }}
        where {{ id }} in (
            select {{ id }} from {{ relation }}
            where {{ id }} is not null
            group by {{ id }}
            having count(*) > 1
        )
        qualify row_number() over (
            partition by {{ id }}
            order by {{ latest_fact_load_order() }}
        ) = 1
    )
{%- endmacro %}

{% macro latest_fact_load_order() -%}
    extracted_at desc nulls last, source_id, document_id
{%- endmacro %}
