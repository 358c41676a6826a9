// SPDX-License-Identifier: Apache-2.0
#include <cmath>

#include "common.hpp"

namespace theracore::python {

py::object to_python(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::null:
            return py::none();
        case nlohmann::json::value_t::boolean:
            return py::bool_(j.get<bool>());
        case nlohmann::json::value_t::number_integer:
            return py::int_(j.get<long long>());
        case nlohmann::json::value_t::number_unsigned:
            return py::int_(j.get<unsigned long long>());
        case nlohmann::json::value_t::number_float:
            return py::float_(j.get<double>());
        case nlohmann::json::value_t::string:
            return py::str(j.get_ref<const std::string&>());
        case nlohmann::json::value_t::array: {
            py::list l;
            for (const auto& e : j) {
                l.append(to_python(e));
            }
            return std::move(l);
        }
        case nlohmann::json::value_t::object: {
            py::dict d;
            for (const auto& item : j.items()) {
                d[py::str(item.key())] = to_python(item.value());
            }
            return std::move(d);
        }
        default:
            throw py::type_error("JSON value of an unsupported type");
    }
}

nlohmann::json from_python(py::handle h) {
    if (h.is_none()) {
        return nullptr;
    }
    if (py::isinstance<py::bool_>(h)) {
        return h.cast<bool>();
    }
    if (py::isinstance<py::int_>(h)) {
        try {
            return h.cast<long long>();
        } catch (const py::cast_error&) {
            return h.cast<unsigned long long>();
        }
    }
    if (py::isinstance<py::float_>(h)) {
        const double d = h.cast<double>();
        if (!std::isfinite(d)) {
            throw py::value_error("JSON cannot hold " + py::repr(h).cast<std::string>());
        }
        return d;
    }
    if (py::isinstance<py::str>(h)) {
        return h.cast<std::string>();
    }
    if (py::isinstance<py::dict>(h)) {
        nlohmann::json j = nlohmann::json::object();
        for (const auto& item : h.cast<py::dict>()) {
            if (!py::isinstance<py::str>(item.first)) {
                throw py::type_error("dict keys must be str, got " +
                                     py::repr(item.first).cast<std::string>());
            }
            j[item.first.cast<std::string>()] = from_python(item.second);
        }
        return j;
    }
    if (py::isinstance<py::list>(h) || py::isinstance<py::tuple>(h)) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& e : h) {
            j.push_back(from_python(e));
        }
        return j;
    }
    // Enum members and dates are accepted where the wire format has a string.
    py::object enum_type = py::module_::import("enum").attr("Enum");
    if (py::isinstance(h, enum_type)) {
        return from_python(h.attr("value"));
    }
    if (py::hasattr(h, "isoformat")) {
        return h.attr("isoformat")().cast<std::string>();
    }
    throw py::type_error("cannot convert " + py::repr(h).cast<std::string>() + " to JSON");
}

}  // namespace theracore::python
