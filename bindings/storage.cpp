// SPDX-License-Identifier: Apache-2.0
// Storage from Python: the in-memory, SQLite and PostgreSQL stores and their transactions.
// Every registered record kind is reachable by name in its JSON form (insert_json, get_json,
// …); the record types of the people area's list (clients, clinicians, care episodes, intakes)
// also as their Python classes.
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/postgresql.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/sqlite.hpp>
#include <theracore/storage/store.hpp>

#include "common.hpp"

namespace theracore::python {

using namespace theracore::storage;

namespace {

/// The record types reachable from Python: those of the core model's registration list
/// (`THERACORE_PEOPLE_RECORDS`), each with a Python class of its own.
using python_records = people_records;

/// Calls `f(tag)` (`typename decltype(tag)::type` is the type) for the registered record type
/// whose Python class is `cls`.
template <class F>
py::object dispatch(const py::handle& cls, F&& f) {
    py::object result;
    bool found = false;
    std::string names;
    io::for_each_type(python_records{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        const py::type t = py::type::of<T>();
        names += (names.empty() ? "" : ", ") + t.attr("__name__").cast<std::string>();
        if (!found && cls.is(t)) {
            found = true;
            result = f(tag);
        }
    });
    if (!found) {
        throw py::type_error("not a stored record type: " + py::repr(cls).cast<std::string>() +
                             " (stored: " + names + ")");
    }
    return result;
}

/// Calls `f(tag)` for the registered record type of kind `kind` (every type of
/// `storage::record_types`, whether or not it has a Python class).
template <class F>
py::object dispatch_kind(const std::string& kind, F&& f) {
    py::object result;
    bool found = false;
    std::string kinds;
    io::for_each_type(record_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        kinds += (kinds.empty() ? "" : ", ") + std::string(record_traits<T>::kind);
        if (!found && kind == record_traits<T>::kind) {
            found = true;
            result = f(tag);
        }
    });
    if (!found) {
        throw py::value_error("not a stored record kind: \"" + kind + "\" (kinds: " + kinds + ")");
    }
    return result;
}

/// A record of type T from a JSON-compatible Python value (a dict, as `json.loads` gives).
template <class T>
T from_python_json(const py::handle& value) {
    const auto text = py::module_::import("json").attr("dumps")(value).cast<std::string>();
    return io::from_json_string<T>(text);
}

/// The JSON form of a record, as a Python dict.
template <class T>
py::object to_python_json(const T& value) {
    return py::module_::import("json").attr("loads")(io::to_json_string(value));
}

template <class T>
py::tuple versioned_json(const versioned<T>& v) {
    return py::make_tuple(to_python_json(v.value), v.meta);
}

template <class T>
void bind_versioned(py::module_& m, const std::string& class_name) {
    // pybind11 keeps the name it is given; the names live as long as the module.
    static std::deque<std::string> names;
    const char* name = names.emplace_back(class_name).c_str();
    py::class_<versioned<T>>(m, name, "A record as read from a store, with its bookkeeping.")
        .def_property_readonly(
            "value", [](versioned<T>& v) -> T& { return v.value; },
            py::return_value_policy::reference_internal)
        .def_property_readonly("meta", [](const versioned<T>& v) { return v.meta; })
        .def_property_readonly("revision", &versioned<T>::revision)
        .def_property_readonly("deleted", &versioned<T>::deleted)
        .def("__repr__", [name](py::object self) {
            return std::string(name) +
                   "(value=" + py::repr(self.attr("value")).cast<std::string>() +
                   ", revision=" + py::repr(self.attr("revision")).cast<std::string>() + ")";
        });
}

template <class T, class Tx>
void bind_record_writes(Tx& tx) {
    tx.def(
          "insert", [](transaction& t, const T& r) { return t.insert(r); }, py::arg("record"),
          "Stores a new record at revision 1. Raises ValidationError, ConflictError.")
        .def(
            "insert_all", [](transaction& t, const std::vector<T>& rs) { t.insert_all(rs); },
            py::arg("records"), "Stores new records, all or none.")
        .def(
            "update",
            [](transaction& t, const T& r, std::int64_t revision) { return t.update(r, revision); },
            py::arg("record"), py::arg("expected_revision"),
            "Replaces a record read at expected_revision; returns the new revision. Raises "
            "ConflictError when it has moved on.")
        .def(
            "update", [](transaction& t, const versioned<T>& v) { return t.update(v); },
            py::arg("versioned"));
}

}  // namespace

void bind_storage(py::module_& m) {
    py::class_<deletion_info>(m, "DeletionInfo", "Who deleted a record, when and why.")
        .def_readonly("by", &deletion_info::by)
        .def_readonly("at", &deletion_info::at)
        .def_readonly("reason", &deletion_info::reason);
    py::class_<record_meta>(m, "RecordMeta", "The bookkeeping a store keeps beside a record.")
        .def_readonly("revision", &record_meta::revision)
        .def_readonly("created_at", &record_meta::created_at)
        .def_readonly("created_by", &record_meta::created_by)
        .def_readonly("updated_at", &record_meta::updated_at)
        .def_readonly("updated_by", &record_meta::updated_by)
        .def_readonly("deleted", &record_meta::deleted);
    py::class_<journal_entry>(m, "JournalEntry", "A purge, hard delete, restore or audit entry.")
        .def_readonly("sequence", &journal_entry::sequence)
        .def_readonly("at", &journal_entry::at)
        .def_readonly("actor", &journal_entry::actor)
        .def_readonly("category", &journal_entry::category)
        .def_readonly("kind", &journal_entry::kind)
        .def_readonly("record_id", &journal_entry::record_id)
        .def_readonly("revision", &journal_entry::revision)
        .def_readonly("detail", &journal_entry::detail);
    io::for_each_type(python_records{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        const py::type cls = py::type::of<T>();
        bind_versioned<T>(m, "Versioned" + cls.attr("__name__").cast<std::string>());
    });

    py::class_<transaction, std::unique_ptr<transaction>> tx(
        m, "Transaction",
        "A unit of work: commit() makes it durable; used as a context manager it commits on "
        "success and rolls back on an exception. Not thread-safe.");
    io::for_each_type(python_records{},
                      [&](auto tag) { bind_record_writes<typename decltype(tag)::type>(tx); });
    tx.def(
          "get",
          [](transaction& t, const py::type& cls, const std::string& id, bool include_deleted) {
              const auto v = include_deleted ? visibility::include_deleted : visibility::live;
              return dispatch(cls, [&](auto k) {
                  using T = typename decltype(k)::type;
                  return py::cast(t.get<T>(id_of<T>(id), v));
              });
          },
          py::arg("type"), py::arg("id"), py::arg("include_deleted") = false,
          "The record of this type and id. Raises NotFoundError.")
        .def(
            "find",
            [](transaction& t, const py::type& cls, const std::string& id) {
                return dispatch(cls, [&](auto k) -> py::object {
                    using T = typename decltype(k)::type;
                    auto r = t.find<T>(id_of<T>(id));
                    return r ? py::cast(std::move(*r)) : py::none();
                });
            },
            py::arg("type"), py::arg("id"), "The record, or None.")
        .def(
            "list",
            [](transaction& t, const py::type& cls, bool include_deleted) {
                return dispatch(cls, [&](auto k) {
                    using T = typename decltype(k)::type;
                    return py::cast(t.list<T>(include_deleted ? deleted_records::included
                                                              : deleted_records::excluded));
                });
            },
            py::arg("type"), py::arg("include_deleted") = false, "Every record of a type, by id.")
        .def(
            "remove",
            [](transaction& t, const py::type& cls, const std::string& id, std::int64_t revision,
               const std::string& reason) {
                return dispatch(cls, [&](auto k) {
                    using T = typename decltype(k)::type;
                    return py::cast(t.remove<T>(id_of<T>(id), revision, reason));
                });
            },
            py::arg("type"), py::arg("id"), py::arg("expected_revision"), py::arg("reason"),
            "Deletes (soft for clinical records); returns the new revision.")
        .def(
            "restore",
            [](transaction& t, const py::type& cls, const std::string& id, std::int64_t revision,
               const std::string& reason) {
                return dispatch(cls, [&](auto k) {
                    using T = typename decltype(k)::type;
                    return py::cast(t.restore<T>(id_of<T>(id), revision, reason));
                });
            },
            py::arg("type"), py::arg("id"), py::arg("expected_revision"), py::arg("reason"))
        .def(
            "purge",
            [](transaction& t, const py::type& cls, const std::string& id, std::int64_t revision,
               const std::string& reason) {
                return dispatch(cls, [&](auto k) {
                    using T = typename decltype(k)::type;
                    t.purge<T>(id_of<T>(id), revision, reason);
                    return py::none();
                });
            },
            py::arg("type"), py::arg("id"), py::arg("expected_revision"), py::arg("reason"))
        // Every registered kind, by its name and its JSON form (the wire format of the
        // fixtures and of docs/*.schema.json): derived from storage::record_types, so a kind
        // added there is reachable from Python at once, with or without a class of its own.
        .def(
            "insert_json",
            [](transaction& t, const std::string& kind, const py::object& record) {
                return dispatch_kind(kind, [&](auto k) {
                    using T = typename decltype(k)::type;
                    return py::cast(t.insert(from_python_json<T>(record)));
                });
            },
            py::arg("kind"), py::arg("record"),
            "Stores a new record of this kind from its JSON form (a dict) at revision 1; returns "
            "the revision. Raises ValueError for an unknown kind, ParseError, ValidationError, "
            "ConflictError.")
        .def(
            "update_json",
            [](transaction& t, const std::string& kind, const py::object& record,
               std::int64_t revision) {
                return dispatch_kind(kind, [&](auto k) {
                    using T = typename decltype(k)::type;
                    return py::cast(t.update(from_python_json<T>(record), revision));
                });
            },
            py::arg("kind"), py::arg("record"), py::arg("expected_revision"),
            "Replaces a record read at expected_revision with this JSON form; returns the new "
            "revision. Raises ConflictError when it has moved on.")
        .def(
            "get_json",
            [](transaction& t, const std::string& kind, const std::string& id,
               bool include_deleted) {
                const auto v = include_deleted ? visibility::include_deleted : visibility::live;
                return dispatch_kind(kind, [&](auto k) -> py::object {
                    using T = typename decltype(k)::type;
                    return versioned_json(t.get<T>(id_of<T>(id), v));
                });
            },
            py::arg("kind"), py::arg("id"), py::arg("include_deleted") = false,
            "(record as a dict, RecordMeta) of this kind and id. Raises NotFoundError.")
        .def(
            "list_json",
            [](transaction& t, const std::string& kind, bool include_deleted) {
                return dispatch_kind(kind, [&](auto k) -> py::object {
                    using T = typename decltype(k)::type;
                    py::list out;
                    for (const auto& v : t.list<T>(include_deleted ? deleted_records::included
                                                                   : deleted_records::excluded)) {
                        out.append(versioned_json(v));
                    }
                    return out;
                });
            },
            py::arg("kind"), py::arg("include_deleted") = false,
            "Every record of a kind, by id, as (dict, RecordMeta).")
        .def(
            "remove",
            [](transaction& t, const std::string& kind, const std::string& id,
               std::int64_t revision, const std::string& reason) {
                return dispatch_kind(kind, [&](auto k) {
                    using T = typename decltype(k)::type;
                    return py::cast(t.remove<T>(id_of<T>(id), revision, reason));
                });
            },
            py::arg("kind"), py::arg("id"), py::arg("expected_revision"), py::arg("reason"),
            "Deletes a record named by its kind (soft for clinical records).")
        .def(
            "clients_by_name_prefix",
            [](transaction& t, const std::string& prefix) {
                return t.query(clients_by_name_prefix(prefix));
            },
            py::arg("prefix"), "Clients any of whose names starts with prefix (case-folded).")
        .def(
            "clinicians_by_name_prefix",
            [](transaction& t, const std::string& prefix) {
                return t.query(clinicians_by_name_prefix(prefix));
            },
            py::arg("prefix"))
        .def(
            "episodes_of_client",
            [](transaction& t, const std::string& c) {
                return t.query(episodes_of_client(client_id(c)));
            },
            py::arg("client"))
        .def(
            "episodes_of_clinician",
            [](transaction& t, const std::string& k) {
                return t.query(episodes_of_clinician(clinician_id(k)));
            },
            py::arg("clinician"))
        .def(
            "intakes_of_client",
            [](transaction& t, const std::string& c) {
                return t.query(intakes_of_client(client_id(c)));
            },
            py::arg("client"))
        .def(
            "journal",
            [](transaction& t, const std::optional<std::string>& category,
               const std::optional<std::string>& record_id) {
                journal_filter f;
                f.category = category;
                f.record_id = record_id;
                return t.journal(f);
            },
            py::arg("category") = py::none(), py::arg("record_id") = py::none())
        .def("commit", &transaction::commit, "Raises ConflictError when it cannot commit.")
        .def("rollback", &transaction::rollback)
        .def_property_readonly("active", &transaction::active)
        .def_property_readonly("actor", [](const transaction& t) { return t.who().id; })
        .def("__enter__", [](py::object self) { return self; })
        .def(
            "__exit__",
            [](transaction& t, const py::object& exc_type, const py::object&, const py::object&) {
                if (exc_type.is_none() && t.active()) {
                    t.commit();
                } else {
                    t.rollback();
                }
                return false;
            },
            py::arg("exc_type"), py::arg("exc"), py::arg("traceback"));

    py::class_<store, std::unique_ptr<store>>(m, "Store",
                                              "A store of records. Thread-safe; it must outlive "
                                              "its transactions (they keep it alive).")
        .def_property_readonly("backend", &store::backend)
        .def(
            "begin",
            [](store& s, const std::string& actor_id, bool read_only) {
                return std::make_unique<transaction>(s.begin(
                    actor{actor_id}, read_only ? access_mode::read_only : access_mode::read_write));
            },
            py::arg("actor"), py::arg("read_only") = false, py::keep_alive<0, 1>(),
            "Starts a transaction on behalf of actor (a user or service id).");

    m.def(
        "record_kinds",
        [] {
            std::vector<std::string> kinds;
            io::for_each_type(record_types{}, [&](auto tag) {
                kinds.emplace_back(record_traits<typename decltype(tag)::type>::kind);
            });
            return kinds;
        },
        "The kind of every record type a store keeps (storage::record_types), for the *_json "
        "methods of Transaction.");
    m.def(
        "record_id",
        [](const std::string& kind, const py::object& record) {
            return dispatch_kind(kind, [&](auto k) {
                using T = typename decltype(k)::type;
                return py::cast(
                    std::string(record_traits<T>::id(from_python_json<T>(record)).str()));
            });
        },
        py::arg("kind"), py::arg("record"),
        "The id a store keeps a record of this kind under (some kinds derive it: a behaviour "
        "diary from its client, a rule set from its name).");
    m.def("memory_store", &make_memory_store, "A store that keeps everything in memory.");
    m.def(
        "sqlite_store",
        [](const std::string& path, bool full_sync) {
            sqlite_options o;
            o.path = path;
            o.full_sync = full_sync;
            return make_sqlite_store(o);
        },
        py::arg("path"), py::arg("full_sync") = true,
        "Opens (creating and migrating) an SQLite store; ':memory:' for a private one.");
    m.def(
        "postgresql_store",
        [](const std::string& dsn, const std::string& schema) {
            postgresql_options o;
            o.conninfo = dsn;
            o.schema = schema;
            return make_postgresql_store(o);
        },
        py::arg("dsn"), py::arg("schema") = "theracore",
        "Connects to PostgreSQL (a libpq connection string or URI).");
}

}  // namespace theracore::python
