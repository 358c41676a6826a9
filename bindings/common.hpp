// SPDX-License-Identifier: Apache-2.0
// Shared machinery of the bindings: type casters (dates, instants, ids, enums), JSON <-> Python
// conversion, and one generic binder for described value types. No clinical logic lives here:
// the bindings only convert.
#pragma once

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include <theracore/enum.hpp>
#include <theracore/id.hpp>
#include <theracore/io/json.hpp>
#include <theracore/io/json_core.hpp>  // to_dict/from_dict of types without compiled adapters
#include <theracore/time.hpp>

namespace py = pybind11;

namespace theracore::python {

/// The Python enum.Enum class created for the C++ enum E (see bind_enum).
template <class E>
py::object& enum_class() {
    // Set once at import by bind_enum. Leaked on purpose: a static py::object would be released
    // after the interpreter is gone.
    static py::object* cls = new py::object();
    return *cls;
}

/// Creates a real Python `enum.Enum` named `name` whose members are E's wire names (member
/// name == value == wire name), and registers it with the caster below.
template <class E>
void bind_enum(py::module_& m, const char* name, const char* doc) {
    constexpr auto table = describe_enum(E{});
    py::list members;
    for (const auto& entry : table.entries) {
        const std::string wire(entry.second);
        members.append(py::make_tuple(wire, wire));
    }
    py::object cls = py::module_::import("enum").attr("Enum")(name, members);
    cls.attr("__module__") = m.attr("__name__");
    cls.attr("__qualname__") = name;
    cls.attr("__doc__") = doc;
    m.attr(name) = cls;
    enum_class<E>() = cls;
}

/// nlohmann::json -> Python (dict, list, str, int, float, bool, None).
py::object to_python(const nlohmann::json& j);
/// Python -> nlohmann::json; raises TypeError for values JSON cannot hold.
nlohmann::json from_python(py::handle h);

template <class T>
py::dict to_dict(const T& value) {
    return to_python(io::to_json_value(value));
}

template <class T>
T from_dict(const py::dict& d) {
    return io::from_json_value<T>(from_python(d));
}

namespace detail {

template <class T>
struct described_fields {
    // Field names, read once from a default value (describe only takes references).
    static std::vector<std::string> names() {
        T probe{};
        std::vector<std::string> out;
        theracore::detail::for_each_field(probe, [&](auto f) { out.emplace_back(f.name); });
        return out;
    }
};

template <class T, std::size_t I>
auto& field_ref(T& v) {
    return std::get<I>(T::describe(v)).ref;
}

/// Assigns keyword arguments to the described fields of `v`; unknown names raise TypeError.
template <class T>
void assign_kwargs(T& v, const py::kwargs& kw, const char* type_name) {
    std::size_t used = 0;
    theracore::detail::for_each_field(v, [&](auto f) {
        using F = std::decay_t<decltype(f.ref)>;
        if (kw.contains(f.name)) {
            py::object arg = kw[f.name];
            try {
                f.ref = arg.template cast<F>();
            } catch (const py::cast_error&) {
                // The caster's descriptor names the type; '%' marks nested types it fills in
                // elsewhere.
                std::string expected = py::detail::make_caster<F>::name.text;
                for (auto pos = expected.find('%'); pos != std::string::npos;
                     pos = expected.find('%')) {
                    expected.replace(pos, 1, "...");
                }
                throw py::type_error(std::string(type_name) + "." + f.name + ": expected " +
                                     expected + ", got " +
                                     py::repr(arg).template cast<std::string>());
            }
            ++used;
        }
    });
    if (used != kw.size()) {
        const auto names = described_fields<T>::names();
        for (const auto& item : kw) {
            const auto key = item.first.cast<std::string>();
            if (std::find(names.begin(), names.end(), key) == names.end()) {
                throw py::type_error(std::string(type_name) +
                                     "() got an unexpected keyword argument '" + key + "'");
            }
        }
    }
}

template <class T>
std::string repr(const py::object& self, const char* type_name) {
    std::string s = std::string(type_name) + "(";
    bool first = true;
    for (const auto& name : described_fields<T>::names()) {
        py::object v = self.attr(name.c_str());
        if (v.is_none() || (py::isinstance<py::list>(v) && py::len(v) == 0)) {
            continue;
        }
        s += (first ? "" : ", ") + name + "=" + py::repr(v).cast<std::string>();
        first = false;
    }
    return s + ")";
}

template <class Class, class T, std::size_t... I>
void def_field_properties(Class& cls, std::index_sequence<I...>, bool writable) {
    const auto names = described_fields<T>::names();
    (
        [&] {
            using F = std::decay_t<decltype(field_ref<T, I>(std::declval<T&>()))>;
            // Returning F& with reference_internal lets `client.legal_name.text = …` change the
            // client itself, and gives the stubs the field's real type.
            auto get = [](T& v) -> F& { return field_ref<T, I>(v); };
            if (writable) {
                cls.def_property(
                    names[I].c_str(), get,
                    [](T& v, F value) { field_ref<T, I>(v) = std::move(value); },
                    py::return_value_policy::reference_internal);
            } else {
                cls.def_property_readonly(names[I].c_str(), get,
                                          py::return_value_policy::reference_internal);
            }
        }(),
        ...);
}

/// Read-only properties of a validated class, one per field of `T::fields` (copies: the class
/// must not be changed behind its invariants).
template <class Class, class T, std::size_t... I>
void def_validated_properties(Class& cls, std::index_sequence<I...>) {
    using F = typename T::fields;
    const auto names = described_fields<F>::names();
    (cls.def_property_readonly(names[I].c_str(),
                               [](const T& v) {
                                   F copy = v.data();
                                   return std::move(field_ref<F, I>(copy));
                               }),
     ...);
}

}  // namespace detail

/// Binds a described struct: keyword constructor, a property per field, ==, repr,
/// to_dict()/from_dict() in the JSON wire format, and pickling (needed by Dask workers).
template <class T>
py::class_<T> bind_struct(py::module_& m, const char* name, const char* doc) {
    py::class_<T> cls(m, name, doc);
    cls.def(py::init([name](const py::kwargs& kw) {
                T v{};
                detail::assign_kwargs(v, kw, name);
                return v;
            }),
            "Keyword arguments name the fields; omitted fields keep their defaults.");
    using tuple_t = decltype(T::describe(std::declval<T&>()));
    detail::def_field_properties<py::class_<T>, T>(
        cls, std::make_index_sequence<std::tuple_size_v<tuple_t>>{}, true);
    cls.def(py::self == py::self);
    cls.def(py::self != py::self);
    cls.def("__repr__", [name](py::object self) { return detail::repr<T>(self, name); });
    cls.def("to_dict", &to_dict<T>, "The value in TheraCore's JSON wire format, as a dict.");
    cls.def_static("from_dict", &from_dict<T>, py::arg("data"),
                   "Reads the JSON wire format. Raises ParseError or ValidationError.");
    cls.def(py::pickle([](const T& v) { return io::to_json_string(v); },
                       [](const std::string& s) { return io::from_json_string<T>(s); }));
    cls.attr("__hash__") = py::none();
    return cls;
}

/// Binds a class with invariants (`T::fields`, `T::create`): read-only properties, a
/// `create(**fields)` factory that validates, ==, repr, to_dict/from_dict and pickling.
template <class T>
py::class_<T> bind_validated(py::module_& m, const char* name, const char* doc) {
    using F = typename T::fields;
    py::class_<T> cls(m, name, doc);
    cls.def_static(
        "create",
        [name](const py::kwargs& kw) {
            F f{};
            detail::assign_kwargs(f, kw, name);
            return T::create(std::move(f));
        },
        "Builds a checked value from keyword fields. Raises ValidationError listing every "
        "problem.");
    using tuple_t = decltype(F::describe(std::declval<F&>()));
    detail::def_validated_properties<py::class_<T>, T>(
        cls, std::make_index_sequence<std::tuple_size_v<tuple_t>>{});
    cls.def(py::self == py::self);
    cls.def(py::self != py::self);
    cls.def("__repr__", [name](py::object self) { return detail::repr<F>(self, name); });
    cls.def("to_dict", &to_dict<T>, "The value in TheraCore's JSON wire format, as a dict.");
    cls.def_static("from_dict", &from_dict<T>, py::arg("data"),
                   "Reads the JSON wire format. Raises ParseError or ValidationError.");
    cls.def(py::pickle([](const T& v) { return io::to_json_string(v); },
                       [](const std::string& s) { return io::from_json_string<T>(s); }));
    cls.attr("__hash__") = py::none();
    return cls;
}

/// A problem list as Python (path, message) tuples.
inline py::list problems(const problem_list& ps) {
    py::list out;
    for (const auto& p : ps) {
        out.append(py::make_tuple(p.path, p.message));
    }
    return out;
}

void bind_errors(py::module_& m);
void bind_model(py::module_& m);
void bind_instruments(py::module_& m);
void bind_outcomes(py::module_& m);
void bind_records(py::module_& m);
void bind_storage(py::module_& m);

}  // namespace theracore::python

namespace pybind11::detail {

/// The datetime module's classes, looked up once (attribute access keeps CPython's C macros,
/// with their old-style casts, out of our -Werror build).
inline object& py_datetime_module() {
    // Leaked on purpose: a static py::object would be released after the interpreter is gone.
    static object* mod = new object(module_::import("datetime"));
    return *mod;
}

/// theracore::date <-> datetime.date
template <>
struct type_caster<theracore::date> {
    PYBIND11_TYPE_CASTER(theracore::date, const_name("datetime.date"));
    bool load(handle src, bool) {
        object& dt = py_datetime_module();
        // A datetime is also a date; refuse it so the caller chooses what they mean.
        if (!src || !isinstance(src, dt.attr("date")) || isinstance(src, dt.attr("datetime"))) {
            return false;
        }
        value = theracore::date(src.attr("year").cast<unsigned short>(),
                                src.attr("month").cast<unsigned short>(),
                                src.attr("day").cast<unsigned short>());
        return true;
    }
    static handle cast(const theracore::date& d, return_value_policy, handle) {
        if (d.is_special()) {
            return none().release();
        }
        const auto ymd = d.year_month_day();
        return py_datetime_module()
            .attr("date")(static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                          static_cast<int>(ymd.day))
            .release();
    }
};

/// theracore::instant (UTC) <-> timezone-aware datetime.datetime. Naive datetimes are refused:
/// an instant must say where it was measured.
template <>
struct type_caster<theracore::instant> {
    PYBIND11_TYPE_CASTER(theracore::instant, const_name("datetime.datetime"));
    bool load(handle src, bool) {
        object& dt = py_datetime_module();
        if (!src || !isinstance(src, dt.attr("datetime"))) {
            return false;
        }
        if (src.attr("tzinfo").is_none()) {
            throw value_error(
                "naive datetime: pass a timezone-aware datetime (e.g. tzinfo=timezone.utc)");
        }
        object u = src.attr("astimezone")(dt.attr("timezone").attr("utc"));
        using namespace boost::posix_time;
        value = theracore::instant(theracore::date(u.attr("year").cast<unsigned short>(),
                                                   u.attr("month").cast<unsigned short>(),
                                                   u.attr("day").cast<unsigned short>()),
                                   hours(u.attr("hour").cast<int>()) +
                                       minutes(u.attr("minute").cast<int>()) +
                                       seconds(u.attr("second").cast<int>()) +
                                       microseconds(u.attr("microsecond").cast<int>()));
        return true;
    }
    static handle cast(const theracore::instant& t, return_value_policy, handle) {
        if (t.is_special()) {
            return none().release();
        }
        const auto ymd = t.date().year_month_day();
        const auto tod = t.time_of_day();
        object& dt = py_datetime_module();
        return dt
            .attr("datetime")(
                static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day),
                static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()),
                static_cast<int>(tod.seconds()),
                static_cast<int>(tod.fractional_seconds() * (1000000 / tod.ticks_per_second())),
                dt.attr("timezone").attr("utc"))
            .release();
    }
};

/// Strong ids <-> str (the kind is checked by C++ signatures, not by Python).
template <class Tag>
struct type_caster<theracore::basic_id<Tag>> {
    PYBIND11_TYPE_CASTER(theracore::basic_id<Tag>, const_name("str"));
    bool load(handle src, bool) {
        if (!src || !PyUnicode_Check(src.ptr())) {
            return false;
        }
        value = theracore::basic_id<Tag>(src.cast<std::string>());
        return true;
    }
    static handle cast(const theracore::basic_id<Tag>& id, return_value_policy, handle) {
        return str(id.str()).release();
    }
};

/// Described enums <-> members of the enum.Enum made by bind_enum (or their wire-name str).
template <class E>
struct type_caster<E, std::enable_if_t<theracore::is_described_enum_v<E>>> {
    PYBIND11_TYPE_CASTER(E, const_name("enum.Enum"));
    bool load(handle src, bool) {
        object& cls = theracore::python::enum_class<E>();
        std::string wire;
        if (cls && isinstance(src, cls)) {
            wire = src.attr("value").cast<std::string>();
        } else if (src && PyUnicode_Check(src.ptr())) {
            wire = src.cast<std::string>();
        } else {
            return false;
        }
        const auto v = theracore::enum_from_string<E>(wire);
        if (!v) {
            throw value_error("'" + wire + "' is not one of " + theracore::enum_choices<E>());
        }
        value = *v;
        return true;
    }
    static handle cast(E e, return_value_policy, handle) {
        return theracore::python::enum_class<E>()(std::string(theracore::to_string(e))).release();
    }
};

}  // namespace pybind11::detail
