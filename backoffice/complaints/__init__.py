"""Loopbaancheque complaints (seed 003): the register of mandated centres, the intake draft, the
preliminary assessment against the definition, the handler's decision and the per-centre analysis."""
