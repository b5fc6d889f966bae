with

source as (

    select * from {{ source('raw', 'platforms') }}

),

renamed as (

    select
        {{ fact_provenance_columns('platform') }},
        -- "as written, trimmed of quotes"
        nullif(trim(name, ' "''“”‘’「」《》'), '') as platform_name,
        {{ name_key('name') }} as platform_name_key,
        {{ categorise('platform_type', var('platform_types'), missing='other') }} as platform_type,
        {{ clean_text('university') }} as university,
        {{ name_key('university') }} as university_key,
        {{ clean_text('partner') }} as partner,
        {{ name_key('partner') }} as partner_key,
        date as date_raw,
        {{ clean_partial_date('date') }} as date_clean

    from source

),

dated as (

    select
        * exclude (date_clean),
        {{ partial_date_columns('date_clean', 'platform') }}
    from renamed

),

deduplicated as (

    -- A fact without an id cannot be referenced (the source test warns); a
    -- fact loaded twice (the same page reached from two sources) counts once:
    -- the latest extraction wins.
    select *
    from dated
    where platform_fact_id is not null
    qualify row_number() over (
        partition by platform_fact_id
        order by extracted_at desc nulls last, source_id, document_id
    ) = 1

)

select * from deduplicated
