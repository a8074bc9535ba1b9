"""Model and syntax tree to text: the canonical printer and the model unlowering.

Imports: :mod:`orgspec.syntax.nodes`, :mod:`orgspec.model`.
"""
