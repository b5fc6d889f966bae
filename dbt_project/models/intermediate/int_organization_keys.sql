-- One row per name key met in the facts, with the canonical organisation it
-- stands for: a key that is a reference university's name or alias (seed
-- universities, i.e. pipelines/reference/universities.csv) maps to that
-- university's name key; any other key is its own organisation. The facts
-- already carry canonical names (shared/spec/facts.md), so this mostly merges
-- spellings the extractor left as aliases ("Tsinghua" -> Tsinghua University).
-- organization_id is md5 of the canonical key: stable across runs.

with

mentions as (

    select distinct name_key from {{ ref('int_organization_mentions') }}

),

reference_names as (

    select
        {{ name_key('name') }} as reference_key,
        {{ name_key('name') }} as canonical_key,
        1 as match_rank
    from {{ ref('universities') }}

    union all

    select
        {{ name_key('alias') }} as reference_key,
        {{ name_key('name') }} as canonical_key,
        2 as match_rank
    from (
        select
            name,
            unnest(string_to_array(aliases, ';')) as alias
        from {{ ref('universities') }}
        where aliases is not null
    ) as university_aliases

),

reference_keys as (

    select
        reference_key,
        canonical_key
    from (
        {{ first_row_per(
            'reference_names',
            partition_by='reference_key',
            order_by='match_rank, canonical_key',
            where='reference_key is not null',
        ) }}
    ) as first_match

),

final as (

    select
        mentions.name_key,
        coalesce(reference_keys.canonical_key, mentions.name_key) as organization_key,
        {{ surrogate_key(['coalesce(reference_keys.canonical_key, mentions.name_key)']) }} as organization_id,
        reference_keys.canonical_key is not null as is_reference_university
    from mentions
    left join reference_keys
        on mentions.name_key = reference_keys.reference_key

)

select * from final
