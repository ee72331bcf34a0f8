"""Where the rules live: ``models/`` at the repository root, shipped inside the wheel.

Found with :mod:`importlib.resources`, so ``pip install .`` works outside the checkout (in a
source checkout ``src/coopextract/models`` is a symlink to ``models/``). Set
``COOPEXTRACT_MODELS`` to use another directory of rules.
"""

import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path


def models_dir() -> Path:
    override = os.environ.get("COOPEXTRACT_MODELS")
    if override:
        return Path(override)
    return _installed_models()


@lru_cache(maxsize=1)
def _installed_models() -> Path:
    # The package does not move while the process runs; importlib.resources costs ~30 µs a
    # call, and rule files are looked up per paragraph.
    return Path(str(files("coopextract") / "models"))


def models_path(name: str, base=None) -> Path:
    """``name`` in the rules folder ``base`` (default: :func:`models_dir`), which must hold it."""
    folder = base or os.environ.get("COOPEXTRACT_MODELS") or None
    return _models_path(name, None if folder is None else str(folder))


@lru_cache(maxsize=256)
def _models_path(name: str, folder) -> Path:
    # Rule files are looked up per paragraph: a path found once is not joined and looked for
    # again (a file missing is, each time).
    path = (Path(folder) if folder else _installed_models()) / name
    if not path.exists():
        from coopextract.errors import ModelsError

        raise ModelsError(f"{path}: missing rule file; reinstall coopextract or set COOPEXTRACT_MODELS")
    return path
