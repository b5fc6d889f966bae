with

source as (

    select * from {{ source('raw', 'errors') }}

),

renamed as (

    select
        {{ surrogate_key(['source_id', 'document_id', 'url', 'stage', 'occurred_at', 'error']) }} as error_key,
        {{ clean_text('source_id') }} as source_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('url') }} as url,
        lower({{ clean_text('stage') }}) as error_stage,
        {{ clean_text('error') }} as error_message,
        occurred_at

    from source

),

keyed as (

    select
        {{ surrogate_key(['error_key', 'row_number() over (partition by error_key order by occurred_at)']) }}
            as error_id,
        source_id,
        document_id,
        url,
        error_stage,
        error_message,
        occurred_at
    from renamed

)

select * from keyed
