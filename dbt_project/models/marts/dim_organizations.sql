-- One row per canonical organisation met in the facts (universities,
-- governments, agencies, development zones, companies, research institutes):
-- its type, administrative level, province or state, country, the spellings
-- seen, and how much evidence mentions it. The fact marts reference it by
-- organization_id (fct_agreements.university_organization_id, ...).
--
-- Attributes, first source that gives one:
--   type      reference universities table > partner_type stated by the facts
--             (most frequent) > the words of the name > 'other'
--   level     stated partner_type > the level word ending the name (governments)
--   province  reference table > the Chinese division the name is
--             ("Xiangtan City" -> Hunan) > stated partner_province (most
--             frequent) > its own name for a province-level government
--   country   reference table > 'CN' for a Chinese division or province >
--             the one country of the reference universities it works with

with

mentions as (

    select * from {{ ref('int_organization_mentions') }}

),

keys as (

    select * from {{ ref('int_organization_keys') }}

),

universities as (

    select
        {{ name_key('name') }} as organization_key,
        name,
        province,
        country,
        type as reference_type
    from {{ ref('universities') }}

),

divisions as (

    select
        {{ place_key('name') }} as place_key,
        province,
        level
    from {{ ref('divisions') }}

    union all

    select
        {{ place_key('alias') }},
        province,
        level
    from (
        select
            unnest(string_to_array(aliases, ';')) as alias,
            province,
            level
        from {{ ref('divisions') }}
        where aliases is not null
    ) as division_aliases

),

chinese_provinces as (

    select distinct
        {{ place_key('province') }} as province_key,
        province
    from {{ ref('divisions') }}

),

-- Not materialized: the five rollups below read it, and DuckDB otherwise
-- stores the whole join (a row per mention: 3.45 million at a million
-- agreements) to scan it five times; joining afresh in each is half the time.
-- PostgreSQL (12+) reads the same syntax.
keyed_mentions as not materialized (

    select
        keys.organization_id,
        keys.organization_key,
        mentions.*
    from mentions
    inner join keys using (name_key)

),

-- The rollups keep a count per candidate; `joined` picks the most mentioned with arg_min over a row key whose
-- last field is the value itself, so that a tie is broken by the value (two builds over the same facts choose
-- the same; arg_max over equal counts picks either).
spellings as (

    select
        organization_id,
        organization_name,
        count(*) as mention_count
    from keyed_mentions
    group by organization_id, organization_name

),

stated_types as (

    select
        organization_id,
        stated_partner_type,
        count(*) as mention_count
    from keyed_mentions
    where stated_partner_type is not null
    group by organization_id, stated_partner_type

),

stated_provinces as (

    select
        organization_id,
        stated_province,
        count(*) as mention_count
    from keyed_mentions
    where stated_province is not null
    group by organization_id, stated_province

),

counterpart_countries as (

    -- The countries of the reference universities an organisation is a
    -- counterpart of (agreements, platforms, funding).
    select
        keyed_mentions.organization_id,
        universities.country
    from keyed_mentions
    inner join keys as counterpart_keys
        on keyed_mentions.counterpart_key = counterpart_keys.name_key
    inner join universities
        on counterpart_keys.organization_key = universities.organization_key
    where universities.country is not null

),

rolled_up as (

    select
        keyed_mentions.organization_id,
        {{ any_value('keyed_mentions.organization_key') }} as organization_key,
        count(*) as mention_count,
        count(distinct keyed_mentions.document_id) as document_count,
        {{ sorted_list('keyed_mentions.mention_role') }} as mention_roles
    from keyed_mentions
    group by keyed_mentions.organization_id

),

division_matches as (

    select
        rolled_up.organization_id,
        case when count(distinct divisions.province) = 1 then min(divisions.province) end as division_province
    from rolled_up
    inner join divisions
        on divisions.place_key = {{ place_key(strip_level_word('rolled_up.organization_key')) }}
    group by rolled_up.organization_id

),

joined as (

    select
        rolled_up.organization_id,
        rolled_up.organization_key,
        coalesce(
            universities.name,
            (
                select
                    {{ arg_min(
                        's.organization_name',
                        'row(-s.mention_count, length(s.organization_name), s.organization_name)',
                    ) }}
                from spellings as s
                where s.organization_id = rolled_up.organization_id
            )
        ) as organization_name,
        universities.reference_type,
        -- the most frequent stated type; 'other' only when nothing else is stated
        (
            select
                {{ arg_min(
                    't.stated_partner_type',
                    "row(case when t.stated_partner_type <> 'other' then 0 else 1 end, "
                    ~ "-t.mention_count, t.stated_partner_type)",
                ) }}
            from stated_types as t
            where t.organization_id = rolled_up.organization_id
        ) as stated_partner_type,
        (
            select {{ arg_min('p.stated_province', 'row(-p.mention_count, p.stated_province)') }}
            from stated_provinces as p
            where p.organization_id = rolled_up.organization_id
        ) as stated_province,
        (
            select case when count(distinct c.country) = 1 then min(c.country) end
            from counterpart_countries as c
            where c.organization_id = rolled_up.organization_id
        ) as counterpart_country,
        universities.province as reference_province,
        universities.country as reference_country,
        division_matches.division_province,
        rolled_up.mention_count,
        rolled_up.document_count,
        rolled_up.mention_roles,
        (
            select {{ sorted_list('s.organization_name', distinct=false) }}
            from spellings as s
            where s.organization_id = rolled_up.organization_id
        ) as spellings
    from rolled_up
    left join universities using (organization_key)
    left join division_matches using (organization_id)

),

typed as (

    select
        *,
        -- a stated 'other' says less than the name's words
        case
            when reference_type is not null
                then
                    case when reference_type = 'university' then 'university' else 'research_institute' end
            when stated_partner_type <> 'other' then {{ organization_type_from_partner_type('stated_partner_type') }}
            else coalesce({{ organization_type_from_name('organization_key') }}, 'other')
        end as organization_type,
        case
            when reference_type is not null then 'reference'
            when stated_partner_type <> 'other' then 'stated'
            when {{ organization_type_from_name('organization_key') }} is not null then 'name'
            when stated_partner_type = 'other' then 'stated'
        end as organization_type_basis,
        coalesce(
            {{ administrative_level_from_partner_type('stated_partner_type') }},
            case when reference_type is null then {{ administrative_level_from_name('organization_key') }} end
        ) as stated_or_named_level,
        coalesce(
            reference_province,
            division_province,
            stated_province,
            -- a province-level government outside China (a US state is partner_type province)
            case when {{ administrative_level_from_partner_type('stated_partner_type') }} = 'province'
                    then regexp_replace(
                            (
                                select
                                    {{ arg_min(
                                        's.organization_name',
                                        'row(-s.mention_count, length(s.organization_name), s.organization_name)',
                                    ) }}
                                from spellings as s
                                where s.organization_id = joined.organization_id
                            ),
                            '\s+(Province|State)$', ''
                        )
            end
        ) as found_province
    from joined

),

final as (

    select
        organization_id,
        organization_key,
        organization_name,
        organization_type,
        organization_type_basis,
        case when organization_type in ('government', 'agency') then stated_or_named_level end
            as administrative_level,
        found_province as province,
        -- province_key below is the subquery's own column
        -- noqa: disable=RF02
        case
            when reference_country is not null then reference_country
            when division_province is not null then 'CN'
            when found_province is not null
                and {{ place_key('found_province') }} in (select province_key from chinese_provinces) then 'CN'
            else counterpart_country
        end as country_code,
        case
            when reference_country is not null then 'reference'
            when division_province is not null then 'divisions'
            when found_province is not null
                and {{ place_key('found_province') }} in (select province_key from chinese_provinces) then 'province'
            when counterpart_country is not null then 'counterpart_universities'
        end as country_basis,
        -- noqa: enable=RF02
        reference_type is not null as is_reference_university,
        nullif(array_to_string({{ list_without('spellings', 'organization_name') }}, '; '), '') as aliases_seen,
        array_to_string(mention_roles, ', ') as mention_roles,
        mention_count,
        document_count
    from typed

)

select * from final
