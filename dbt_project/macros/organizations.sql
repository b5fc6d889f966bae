{#
  Classifying organisations (dim_organizations). An organisation's type comes,
  in this order, from the reference universities table, from the partner_type
  the facts state, or from the words of its canonical name; its administrative
  level likewise from the stated partner_type, else from the level word of its
  name ("<Place> <Level>", shared/spec/facts.md "Canonical names").
  The types: university, research_institute, government, agency, zone,
  company, other.
#}

{% macro organization_types() -%}
    {{ return(['university', 'research_institute', 'government', 'agency', 'zone', 'company', 'other']) }}
{%- endmacro %}

{% macro administrative_levels() -%}
    {{ return(['national', 'province', 'prefecture', 'city', 'county', 'district']) }}
{%- endmacro %}

{# A stated partner_type (spec enumeration) as an organisation type. #}
{% macro organization_type_from_partner_type(column) -%}
    case
        when {{ column }} in ('province', 'city', 'county', 'district', 'prefecture') then 'government'
        when {{ column }} in ('ministry', 'government_agency') then 'agency'
        when {{ column }} = 'development_zone' then 'zone'
        when {{ column }} = 'enterprise' then 'company'
        when {{ column }} in ('university', 'research_institute') then {{ column }}
        when {{ column }} = 'other' then 'other'
    end
{%- endmacro %}

{#
  The type its name's words suggest, from a name key (macro name_key: lower
  case, punctuation as spaces); null when no word decides. Agencies are
  tested before governments ("Hunan Provincial Department of Education" is an
  agency), zones before companies.
#}
{% macro organization_type_from_name(key) -%}
    case
        when {{ regex_search(key, '\\b(university|universities|college|polytechnic)\\b') }}
            and not {{ regex_search(key, '\\b(co|ltd|limited|inc|company|hospital)\\b') }} then 'university'
        when {{ regex_search(key, '\\b(academy|institute|laboratory|laboratories)\\b') }}
            and not {{ regex_search(key, '\\b(co|ltd|limited|inc|company)\\b') }} then 'research_institute'
        when {{ regex_search(key, '\\b(ministry|department|bureau|commission|agency|administration|foundation|authority|office|council of)\\b') }}
            then 'agency'
        when {{ regex_search(key, '\\b(province|provincial|autonomous region|city|municipal|municipality|county|district|prefecture|government|borough|council|state of|league)\\b') }}
            then 'government'
        when {{ regex_search(key, '\\b(zone|new area|industrial park|science park|high tech park|economic and technological development)\\b') }}
            then 'zone'
        when {{ regex_search(key, '\\b(co|ltd|limited|inc|corp|corporation|company|group|plc|holdings|llc|gmbh|ag|bank|technologies|technology co)\\b') }}
            then 'company'
    end
{%- endmacro %}

{# A stated partner_type as an administrative level (governments and ministries only). #}
{% macro administrative_level_from_partner_type(column) -%}
    case
        when {{ column }} in ('province', 'prefecture', 'city', 'county', 'district') then {{ column }}
        when {{ column }} = 'ministry' then 'national'
    end
{%- endmacro %}

{# The level word that ends a canonical government name ("Xiangtan City" -> city). #}
{% macro administrative_level_from_name(key) -%}
    case
        when {{ regex_search(key, '\\b(province|autonomous region)$') }} then 'province'
        when {{ regex_search(key, '\\b(prefecture|league)$') }} then 'prefecture'
        when {{ regex_search(key, '\\bcity$') }} then 'city'
        when {{ regex_search(key, '\\bcounty$') }} then 'county'
        when {{ regex_search(key, '\\bdistrict$') }} then 'district'
        when {{ regex_search(key, '^ministry of\\b') }} then 'national'
    end
{%- endmacro %}

{#
  A place's matching key: lower case without spaces, hyphens and apostrophes
  ("Xi'an" = "Xian", "Shi Jiazhuang" = "Shijiazhuang"), as
  pipelines/reference/divisions.py compares names.
#}
{% macro place_key(column) -%}
    nullif({{ regex_replace('lower(trim(' ~ column ~ '))', "[\\s\\-''’‘`]", '') }}, '')
{%- endmacro %}

{# A government name key without its level word: "xiangtan city" -> "xiangtan", "guangxi zhuang autonomous region"
   -> "guangxi" (an autonomous region's official name carries its people's name before the level). #}
{% macro strip_level_word(key) -%}
    trim({{ regex_replace(key,
        '(\\s+(zhuang|hui|uygur|uyghur))?\\s+(province|autonomous region|prefecture|autonomous prefecture|league|city|county|district|municipality|sar)$', '') }})
{%- endmacro %}

{#
  The organisation id of a name key: left-join int_organization_keys on
  name_key and take its organization_id. Emits the join; the caller selects
  <alias>.organization_id.
#}
{% macro join_organization(alias, key_expression) -%}
    left join {{ ref('int_organization_keys') }} as {{ alias }}
        on {{ alias }}.name_key = {{ key_expression }}
{%- endmacro %}
