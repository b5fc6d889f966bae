"""Training of the extractor's learned parts from gold annotations (plain Python; scikit-learn, the ``train`` extra)."""
