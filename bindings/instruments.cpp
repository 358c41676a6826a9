// SPDX-License-Identifier: Apache-2.0
// The instrument engine: the built-in catalog, Instrument, score() of one administration and
// batch scoring of numpy arrays and data-frame columns read in place, with the GIL released.
// Only conversion happens here: the scoring, the thread split and the status texts are the
// library's.
#include <map>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/io/json/instruments.hpp>

#include "arrays.hpp"
#include "common.hpp"

namespace theracore::python {

using namespace theracore::instruments;

instruments::element_type element_type_of(const py::dtype& dt, const std::string& what) {
    const char kind = dt.kind();
    const auto size = dt.itemsize();
    const bool native = dt.attr("isnative").cast<bool>();
    if (native && kind == 'f' && size == 8) {
        return element_type::f64;
    }
    if (native && kind == 'f' && size == 4) {
        return element_type::f32;
    }
    if (native && (kind == 'i' || kind == 'u')) {
        const bool s = kind == 'i';
        switch (size) {
            case 1:
                return s ? element_type::i8 : element_type::u8;
            case 2:
                return s ? element_type::i16 : element_type::u16;
            case 4:
                return s ? element_type::i32 : element_type::u32;
            case 8:
                return s ? element_type::i64 : element_type::u64;
            default:
                break;
        }
    }
    throw py::type_error(what + ": answers must be numbers (a float or integer dtype), got dtype " +
                         dt.attr("name").cast<std::string>());
}

instruments::column_view column_of(const py::array& a, const std::string& what) {
    if (a.ndim() != 1) {
        throw validation_error(
            "cannot score columns",
            {{what, "must be one-dimensional, got " + std::to_string(a.ndim()) + " dimensions"}});
    }
    return {a.data(), element_type_of(a.dtype(), what), a.strides(0)};
}

namespace {

/// Threads for score_rows_parallel: 0 (one per hardware thread) for None.
std::size_t thread_count(const py::object& threads) {
    if (threads.is_none()) {
        return 0;
    }
    const auto t = threads.cast<long long>();
    if (t < 1) {
        throw validation_error("invalid threads", {{"threads", "must be at least 1"}});
    }
    return static_cast<std::size_t>(t);
}

std::optional<std::int64_t> missing_code_of(const py::object& code) {
    if (code.is_none()) {
        return std::nullopt;
    }
    return code.cast<std::int64_t>();
}

scoring_plan plan_of(const instrument& inst, const std::optional<score_options>& options) {
    return options ? inst.compile(*options) : inst.plan();
}

/// The results as numpy arrays that own the result vectors.
py::dict to_arrays(batch_result&& r) {
    py::dict d;
    d["status"] = take<std::uint8_t>(std::move(r.status));
    d["first_invalid"] = take(std::move(r.first_invalid));
    d["answered"] = take(std::move(r.answered));
    d["missing"] = take(std::move(r.missing));
    d["flags"] = take(std::move(r.flags));
    d["flags_unknown"] = take(std::move(r.flags_unknown));
    d["cut_offs"] = take(std::move(r.cut_offs));
    for (auto& s : r.scales) {
        d[py::str(s.scale)] = take(std::move(s.value));
        d[py::str(s.scale + "_band")] = take(std::move(s.band));
        d[py::str(s.scale + "_status")] = take<std::uint8_t>(std::move(s.status));
        d[py::str(s.scale + "_prorated")] = take<bool>(std::move(s.prorated));
    }
    for (auto& x : r.derived) {
        d[py::str(x.rule)] = take(std::move(x.level));
        d[py::str(x.rule + "_determined")] = take<bool>(std::move(x.determined));
        d[py::str(x.rule + "_reached")] = take(std::move(x.reached));
    }
    return d;
}

py::dict score_view(const instrument& inst, const batch_view& view, bool strict,
                    const py::object& threads, const std::optional<score_options>& options) {
    const auto plan = plan_of(inst, options);
    const std::size_t t = thread_count(threads);
    auto out = make_batch_result(plan, view.rows());
    {
        py::gil_scoped_release release;
        score_rows_parallel(plan, view, out, t, {strict});
    }
    return to_arrays(std::move(out));
}

/// A 2-D array as a batch view (no copy; the array must outlive it). `summary` heads the
/// error for an array that is not two-dimensional.
batch_view view_of(const py::array& a, const py::object& missing_code, const char* summary) {
    if (a.ndim() != 2) {
        throw validation_error(summary, {{"array",
                                          "must be two-dimensional (N administrations × k items), "
                                          "got " +
                                              std::to_string(a.ndim()) + " dimensions"}});
    }
    const auto type = element_type_of(a.dtype(), "array");
    const auto rows = static_cast<std::size_t>(a.shape(0));
    const auto cols = static_cast<std::size_t>(a.shape(1));
    std::vector<column_view> columns(cols);
    const auto* base = static_cast<const unsigned char*>(a.data());
    for (std::size_t j = 0; j < cols; ++j) {
        columns[j] = {base + static_cast<std::ptrdiff_t>(j) * a.strides(1), type, a.strides(0)};
    }
    return batch_view(rows, std::move(columns), missing_code_of(missing_code));
}

py::dict score_many(const instrument& inst, const py::array& a, bool strict,
                    const py::object& missing_code, const py::object& threads,
                    const std::optional<score_options>& options) {
    const batch_view view = view_of(a, missing_code, "cannot score array");
    return score_view(inst, view, strict, threads, options);
}

py::dict score_columns(const instrument& inst, const py::list& arrays, bool strict,
                       const py::object& missing_code, const py::object& threads,
                       const std::optional<score_options>& options) {
    std::vector<column_view> columns;
    std::size_t rows = 0;
    problem_list problems;
    for (std::size_t j = 0; j < arrays.size(); ++j) {
        const auto a = arrays[j].cast<py::array>();
        const auto what = "columns[" + std::to_string(j) + "]";
        columns.push_back(column_of(a, what));
        const auto n = static_cast<std::size_t>(a.shape(0));
        if (j == 0) {
            rows = n;
        } else if (n != rows) {
            problems.push_back({what, "has " + std::to_string(n) + " rows; columns[0] has " +
                                          std::to_string(rows)});
        }
    }
    throw_if_invalid(problems, "cannot score columns");
    const batch_view view(rows, std::move(columns), missing_code_of(missing_code));
    return score_view(inst, view, strict, threads, options);
}

py::list band_table(const instrument& inst, const std::string& scale_id,
                    const std::optional<score_options>& options) {
    const auto* s = inst.find_scale(scale_id);
    if (!s) {
        throw not_found(inst.id() + " has no scale \"" + scale_id + "\"");
    }
    py::list out;
    if (s->band_sets.empty()) {
        return out;
    }
    const auto k = static_cast<std::size_t>(s - inst.scales().data());
    for (const auto& b : s->band_sets[plan_of(inst, options).band_set_index(k)].bands) {
        out.append(py::make_tuple(b.min, b.max, b.label));
    }
    return out;
}

/// The wire names of `E`'s values, by code.
template <class E>
py::tuple names_of() {
    constexpr auto table = describe_enum(E{});
    py::list out;
    for (const auto& entry : table.entries) {
        out.append(py::str(std::string(entry.second)));
    }
    return py::tuple(out);
}

template <class T, class F>
py::list ids_of(const std::vector<T>& v, F get) {
    py::list out;
    for (const auto& x : v) {
        out.append(get(x));
    }
    return out;
}

}  // namespace

void bind_instruments(py::module_& m) {
    bind_enum<licence_terms>(m, "LicenceTerms", "Under which terms an instrument may be used.");
    bind_enum<instruments::score_direction>(
        m, "InstrumentDirection", "Whether a higher score means more of the problem or better.");
    bind_enum<flag_severity>(m, "FlagSeverity", "How urgently a fired flag needs a clinician.");
    bind_enum<row_status>(m, "RowStatus", "Whether an administration could be scored.");
    bind_enum<scale_status>(m, "ScaleStatus", "Why a scale has (or has no) value.");
    bind_enum<rounding_rule>(m, "RoundingRule", "Rounding of a prorated scale value.");
    bind_enum<prorate_method>(m, "ProrateMethod", "How missing items are filled in.");
    bind_enum<answer_coding>(m, "AnswerCoding",
                             "Whether answers are form positions or item scores (after reverse "
                             "keying); they differ only on reverse-keyed items.");

    bind_struct<missing_rule>(m, "MissingRule",
                              "How many items a scale may miss and how the gap is filled.");
    bind_struct<coding_check>(m, "CodingCheck", "What a batch of answers says about their coding.");
    bind_struct<score_options>(m, "ScoreOptions",
                               "Choices when scoring; the defaults follow the definition.");
    bind_struct<responses>(m, "Responses",
                           "The answers of one administration, in form order or by item id.");
    bind_struct<score_provenance>(m, "ScoreProvenance", "Which definition and library scored.");
    bind_struct<scale_score>(m, "ScaleScore", "One scale's result.");
    bind_struct<fired_flag>(m, "FiredFlag", "A critical-item flag that fired.");
    bind_struct<derived_result>(m, "DerivedResult", "The outcome of a derived rule.");
    bind_struct<score_result>(m, "ScoreResult", "Everything scoring one administration yields.")
        .def(
            "validate", [](const score_result& r) { return problems(validate(r)); },
            "Every problem as (path, message) pairs; empty when valid.");

    py::class_<instrument>(m, "Instrument",
                           "A checked, compiled instrument definition. Immutable; shared "
                           "safely between threads.")
        .def_property_readonly("id", &instrument::id)
        .def_property_readonly("name", &instrument::name)
        .def_property_readonly("version", &instrument::version)
        .def_property_readonly("licence", &instrument::licence)
        .def_property_readonly("direction", &instrument::direction)
        .def_property_readonly("answers", &instrument::answers)
        .def_property_readonly("citation", [](const instrument& i) { return i.data().citation; })
        .def_property_readonly("item_ids",
                               [](const instrument& i) {
                                   return ids_of(i.items(), [](const item& x) { return x.id; });
                               })
        .def_property_readonly(
            "required_columns", [](const instrument& i) { return i.plan().required_columns(); },
            "How many leading item columns batch scoring needs (trailing unscored items may be "
            "left out).")
        .def_property_readonly("scale_ids",
                               [](const instrument& i) {
                                   return ids_of(i.scales(), [](const scale& x) { return x.id; });
                               })
        .def_property_readonly("total_scale",
                               [](const instrument& i) -> py::object {
                                   if (const auto* s = i.total()) {
                                       return py::str(s->id);
                                   }
                                   return py::none();
                               })
        .def_property_readonly("flag_ids",
                               [](const instrument& i) {
                                   return ids_of(i.flags(),
                                                 [](const flag_rule& x) { return x.id; });
                               })
        .def_property_readonly("derived_ids",
                               [](const instrument& i) {
                                   return ids_of(i.derived(),
                                                 [](const derived_rule& x) { return x.id; });
                               })
        .def_property_readonly("cut_off_ids",
                               [](const instrument& i) { return i.plan().cut_off_ids(); })
        .def("bands", &band_table, py::arg("scale"), py::arg("options") = py::none(),
             "The (min, max, label) bands reported for a scale; empty when it has none. Raises "
             "NotFoundError for an unknown scale.")
        .def(
            "score",
            [](const instrument& i, const std::map<std::string, answer>& by_item,
               const std::optional<score_options>& options) {
                return score(i, responses::keyed(by_item), options.value_or(score_options{}));
            },
            py::arg("answers"), py::arg("options") = py::none(),
            "Scores one administration given as {item id: answer}. Raises ValidationError "
            "listing every invalid answer.")
        .def(
            "score",
            [](const instrument& i, const std::vector<answer>& in_order,
               const std::optional<score_options>& options) {
                return score(i, responses::ordered(in_order), options.value_or(score_options{}));
            },
            py::arg("answers"), py::arg("options") = py::none(),
            "Scores one administration given in form order (None or NaN for missing).")
        .def(
            "score_responses",
            [](const instrument& i, const responses& r,
               const std::optional<score_options>& options) {
                return score(i, r, options.value_or(score_options{}));
            },
            py::arg("responses"), py::arg("options") = py::none())
        .def(
            "check_coding",
            [](const instrument& i, const py::array& a, const py::object& missing_code,
               std::optional<answer_coding> assumed, const std::string& scale) {
                return check_answer_coding(i, view_of(a, missing_code, "cannot read array"),
                                           assumed, scale);
            },
            py::arg("array"), py::arg("missing_code") = py::none(), py::arg("assumed") = py::none(),
            py::arg("scale") = "")
        .def("score_many", &score_many, py::arg("array"), py::arg("strict") = false,
             py::arg("missing_code") = py::none(), py::arg("threads") = py::none(),
             py::arg("options") = py::none(),
             "Scores an N x k array in place (GIL released). Returns a dict of numpy arrays.")
        .def("score_columns", &score_columns, py::arg("columns"), py::arg("strict") = false,
             py::arg("missing_code") = py::none(), py::arg("threads") = py::none(),
             py::arg("options") = py::none(),
             "Scores k equally long 1-D arrays (one per item, in form order) in place.")
        .def("to_dict", &to_dict<instrument>, "The definition in the instrument JSON format.")
        .def_static("from_dict", &from_dict<instrument>, py::arg("data"),
                    "Loads and checks a definition. Raises ParseError or ValidationError.")
        .def(py::self == py::self)
        .def(py::self != py::self)
        .def("__repr__",
             [](const instrument& i) {
                 return "Instrument(id='" + i.id() + "', version='" + i.version() + "')";
             })
        .def(py::pickle([](const instrument& i) { return io::to_json_string(i); },
                        [](const std::string& s) { return io::from_json_string<instrument>(s); }))
        .attr("__hash__") = py::none();

    m.def("row_status_names", &names_of<row_status>,
          "Names of the row status codes of score_many's \"status\" array, by code.");
    m.def("scale_status_names", &names_of<scale_status>,
          "Names of the scale status codes of score_many's \"<scale>_status\" arrays, by code.");
    m.def(
        "scale_status_texts",
        [] {
            py::list out;
            for (const auto& entry : describe_enum(scale_status{}).entries) {
                out.append(py::str(std::string(describe(entry.first))));
            }
            return py::tuple(out);
        },
        "The scale statuses as reasons read them (\"too many items missing\"), by code.");
    m.def(
        "invalid_answer_reason",
        [](const std::string& item) { return invalid_answer_reason(item); }, py::arg("item"),
        "The reason of an invalid row: \"invalid answer to <item>\".");
    m.def(
        "scale_reason",
        [](const std::string& scale, scale_status status) { return scale_reason(scale, status); },
        py::arg("scale"), py::arg("status"),
        "The reason of a row whose first unscored scale is `scale`: \"<scale>: <status text>\".");
    m.def(
        "undetermined_reason", [](const std::string& rule) { return undetermined_reason(rule); },
        py::arg("rule"),
        "The reason of a row whose derived rule is undetermined: \"<rule>: undetermined (missing "
        "answers)\".");

    m.def(
        "builtin_instrument_ids", [] { return builtin_catalog().ids(); },
        "Ids of the built-in instruments.");
    m.def(
        "builtin_instrument",
        [](const std::string& id) -> const instrument& { return builtin_catalog().at(id); },
        py::arg("id"), py::return_value_policy::reference,
        "A built-in instrument. Raises NotFoundError for an unknown id.");
}

}  // namespace theracore::python
