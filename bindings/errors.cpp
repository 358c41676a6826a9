// SPDX-License-Identifier: Apache-2.0
// Maps theracore's C++ exceptions to the Python classes of theracore.errors (defined in Python,
// so they can inherit from ValueError, KeyError and PermissionError).
#include "common.hpp"

#include <theracore/error.hpp>
#include <theracore/instruments/score.hpp>

namespace theracore::python {

namespace {

/// Sets the Python error to theracore.errors.<cls_name>(*args); translators must set the error
/// and return.
void raise(const char* cls_name, const py::tuple& args) {
    py::object cls = py::module_::import("theracore.errors").attr(cls_name);
    py::object exc = cls(*args);
    PyErr_SetObject(cls.ptr(), exc.ptr());
}

const char* storage_category(storage_errc c) {
    switch (c) {
        case storage_errc::unavailable:
            return "unavailable";
        case storage_errc::busy:
            return "busy";
        case storage_errc::constraint:
            return "constraint";
        case storage_errc::schema_mismatch:
            return "schema_mismatch";
        case storage_errc::corrupt:
            return "corrupt";
        case storage_errc::io:
            return "io";
        case storage_errc::other:
            return "other";
    }
    return "other";
}

}  // namespace

void bind_errors(py::module_&) {
    py::register_exception_translator([](std::exception_ptr p) {
        if (!p) {
            return;
        }
        try {
            std::rethrow_exception(p);
        } catch (const instruments::invalid_responses& e) {
            py::list fired;
            for (const auto& f : e.flags()) {
                fired.append(f.id);
            }
            raise("InvalidResponsesError", py::make_tuple(e.what(), problems(e.problems()), fired,
                                                          py::cast(e.flags_not_evaluated())));
        } catch (const validation_error& e) {
            raise("ValidationError", py::make_tuple(e.what(), problems(e.problems())));
        } catch (const parse_error& e) {
            raise("ParseError", py::make_tuple(e.what(), e.path(), e.reason()));
        } catch (const not_found& e) {
            raise("NotFoundError", py::make_tuple(e.what()));
        } catch (const conflict& e) {
            raise("ConflictError", py::make_tuple(e.what()));
        } catch (const access_denied& e) {
            raise("AccessDeniedError", py::make_tuple(e.what()));
        } catch (const storage_error& e) {
            raise("StorageError",
                  py::make_tuple(e.what(), storage_category(e.category()), e.native_code()));
        } catch (const error& e) {
            raise("TheraCoreError", py::make_tuple(e.what()));
        }
    });
}

}  // namespace theracore::python
