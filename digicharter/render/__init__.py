"""The renderers: one module per output, each with its templates under templates/<output>/."""
