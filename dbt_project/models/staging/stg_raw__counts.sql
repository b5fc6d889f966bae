with

source as (

    select * from {{ source('raw', 'counts') }}

),

renamed as (

    select
        {{ fact_provenance_columns('count') }},
        {{ safe_cast('quantity', 'double') }} as quantity,
        {{ categorise('qualifier', var('qualifiers'), fallback=none) }} as qualifier,
        {{ categorise('unit', var('count_units'), missing='other') }} as count_unit,
        {{ clean_text('subject') }} as subject,
        {{ name_key('subject') }} as subject_key

    from source

),

deduplicated as (

    -- A fact without an id cannot be referenced (the source test warns); a
    -- fact loaded twice (the same page reached from two sources) counts once:
    -- the latest extraction wins.
    select *
    from renamed
    where count_fact_id is not null
    qualify row_number() over (
        partition by count_fact_id
        order by extracted_at desc nulls last, source_id, document_id
    ) = 1

)

select * from deduplicated
