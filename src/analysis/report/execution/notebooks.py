"""The notebooks as papermill runs them: read from their text form (jupytext py:percent) into a
notebook with the project kernel and stable cell ids, so two builds give the same bytes."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from ... import paths

KERNELSPEC = {"display_name": f"Python ({paths.KERNEL_NAME})", "language": "python", "name": paths.KERNEL_NAME}


@cache
def _read(path: Path, mtime_ns: int):
    import jupytext
    notebook = jupytext.read(path, fmt="py:percent")
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata.pop("jupytext", None)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{path.stem}-{index}"
    return notebook


def read_notebook(path: Path):
    """A fresh copy of the notebook at `path` (a `.py` text notebook)."""
    import copy
    return copy.deepcopy(_read(Path(path), Path(path).stat().st_mtime_ns))


def parameters_source(path: Path) -> str | None:
    """The source of the cell tagged `parameters`, or None when the notebook has none."""
    for cell in _read(Path(path), Path(path).stat().st_mtime_ns).cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return cell["source"]
    return None


def write_ipynb(path: Path, target: Path | None = None) -> Path:
    """Write the `.ipynb` form of a text notebook (for JupyterLab, papermill or nbconvert run by hand)."""
    import nbformat

    from ...files import write_if_changed
    target = target or Path(path).with_suffix(".ipynb")
    write_if_changed(target, nbformat.writes(read_notebook(path)))
    return target
