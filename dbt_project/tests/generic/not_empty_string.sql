{# Fails on values that are empty or only whitespace (nulls pass). #}
{% test not_empty_string(model, column_name) %}

select *
from {{ model }}
where {{ column_name }} is not null
    and trim({{ column_name }}) = ''

{% endtest %}
