// SPDX-License-Identifier: Apache-2.0
// numpy glue shared by the batch bindings: handing C++ result vectors to numpy without copying,
// reading numpy arrays in place, and the `answer` caster (None/NaN, a number, or text).
#pragma once

#include <pybind11/numpy.h>

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <theracore/instruments/batch_view.hpp>
#include <theracore/instruments/responses.hpp>

#include "common.hpp"

namespace theracore::python {

/// A 1-D numpy array that owns `v`'s buffer (moved, not copied), viewed as elements of `U`
/// (an enum column as its underlying integer, a 0/1 byte column as bool).
template <class U, class T>
py::array_t<U> take(std::vector<T>&& v) {
    static_assert(sizeof(U) == sizeof(T), "a view must keep the element size");
    auto* heap = new std::vector<T>(std::move(v));
    py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    const auto n = static_cast<py::ssize_t>(heap->size());
    return py::array_t<U>({n}, {static_cast<py::ssize_t>(sizeof(U))},
                          reinterpret_cast<const U*>(heap->data()), owner);
}

template <class T>
py::array_t<T> take(std::vector<T>&& v) {
    return take<T, T>(std::move(v));
}

/// The batch element type of a numpy dtype. Raises TypeError for anything but native-order
/// floats and integers (bool, object, string and date columns are not answers).
instruments::element_type element_type_of(const py::dtype& dt, const std::string& what);

/// One column view of a 1-D array, or of column `j` of a 2-D array; the array must outlive it.
instruments::column_view column_of(const py::array& a, const std::string& what);

}  // namespace theracore::python

namespace pybind11::detail {

/// instruments::answer <-> None (missing), a number (NaN is missing) or str (text, which
/// scoring reports as not a number). bool is refused: True is not an answer.
template <>
struct type_caster<theracore::instruments::answer> {
    PYBIND11_TYPE_CASTER(theracore::instruments::answer, const_name("Optional[Union[float, str]]"));
    bool load(handle src, bool) {
        using theracore::instruments::answer;
        if (!src) {
            return false;
        }
        if (src.is_none()) {
            value = answer();
            return true;
        }
        if (PyBool_Check(src.ptr())) {
            return false;
        }
        if (PyUnicode_Check(src.ptr())) {
            value = answer(src.cast<std::string>());
            return true;
        }
        if (PyFloat_Check(src.ptr()) || PyLong_Check(src.ptr()) || PyIndex_Check(src.ptr()) ||
            hasattr(src, "__float__")) {
            // numpy scalars arrive here; numpy.bool_ has __float__ too, so refuse it by name.
            const std::string type_name = str(type::handle_of(src).attr("__name__"));
            if (type_name == "bool_" || type_name == "bool") {
                return false;
            }
            value = answer(src.attr("__float__")().cast<double>());
            return true;
        }
        return false;
    }
    static handle cast(const theracore::instruments::answer& a, return_value_policy, handle) {
        if (a.is_number()) {
            return PyFloat_FromDouble(a.number());
        }
        if (a.is_text()) {
            return str(a.text()).release();
        }
        return none().release();
    }
};

}  // namespace pybind11::detail
