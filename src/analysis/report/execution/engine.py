"""A papermill engine that runs a notebook's cells in the current Python process.

Papermill's engines are its hook for other ways of executing; this one runs each code cell in
a fresh IPython shell of the calling process and records the same outputs a kernel would send
(streams, rich displays, results, errors). The report runner calls it in a process forked from
one that has imported the stack but run no notebook, so every notebook starts clean and starts
fast. Notebooks run by hand (papermill's CLI, `jupyter nbconvert --execute`, JupyterLab) still
use the project kernel.
"""
from __future__ import annotations

import traceback

import nbformat
from papermill.engines import Engine, papermill_engines

ENGINE_NAME = "gwangju-inprocess"


def _shell():
    """A new IPython shell with no history database (several run at once) and inline figures,
    never one an earlier notebook in this process used."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    class QuietDisplayHook(DisplayHook):
        """A cell's value becomes its execute_result (see _outputs), never an `Out[n]:` line on stdout."""

        def write_output_prompt(self):
            return None

        def write_format_data(self, format_dict, md_dict=None):
            return None

    class Shell(InteractiveShell):
        displayhook_class = QuietDisplayHook

        def enable_gui(self, gui=None):  # inline figures need no event loop
            return None

    config = Config()
    config.HistoryManager.enabled = False
    InteractiveShell.clear_instance()  # IPython's shell is a singleton: each notebook gets a new one
    shell = Shell.instance(config=config)
    shell.enable_matplotlib("inline")
    return shell


def _outputs(captured, result, shell) -> list:
    outputs = []
    if captured.stdout:
        outputs.append(nbformat.v4.new_output("stream", name="stdout", text=captured.stdout))
    if captured.stderr:
        outputs.append(nbformat.v4.new_output("stream", name="stderr", text=captured.stderr))
    for rich in captured.outputs:
        outputs.append(nbformat.v4.new_output("display_data", data=rich.data, metadata=rich.metadata or {}))
    if result.result is not None:
        data, metadata = shell.display_formatter.format(result.result)
        outputs.append(nbformat.v4.new_output("execute_result", data=data, metadata=metadata,
                                              execution_count=result.execution_count))
    return outputs


def _error(exception: BaseException) -> dict:
    lines = traceback.format_exception(type(exception), exception, exception.__traceback__)
    return nbformat.v4.new_output("error", ename=type(exception).__name__, evalue=str(exception),
                                  traceback=[line.rstrip("\n") for line in lines])


class InProcessEngine(Engine):
    """Executes code cells in order in one fresh shell; stops at the first error, as nbclient does."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        from IPython.utils.capture import capture_output

        shell = _shell()
        for index, cell in enumerate(nb_man.nb.cells):
            if cell.cell_type != "code":
                continue
            nb_man.cell_start(cell, index)
            with capture_output() as captured:
                result = shell.run_cell(cell.source, store_history=True, silent=False)
            cell.execution_count = result.execution_count
            cell.outputs = _outputs(captured, result, shell)
            failure = result.error_before_exec or result.error_in_exec
            if failure is not None:
                cell.outputs.append(_error(failure))
                nb_man.cell_exception(cell, cell_index=index)
                nb_man.cell_complete(cell, cell_index=index)
                break
            nb_man.cell_complete(cell, cell_index=index)


papermill_engines.register(ENGINE_NAME, InProcessEngine)
