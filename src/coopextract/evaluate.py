"""Gold vs predicted → P/R/F1 per field (stub)."""


def run_evaluate(gold, raw, as_json=False, show_errors=False) -> str:
    return "evaluation not implemented yet\n"
