// SPDX-License-Identifier: Apache-2.0
// The private extension module theracore._core. It only calls one bind_* per concept; the
// public package is python/theracore/.
#include "common.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "TheraCore's compiled core. Import `theracore`, not this module.";
    m.attr("__version__") = theracore::version_string;
    theracore::python::bind_errors(m);
    theracore::python::bind_model(m);
    theracore::python::bind_instruments(m);
    theracore::python::bind_outcomes(m);
    theracore::python::bind_records(m);
    theracore::python::bind_storage(m);
}
