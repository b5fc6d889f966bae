-- One row per document, with how many facts of each type were extracted from
-- it (fact rows as extracted, before deduplication) and its load errors.

with

documents as (

    select * from {{ ref('stg_raw__documents') }}

),

{%- set fact_models = [
    ('agreement', 'stg_raw__agreements'),
    ('funding', 'stg_raw__funding'),
    ('platform', 'stg_raw__platforms'),
    ('count', 'stg_raw__counts'),
] %}

{% for name, model in fact_models %}
{{ name }}_facts as (

    select document_id, count(*) as {{ name }}_fact_count
    from {{ ref(model) }}
    group by document_id

),

{% endfor %}

errors as (

    select document_id, count(*) as error_count
    from {{ ref('stg_raw__errors') }}
    where document_id is not null
    group by document_id

),

final as (

    select
        documents.document_id,
        documents.source_id,
        documents.url,
        documents.title,
        documents.published_date,
        documents.published_precision,
        documents.published_year,
        documents.published_month,
        documents.university,
        documents.content_hash,
        documents.text_chars,
        documents.parsed_at
        {%- for name, model in fact_models %},
        coalesce({{ name }}_facts.{{ name }}_fact_count, 0) as {{ name }}_fact_count
        {%- endfor %},
        {% for name, model in fact_models -%}
        coalesce({{ name }}_facts.{{ name }}_fact_count, 0){% if not loop.last %} + {% endif %}
        {%- endfor %} as fact_count,
        {% for name, model in fact_models -%}
        coalesce({{ name }}_facts.{{ name }}_fact_count, 0){% if not loop.last %} + {% endif %}
        {%- endfor %} > 0 as has_facts,
        coalesce(errors.error_count, 0) as error_count
    from documents
    {%- for name, model in fact_models %}
    left join {{ name }}_facts using (document_id)
    {%- endfor %}
    left join errors using (document_id)

)

select * from final
