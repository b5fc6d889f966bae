-- One row per extracted fact (every type), linking the sentence to the
-- distinct entity it states: entity_id is the agreement_id, funding_id,
-- platform_id or reported_count_id of the matching fact table. Join it to
-- show every piece of evidence behind a row of a mart.

with

unioned as (

    {%- for f in fact_types() %}
    {%- if not loop.first %}

    union all
    {%- endif %}

    select
        '{{ f.entity }}' as fact_type, {{ f.entity }}_fact_id as fact_id, {{ f.id_column }} as entity_id,
        document_id, source_id, url, evidence, evidence_start, evidence_end,
        evidence_rank, extracted_at
    from {{ ref(f.keyed) }}
    {%- endfor %}

),

final as (

    select
        {{ surrogate_key(['fact_type', 'fact_id']) }} as fact_evidence_id,
        fact_type,
        fact_id,
        entity_id,
        document_id,
        source_id,
        url,
        evidence,
        evidence_start,
        evidence_end,
        cast(evidence_rank as integer) as evidence_rank,
        extracted_at
    from unioned

)

select * from final
