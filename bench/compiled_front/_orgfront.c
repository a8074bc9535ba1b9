/* A prototype compiled front end for orgspec: lark's terminals as one DFA, lark's LALR table, C node builders.
 *
 * The tables (character classes, the DFA, the parse table, the rules) are generated from grammar.lark
 * through lark by gen_tables.py into _orgfront_tables.h; this file is the engine that reads them, and
 * the three node builders of orgspec.syntax.nodes (start, stmt, block), which are orgspec's, not
 * lark's. It builds exactly the tuples the statement-shape loop builds (orgspec.syntax.shape), and
 * returns None on any doubt (a backslash anywhere, a character no terminal matches, a token the
 * table does not allow), where the caller hands the text to the pure Python readers.
 *
 * Module functions:
 *   configure(Arg, Stmt, Comment, args)  args: {terminal: (kind, drop_left, drop_right, intern)}
 *   parse(text) -> (statements, comments) | None
 *   tokens(text) -> [(terminal, start, end), ...] | None   (ignored terminals dropped; no backslash rule)
 *   scan(text) -> number of tokens, or -1                  (the lexer alone, no objects)
 *   terminals() -> the terminal names, in lark's order
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_orgfront_tables.h"

#define KIND_STMT (-1)
#define KIND_BLOCK (-2)

typedef struct {
    PyObject *obj; /* a new reference, or NULL for a token */
    int kind;      /* >= 0: a token of that terminal; KIND_STMT; KIND_BLOCK (obj: tuple of statements) */
    Py_ssize_t start, end;
} Item;

typedef struct {
    int state;
    Py_ssize_t nitems; /* items this symbol left on the item stack (a spliced rule leaves its children) */
} Frame;

static PyTypeObject *arg_type, *stmt_type, *comment_type;
static PyObject *arg_kind[OF_NTERMS];
static int arg_left[OF_NTERMS], arg_right[OF_NTERMS], arg_intern[OF_NTERMS];

static inline int
lowest_bit(unsigned int m)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctz(m);
#else
    int i = 0;
    while (!(m & 1u)) {
        m >>= 1;
        i++;
    }
    return i;
#endif
}

static inline int
class_of(Py_UCS4 c)
{
    if (c < 128)
        return of_ascii_class[c];
    if (c < 0x10000)
        return of_bmp_classes[(unsigned)of_bmp_block[c >> 8] * 256u + (c & 255u)];
    {
        int lo = 0, hi = OF_NASTRAL - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (of_astral_lo[mid] <= c)
                lo = mid;
            else
                hi = mid - 1;
        }
        return of_astral_class[lo];
    }
}

/* Read one token at pos, as Python's ordered alternation of lark's terminals does: the first terminal
 * (in lark's order) that matches at all, with its longest match whose lookahead holds. Returns the
 * terminal and sets *end, or -1 when no terminal matches. */
static inline int
scan_one(int ukind, const void *data, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t *end)
{
    unsigned int s = 1, found = 0;
    Py_ssize_t q = pos;
    Py_ssize_t last[OF_NTERMS];
    int c = q < n ? class_of(PyUnicode_READ(ukind, data, q)) : OF_END_CLASS;
    for (;;) {
        unsigned int m = of_accept_mask[s];
        while (m) {
            int t = lowest_bit(m);
            m &= m - 1;
            if (of_lookahead_ok[t * (OF_NCLASSES + 1) + c]) {
                last[t] = q;
                found |= 1u << t;
            }
        }
        if (c == OF_END_CLASS)
            break;
        s = of_dfa[s * OF_NCLASSES + (unsigned)c];
        if (!s)
            break;
        q++;
        c = q < n ? class_of(PyUnicode_READ(ukind, data, q)) : OF_END_CLASS;
    }
    if (!found)
        return -1;
    {
        int t = lowest_bit(found);
        *end = last[t];
        return t;
    }
}

/* ---- node builders (orgspec.syntax.nodes) ---------------------------------------------------- */

static PyObject *
new_node(PyTypeObject *type, Py_ssize_t n)
{
    /* A tuple subclass with __slots__ = (): what tuple.__new__(type, (…)) makes, without the argument tuple. */
    return type->tp_alloc(type, n);
}

static PyObject *
make_arg(PyObject *text, const Item *tok)
{
    int t = tok->kind;
    PyObject *value, *start, *end, *node;
    if (arg_kind[t] == NULL) {
        PyErr_Format(PyExc_RuntimeError, "terminal %s is not an argument", of_term_names[t]);
        return NULL;
    }
    value = PyUnicode_Substring(text, tok->start + arg_left[t], tok->end - arg_right[t]);
    if (value == NULL)
        return NULL;
    if (arg_intern[t])
        PyUnicode_InternInPlace(&value);
    start = PyLong_FromSsize_t(tok->start);
    end = PyLong_FromSsize_t(tok->end);
    node = (start && end) ? new_node(arg_type, 4) : NULL;
    if (node == NULL) {
        Py_DECREF(value);
        Py_XDECREF(start);
        Py_XDECREF(end);
        return NULL;
    }
    Py_INCREF(arg_kind[t]);
    PyTuple_SET_ITEM(node, 0, arg_kind[t]);
    PyTuple_SET_ITEM(node, 1, value);
    PyTuple_SET_ITEM(node, 2, start);
    PyTuple_SET_ITEM(node, 3, end);
    return node;
}

static int
build_start(Item *kids, Py_ssize_t n, Item *out)
{
    PyObject *tuple = PyTuple_New(n);
    if (tuple == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_INCREF(kids[i].obj);
        PyTuple_SET_ITEM(tuple, i, kids[i].obj);
    }
    out->obj = tuple;
    out->kind = KIND_STMT; /* not a statement; only ever the result */
    out->start = 0;
    out->end = 0;
    return 0;
}

static int
build_block(Item *kids, Py_ssize_t n, Item *out)
{
    PyObject *tuple = PyTuple_New(n - 2);
    if (tuple == NULL)
        return -1;
    for (Py_ssize_t i = 1; i < n - 1; i++) {
        Py_INCREF(kids[i].obj);
        PyTuple_SET_ITEM(tuple, i - 1, kids[i].obj);
    }
    out->obj = tuple;
    out->kind = KIND_BLOCK;
    out->start = kids[0].start;
    out->end = kids[n - 1].end;
    return 0;
}

static int
build_stmt(PyObject *text, Item *kids, Py_ssize_t n, Item *out)
{
    int has_block = kids[n - 1].kind == KIND_BLOCK;
    Py_ssize_t nargs = n - 1 - has_block, stop;
    PyObject *keyword = NULL, *args = NULL, *node = NULL, *kw_start = NULL, *kw_end = NULL, *end = NULL;
    keyword = PyUnicode_Substring(text, kids[0].start, kids[0].end);
    if (keyword == NULL)
        goto error;
    PyUnicode_InternInPlace(&keyword);
    args = PyTuple_New(nargs);
    if (args == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *arg = make_arg(text, &kids[1 + i]);
        if (arg == NULL)
            goto error;
        PyTuple_SET_ITEM(args, i, arg);
    }
    stop = has_block ? kids[n - 1].end : (nargs ? kids[nargs].end : kids[0].end);
    kw_start = PyLong_FromSsize_t(kids[0].start);
    kw_end = PyLong_FromSsize_t(kids[0].end);
    end = PyLong_FromSsize_t(stop);
    if (kw_start == NULL || kw_end == NULL || end == NULL)
        goto error;
    node = new_node(stmt_type, 7);
    if (node == NULL)
        goto error;
    PyTuple_SET_ITEM(node, 0, keyword);
    PyTuple_SET_ITEM(node, 1, kw_start);
    PyTuple_SET_ITEM(node, 2, kw_end);
    PyTuple_SET_ITEM(node, 3, args);
    if (has_block) {
        Py_INCREF(kids[n - 1].obj);
        PyTuple_SET_ITEM(node, 4, kids[n - 1].obj);
    }
    else {
        Py_INCREF(Py_None);
        PyTuple_SET_ITEM(node, 4, Py_None);
    }
    Py_INCREF(kw_start);
    PyTuple_SET_ITEM(node, 5, kw_start);
    PyTuple_SET_ITEM(node, 6, end);
    out->obj = node;
    out->kind = KIND_STMT;
    out->start = kids[0].start;
    out->end = stop;
    return 0;
error:
    Py_XDECREF(keyword);
    Py_XDECREF(args);
    Py_XDECREF(kw_start);
    Py_XDECREF(kw_end);
    Py_XDECREF(end);
    return -1;
}

/* The comments inside one separator token (``#`` to the end of its line), as orgspec.syntax.parser collects them. */
static int
collect_comments(PyObject *text, int ukind, const void *data, Py_ssize_t pos, Py_ssize_t end, PyObject *comments)
{
    Py_ssize_t i = pos;
    while (i < end) {
        if (PyUnicode_READ(ukind, data, i) != '#') {
            i++;
            continue;
        }
        Py_ssize_t j = i;
        while (j < end) {
            Py_UCS4 ch = PyUnicode_READ(ukind, data, j);
            if (ch == '\n' || ch == '\r')
                break;
            j++;
        }
        PyObject *body = PyUnicode_Substring(text, i, j);
        PyObject *a = PyLong_FromSsize_t(i), *b = PyLong_FromSsize_t(j);
        PyObject *node = (body && a && b) ? new_node(comment_type, 3) : NULL;
        if (node == NULL) {
            Py_XDECREF(body);
            Py_XDECREF(a);
            Py_XDECREF(b);
            return -1;
        }
        PyTuple_SET_ITEM(node, 0, body);
        PyTuple_SET_ITEM(node, 1, a);
        PyTuple_SET_ITEM(node, 2, b);
        int rc = PyList_Append(comments, node);
        Py_DECREF(node);
        if (rc < 0)
            return -1;
        i = j;
    }
    return 0;
}

/* ---- the LALR loop ----------------------------------------------------------------------------- */

typedef struct {
    Frame *frames;
    Py_ssize_t nframes, frames_cap;
    Item *items;
    Py_ssize_t nitems, items_cap;
} Stacks;

static int
push_frame(Stacks *st, int state, Py_ssize_t nitems)
{
    if (st->nframes == st->frames_cap) {
        Py_ssize_t cap = st->frames_cap ? st->frames_cap * 2 : 256;
        Frame *grown = PyMem_Realloc(st->frames, (size_t)cap * sizeof(Frame));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        st->frames = grown;
        st->frames_cap = cap;
    }
    st->frames[st->nframes].state = state;
    st->frames[st->nframes].nitems = nitems;
    st->nframes++;
    return 0;
}

static int
push_item(Stacks *st, PyObject *obj, int kind, Py_ssize_t start, Py_ssize_t end)
{
    if (st->nitems == st->items_cap) {
        Py_ssize_t cap = st->items_cap ? st->items_cap * 2 : 256;
        Item *grown = PyMem_Realloc(st->items, (size_t)cap * sizeof(Item));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        st->items = grown;
        st->items_cap = cap;
    }
    Item *it = &st->items[st->nitems++];
    it->obj = obj;
    it->kind = kind;
    it->start = start;
    it->end = end;
    return 0;
}

static void
release(Stacks *st)
{
    for (Py_ssize_t i = 0; i < st->nitems; i++)
        Py_XDECREF(st->items[i].obj);
    PyMem_Free(st->items);
    PyMem_Free(st->frames);
}

static PyObject *
of_parse(PyObject *self, PyObject *text)
{
    Stacks st = {NULL, 0, 0, NULL, 0, 0};
    PyObject *comments = NULL, *result = NULL;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "parse() takes a str");
        return NULL;
    }
    if (arg_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "call configure() first");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t slash = PyUnicode_FindChar(text, '\\', 0, n, 1);
    if (slash == -2)
        return NULL;
    if (slash >= 0)
        Py_RETURN_NONE; /* an escape may be reported (OS107): the pure readers keep lark's order */
    int ukind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    comments = PyList_New(0);
    if (comments == NULL || push_frame(&st, OF_START_STATE, 0) < 0)
        goto error;
    Py_ssize_t pos = 0;
    for (;;) {
        int t;
        Py_ssize_t end = pos;
        if (pos >= n) {
            t = OF_END_TERM;
        }
        else {
            t = scan_one(ukind, data, n, pos, &end);
            if (t < 0)
                goto doubt;
            if (of_ignore[t]) {
                pos = end;
                continue;
            }
            if (t == OF_HOOK_TERM && collect_comments(text, ukind, data, pos, end, comments) < 0)
                goto error;
        }
        for (;;) {
            int a = of_action[st.frames[st.nframes - 1].state * (OF_NTERMS + 1) + t];
            if (a == 0)
                goto doubt;
            if (a > 0) {
                if (t == OF_END_TERM)
                    goto doubt; /* lark's tables accept by a goto, never by shifting the end */
                if (of_keep[t]) {
                    if (push_item(&st, NULL, t, pos, end) < 0 || push_frame(&st, a - 1, 1) < 0)
                        goto error;
                }
                else if (push_frame(&st, a - 1, 0) < 0)
                    goto error;
                break;
            }
            int r = -a - 1, size = of_rule_size[r], builder = of_rule_builder[r];
            Py_ssize_t total = 0, made = 1;
            for (int i = 1; i <= size; i++)
                total += st.frames[st.nframes - i].nitems;
            st.nframes -= size;
            if (builder == 0) {
                made = total; /* a spliced rule (_rule, __x_star_n): its children stay where they are */
            }
            else {
                Item out;
                Item *kids = st.items + st.nitems - total;
                int rc = builder == 1   ? build_start(kids, total, &out)
                         : builder == 2 ? build_stmt(text, kids, total, &out)
                                        : build_block(kids, total, &out);
                if (rc < 0)
                    goto error;
                for (Py_ssize_t i = 0; i < total; i++)
                    Py_XDECREF(kids[i].obj);
                st.nitems -= total;
                if (push_item(&st, out.obj, out.kind, out.start, out.end) < 0) {
                    Py_DECREF(out.obj);
                    goto error;
                }
            }
            int g = of_goto[st.frames[st.nframes - 1].state * OF_NNONTERMS + of_rule_origin[r]];
            if (g < 0)
                goto doubt; /* pragma: not reached with lark's tables */
            if (g == OF_END_STATE) {
                Item *top = &st.items[st.nitems - 1];
                PyObject *found = PyList_AsTuple(comments);
                if (found == NULL)
                    goto error;
                result = PyTuple_Pack(2, top->obj, found);
                Py_DECREF(found);
                if (result == NULL)
                    goto error;
                goto done;
            }
            if (push_frame(&st, g, made) < 0)
                goto error;
        }
        pos = end;
    }
doubt:
    Py_INCREF(Py_None);
    result = Py_None;
done:
    release(&st);
    Py_DECREF(comments);
    return result;
error:
    release(&st);
    Py_XDECREF(comments);
    return NULL;
}

/* ---- the lexer alone --------------------------------------------------------------------------- */

static PyObject *
of_tokens(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "tokens() takes a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), pos = 0, end = 0;
    int ukind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    while (pos < n) {
        int t = scan_one(ukind, data, n, pos, &end);
        if (t < 0) {
            Py_DECREF(out);
            Py_RETURN_NONE;
        }
        if (!of_ignore[t]) {
            PyObject *tok = Py_BuildValue("(snn)", of_term_names[t], pos, end);
            if (tok == NULL || PyList_Append(out, tok) < 0) {
                Py_XDECREF(tok);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(tok);
        }
        pos = end;
    }
    return out;
}

static PyObject *
of_scan(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "scan() takes a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), pos = 0, end = 0, count = 0;
    int ukind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    while (pos < n) {
        int t = scan_one(ukind, data, n, pos, &end);
        if (t < 0)
            return PyLong_FromLong(-1);
        count += !of_ignore[t];
        pos = end;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
of_terminals(PyObject *self, PyObject *unused)
{
    PyObject *out = PyTuple_New(OF_NTERMS);
    if (out == NULL)
        return NULL;
    for (int i = 0; i < OF_NTERMS; i++) {
        PyObject *name = PyUnicode_FromString(of_term_names[i]);
        if (name == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(out, i, name);
    }
    return out;
}

static PyObject *
of_configure(PyObject *self, PyObject *args)
{
    PyObject *arg_t, *stmt_t, *comment_t, *kinds;
    if (!PyArg_ParseTuple(args, "O!O!O!O!", &PyType_Type, &arg_t, &PyType_Type, &stmt_t, &PyType_Type, &comment_t,
                          &PyDict_Type, &kinds))
        return NULL;
    for (PyObject *const *type = (PyObject *const[]){arg_t, stmt_t, comment_t, NULL}; *type; type++) {
        if (!PyType_IsSubtype((PyTypeObject *)*type, &PyTuple_Type)) {
            PyErr_SetString(PyExc_TypeError, "the node types must be tuple subclasses");
            return NULL;
        }
    }
    for (int i = 0; i < OF_NTERMS; i++) {
        PyObject *spec = PyDict_GetItemString(kinds, of_term_names[i]);
        Py_CLEAR(arg_kind[i]);
        if (spec == NULL)
            continue;
        PyObject *kind;
        if (!PyArg_ParseTuple(spec, "Oiip", &kind, &arg_left[i], &arg_right[i], &arg_intern[i]))
            return NULL;
        Py_INCREF(kind);
        arg_kind[i] = kind;
    }
    Py_INCREF(arg_t);
    Py_INCREF(stmt_t);
    Py_INCREF(comment_t);
    Py_XSETREF(arg_type, (PyTypeObject *)arg_t);
    Py_XSETREF(stmt_type, (PyTypeObject *)stmt_t);
    Py_XSETREF(comment_type, (PyTypeObject *)comment_t);
    Py_RETURN_NONE;
}

static PyMethodDef of_methods[] = {
    {"configure", of_configure, METH_VARARGS, "configure(Arg, Stmt, Comment, {terminal: (kind, left, right, intern)})"},
    {"parse", of_parse, METH_O, "parse(text) -> (statements, comments), or None on any doubt"},
    {"tokens", of_tokens, METH_O, "tokens(text) -> [(terminal, start, end)], or None if a character matches nothing"},
    {"scan", of_scan, METH_O, "scan(text) -> the number of tokens, or -1 (the lexer alone)"},
    {"terminals", of_terminals, METH_NOARGS, "terminals() -> the terminal names in lark's order"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef of_module = {
    PyModuleDef_HEAD_INIT, "_orgfront", "orgspec's compiled front end (a prototype; see gen_tables.py)", -1, of_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__orgfront(void)
{
    return PyModule_Create(&of_module);
}
