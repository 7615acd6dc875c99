/* detwasm: the interpreter's door to detwasm's model checker.
 *
 *   detwasm.select(n)    -> wasi.model_checker_select(n): a value in [0, n) that `detwasm check`
 *                           explores (every value, over the runs); `detwasm run` chooses 0
 *                           (a seeded random value under --schedule random). The interpreter
 *                           lock is released around it, so that other threads may run there.
 *   detwasm.must_reach() -> wasi.must_reach_underlying(file, line, 0) with the calling Python
 *                           frame's file and line: `detwasm check` fails when no run reaches it
 *
 * Built into python.wasm by Setup.local. The two imports exist only under detwasm: this
 * interpreter does not start under another WASI runtime unless it provides them. */
#define PY_SSIZE_T_CLEAN
#include "Python.h"
#include "frameobject.h"

__attribute__((import_module("wasi"), import_name("model_checker_select")))
unsigned model_checker_select(unsigned n);

__attribute__((import_module("wasi"), import_name("must_reach_underlying")))
void must_reach_underlying(const char *file, int line, int column);

static PyObject *
detwasm_select(PyObject *module, PyObject *arg)
{
    unsigned long n = PyLong_AsUnsignedLong(arg);
    if (n == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 1 || n > 0x7FFFFFFFUL) {
        PyErr_Format(PyExc_ValueError, "select(n) needs 1 <= n < 2**31, got %lu", n);
        return NULL;
    }
    unsigned chosen;
    Py_BEGIN_ALLOW_THREADS
    chosen = model_checker_select((unsigned)n);
    Py_END_ALLOW_THREADS
    return PyLong_FromUnsignedLong(chosen);
}

static PyObject *
detwasm_must_reach(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyFrameObject *frame = PyEval_GetFrame();
    if (frame == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "must_reach() needs a calling Python frame");
        return NULL;
    }
    Py_INCREF(frame);
    PyCodeObject *code = PyFrame_GetCode(frame);
    int line = PyFrame_GetLineNumber(frame);
    const char *file = PyUnicode_AsUTF8(code->co_filename);
    if (file != NULL) {
        must_reach_underlying(file, line, 0);
    }
    Py_DECREF(code);
    Py_DECREF(frame);
    if (file == NULL) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef detwasm_methods[] = {
    {"select", detwasm_select, METH_O,
     "select(n) -> int in [0, n): a choice that detwasm check explores (0 under detwasm run)."},
    {"must_reach", detwasm_must_reach, METH_NOARGS,
     "must_reach(): declare this file and line a site that some run of detwasm check must reach."},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef_Slot detwasm_slots[] = {
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef detwasm_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "detwasm",
    .m_doc = "Model checker choices and must-reach sites, for Python under detwasm.",
    .m_size = 0,
    .m_methods = detwasm_methods,
    .m_slots = detwasm_slots,
};

PyMODINIT_FUNC
PyInit_detwasm(void)
{
    return PyModuleDef_Init(&detwasm_module);
}
