{#
  A fact's evidence must be the document text between its offsets
  (text[evidence_start:evidence_end] in Python, character offsets): a fact
  that cannot be traced back to its sentence is not a fact. Facts whose
  document holds no text are skipped.
#}
{% test evidence_matches_document(model, column_name, documents, document_text='document_text') %}

select f.*
from {{ model }} as f
join {{ documents }} as d
    on d.document_id = f.document_id
where d.{{ document_text }} is not null
    and (
        f.evidence_start is null
        or f.evidence_end is null
        or substr(d.{{ document_text }}, f.evidence_start + 1, f.evidence_end - f.evidence_start)
            is distinct from f.{{ column_name }}
    )

{% endtest %}
