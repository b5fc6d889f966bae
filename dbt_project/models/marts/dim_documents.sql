-- One row per document, with how many facts of each type were extracted from
-- it (fact rows as extracted, before deduplication) and its load errors.

with

documents as (

    select * from {{ ref('stg_raw__documents') }}

),

{{ fact_count_ctes('document_id') }},

errors as (

    select
        document_id,
        count(*) as error_count
    from {{ ref('stg_raw__errors') }}
    where document_id is not null
    group by document_id

),

joined as (

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
        -- sqlfluff misplaces the indents of the two loops below:
        -- noqa: disable=LT02
        documents.parsed_at
        {%- for f in fact_types() %},
        coalesce({{ f.entity }}_fact_counts.{{ f.entity }}_fact_count, 0) as {{ f.entity }}_fact_count
        {%- endfor %}
    from documents
    {%- for f in fact_types() %}
    left join {{ f.entity }}_fact_counts using (document_id)
    {%- endfor %}
    -- noqa: enable=LT02

),

final as (

    select
        joined.*,
        {{ fact_count_total() }} as fact_count,
        {{ fact_count_total() }} > 0 as has_facts,
        coalesce(errors.error_count, 0) as error_count
    from joined
    left join errors using (document_id)

)

select * from final
